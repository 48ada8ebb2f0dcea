"""Qt test set-up: settings the app remembers (the last export folder) go to a temporary
folder for each test, never to the person's own settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "settings"
    folder.mkdir()
    for format_ in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format_, QSettings.Scope.UserScope, str(folder))
    yield folder
