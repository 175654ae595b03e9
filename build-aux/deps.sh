# shellcheck shell=bash
# Shared helpers for build-aux/run.sh and build-aux/test.sh.
# Source this file; it defines package lists and functions, nothing runs.
#
# Target system: Debian 12 (bookworm).

# Debian packages needed to build and run Eligo.
# shellcheck disable=SC2034  # used by the scripts that source this file
ELIGO_BUILD_PACKAGES=(
  libgtk-4-dev
  libjson-glib-dev
  libsqlite3-dev
  libsoup-3.0-dev        # the registry client (fetch, refresh, search)
  glib-networking        # TLS for libsoup: the registry is https only
  meson
  ninja-build
  gcc
  pkg-config
  gettext
  librsvg2-common        # GTK only recommends these, and without them icons
  adwaita-icon-theme     # (SVG) fail to load: test.sh installs without
  shared-mime-info       # recommends, so name them
  libglib2.0-bin
  libglib2.0-dev-bin
  libxml2-utils
  desktop-file-utils
  appstream
)

# Extra Debian packages needed to run the test suite.
# shellcheck disable=SC2034
ELIGO_TEST_PACKAGES=(
  xvfb
  xauth
  poppler-utils
  fonts-noto-cjk
  locales
  imagemagick
  python3
)

# Extra Debian packages for the libFuzzer targets (build-aux/fuzz.sh and
# the fuzz stage of test.sh): clang with its libFuzzer and sanitizer
# runtimes, llvm-symbolizer for readable stack traces.
# shellcheck disable=SC2034
ELIGO_FUZZ_PACKAGES=(
  clang
  libfuzzer-14-dev
  llvm-14
)

# Locales the tests switch to (names as printed by `locale -a`, and as
# written in /etc/locale.gen).
ELIGO_LOCALES=(
  "zh_CN.utf8:zh_CN.UTF-8 UTF-8"
  "en_US.utf8:en_US.UTF-8 UTF-8"
  "de_DE.utf8:de_DE.UTF-8 UTF-8"
)

_eligo_apt_updated=0

eligo_is_root() {
  [ "$(id -u)" -eq 0 ]
}

# ensure_packages PKG...
# Installs the missing packages with apt-get when running as root;
# otherwise prints the command to run and exits 1.
ensure_packages() {
  local pkg status
  local -a missing=()

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "warning: dpkg-query not found (not a Debian system?); make sure these are installed: $*" >&2
    return 0
  fi

  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [ "$status" != "install ok installed" ]; then
      missing+=("$pkg")
    fi
  done

  [ "${#missing[@]}" -eq 0 ] && return 0

  if ! eligo_is_root; then
    echo "Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi

  echo "Installing missing packages: ${missing[*]}" >&2
  if [ "$_eligo_apt_updated" -eq 0 ]; then
    apt-get update || { echo "error: apt-get update failed" >&2; exit 1; }
    _eligo_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
    || { echo "error: apt-get install failed" >&2; exit 1; }
}

# ensure_zh_locale
# Makes sure zh_CN.UTF-8 (and en_US.UTF-8, de_DE.UTF-8, also used by the
# tests) are generated. Needs the "locales" package.
ensure_zh_locale() {
  local available entry name line
  local -a missing=()

  available=$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]')
  for entry in "${ELIGO_LOCALES[@]}"; do
    name=${entry%%:*}
    if ! grep -qxF "$(echo "$name" | tr '[:upper:]' '[:lower:]')" <<<"$available"; then
      missing+=("$entry")
    fi
  done

  [ "${#missing[@]}" -eq 0 ] && return 0

  if ! eligo_is_root; then
    echo "Missing locales; run:" >&2
    for entry in "${missing[@]}"; do
      line=${entry#*:}
      echo "  echo '$line' | sudo tee -a /etc/locale.gen" >&2
    done
    echo "  sudo locale-gen" >&2
    exit 1
  fi

  if ! command -v locale-gen >/dev/null 2>&1; then
    echo "error: locale-gen not found (install the 'locales' package)" >&2
    exit 1
  fi

  touch /etc/locale.gen
  # Enable all locales we need (keeps whatever else is already enabled).
  for entry in "${ELIGO_LOCALES[@]}"; do
    line=${entry#*:}
    if grep -qxF "$line" /etc/locale.gen; then
      continue
    elif grep -qE "^#[[:space:]]*${line//./\\.}[[:space:]]*\$" /etc/locale.gen; then
      sed -i -E "s/^#[[:space:]]*(${line//./\\.})[[:space:]]*\$/\\1/" /etc/locale.gen
    else
      echo "$line" >>/etc/locale.gen
    fi
  done
  echo "Generating locales: ${ELIGO_LOCALES[*]#*:}" >&2
  locale-gen || { echo "error: locale-gen failed" >&2; exit 1; }
}
