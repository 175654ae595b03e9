#!/usr/bin/env bash
# Build Eligo (in _build/) and start the GUI uninstalled.
# Usage: build-aux/run.sh [ARGS passed to eligo...]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=build-aux/deps.sh
. "$root/build-aux/deps.sh"

ensure_packages "${ELIGO_BUILD_PACKAGES[@]}"

builddir=_build
if [ -f "$builddir/meson-private/coredata.dat" ]; then
  echo "Reusing existing build directory $builddir" >&2
else
  meson setup "$builddir"
fi
meson compile -C "$builddir"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "error: no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the Eligo window cannot open." >&2
  echo "Run this from a graphical desktop session (the command-line tool is at $builddir/src/cli/eligo-cli)." >&2
  exit 1
fi

app="$root/$builddir/src/gui/eligo"
if [ ! -x "$app" ]; then
  echo "error: $app was not built" >&2
  exit 1
fi

# The build compiles the GSettings schemas into _build/data, so the app can
# run without being installed.
export GSETTINGS_SCHEMA_DIR="$root/$builddir/data"
exec "$app" "$@"
