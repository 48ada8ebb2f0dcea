"""Column models: cards in board order, drag and drop through mime data, undo, row updates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt

from crt_desktop.domain.operations import AddNote, SetHidden, StackNotes, Vote
from crt_desktop.domain.vocabulary import Kind, Level
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import MIME_TYPE, ColumnModel, NoteRole, ids_from_mime

from .fakes import MemoryStore, new_board

MOVE = Qt.DropAction.MoveAction


@pytest.fixture
def controller(qapp) -> BoardController:
    store = MemoryStore()
    controller = BoardController(new_board(store), store)
    for key in "abcde":
        controller.do(AddNote(f"note {key}", note_id=key))
    return controller


@pytest.fixture
def models(controller) -> dict[str, ColumnModel]:
    return {c.key: ColumnModel(controller, c.key) for c in controller.board.template.columns}


def ids(model: ColumnModel) -> list[str]:
    return [model.index(r).data(NoteRole.ID) for r in range(model.rowCount())]


def drag(model: ColumnModel, *rows: int) -> QMimeData:
    return model.mimeData([model.index(r) for r in rows])


def test_mime_data_carries_ids_as_json(models):
    """A drag carries the dragged notes' ids, in row order, as JSON in our own mime type."""
    mime = drag(models["unsorted"], 3, 1)
    assert mime.formats() == [MIME_TYPE]
    assert bytes(mime.data(MIME_TYPE).data()) == b'["b", "d"]'
    assert ids_from_mime(mime) == ["b", "d"]


def test_foreign_or_broken_drops_are_refused(models):
    """Text from elsewhere or malformed ids never change the board."""
    target = models["i_control"]
    text = QMimeData()
    text.setText("hello")
    broken = QMimeData()
    broken.setData(MIME_TYPE, b"{not json")
    for mime in (text, broken):
        assert not target.canDropMimeData(mime, MOVE, 0, 0, QModelIndex())
        assert not target.dropMimeData(mime, MOVE, 0, 0, QModelIndex())
    assert ids(target) == []


def test_drop_one_note_across_columns_and_undo(controller, models):
    """Dropping a note on another column moves it there; undo brings it back to its place."""
    unsorted, mine = models["unsorted"], models["i_control"]
    assert mine.dropMimeData(drag(unsorted, 1), MOVE, -1, 0, QModelIndex())
    assert ids(unsorted) == ["a", "c", "d", "e"]
    assert ids(mine) == ["b"]
    controller.undo()
    assert ids(unsorted) == list("abcde") and ids(mine) == []
    controller.redo()
    assert ids(mine) == ["b"]


def test_drop_several_notes_at_a_position(controller, models):
    """Several notes dropped between two cards land there, in their order."""
    unsorted, mine = models["unsorted"], models["i_control"]
    mine.dropMimeData(drag(unsorted, 0, 1), MOVE, -1, 0, QModelIndex())
    assert mine.dropMimeData(drag(unsorted, 0, 2), MOVE, 1, 0, QModelIndex())
    assert ids(mine) == ["a", "c", "e", "b"]
    assert ids(unsorted) == ["d"]
    controller.undo()
    assert ids(mine) == ["a", "b"] and ids(unsorted) == ["c", "d", "e"]


def test_drop_within_a_column_reorders(controller, models):
    """Dragging a note down its own column puts it before the card it was dropped above."""
    unsorted = models["unsorted"]
    assert unsorted.dropMimeData(drag(unsorted, 0), MOVE, 3, 0, QModelIndex())
    assert ids(unsorted) == ["b", "c", "a", "d", "e"]
    assert unsorted.dropMimeData(drag(unsorted, 4), MOVE, 0, 0, QModelIndex())
    assert ids(unsorted) == ["e", "b", "c", "a", "d"]
    assert unsorted.dropMimeData(drag(unsorted, 1, 2), MOVE, -1, 0, QModelIndex())
    assert ids(unsorted) == ["e", "a", "d", "b", "c"]
    controller.undo()
    controller.undo()
    controller.undo()
    assert ids(unsorted) == list("abcde")


