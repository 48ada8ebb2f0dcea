#!/usr/bin/env bash
# Builds the standalone Linux app: the folder build/app/crt-desktop/ (the `crt-desktop`
# executable at its top, with its desktop entry and icon) and a .tar.gz of it in dist/, whose
# path is the last line printed. The build tools go in their own virtual environment
# (build/venv), never in the app's .venv. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh  # Python, the system libraries Qt needs to be imported, binutils

PYTHON="${PYTHON:-python3}"
venv=build/venv
stamp="$venv/.installed-$(cat pyproject.toml installer/build-requirements.txt | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  [ -x "$venv/bin/python" ] || "$PYTHON" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -r installer/build-requirements.txt .
  rm -f "$venv"/.installed-*
  touch "$stamp"
fi
# This checkout's code, installed as a wheel would be (only its package data, nothing else).
"$venv/bin/python" -m pip install -q --no-deps --force-reinstall .

rm -rf build/app build/pyinstaller
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath build/app \
  --workpath build/pyinstaller installer/crt-desktop.spec
app=build/app/crt-desktop
cp installer/crt-desktop.desktop installer/crt-desktop.png installer/add-to-menu.sh "$app/"

version=$("$venv/bin/python" -c 'import crt_desktop; print(crt_desktop.__version__)')
mkdir -p dist
tarball="dist/crt-desktop-$version-linux-$(uname -m).tar.gz"
tar -C build/app -czf "$tarball" crt-desktop
echo "Built $app ($(du -sm "$app" | cut -f1) MB unpacked, $(du -m "$tarball" | cut -f1) MB packed)."
realpath "$tarball"
