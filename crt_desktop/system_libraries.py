"""Linux: the system libraries Qt loads that neither the wheel nor the standalone build carries.

Qt's own libraries come with the app, but it links to the graphics (OpenGL, EGL) and display
(X11's xcb, Wayland) libraries of the machine. When one is missing, Qt stops with a plugin
error that names no package; this check runs before Qt loads and names the Debian package to
install instead (docs/installing.md lists the standalone build's; scripts/setup.sh installs
the rest for a virtual environment).
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence

# Library file → the Debian/Ubuntu package that holds it. The standalone build needs only these.
COMMON = {"libGL.so.1": "libgl1", "libEGL.so.1": "libegl1"}
XCB = {"libxcb.so.1": "libxcb1"}
WAYLAND = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
# Run from a virtual environment (pip's Qt), Qt links to these too; the standalone build carries
# them. scripts/setup.sh installs them all.
PIP_QT = {
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
}
PIP_XCB = {
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
PACKAGES = {**COMMON, **XCB, **WAYLAND, **PIP_QT, **PIP_XCB}


def _loads(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def platform_libraries(environ: Mapping[str, str], frozen: bool) -> dict[str, str]:
    """The libraries Qt will load for the display it picks, as Qt picks it."""
    platform = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if not platform:
        platform = "wayland" if environ.get("WAYLAND_DISPLAY") else "xcb"
    wanted = dict(COMMON) if frozen else {**COMMON, **PIP_QT}
    if platform == "xcb":
        wanted |= XCB if frozen else {**XCB, **PIP_XCB}
    elif platform.startswith("wayland"):
        wanted |= WAYLAND
    return wanted  # offscreen, minimal and the rest draw without a display


def _sentence(library: str, package: str | None) -> str:
    install = (
        f"install the package {package} (for example `sudo apt install {package}`)"
        if package
        else "install the package that holds it"
    )
    return (
        f"CRT Desktop needs the system library {library}, which is missing: "
        f"{install} and start it again."
    )


def missing_library_message(
    environ: Mapping[str, str] = os.environ,
    loads: Callable[[str], bool] = _loads,
    platform: str = sys.platform,
    frozen: bool = bool(getattr(sys, "frozen", False)),
) -> str | None:
    """One sentence naming the package to install, or None when nothing is missing."""
    if platform != "linux":
        return None  # Windows and macOS builds carry everything they load
    for library, package in platform_libraries(environ, frozen).items():
        if not loads(library):
            return _sentence(library, package)
    return None


def import_failure_message(error: ImportError) -> str | None:
    """The sentence for Qt failing to import because a library is missing, else None."""
    found = re.search(r"(lib[\w.+-]+?\.so(?:\.\d+)*): cannot open shared object file", str(error))
    if found is None:
        return None
    return _sentence(found.group(1), PACKAGES.get(found.group(1)))


# The desktop's own ways to show a sentence, for when Qt itself cannot load.
DIALOGS = (
    ("zenity", "--error", "--title=CRT Desktop", "--text"),
    ("kdialog", "--title", "CRT Desktop", "--error"),
    ("notify-send", "CRT Desktop"),
    ("xmessage", "-center"),
)


def tell_desktop(
    message: str,
    environ: Mapping[str, str] = os.environ,
    which: Callable[[str], str | None] = shutil.which,
    start: Callable[[Sequence[str]], object] = subprocess.Popen,
) -> bool:
    """Show the sentence in a dialog too when the app was opened from the desktop's menu, where
    nobody reads its terminal output. True when a dialog was started."""
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return False
    for program, *options in DIALOGS:
        path = which(program)
        if path is not None:
            try:
                start([path, *options, message])
            except OSError:
                continue
            return True
    return False
