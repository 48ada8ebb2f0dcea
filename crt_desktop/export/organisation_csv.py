"""The organisation's leadership items as a CSV file: one row per item, for spreadsheets.

Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
formula, so such a cell is written with a leading apostrophe: a note can never become a
formula on a leader's computer. The file is UTF-8 with a byte-order mark, which is how
spreadsheet programs on Windows recognise UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from crt_desktop.organisation.items import DEFAULT_OVERDUE_WEEKS, OrgItem

from .pdf.files import write_atomically

HEADER = (
    "team",
    "section",
    "session date",
    "session id",
    "note",
    "votes",
    "kind",
    "level",
    "column",
    "status",
    "reason",
    "last progress update",
    "days waiting",
    "overdue",
    "recurring driver",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def item_rows(
    items: Sequence[OrgItem],
    today: date,
    *,
    weeks: int = DEFAULT_OVERDUE_WEEKS,
    group_of: Callable[[OrgItem], str] = lambda _item: "",
) -> list[list[str]]:
    """The rows of the file, the header first."""
    rows = [list(HEADER)]
    for item in items:
        rows.append(
            [
                _cell(v)
                for v in (
                    item.team,
                    item.section,
                    item.held_on.isoformat(),
                    item.session_id,
                    item.text,
                    item.votes,
                    item.kind.label,
                    item.level.label if item.level is not None else "",
                    item.column_title,
                    item.status.label,
                    item.reason,
                    item.last_update.isoformat() if item.last_update else "",
                    item.waited_days(today),
                    "yes" if item.is_overdue(today, weeks) else "no",
                    group_of(item),
                )
            ]
        )
    return rows


def write_items_csv(
    items: Sequence[OrgItem],
    path: Path,
    today: date,
    *,
    weeks: int = DEFAULT_OVERDUE_WEEKS,
    group_of: Callable[[OrgItem], str] = lambda _item: "",
) -> Path:
    """Write the file whole or not at all; ExportError (one sentence) when it cannot be."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(
        item_rows(items, today, weeks=weeks, group_of=group_of)
    )
    data = text.getvalue().encode("utf-8-sig")

    def write(file: BinaryIO) -> None:
        file.write(data)

    return write_atomically(path, write, "the organisation's items")
