"""A table of sessions (date, team, section, notes, when added, number) for the session picker.

The last two tell apart sessions that are otherwise alike (one file imported twice)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from crt_desktop.domain.store import SessionSummary

_HEADERS = ("Date", "Team", "Section", "Notes", "Added", "No.")
NUMBER_COLUMN = 5
_Index = QModelIndex | QPersistentModelIndex


class SessionListModel(QAbstractTableModel):
    def __init__(self, section_titles: dict[int, str]) -> None:
        super().__init__()
        self._rows: list[SessionSummary] = []
        self._titles = section_titles

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self.beginResetModel()
        # Newest first: the session a facilitator wants is almost always today's or the last one.
        self._rows = sorted(sessions, key=lambda s: (s.held_on, s.id), reverse=True)
        self.endResetModel()

    def sessions(self) -> list[SessionSummary]:
        """Every session listed, newest first."""
        return list(self._rows)

    def session_at(self, row: int) -> SessionSummary:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == session_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            column = index.column()
            if column == 0:
                return summary.held_on.strftime("%a %d %b %Y")
            if column == 1:
                return summary.team
            if column == 2:
                title = self._titles.get(summary.section, "")
                return f"{summary.section} · {title}" if title else str(summary.section)
            if column == 4:
                return added_text(summary.created_at)
            if column == NUMBER_COLUMN:
                return str(summary.id)
            return str(summary.note_count)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, NUMBER_COLUMN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def added_text(moment: datetime | None) -> str:
    """When a session was made or imported, in local time to the minute ("" if unknown)."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%d %b %Y %H:%M")
