"""The app's Settings (services.py), kept by QSettings: where exported files go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

# Where the last file was exported to (summary, report-back or poster): the next starts there.
LAST_FOLDER_KEY = "export/last_folder"


def _settings() -> QSettings:
    return QSettings("crt-desktop", "crt-desktop")


def default_folder() -> Path:
    """The folder of the last export if it is still there, else Documents (else home)."""
    last = _settings().value(LAST_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember_folder(path: Path) -> None:
    """Remember the folder a file was just exported to, for the next export dialog."""
    settings = _settings()
    settings.setValue(LAST_FOLDER_KEY, str(path.parent))
    settings.sync()


class QtSettings:
    """The app's Settings (services.py), kept by QSettings."""

    def export_folder(self) -> Path:
        return default_folder()

    def remember_export_folder(self, path: Path) -> None:
        remember_folder(path)
