"""Storage: SQLAlchemy 2 models, the session store, Alembic migrations shipped in the package.

Use `open_database(target)` (see `database.py`) and hand `Database.store` — a `SessionStore` —
to the app. Every failure surfaces as `StorageError` with one sentence for people;
`DatabaseProblem` means the database was refused at open and left exactly as it was.
"""

from crt_desktop.domain.store import StorageError

from .database import (
    Database,
    default_database_path,
    open_database,
    resolve_database_url,
    sqlite_url,
)
from .errors import DatabaseProblem
from .repository import SqlSessionStore

__all__ = [
    "Database",
    "DatabaseProblem",
    "SqlSessionStore",
    "StorageError",
    "default_database_path",
    "open_database",
    "resolve_database_url",
    "sqlite_url",
]
