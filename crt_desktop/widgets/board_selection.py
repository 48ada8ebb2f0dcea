"""One selection across a board's column views: a plain click or arrow key picks one note (the
other columns let go); Ctrl or Shift adds to it, in any column. Left and Right step between
columns. What is picked, and in which order, is kept in a plain Selection."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, QObject, Qt, Signal

from crt_desktop.session.selection import Selection

from .column_view import ColumnView


class BoardSelection(QObject):
    # The current note changed to this one (the room view shows it).
    current_note_changed = Signal(str)

    def __init__(self, views: Sequence[ColumnView], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views = list(views)
        self.picks = Selection()
        self._clearing = False
        for view in self.views:
            view.step_sideways.connect(lambda step, v=view: self.step_sideways(v, step))
            view.selectionModel().selectionChanged.connect(
                lambda selected, deselected, v=view: self._changed(v, selected, deselected)
            )
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, v=view: self._current_changed(v, current)
            )

    def ids(self) -> list[str]:
        """The selected notes in board order: column by column, top to bottom."""
        return [i for view in self.views for i in view.selected_ids()]

    def first_picked(self, ids: Sequence[str]) -> str:
        return self.picks.first_picked(ids)

    def active_view(self) -> ColumnView:
        """The column with the focus or a selection (else the first)."""
        for view in self.views:
            if view.hasFocus() or view.selected_ids():
                return view
        return self.views[0]

    def step_sideways(self, view: ColumnView, step: int) -> None:
        index = self.views.index(view) + step
        if not 0 <= index < len(self.views):
            return
        target = self.views[index]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        rows = target.model().rowCount()
        if rows:
            row = min(max(view.current_row(), 0), rows - 1)
            target.select_ids([target.column_model().note_ids()[row]])

    def _changed(
        self, view: ColumnView, selected: QItemSelection, deselected: QItemSelection
    ) -> None:
        ids = view.column_model().note_ids()
        self.picks.drop(ids[i.row()] for i in deselected.indexes() if 0 <= i.row() < len(ids))
        self.picks.pick(ids[i.row()] for i in selected.indexes() if 0 <= i.row() < len(ids))
        if self._clearing or selected.isEmpty() or view.extending:
            return
        self._clearing = True
        for other in self.views:
            if other is not view:
                other.clearSelection()
        self._clearing = False

    def _current_changed(self, view: ColumnView, current: QModelIndex) -> None:
        # The note just clicked or stepped to: a click makes it current before selecting it,
        # so the selection at this point would still be the one before.
        ids = view.column_model().note_ids()
        if current.isValid() and 0 <= current.row() < len(ids):
            self.current_note_changed.emit(ids[current.row()])
