"""Table models of the organisation window: leadership items, recurring drivers, and the
notes of one driver. Plain records in, text out; sorting and filtering are the pure code's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from crt_desktop.domain.vocabulary import CANNOT_CONTROL, I_CONTROL, LEADERSHIP_CONTROLS
from crt_desktop.organisation.items import DEFAULT_OVERDUE_WEEKS, OrgItem, sorted_items
from crt_desktop.organisation.recurring import DriverGroup, DriverNote

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
# A warm band and bold type: overdue items must stand out at a glance.
OVERDUE_BACKGROUND = QColor("#FCE8CF")


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class _Table(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return self.HEADERS[section]
        return None

    def _count(self) -> int:
        raise NotImplementedError


class OrgItemsModel(_Table):
    """Every leadership item shown, one row each; overdue ones stand out."""

    HEADERS = (
        "Team", "Section", "Session", "Note", "Votes", "Kind", "Level", "Column", "Status",
        "Reason", "Last update", "Waiting",
    )  # fmt: skip
    SORT_BY = (
        "team", "section", "held_on", "text", "votes", "kind", "level", "column", "status",
        "reason", "last_update", "waited",
    )  # fmt: skip

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._items: list[OrgItem] = []
        self._today = today
        self.weeks = DEFAULT_OVERDUE_WEEKS
        self._sorted = ("held_on", False)

    def _count(self) -> int:
        return len(self._items)

    def set_items(self, items: Sequence[OrgItem], weeks: int) -> None:
        self.beginResetModel()
        self.weeks = weeks
        by, descending = self._sorted
        self._items = sorted_items(items, by, self._today(), descending=descending)
        self.endResetModel()

    def items(self) -> list[OrgItem]:
        return list(self._items)

    def item_at(self, row: int) -> OrgItem:
        return self._items[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sorted = (self.SORT_BY[column], order == Qt.SortOrder.DescendingOrder)
        by, descending = self._sorted
        self._items = sorted_items(self._items, by, self._today(), descending=descending)
        self.layoutChanged.emit()

    def overdue(self, item: OrgItem) -> bool:
        return item.is_overdue(self._today(), self.weeks)

    def _text(self, item: OrgItem, column: int) -> str:
        waited = item.waited_days(self._today())
        return (
            item.team,
            str(item.section),
            item.held_on.isoformat(),
            _one_line(item.text),
            str(item.votes),
            item.kind.label,
            item.level.label if item.level is not None else "",
            item.column_title,
            item.status.label,
            _one_line(item.reason, 80),
            item.last_update.isoformat() if item.last_update else "",
            f"{waited} days, overdue" if self.overdue(item) else f"{waited} days",
        )[column]

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (3, 9):
            text = item.text if index.column() == 3 else item.reason
            return text or None
        if role == Qt.ItemDataRole.BackgroundRole and self.overdue(item):
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and self.overdue(item):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DriverGroupsModel(_Table):
    """Recurring drivers: what each group says, how widely, and where its notes sit."""

    HEADERS = ("Driver", "Teams", "Sessions", "I control", "Leadership", "Cannot control", "Named")

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[DriverGroup] = []

    def _count(self) -> int:
        return len(self._groups)

    def set_groups(self, groups: Sequence[DriverGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def groups(self) -> list[DriverGroup]:
        return list(self._groups)

    def group_at(self, row: int) -> DriverGroup:
        return self._groups[row]

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < index.column() < 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return None
        group = self._groups[index.row()]
        counts = group.by_column()
        return (
            _one_line(group.label, 100),
            str(group.teams),
            str(group.sessions),
            str(counts.get(I_CONTROL, 0)),
            str(counts.get(LEADERSHIP_CONTROLS, 0)),
            str(counts.get(CANNOT_CONTROL, 0)),
            "yes" if group.name else "",
        )[index.column()]


class DriverNotesModel(_Table):
    """The notes of one recurring driver, by team."""

    HEADERS = ("Team", "Column", "Note")

    def __init__(self, column_titles: dict[str, str]) -> None:
        super().__init__()
        self._notes: list[DriverNote] = []
        self._titles = column_titles

    def _count(self) -> int:
        return len(self._notes)

    def set_notes(self, notes: Sequence[DriverNote]) -> None:
        self.beginResetModel()
        self._notes = sorted(notes, key=lambda n: (n.team.casefold(), n.session_id, n.note_id))
        self.endResetModel()

    def note_at(self, row: int) -> DriverNote:
        return self._notes[row]

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or role not in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return None
        note = self._notes[index.row()]
        return (note.team, self._titles.get(note.column, note.column), _one_line(note.text))[
            index.column()
        ]
