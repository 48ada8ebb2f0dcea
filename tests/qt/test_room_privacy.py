"""Screened notes: the room view never shows their text, and it agrees with the leader summary
on what the room has seen (a stack is shown or screened as one, by its top note)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from crt_desktop.content import content
from crt_desktop.domain.note import Response
from crt_desktop.domain.operations import (
    AddNote,
    MoveNotes,
    SetResponse,
    SetScreening,
    StackNotes,
)
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.export.summary.digest import digest
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import NoteRole

from .fakes import MemoryStore, new_board

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
)


@pytest.fixture
def controller(qapp) -> BoardController:
    """A board with shown notes, screened notes, and stacks that mix the two as they were made."""
    store = MemoryStore()
    controller = BoardController(new_board(store), store)
    do = controller.do
    for key in ("shown a", "shown b", "shown c"):
        do(AddNote(key, note_id=key))
    do(SetScreening(True))
    for key in ("secret top", "secret dup", "secret alone", "secret leader"):
        do(AddNote(key, note_id=key))
    # A shown note stacked under a screened top: the whole stack stays screened.
    do(StackNotes(("shown c",), onto="secret top"))
    do(StackNotes(("secret dup",), onto="secret top"))
    # A screened leadership item with a response, and a shown stack in the same column.
    do(MoveNotes(("secret leader", "shown a"), "leadership_controls"))
    do(SetResponse("secret leader", Response(ResponseStatus.THIS_YEAR, "secret reason")))
    do(StackNotes(("shown b",), onto="shown a"))
    return controller


def room_texts(room) -> str:
    shown = [room.windowTitle()]
    shown += [label.text() for label in room.findChildren(QLabel)]
    for view in room.views:
        model = view.model()
        for row in range(model.rowCount()):
            for role in ROLES:
                value = model.data(model.index(row, 0), role)
                if value is not None:
                    shown.append(str(value))
    return "\n".join(shown)


def test_screened_texts_never_reach_the_room_view(controller):
    """No screened note's text shows in the room view, on the board or on its report-back."""
    from crt_desktop.views.room_view import RoomView

    room = RoomView(controller, content=content())
    for report_back in (False, True):
        room.set_report_back(report_back)
        text = room_texts(room)
        assert "shown a" in text
        assert "secret" not in text
    room.close()


def test_stacking_under_a_screened_top_keeps_the_stack_out_of_the_room(controller):
    """A revealed note stacked under a screened top is screened with it."""
    assert controller.board.notes["shown c"].hidden


def test_room_view_and_summary_agree_on_what_the_room_saw(controller):
    """Each column: the cards the room shows, with their stack counts, are those the PDF lists."""
    from crt_desktop.views.room_view import RoomView

    room = RoomView(controller, content=content())
    summary = {c.column.key: c for c in digest(controller.board).columns}
    for view in room.views:
        model = view.model()
        column = model.column
        shown = {}
        for row in range(model.rowCount()):
            note_id = model.index(row, 0).data(NoteRole.ID)
            shown[note_id] = 1 + model.stack_count(note_id)
        listed = {item.note.id: item.count for item in summary[column].items}
        assert shown == listed, column
    room.close()
