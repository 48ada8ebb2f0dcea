"""What the standalone build holds besides the code PyInstaller finds by following imports.

Read by `crt-desktop.spec` and checked by tests/unit/test_bundle_inputs.py. The data files are
the ones the wheel ships (pyproject's package-data), so the bundle and `pip install` can never
hold different content, fonts, themes or migrations.
"""

from __future__ import annotations

import ast
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = "crt_desktop"

# Qt modules the app imports; every other one (QML, Quick, WebEngine, Network, …) stays out.
QT_MODULES = ("QtCore", "QtGui", "QtWidgets")

# Qt plugins the app has no use for on a laptop: GTK's theme (it pulls in the whole GTK stack),
# the platforms for VNC, framebuffers and bare EGL or Vulkan displays (no desktop), and the
# generic input plugins those platforms read devices with (TUIO touch pulls in QtNetwork).
UNUSED_QT_PLUGINS = (
    "platformthemes/libqgtk3",
    "platforms/libqvnc",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl",
    "egldeviceintegrations",
    "generic/",
)


def package_data_globs(pyproject: Path = PROJECT / "pyproject.toml") -> list[str]:
    """The package-data patterns the wheel is built with."""
    with pyproject.open("rb") as file:
        config = tomllib.load(file)
    return list(config["tool"]["setuptools"]["package-data"][PACKAGE])


def data_files(package_root: Path) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) for every packaged data file, sorted."""
    found: set[Path] = set()
    for pattern in package_data_globs():
        found.update(
            path
            for path in package_root.glob(pattern)
            if path.is_file() and "__pycache__" not in path.parts
        )
    return sorted(
        (str(path), str(Path(PACKAGE) / path.parent.relative_to(package_root))) for path in found
    )


def migration_imports(package_root: Path) -> list[str]:
    """Modules the Alembic scripts import. Alembic loads those scripts from their files at run
    time, so import analysis never sees them: they are named to PyInstaller as hidden imports."""
    names: set[str] = set()
    for script in (package_root / "storage" / "migrations").rglob("*.py"):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return sorted(names)


def unused_qt_file(destination: str) -> bool:
    """True for a bundled file the app never loads: Qt's translations (the app has its own
    words) and the unused plugins above."""
    path = "/" + destination.replace("\\", "/")
    if "/PySide6/Qt/translations/" in path or "/PySide6/translations/" in path:  # Windows: no Qt/
        return True
    return any(f"/plugins/{plugin}" in path for plugin in UNUSED_QT_PLUGINS)


def _is_root(destination: str) -> bool:
    """A binary the app loads itself: a Python extension, a Qt plugin or Python's own library."""
    path = PurePosixPath(destination.replace("\\", "/"))
    name = path.name
    return (
        "plugins" in path.parts
        or name.startswith("libpython")
        or name.endswith((".abi3.so", ".pyd"))
        or (".cpython-" in name and name.endswith(".so"))
    )


def unreached_libraries(
    binaries: Iterable[tuple[str, str]], imports: Callable[[str], Iterable[str]]
) -> set[str]:
    """Destinations of the shared libraries (lib*.so*) that nothing kept needs any more.

    `binaries` are (destination, source) pairs left after dropping the unused plugins; PyInstaller
    collected the dependencies of those plugins too, so the libraries that only they linked to
    (GTK, cairo, pango, …) are found here by walking what the kept binaries link to, by name.
    `imports(source)` names the libraries one binary links to."""
    by_name: dict[str, list[tuple[str, str]]] = {}
    for destination, source in binaries:
        by_name.setdefault(PurePosixPath(destination.replace("\\", "/")).name, []).append(
            (destination, source)
        )
    reached: set[str] = set()
    todo = [pair for pair in binaries if _is_root(pair[0])]
    while todo:
        destination, source = todo.pop()
        if destination in reached:
            continue
        reached.add(destination)
        for name in imports(source):
            todo.extend(by_name.get(PurePosixPath(name).name, []))
    return {
        destination
        for destination, _ in binaries
        if destination not in reached
        and PurePosixPath(destination.replace("\\", "/")).name.startswith("lib")
        and ".so" in PurePosixPath(destination).name
    }
