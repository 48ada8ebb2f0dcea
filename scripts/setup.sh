#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for CRT Desktop, then the app into .venv.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt's offscreen and xcb platform plugins load, fonts, Xvfb for screenshots,
# poppler-utils to look at PDFs, AT-SPI (what screen readers use) for the accessibility test,
# a window manager, xdotool and xrandr for the tests that need real focus on two monitors, and
# binutils for the standalone build and debootstrap for its clean-machine test.
APT_PACKAGES=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  fonts-dejavu-core fonts-droid-fallback fonts-nanum
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0 libxcb-sync1 libxcb-shm0
  libxcb-xinerama0 xvfb xauth poppler-utils
  dbus dbus-daemon at-spi2-core python3-pyatspi gir1.2-atspi-2.0
  openbox xdotool x11-xserver-utils x11-utils
  binutils debootstrap
)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "CRT Desktop needs Python 3.11 or newer; $PYTHON is older." >&2
  exit 1
fi

# Reinstall only when the project's dependencies change.
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi
