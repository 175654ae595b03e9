#!/usr/bin/env bash
# Build Eligo (in _build/) and start the GUI uninstalled.
# Usage: build-aux/run.sh [ARGS passed to eligo...]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=build-aux/deps.sh
. "$root/build-aux/deps.sh"

ensure_packages "${ELIGO_BUILD_PACKAGES[@]}"

# The app is installed into a prefix inside its own build tree, so that it
# finds its translations (bound to PREFIX/share/locale at build time), its
# compiled settings schema, icons and desktop file just as when installed.
# _build is left to build-aux/test.sh (warnings as errors).
builddir=_build-run
prefix="$root/$builddir/inst"
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  echo "Reusing existing build directory $builddir" >&2
  meson configure "$builddir" --prefix="$prefix" >/dev/null
else
  meson setup "$builddir" --prefix="$prefix"
fi
meson compile -C "$builddir"
meson install -C "$builddir" --quiet --no-rebuild

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "error: no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the Eligo window cannot open." >&2
  echo "Run this from a graphical desktop session (the command-line tool is at $prefix/bin/eligo-cli)." >&2
  exit 1
fi

app="$prefix/bin/eligo"
if [ ! -x "$app" ]; then
  echo "error: $app was not installed" >&2
  exit 1
fi

schemas="$prefix/share/glib-2.0/schemas"
glib-compile-schemas "$schemas"
export GSETTINGS_SCHEMA_DIR="$schemas"
export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
exec "$app" "$@"
