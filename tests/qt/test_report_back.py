"""Report-back in the console and the room view: recording responses and updates (undoable,
saved at once), the grouped view, importing a filled-in PDF, exporting, carrying items over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import Qt

from crt_desktop.content import content
from crt_desktop.domain.note import Note, ProgressUpdate, Response
from crt_desktop.domain.operations import SetResponse
from crt_desktop.domain.patch import Patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import CANNOT_CONTROL, LEADERSHIP_CONTROLS, ResponseStatus
from crt_desktop.export.response_form import field_name
from crt_desktop.export.summary import write_leader_summary
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.carry_dialog import team_candidates
from crt_desktop.views.console import ConsoleWindow
from crt_desktop.views.export_dialog import default_folder
from crt_desktop.views.report_back import ReportBackWindow
from crt_desktop.views.room_view import RoomView

from .fakes import MemoryStore, sample_board
from .services import services_for

S = ResponseStatus


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


@pytest.fixture
def console(qtbot, store) -> ConsoleWindow:
    controller = BoardController(sample_board(store, 24), store)
    room = RoomView(controller, content=content())
    window = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(window)
    qtbot.addWidget(room)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def saved(store: MemoryStore, console: ConsoleWindow) -> dict[str, Note]:
    return store.boards[console.controller.session_id].notes


def panel(console: ConsoleWindow):
    window = console.leadership.report_back_window()
    return window.responses


def test_menu_has_the_report_back_items(console):
    """The Leadership menu offers every report-back action."""
    texts = [a.text() for a in console.leadership.menu.actions() if a.text()]
    assert texts == [
        "Record leader responses…",
        "Import responses from PDF…",
        "Report-back view",
        "Export report-back PDF…",
        "Carry open items into this session…",
    ]


def test_recording_a_response_saves_it_and_undo_takes_it_back(console, store):
    """Choose a status, write a reason, save: recorded and saved at once; Ctrl+Z undoes it."""
    responses = panel(console)
    responses.select("n001")
    responses.status.setCurrentIndex(responses.status.findData(S.THIS_YEAR.value))
    responses.reason.setPlainText("Budget for weekend cover  ")
    assert responses.save_response()
    assert saved(store, console)["n001"].response == Response(
        S.THIS_YEAR, "Budget for weekend cover"
    )
    assert "Exploring this year" in responses.items.currentItem().text()
    assert console.controller.undo()
    assert saved(store, console)["n001"].response is None
    assert responses.status.currentData() == S.NOT_REVIEWED.value


def test_unlikely_moves_the_item_and_impossible_needs_it(console, store):
    """ "Impossible" is offered only with "unlikely"; saving moves the item to Cannot control."""
    responses = panel(console)
    responses.select("n000")
    assert not responses.impossible.isEnabled()
    responses.status.setCurrentIndex(responses.status.findData(S.UNLIKELY_TWO_YEARS.value))
    assert responses.impossible.isEnabled()
    responses.reason.setPlainText("Set by the state")
    assert responses.save_response()
    note = saved(store, console)["n000"]
    assert note.column == CANNOT_CONTROL and note.response is not None
    assert note.response.revisit_later
    assert responses.current_id() == "n000"  # still listed: it has an answer


def listed(responses) -> list[str]:
    rows = range(responses.items.count())
    return [responses.items.item(r).data(Qt.ItemDataRole.UserRole) for r in rows]


def test_answers_keep_the_list_still_so_the_next_click_hits_its_item(console, store):
    """Saving "unlikely" (which moves the item to Cannot control) leaves the list's order and the
    chosen item as they were, so the next item clicked is the one answered."""
    responses = panel(console)
    before = listed(responses)
    first, second = before[0], before[1]
    responses.select(first)
    responses.status.setCurrentIndex(responses.status.findData(S.UNLIKELY_TWO_YEARS.value))
    responses.reason.setPlainText("Set by the state")
    assert responses.save_response()
    assert saved(store, console)[first].column == CANNOT_CONTROL
    assert listed(responses) == before
    assert responses.current_id() == first
    responses.items.setCurrentRow(1)  # the row the eye saw the second item in
    responses.status.setCurrentIndex(responses.status.findData(S.THIS_YEAR.value))
    assert responses.save_response()
    assert saved(store, console)[second].response == Response(S.THIS_YEAR, "")
    assert responses.current_id() == second


def test_opening_the_window_again_lists_the_items_in_board_order(console):
    """Once closed and opened again, the list follows the board's order once more."""
    responses = panel(console)
    first = listed(responses)[0]
    responses.select(first)
    responses.status.setCurrentIndex(responses.status.findData(S.UNLIKELY_TWO_YEARS.value))
    assert responses.save_response()
    window = console.leadership.report_back_window()
    window.show_tab(ReportBackWindow.RESPONSES)
    window.hide()
    window.show_tab(ReportBackWindow.RESPONSES)
    assert listed(responses)[-1] == first


