"""The command-line grammar (a contract: see the README). Parsing only; running is in __main__."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from crt_desktop import __version__


class UsageError(Exception):
    """A command line that cannot be run; the message is one sentence."""


class _Parser(argparse.ArgumentParser):
    # argparse prints usage and exits; we want one sentence on stderr and exit status 2.
    def error(self, message: str) -> NoReturn:
        raise UsageError(message[0].upper() + message[1:].rstrip(".") + ".")


def _add_storage_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--db", metavar="PATH", default=default, help="a SQLite database file")
    group.add_argument(
        "--database-url",
        metavar="URL",
        default=default,
        help="any SQLAlchemy database URL (also read from CRT_DATABASE_URL)",
    )


def _date(text: str) -> str:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written as YYYY-MM-DD") from exc
    return text


def _section(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 12:
        raise argparse.ArgumentTypeError(f"the section must be a number from 1 to 12, not {text!r}")
    return int(text)


def _session_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"a session id is a number, not {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crt-desktop",
        description="Run Compassion Resilience Toolkit sessions: board, room view, leader summary.",
    )
    parser.add_argument("--version", action="version", version=f"crt-desktop {__version__}")
    _add_storage_options(parser, suppress=False)
    parser.add_argument("--session", type=_session_id, metavar="ID", help="open this session")
    parser.add_argument("--screen", type=int, metavar="N", help="show the room view on screen N")
    parser.add_argument(
        "--present", action="store_true", help="start with the room view full screen"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("sessions", help="list sessions: id, date, team, section, notes")
    _add_storage_options(listing, suppress=True)

    new = commands.add_parser("new", help="create a session and print its id")
    new.add_argument("--team", required=True, help="the team's name")
    new.add_argument("--section", required=True, type=_section, help="the section, 1 to 12")
    new.add_argument("--date", type=_date, help="the day it is held, YYYY-MM-DD (default today)")
    new.add_argument("--facilitators", default="", help="the facilitation team's names")
    _add_storage_options(new, suppress=True)

    importing = commands.add_parser("import", help="import a session from JSON and print its id")
    importing.add_argument("file", metavar="FILE.json")
    _add_storage_options(importing, suppress=True)

    export = commands.add_parser("export", help="export a session as a PDF summary or JSON")
    export.add_argument("session_id", type=_session_id, metavar="ID")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", metavar="OUT.pdf", help="the leader summary")
    target.add_argument("--json", metavar="OUT.json", help="the session in the interchange format")
    target.add_argument(
        "--poster", metavar="OUT.pdf", help="the section's visual (or agreements) as a poster"
    )
    target.add_argument(
        "--report-back", metavar="OUT.pdf", help="where each leadership item stands, as of today"
    )
    export.add_argument(
        "--paper",
        choices=["A3", "A4", "Letter"],
        help="paper size (default from locale); A3 is for posters only",
    )
    _add_storage_options(export, suppress=True)

    responses = commands.add_parser(
        "import-responses",
        help="record the leader's answers from a filled-in leader summary PDF",
    )
    responses.add_argument("session_id", type=_session_id, metavar="ID")
    responses.add_argument("file", metavar="FILLED.pdf")
    responses.add_argument(
        "--dry-run", action="store_true", help="only show what would change; change nothing"
    )
    _add_storage_options(responses, suppress=True)
    _add_organisation(commands)
    return parser


def _choice(allowed: dict[str, object], what: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise argparse.ArgumentTypeError(
                f"{what} must be one of {', '.join(allowed)}, not {text!r}"
            )
        return text

    return parse


def _weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 520:
        raise argparse.ArgumentTypeError(f"the weeks must be a number from 1 to 520, not {text!r}")
    return int(text)


def _add_organisation(commands: Any) -> None:
    from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus

    org = commands.add_parser(
        "organisation",
        help="every team's leadership items as a CSV (and a PDF), with recurring drivers",
    )
    org.add_argument("--csv", metavar="OUT.csv", required=True, help="one row per item")
    org.add_argument(
        "--pdf", metavar="OUT.pdf", help="also the organisation PDF (items, drivers, teams)"
    )
    org.add_argument("--paper", choices=["A4", "Letter"], help="paper size (default from locale)")
    org.add_argument("--team", action="append", default=[], help="only this team (repeatable)")
    org.add_argument(
        "--section", action="append", type=_section, default=[], help="only this section"
    )
    org.add_argument(
        "--status",
        action="append",
        default=[],
        type=_choice({s.value: s for s in ResponseStatus}, "a status"),
        help="only items with this response status (repeatable)",
    )
    org.add_argument(
        "--kind", action="append", default=[], type=_choice({k.value: k for k in Kind}, "a kind")
    )
    org.add_argument(
        "--level",
        action="append",
        default=[],
        type=_choice({lv.value: lv for lv in Level} | {"none": None}, "a level"),
    )
    org.add_argument("--from", dest="held_from", type=_date, help="sessions held on or after")
    org.add_argument("--to", dest="held_to", type=_date, help="sessions held on or before")
    org.add_argument("--overdue", action="store_true", help="only items waiting past the weeks")
    org.add_argument(
        "--weeks",
        type=_weeks,
        default=6,
        help="weeks after its session an unanswered item is overdue (default 6)",
    )
    _add_storage_options(org, suppress=True)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(sys.argv[1:] if argv is None else argv)
