#!/bin/sh
# Adds CRT Desktop, from wherever this folder was unpacked, to the desktop's applications menu.
# Double-click it in the file manager ("Run"), or run it from a terminal; run it again after
# moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/crt-desktop.png" "$data/icons/hicolor/256x256/apps/crt-desktop.png"
sed -e "s|^Exec=.*|Exec=\"$here/crt-desktop\"|" "$here/crt-desktop.desktop" \
  > "$data/applications/crt-desktop.desktop"
echo "CRT Desktop is in the applications menu."
