"""Writing a file atomically (it appears whole under its final name, or not at all), and the
one error an export raises, with a sentence a person can act on."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class ExportError(RuntimeError):
    """A file could not be written; the message is one sentence for people."""


def explain(exc: OSError, path: Path, what: str = "the summary") -> ExportError:
    """Turn an operating-system error while writing `path` into one clear sentence that calls
    the file `what` ("the summary", "the poster", ...)."""
    folder = path.parent
    code = exc.errno
    if isinstance(exc, FileNotFoundError) or code in (errno.ENOENT, errno.ENOTDIR):
        message = f"The folder {folder} does not exist; choose another place to save {what}."
    elif isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        message = f"{path} is a folder; choose a file name for {what}."
    elif code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        message = f"The disk holding {folder} is full; free some space or save somewhere else."
    elif code == errno.EROFS:
        message = f"The folder {folder} is read-only; choose another place to save {what}."
    elif isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        # On Windows a file open in a PDF viewer is locked and cannot be replaced.
        if path.exists():
            message = (
                f"{path.name} is open in another program or read-only; "
                "close it or choose another name, then try again."
            )
        else:
            message = f"This app may not write in {folder}; choose another place to save it."
    else:
        reason = exc.strerror or str(exc)
        message = f"{what[:1].upper()}{what[1:]} could not be saved to {path} ({reason})."
    return ExportError(message)


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


STALE_AFTER = 5 * 60  # seconds: no export takes this long, so an older part was abandoned
_RANDOM = re.compile(r"[a-z0-9_]{8}")  # the part tempfile.mkstemp puts in the name


def _remove_stale_parts(path: Path) -> None:
    """Remove what an export of `path` killed half way left beside it: only files named as
    this target's temporary files are, and older than STALE_AFTER (not one being written)."""
    prefix, suffix = f".{path.name}.", ".part"
    cutoff = time.time() - STALE_AFTER
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(suffix)):
                continue
            if not _RANDOM.fullmatch(name[len(prefix) : -len(suffix)]):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                    os.unlink(entry.path)


def write_atomically(
    path: Path, write: Callable[[BinaryIO], None], what: str = "the summary"
) -> Path:
    """Call `write` with a temporary file beside `path`, then move it into place.

    The temporary file is readable by its owner only (mode 0600), flushed and synced before the
    rename, and removed on any failure, so a crash or error never leaves half a file under the
    final name; one a killed export left behind goes at the next write to the same `path`.
    OSError becomes ExportError with one clear sentence naming the file `what`; other errors
    pass through.
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
    _remove_stale_parts(path)
    _sync_folder(folder)
    return path


__all__ = ["ExportError", "explain", "write_atomically"]
