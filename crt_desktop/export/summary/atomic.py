"""Atomic file writing: the file appears whole under its final name, or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import ExportError, explain


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the system allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(
    path: Path, write: Callable[[BinaryIO], None], what: str = "the summary"
) -> Path:
    """Call `write` with a temporary file beside `path`, then move it into place.

    The temporary file is readable by its owner only (mode 0600), flushed and synced before the
    rename, and removed on any failure, so a crash or error never leaves half a file under the
    final name. OSError becomes ExportError with one clear sentence naming the file `what`;
    other errors pass through.
    """
    path = Path(path)
    folder = path.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise explain(exc, path, what) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(exc, OSError):
            raise explain(exc, path, what) from exc
        raise
    _sync_folder(folder)
    return path


__all__ = ["ExportError", "write_atomically"]