def test_progress_updates_are_added_and_removed(console, store):
    """Dated updates are added in date order and can be removed; each is one undo step."""
    responses = panel(console)
    responses.select("n003")
    responses.update_day.setDate(date(2027, 3, 1))
    responses.update_text.setText("Listening sessions booked")
    assert responses.add_update()
    responses.update_day.setDate(date(2027, 1, 15))
    responses.update_text.setText("Asked staff what would help")
    assert responses.add_update()
    response = saved(store, console)["n003"].response
    assert response is not None
    assert [u.on for u in response.updates] == [date(2027, 1, 15), date(2027, 3, 1)]
    assert responses.updates.count() == 2
    responses.updates.setCurrentRow(0)
    assert responses.remove_update()
    assert [u.text for u in saved(store, console)["n003"].response.updates] == [
        "Listening sessions booked"
    ]
    responses.update_text.setText("   ")
    assert not responses.add_update() and "needs some text" in responses.problem.text()


def test_room_view_shows_the_report_back_grouped_and_blanks(console, qtbot):
    """The room view switches to the grouped items; blanking and restoring keep that page."""
    controller = console.controller
    update = ProgressUpdate(date(2027, 2, 1), "Rota drafted")
    controller.do(SetResponse("n001", Response(S.THIS_YEAR, "Budget", updates=(update,))))
    controller.do(SetResponse("n003", Response(S.TEAM_ENGAGED, "Four volunteers")))
    hidden = controller.board.notes["n009"]
    controller.board.notes["n009"] = replace(hidden, hidden=True)  # never shown to the room
    room = console.room_view
    console.leadership.toggle_view()
    assert room.showing_report_back and console.leadership.view_action.isChecked()
    assert room.pages.currentWidget() is room.report_back
    texts = room.report_back.texts()
    assert "A team is engaged to address it · 1" in texts
    assert "Exploring this year · 1" in texts and "Reason: Budget" in texts
    assert "Latest, 1 February 2027: Rota drafted" in texts
    assert hidden.text not in texts
    room.toggle_blank()
    assert room.blanked
    room.toggle_blank()
    assert room.pages.currentWidget() is room.report_back
    console.leadership.toggle_view()
    assert not room.showing_report_back and room.pages.currentIndex() == 0


def test_report_back_follows_changes_at_once(console, qtbot):
    """A response recorded in the console moves the item between groups on the room view."""
    room = console.room_view
    room.set_report_back(True)
    console.controller.do(SetResponse("n001", Response(S.NEXT_YEAR, "After the merger")))
    qtbot.waitUntil(lambda: "Exploring next year · 1" in room.report_back.texts())
    assert "Reason: After the merger" in room.report_back.texts()


def test_room_report_back_text_is_large(console, qtbot):
    """At 1920×1080 the room's report-back prints item text at 24 pt or more."""
    room = console.room_view
    room.resize(1920, 1080)
    room.set_report_back(True)
    sizes = [
        label.font().pointSizeF()
        for label in room.report_back.findChildren(type(room.title))
        if label.objectName() == "rbText"
    ]
    assert sizes and min(sizes) >= 24


def _filled_pdf(tmp_path: Path, console: ConsoleWindow, session_id: int) -> Path:
    summary = write_leader_summary(
        console.controller.board, tmp_path / "s.pdf", pagesize="A4", content=content()
    )
    writer = PdfWriter(clone_from=PdfReader(summary))
    values = {
        field_name(session_id, "n000", "status"): "/unlikely_two_years",
        field_name(session_id, "n000", "reason"): "Set by the state",
        field_name(session_id, "n001", "status"): "/this_year",
        field_name(session_id, "n001", "reason"): "Budget agreed",
    }
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    with filled.open("wb") as file:
        writer.write(file)
    return filled


def test_importing_a_filled_pdf_is_one_undoable_step(console, store, tmp_path):
    """The answers are shown, then recorded together; one undo takes them all back."""
    sid = console.controller.session_id
    filled = _filled_pdf(tmp_path, console, sid)
    shown: list[list[str]] = []

    def confirm(plan) -> bool:
        shown.append(plan.describe())
        return True

    message = console.leadership.import_file(filled, confirm)
    assert message.startswith("Recorded 2 responses")
    assert shown[0][0] == "2 responses will change:"
    notes = saved(store, console)
    assert notes["n000"].column == CANNOT_CONTROL
    assert notes["n001"].response == Response(S.THIS_YEAR, "Budget agreed")
    assert len(console.controller.core.history) == 1
    assert console.controller.undo()
    assert saved(store, console)["n001"].response is None
    assert saved(store, console)["n000"].column == LEADERSHIP_CONTROLS


