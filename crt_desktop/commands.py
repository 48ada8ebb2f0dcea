"""The headless sub-commands: sessions, new, import, export, import-responses. No Qt is loaded
here, but for the one-instance lock the writing commands take (QtCore only)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from crt_desktop.content import ContentError, content
from crt_desktop.domain.board import Board
from crt_desktop.domain.session import Session
from crt_desktop.domain.store import DamagedSessions, SessionStore, SessionSummary, StorageError
from crt_desktop.domain.validation import ValidationError, clean_name

if TYPE_CHECKING:
    from crt_desktop.storage.database import Database


class CommandError(Exception):
    """A failure to report as one sentence; `status` is 2 for bad input, 1 for anything else."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def database_url(args: argparse.Namespace) -> str:
    from crt_desktop.storage.database import resolve_database_url

    try:
        return resolve_database_url(
            getattr(args, "db", None), getattr(args, "database_url", None), os.environ
        )
    except ValueError as exc:
        raise CommandError(str(exc), status=2) from exc


def sqlite_file(url: str) -> Path | None:
    """The SQLite file a URL names (None for a server or memory); a missing folder is bad input."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    path = Path(parsed.database)
    if not path.parent.is_dir():
        raise CommandError(f"The folder {path.parent} does not exist.", status=2)
    return path


def existing_sqlite_file(url: str) -> Path | None:
    """The SQLite file a URL names, if it is one that does not exist yet; else None."""
    path = sqlite_file(url)
    return None if path is None or path.exists() else path


def _empty_file(path: Path | None) -> bool:
    try:
        return path is not None and path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def _cannot_write(path: Path) -> bool:
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def open_store(
    args: argparse.Namespace, cleanup: ExitStack, *, create: bool = True, read_only: bool = False
) -> SessionStore:
    """The session store; commands that only read refuse a database file that does not exist,
    and read a database they could not write to (read-only folder or media) without changing
    it. An empty file given to a command that writes is set up as a new database, and the
    command says so."""
    return open_database_for(args, cleanup, create=create, read_only=read_only).store


def open_database_for(
    args: argparse.Namespace, cleanup: ExitStack, *, create: bool = True, read_only: bool = False
) -> Database:
    """The open database, closed as the command ends (see open_store)."""
    from crt_desktop.storage.database import open_database

    url = database_url(args)
    path = sqlite_file(url)
    missing = None if create else existing_sqlite_file(url)
    if missing is not None:
        raise CommandError(f"There is no database at {missing}.", status=2)
    hold_lock(args, cleanup)
    if read_only and path is not None and path.is_file() and _cannot_write(path):
        from crt_desktop.storage.reading import open_for_reading

        database = open_for_reading(path, templates=content().templates)
    else:
        if _empty_file(path):
            print(
                f"crt-desktop: {path} was an empty file; it is now a new CRT Desktop database.",
                file=sys.stderr,
            )
        database = open_database(url, templates=content().templates)
    # Closed as the command ends (run_command's ExitStack), so the file is whole and quiet.
    cleanup.callback(database.close)
    return database


def hold_lock(args: argparse.Namespace, cleanup: ExitStack) -> None:
    """Take the database's one-instance lock until the command ends (before opening it), or
    refuse while the app has the database open. Reading is refused too: SQLite's file locks are
    per process, and a second process that wrongly finds itself alone may fold the app's write-ahead
    log into the file and delete it while the app still writes to it."""
    from crt_desktop.instance_lock import acquire_lock, lock_path_for
    from crt_desktop.storage.database import default_database_path

    url = database_url(args)
    try:
        lock = acquire_lock(lock_path_for(url, default_database_path().parent))
    except OSError:
        return  # no lock file can be made there: opening the database names the cause
    if lock is None:
        raise CommandError(
            "CRT Desktop has this database open; close the app, then run the command again "
            "(or use the app's own menus)."
        )
    cleanup.callback(lock.unlock)


def _session_or_fail(store: SessionStore, session_id: int) -> None:
    try:
        sessions = store.list_sessions()
    except DamagedSessions as exc:
        if not any(s.id == session_id for s in exc.readable):
            raise
        return
    if not any(s.id == session_id for s in sessions):
        raise CommandError(
            f"There is no session {session_id}; `crt-desktop sessions` lists them.", status=2
        )


def cmd_sessions(args: argparse.Namespace, cleanup: ExitStack) -> None:
    url = database_url(args)
    nothing = existing_sqlite_file(url) is not None or _empty_file(sqlite_file(url))
    damage: DamagedSessions | None = None
    try:
        sessions = [] if nothing else open_store(args, cleanup, read_only=True).list_sessions()
    except DamagedSessions as exc:
        sessions, damage = exc.readable, exc
    if not sessions and damage is None:
        print("No sessions yet. Create one with: crt-desktop new --team TEAM --section 4")
        return
    _print_sessions(sessions)
    if damage is not None:
        raise damage


def _print_sessions(sessions: list[SessionSummary]) -> None:
    titles = {s.number: s.title for s in content().sections}
    print(f"{'ID':>4}  {'DATE':10}  {'NOTES':>5}  {'SECTION':<40}  TEAM")
    for s in sorted(sessions, key=lambda s: (s.held_on, s.id)):
        section = f"{s.section} · {titles.get(s.section, '')}"
        print(f"{s.id:>4}  {s.held_on.isoformat():10}  {s.note_count:>5}  {section:<40}  {s.team}")


def cmd_new(args: argparse.Namespace, cleanup: ExitStack) -> None:
    # Validate everything before the database is opened (or created).
    team = clean_name(args.team, "team")
    facilitators = clean_name(args.facilitators, "facilitation team", required=False)
    held_on = date.fromisoformat(args.date) if args.date else date.today()
    template = content().section(args.section).template
    session = Session(
        team=team,
        section=args.section,
        held_on=held_on,
        template=template,
        facilitation_team=facilitators,
    )
    saved = open_store(args, cleanup).create_session(session)
    print(saved.id)


def cmd_import(args: argparse.Namespace, cleanup: ExitStack) -> None:
    """Import one session file, or every session file of a folder.

    A folder is read whole before anything is written: if any file in it cannot be imported,
    each such file is named and the database is left as it was. Each session is then saved in
    a transaction of its own, so a failure part way keeps whole sessions only."""
    path = Path(args.file)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise CommandError(f"There are no session files (*.json) in {path}.", status=2)
    boards, problems = [], []
    for file in files:
        try:
            boards.append(_read_session_file(file))
        except CommandError as exc:
            problems.append(str(exc))
    if problems:
        more = "" if len(problems) == 1 else f" (and {len(problems) - 1} more)"
        raise CommandError(f"Nothing was imported: {problems[0]}{more}", status=2)
    store = open_store(args, cleanup)
    for board in boards:
        print(store.save_board(board).id)


def _read_session_file(file: Path) -> Board:
    from crt_desktop.export.interchange_format import InterchangeError
    from crt_desktop.export.interchange_read import read_board_file

    try:
        return read_board_file(file, content())
    except InterchangeError as exc:
        if isinstance(exc.__cause__, OSError):  # the sentence names the file already
            raise CommandError(str(exc), status=2) from exc
        # Name the file as well as the field: the file may be one of many being imported.
        raise CommandError(f"{file}: {exc}", status=2) from exc


def cmd_export(args: argparse.Namespace, cleanup: ExitStack) -> None:
    from crt_desktop.export.pdf.files import ExportError

    try:
        _export(args, cleanup)
    except ExportError as exc:
        # A folder that is not there, or a folder named as the file, is a path to correct (bad
        # input); other failures are not.
        missing = isinstance(
            exc.__cause__, FileNotFoundError | NotADirectoryError | IsADirectoryError
        )
        raise CommandError(str(exc), status=2 if missing else 1) from exc


def _export(args: argparse.Namespace, cleanup: ExitStack) -> None:
    from crt_desktop.storage.errors import DAMAGED, DatabaseProblem

    path = sqlite_file(database_url(args))
    if _empty_file(path):
        raise CommandError(f"The database {path} is empty: it holds no sessions yet.", status=2)
    try:
        store = open_store(args, cleanup, create=False, read_only=True)
    except DatabaseProblem as exc:
        if path is None or DAMAGED not in str(exc):
            raise
        board = _salvaged_board(path, args.session_id, exc, cleanup)
        print(
            f"crt-desktop: the database {path} is damaged; session {args.session_id} was read "
            "from it as it is, and the file was left unchanged.",
            file=sys.stderr,
        )
    else:
        _session_or_fail(store, args.session_id)
        board = store.load_board(args.session_id)
    _write_export(args, board)


def _salvaged_board(path: Path, session_id: int, refusal: Exception, cleanup: ExitStack) -> Board:
    """The session read as it is from a damaged database, or the refusal if it cannot be."""
    from crt_desktop.storage.reading import open_for_reading

    database = open_for_reading(path, checked=False, templates=content().templates)
    cleanup.callback(database.close)
    try:
        _session_or_fail(database.store, session_id)
        return database.store.load_board(session_id)
    except (StorageError, CommandError):
        raise refusal from None


def _write_export(args: argparse.Namespace, board: Board) -> None:
    from crt_desktop.content import content as packaged_content

    if args.json:
        from crt_desktop.export.interchange import write_board_file

        write_board_file(board, Path(args.json))
        print(args.json)
        return
    if getattr(args, "poster", None):
        from crt_desktop.export.poster import write_poster

        print(write_poster(board, Path(args.poster), content=packaged_content(), paper=args.paper))
        return
    if args.paper == "A3":
        raise CommandError("A3 is for posters; the leader summary prints on A4 or Letter.", 2)
    if getattr(args, "report_back", None):
        from crt_desktop.export.report_back_pdf import write_report_back

        print(
            write_report_back(
                board, Path(args.report_back), content=packaged_content(), pagesize=args.paper
            )
        )
        return
    from crt_desktop.export.summary import write_leader_summary

    print(
        write_leader_summary(board, Path(args.pdf), content=packaged_content(), pagesize=args.paper)
    )


def cmd_import_responses(args: argparse.Namespace, cleanup: ExitStack) -> None:
    """Print what the leader's answers change, then record them all as one change."""
    from crt_desktop.domain.operations import SetResponses
    from crt_desktop.domain.report_back import plan_answers
    from crt_desktop.export.responses_read import ResponsesError, answers_for, read_filled_file
    from crt_desktop.session import SessionCore

    try:
        form = read_filled_file(Path(args.file))
    except ResponsesError as exc:
        raise CommandError(str(exc), status=2) from exc
    store = open_store(args, cleanup, create=False)
    _session_or_fail(store, args.session_id)
    board = store.load_board(args.session_id)
    try:
        answers = answers_for(form, board.session)
    except ResponsesError as exc:
        raise CommandError(f"{Path(args.file).name}: {exc}", status=2) from exc
    plan = plan_answers(board, answers)
    for line in plan.describe():
        print(line)
    if not plan.changes or args.dry_run:
        if plan.changes:
            print("Nothing was changed (--dry-run).")
        return
    SessionCore(board, store).do(SetResponses(plan.pairs()))
    count = len(plan.changes)
    print(f"Recorded {count} response{'s' if count != 1 else ''}.")


