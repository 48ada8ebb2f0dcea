"""The one error the leader summary raises, with a sentence a person can act on."""

from __future__ import annotations

import errno
from pathlib import Path


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