def test_a_pdf_for_another_session_is_refused_in_the_console(console, store, tmp_path):
    """A PDF made for another session changes nothing and says why."""
    filled = _filled_pdf(tmp_path, console, console.controller.session_id)
    other = sample_board(store, 4)
    controller = BoardController(other, store)
    room = RoomView(controller, content=content())
    window = ConsoleWindow(controller, room, services=services_for(store))
    try:
        message = window.leadership.import_file(filled, lambda plan: True)
        assert f"holds answers for session {console.controller.session_id}" in message
        assert window.banner.text.text() == message
        assert len(controller.core.history) == 0
    finally:
        window.close()
        room.close()


def test_export_report_back_writes_a_pdf(console, tmp_path):
    """Export report-back PDF writes the file and says where."""
    path = tmp_path / "report.pdf"
    assert console.leadership.export_to(path) == "The report-back is saved as report.pdf."
    assert "Report-back" in PdfReader(path).pages[0].extract_text()
    assert default_folder() == tmp_path  # the next export dialog starts here


def test_carry_open_items_into_a_new_session(qtbot, store):
    """A later session of the team brings in the open items, with history; undo removes them."""
    first = sample_board(store, 24)
    history = Response(S.THIS_YEAR, "Budget", updates=(ProgressUpdate(date(2027, 1, 5), "Met"),))
    closed = Response(S.UNLIKELY_TWO_YEARS, "Law", change_impossible=True)
    patch = Patch(
        put=(
            replace(first.notes["n001"], response=history),
            replace(first.notes["n011"], response=closed),
        )
    )
    store.save_patch(first.session.id, patch)
    later = store.create_session(
        Session("Outpatient nursing", 5, date(2027, 2, 1), "control-board")
    )
    controller = BoardController(store.load_board(later.id), store)
    room = RoomView(controller, content=content())
    window = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(window)
    qtbot.addWidget(room)
    candidates = team_candidates(controller.board, store)
    ids = [c.note.id for c in candidates]
    assert "n001" in ids and "n011" not in ids and "n002" not in ids  # n002: I control
    assert window.leadership.carry_notes(tuple(c.note for c in candidates))
    carried = {n.carried_from: n for n in store.boards[later.id].notes.values()}
    assert set(carried) == set(ids)
    assert carried["n001"].response == history
    assert team_candidates(controller.board, store) == []
    assert controller.undo()
    assert store.boards[later.id].notes == {}


def test_report_back_window_has_both_tabs(console):
    """The console's report-back window records responses and shows where things stand."""
    window = console.leadership.report_back_window()
    window.show_tab(ReportBackWindow.STANDING)
    assert window.tabs.currentWidget() is window.standing
    assert "Not reviewed yet · 11" in window.standing.texts()


def test_a_reason_being_typed_survives_other_changes(console, store):
    """Typing a reason, then adding an update or voting elsewhere, keeps what was typed."""
    from crt_desktop.domain.operations import Vote

    responses = panel(console)
    responses.select("n001")
    responses.status.setCurrentIndex(responses.status.findData(S.NEXT_YEAR.value))
    responses.reason.setPlainText("Half-typed reason")
    responses.update_text.setText("Met with the budget office")
    assert responses.add_update()
    assert console.controller.do(Vote(("n003",), 1))
    assert responses.reason.toPlainText() == "Half-typed reason"
    assert responses.status.currentData() == S.NEXT_YEAR.value
    assert responses.updates.count() == 1
    assert responses.save_response()
    response = saved(store, console)["n001"].response
    assert response.reason == "Half-typed reason" and len(response.updates) == 1
    assert console.controller.undo()  # the response itself changed: the editor follows
    assert responses.reason.toPlainText() == ""


def test_carry_over_skips_a_session_deleted_since_it_was_listed(qtbot, store, monkeypatch):
    """A listed session that is gone by the time it is read is left out, not a crash."""
    first = sample_board(store, 8)
    later = store.create_session(
        Session("Outpatient nursing", 5, date(2027, 2, 1), "control-board")
    )
    controller = BoardController(store.load_board(later.id), store)
    listed = store.list_sessions()
    del store.boards[first.session.id]
    monkeypatch.setattr(store, "list_sessions", lambda: listed)
    assert team_candidates(controller.board, store) == []