def test_drop_onto_a_note_stacks_it(controller, models):
    """Dropping notes onto a card stacks them under it, shown as one card with a count."""
    unsorted, mine = models["unsorted"], models["i_control"]
    mine.dropMimeData(drag(unsorted, 0), MOVE, -1, 0, QModelIndex())
    assert mine.dropMimeData(drag(unsorted, 1, 2), MOVE, -1, 0, mine.index(0))
    assert ids(mine) == ["a"]
    assert mine.index(0).data(NoteRole.STACK_COUNT) == 2
    assert mine.note_count() == 3
    assert ids(unsorted) == ["b", "e"]
    controller.undo()
    assert ids(unsorted) == ["b", "c", "d", "e"]
    assert mine.index(0).data(NoteRole.STACK_COUNT) == 0


def test_dropping_a_note_onto_itself_does_nothing(controller, models):
    """A note let go on its own card stays where it was and adds nothing to undo."""
    unsorted = models["unsorted"]
    count = len(controller.core.history)
    assert not unsorted.dropMimeData(drag(unsorted, 1), MOVE, -1, 0, unsorted.index(1))
    assert ids(unsorted) == list("abcde")
    assert len(controller.core.history) == count


def test_a_single_move_updates_rows_without_a_reset(controller, models, qtbot):
    """A move touches only the rows it changes: no model reset that would redraw everything."""
    unsorted, mine = models["unsorted"], models["i_control"]
    resets: list[str] = []
    for model in (unsorted, mine):
        model.modelReset.connect(lambda: resets.append("reset"))
    with qtbot.waitSignal(unsorted.rowsRemoved) as removed:
        mine.dropMimeData(drag(unsorted, 2), MOVE, -1, 0, QModelIndex())
    assert removed.args[1:] == [2, 2]
    assert resets == []
    assert models["cannot_control"].rowCount() == 0


def test_roles_and_accessible_text(controller, models):
    """Each card exposes its text, kind, level, votes and a sentence for screen readers."""
    controller.do(
        AddNote(
            "Tom & Jerry <b>bold",
            kind=Kind.RESILIENCE,
            level=Level.TEAM,
            leader_added=True,
            note_id="t",
        )
    )
    controller.do(Vote(("t",), 2))
    unsorted = models["unsorted"]
    index = unsorted.index(unsorted.row_of("t"))
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Tom & Jerry <b>bold"
    assert index.data(NoteRole.KIND) == "resilience"
    assert index.data(NoteRole.LEVEL) == "team"
    assert index.data(NoteRole.VOTES) == 2
    assert index.data(NoteRole.LEADER_ADDED) is True
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Tom & Jerry <b>bold, Resilience, Team pattern, 2 votes, added by a leader"
    )


def test_edit_in_place_goes_through_the_controller(controller, models):
    """Editing a card's text is saved and undoable like any change."""
    unsorted = models["unsorted"]
    assert unsorted.setData(unsorted.index(0), "changed", Qt.ItemDataRole.EditRole)
    assert controller.board.notes["a"].text == "changed"
    assert not unsorted.setData(unsorted.index(0), "  ", Qt.ItemDataRole.EditRole)
    controller.undo()
    assert controller.board.notes["a"].text == "note a"


def test_the_room_model_leaves_screened_notes_out(controller):
    """The room's models never hold hidden notes; revealing one adds it at its place."""
    room = ColumnModel(controller, "unsorted", include_hidden=False, editable=False)
    controller.do(SetHidden(("b", "d"), True))
    assert ids(room) == ["a", "c", "e"]
    controller.do(SetHidden(("d",), False))
    assert ids(room) == ["a", "c", "d", "e"]
    controller.do(StackNotes(("b",), onto="a"))
    # A stacked note takes its stack's visibility: the duplicate now shows, so it is counted.
    assert room.index(0).data(NoteRole.STACK_COUNT) == 1
    assert not room.flags(room.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not room.dropMimeData(
        ColumnModel(controller, "unsorted").mimeData([room.index(0)]), MOVE, -1, 0, QModelIndex()
    )
