"""What the standalone build holds besides the imported code (installer/bundle_inputs.py)."""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "crt_desktop"


def load_inputs() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bundle_inputs", ROOT / "installer" / "bundle_inputs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


inputs = load_inputs()


def test_every_file_the_app_reads_at_run_time_goes_in_beside_its_module() -> None:
    files = dict(inputs.data_files(PACKAGE))
    wanted = [
        *PACKAGE.glob("content/**/*.toml"),
        *(p for p in PACKAGE.glob("resources/**/*") if p.is_file()),
        *(p for p in PACKAGE.glob("storage/migrations/**/*.py") if "__pycache__" not in p.parts),
    ]
    assert len(wanted) > 20
    for path in wanted:
        assert files.get(str(path)) == str(Path("crt_desktop") / path.parent.relative_to(PACKAGE))
    assert not [name for name in files if "__pycache__" in name or name.endswith(".pyc")]


def test_the_migrations_imports_are_named_and_importable() -> None:
    names = inputs.migration_imports(PACKAGE)
    assert {"alembic", "sqlalchemy", "crt_desktop.storage.models"} <= set(names)
    for name in names:
        importlib.import_module(name)


def test_qt_translations_and_unused_plugins_are_left_out() -> None:
    assert inputs.unused_qt_file("PySide6/Qt/translations/qtbase_de.qm")
    assert inputs.unused_qt_file("PySide6\\translations\\qtbase_de.qm")
    assert inputs.unused_qt_file("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert inputs.unused_qt_file("PySide6\\Qt\\plugins\\generic\\libqtuiotouchplugin.so")
    assert not inputs.unused_qt_file("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not inputs.unused_qt_file("PySide6/Qt/plugins/platforms/libqminimal.so")
    assert not inputs.unused_qt_file("crt_desktop/resources/fonts/DejaVuSans.ttf")


def test_libraries_only_dropped_plugins_linked_to_are_found() -> None:
    links = {
        "/v/PySide6/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/v/PySide6/Qt/lib/libQt6Gui.so.6": ["libfontconfig.so.1", "libc.so.6"],
        "/v/PySide6/Qt/plugins/platforms/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/v/PySide6/Qt/lib/libQt6XcbQpa.so.6": ["libxcb-cursor.so.0"],
        "/usr/lib/libfontconfig.so.1": ["libexpat.so.1"],
        "/usr/lib/libexpat.so.1": [],
        "/usr/lib/libxcb-cursor.so.0": [],
        "/usr/lib/libgtk-3.so.0": ["libcairo.so.2", "libexpat.so.1"],  # the GTK theme's
        "/usr/lib/libcairo.so.2": [],
        "/v/PySide6/Qt/lib/libQt6Network.so.6": [],  # the TUIO touch plugin's
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/v/PySide6/QtGui.abi3.so"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/v/PySide6/Qt/lib/libQt6Gui.so.6"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/v/PySide6/Qt/plugins/platforms/libqxcb.so"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/v/PySide6/Qt/lib/libQt6XcbQpa.so.6"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/v/PySide6/Qt/lib/libQt6Network.so.6"),
        *((Path(p).name, p) for p in links if p.startswith("/usr/")),
    ]
    unreached = inputs.unreached_libraries(binaries, lambda source: links[source])
    assert unreached == {"libgtk-3.so.0", "libcairo.so.2", "PySide6/Qt/lib/libQt6Network.so.6"}


def test_the_workflows_build_from_files_that_exist() -> None:
    """The Windows and macOS workflows cannot run here: at least every file they use is real."""
    workflows = sorted((ROOT / ".github" / "workflows").glob("build-*.yml"))
    assert [w.name for w in workflows] == ["build-macos.yml", "build-windows.yml"]
    for workflow in workflows:
        text = workflow.read_text(encoding="utf-8")
        used = set(re.findall(r"installer[/\\][\w./\\-]+\.(?:spec|txt|iss|sh)", text))
        assert "installer/crt-desktop.spec" in used and "installer/build-requirements.txt" in used
        for path in used:
            assert (ROOT / path.replace("\\", "/")).is_file(), (workflow.name, path)