def cmd_organisation(args: argparse.Namespace, cleanup: ExitStack) -> None:
    from crt_desktop.organisation_command import run_organisation

    run_organisation(args, open_database_for(args, cleanup, create=False))


COMMANDS: dict[str, Callable[[argparse.Namespace, ExitStack], None]] = {
    "sessions": cmd_sessions,
    "new": cmd_new,
    "import": cmd_import,
    "export": cmd_export,
    "import-responses": cmd_import_responses,
    "organisation": cmd_organisation,
}


def _status_for(exc: Exception) -> int | None:
    """2 for input a person can correct, 1 for other known failures, None for a bug."""
    from crt_desktop.export.interchange_format import InterchangeError
    from crt_desktop.export.pdf.files import ExportError

    if isinstance(exc, CommandError):
        return exc.status
    if isinstance(exc, ValidationError | InterchangeError):
        return 2
    if isinstance(exc, StorageError | ContentError | ExportError | OSError):
        return 1
    return None


def run_command(args: argparse.Namespace) -> int:
    # What a command opens (the database, its lock) is closed as it ends, whatever happens.
    with ExitStack() as cleanup:
        try:
            COMMANDS[args.command](args, cleanup)
        except Exception as exc:
            status = _status_for(exc)
            if status is None:
                raise
            print(f"crt-desktop: {exc}", file=sys.stderr)
            return status
    return 0
