"""One app per database: a lock file that the GUI holds while it runs, and that the writing
sub-commands take for the moment they write, so neither changes a database behind the other."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path_for(url: str, data_dir: Path) -> Path:
    """Where the one-instance lock lives: beside a SQLite file, else in the data folder."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(f"{parsed.database}.lock")
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    return data_dir / f"database-{digest}.lock"


def acquire_lock(path: Path) -> QLockFile | None:
    """Hold the lock for this database, or None when another instance holds it.

    OSError when no lock file can be made there at all (a read-only folder, a full disk)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path))
    # Never stale by age, however long a session runs: only a lock whose process is gone
    # (a crash) is stale, and removeStaleLockFile below takes that one away.
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        lock.removeStaleLockFile()
        if not lock.tryLock(200):
            if lock.error() != QLockFile.LockError.LockFailedError:
                raise OSError(f"could not make the lock file {path}")
            return None
    return lock
