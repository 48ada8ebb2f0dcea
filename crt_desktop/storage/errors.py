"""Storage failures in words people can act on.

Every SQLAlchemy, driver or OS error leaving this package becomes a `StorageError` whose message
is one clear sentence; `DatabaseProblem` marks a database that was refused at open and kept as
it was (not SQLite, damaged, made by a newer version, read-only).
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from crt_desktop.domain.store import StorageError


class DatabaseProblem(StorageError):
    """The database cannot be opened as it is; the file was left exactly as it was."""


FULL = "the disk is full; free some space and try again"
BUSY = "the database is busy in another program; close that program and try again"
READ_ONLY = "the database is read-only"
DAMAGED = "the database file is damaged"
UNREACHABLE = "the database file could not be reached (was a drive removed?)"
NO_SERVER = "the database server could not be reached"
NOT_ALLOWED = "this account may not write to the database"

# Driver messages (SQLite's, then PostgreSQL's) and the cause they point to.
_CAUSES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("disk is full", "disk full", "no space left"), FULL),
    (("database is locked", "database table is locked", "lock timeout"), BUSY),
    (("readonly database", "read-only", "read only"), READ_ONLY),
    (("malformed", "not a database", "file is encrypted"), DAMAGED),
    (("unable to open database", "disk i/o error", "no such file"), UNREACHABLE),
    (("could not connect", "connection refused", "server closed the connection"), NO_SERVER),
)

_ERRNO_CAUSES = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EROFS: READ_ONLY,
    errno.EACCES: NOT_ALLOWED,
    errno.EPERM: NOT_ALLOWED,
    errno.ENOENT: UNREACHABLE,
    errno.EIO: UNREACHABLE,
}


def cause(exc: BaseException) -> str:
    """What went wrong, as a lower-case clause, for any storage-related exception."""
    if isinstance(exc, OSError) and exc.errno in _ERRNO_CAUSES:
        return _ERRNO_CAUSES[exc.errno]
    text = _driver_text(exc)
    for needles, meaning in _CAUSES:
        if any(n in text.lower() for n in needles):
            return meaning
    if isinstance(exc, IntegrityError):
        return "it does not fit what is already stored"
    if isinstance(exc, UnicodeError):
        return "the text holds characters that cannot be stored"
    return f"the database said {text!r}"


def _driver_text(exc: BaseException) -> str:
    text = str(exc.orig if isinstance(exc, DBAPIError) else exc).strip()
    return (text.splitlines() or [type(exc).__name__])[0][:200]


def explain(exc: BaseException, action: str = "save the change") -> str:
    """One sentence: what could not be done, and why."""
    if isinstance(exc, StorageError):
        return str(exc)
    return f"Could not {action}: {cause(exc)}."


@contextmanager
def translated(action: str = "save the change") -> Iterator[None]:
    """Turn storage failures raised inside the block into StorageError."""
    try:
        yield
    except StorageError:
        raise
    except (SQLAlchemyError, OSError, UnicodeError) as exc:
        raise StorageError(explain(exc, action)) from exc
