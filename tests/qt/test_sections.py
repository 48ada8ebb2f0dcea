"""Every section's board works in the console and the room view: notes go into every column,
dots count per column, cards carry why / what / how, agreements are numbered and kept to the
top N, and stories show in a shuffled but steady order."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from crt_desktop.content import content
from crt_desktop.domain.operations import MoveNotes, SetHidden
from crt_desktop.domain.session import Session
from crt_desktop.domain.session_operations import AddCard
from crt_desktop.domain.template import BoardMode
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.qt_models.column_model import ColumnModel
from crt_desktop.views.console import ConsoleWindow
from crt_desktop.views.room_view import RoomView

from .fakes import MemoryStore
from .services import services_for


def open_section(qtbot, section: int) -> tuple[ConsoleWindow, RoomView, MemoryStore]:
    store = MemoryStore()
    template = content().section(section).template
    session = store.create_session(Session("Night shift", section, date(2027, 1, 5), template))
    controller = BoardController(store.load_board(session.id), store)  # type: ignore[arg-type]
    room = RoomView(controller, content=content())
    console = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(console)
    qtbot.addWidget(room)
    return console, room, store


def rows(model: ColumnModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


@pytest.mark.parametrize("section", range(1, 13))
def test_each_board_takes_notes_into_every_column(qtbot, section):
    """A note typed in the console can be sent to every column; the room view follows."""
    console, room, store = open_section(qtbot, section)
    template = console.controller.board.template
    qtbot.keyClicks(console.entry.text, f"Something said in section {section}")
    qtbot.keyClick(console.entry.text, Qt.Key.Key_Return)
    (note,) = console.controller.board.notes.values()
    assert note.column == template.entry_column
    assert note.kind in template.kinds
    for i, column in enumerate(template.columns):
        assert console.controller.do(MoveNotes((note.id,), column.key))
        assert rows(room.views[i].column_model()) == [f"Something said in section {section}"]
        assert console.panels[i].title.text() == column.title
    saved = store.boards[console.controller.session_id].notes[note.id]
    assert saved.column == template.columns[-1].key


def test_dots_go_in_and_out_by_click_and_key(qtbot):
    """On Section 3, + and − and Ctrl+digit / Alt+digit change a column's dots; the room shows
    the count; only counts are saved, and undo takes a dot back."""
    console, room, store = open_section(qtbot, 3)
    assert console.controller.board.template.mode is BoardMode.DOTS
    tools = console.section_tools
    assert tools.dots is not None and room.dots is not None
    zealot = tools.dots.column("zealot")
    assert zealot.add_button is not None and zealot.remove_button is not None
    zealot.add_button.click()
    zealot.add_button.click()
    zealot.remove_button.click()
    console.show()
    qtbot.waitExposed(console)
    console.views[0].setFocus()
    qtbot.waitUntil(console.views[0].hasFocus)
    qtbot.keyClick(console.views[0], Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert room.dots.counts()["zealot"] == 1
    assert room.dots.counts()["withdrawal"] == 1
    assert room.dots.column("withdrawal").count.text() == "1"
    session = store.boards[console.controller.session_id].session
    assert dict(session.tallies) == {"dots:zealot": 1, "dots:withdrawal": 1}
    assert console.controller.undo()
    assert room.dots.counts()["withdrawal"] == 0
    assert not store.boards[console.controller.session_id].notes  # no note for a dot


def test_expectation_cards_are_entered_in_parts(qtbot):
    """Section 5's entry has a field per part; Enter adds one card with all its parts, and the
    card shows them."""
    console, room, _store = open_section(qtbot, 5)
    entry = console.entry
    assert list(entry.parts) == ["why", "what", "how"]
    qtbot.keyClicks(entry.text, "Return family calls")
    qtbot.keyClicks(entry.parts["why"], "Families worry")
    qtbot.keyClicks(entry.parts["how"], "Same day")
    qtbot.keyClick(entry.parts["how"], Qt.Key.Key_Return)
    (note,) = console.controller.board.notes.values()
    assert note.details == (("why", "Families worry"), ("what", ""), ("how", "Same day"))
    assert all(not field.text() for field in entry.parts.values())
    shown = room.views[0].column_model().card_text(note)
    assert shown == "Return family calls\nWhy: Families worry\nHow: Same day"
    assert len(console.controller.core.history) == 1  # one card, one undo step


def test_card_parts_dialog_saves_the_parts(qtbot):
    """Editing a card's parts saves them as one undoable change."""
    console, _room, store = open_section(qtbot, 5)
    console.controller.do(AddCard("Charting on time", details=(("why", "Safety"),)))
    (note,) = console.controller.board.notes.values()
    console.views[0].select_ids([note.id])
    dialog = console.section_tools.edit_card_parts()
    assert dialog is not None
    dialog.fields["what"].setText("Notes closed by end of shift")
    assert dialog.save()
    saved = store.boards[console.controller.session_id].notes[note.id]
    assert saved.detail("what") == "Notes closed by end of shift"
    assert saved.detail("why") == "Safety"


def test_agreements_are_numbered_and_kept_to_the_top(qtbot):
    """Section 7 numbers the agreements the room sees; past the limit a card is marked and the
    facilitator is told once."""
    console, room, _store = open_section(qtbot, 7)
    controller = console.controller
    keep = controller.board.template.keep_top
    for n in range(1, keep + 1):
        controller.do(AddCard(f"Agreement {n}", kind=Kind.RESILIENCE, column="agreements"))
    assert console.banner.isHidden()
    controller.do(AddCard("One too many", kind=Kind.RESILIENCE, column="agreements"))
    said = console.banner.text.text()
    assert said.startswith("Only the top 6 agreements go on the poster; 1 more is marked")
    model = room.views[1].column_model()
    ids = model.note_ids()
    assert model.card_text(controller.board.notes[ids[0]]) == "1.  Agreement 1"
    assert model.past_limit(ids[-1]) and not model.past_limit(ids[0])
    # Hiding the first renumbers the rest; a card moved to the top becomes number 1.
    controller.do(SetHidden((ids[0],), True))
    console_model = console.views[1].column_model()
    assert console_model.rank(ids[0]) is None and console_model.rank(ids[1]) == 1
    controller.do(MoveNotes((ids[-1],), "agreements", 0))
    assert console_model.rank(ids[-1]) == 1
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Number 1,")


def test_stories_show_shuffled_but_steady(qtbot):
    """Section 10's room view shows the stories in an order unlike the console's, and the same
    order every time the session is opened."""
    console, room, store = open_section(qtbot, 10)
    texts = [f"Story {n}" for n in range(12)]
    for text in texts:
        console.controller.do(AddCard(text, kind=Kind.RESILIENCE))
    console_order = rows(console.views[0].column_model())
    room_order = rows(room.views[0].column_model())
    assert console_order == texts
    assert sorted(room_order) == sorted(texts) and room_order != texts
    again = RoomView(BoardController(store.load_board(console.controller.session_id), store))
    qtbot.addWidget(again)
    assert rows(again.views[0].column_model()) == room_order


@pytest.mark.parametrize(("section", "reminder"), [(1, True), (3, True), (4, False), (10, True)])
def test_the_room_shows_the_reminder_line(qtbot, section, reminder):
    """A board with a reminder shows it in the room view; one without shows none."""
    _console, room, _store = open_section(qtbot, section)
    template = room.controller.board.template
    assert room.band.reminder.text() == template.reminder
    assert (not room.band.reminder.isHidden()) == reminder
