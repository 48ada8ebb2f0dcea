"""The console's guide: steps with minutes, the prompt shown to the room, the checklist, the
survey tallies and "Print visual"; each change saved and undoable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from crt_desktop.content import content
from crt_desktop.content.survey import survey
from crt_desktop.domain.session import Session, survey_key, tally
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.console import ConsoleWindow
from crt_desktop.views.print_visual import print_visual
from crt_desktop.views.room_view import RoomView

from .fakes import MemoryStore
from .services import services_for


def open_section(qtbot, section: int = 3) -> tuple[ConsoleWindow, RoomView, MemoryStore]:
    store = MemoryStore()
    template = content().section(section).template
    session = store.create_session(Session("Night shift", section, date(2027, 1, 5), template))
    controller = BoardController(store.load_board(session.id), store)  # type: ignore[arg-type]
    room = RoomView(controller, content=content())
    console = ConsoleWindow(controller, room, services=services_for(store))
    qtbot.addWidget(console)
    qtbot.addWidget(room)
    return console, room, store


def saved_session(console: ConsoleWindow, store: MemoryStore) -> Session:
    return store.boards[console.controller.session_id].session


def test_steps_list_minutes_and_move_on(qtbot):
    """Each step shows its minutes; Next moves the current step, saved, and undo goes back."""
    console, _room, store = open_section(qtbot)
    guide = console.section_tools.guide
    assert guide is not None
    section = content().section(3)
    assert guide.steps.count() == len(section.steps)
    first = section.steps[0]
    assert guide.steps.item(0).text() == f"\u25b6 1. {first.title} · {first.minutes} min"
    assert guide.guidance.text() == first.guidance
    assert not guide.previous.isEnabled()
    guide.next.click()
    assert saved_session(console, store).step == 1
    assert guide.steps.item(1).text().startswith("\u25b6 2.")
    assert guide.guidance.text() == section.steps[1].guidance
    guide.go_to_step(len(section.steps))  # past the last: nothing happens
    assert saved_session(console, store).step == 1
    assert console.controller.undo()
    assert guide.steps.item(0).text().startswith("\u25b6 1.")


def test_a_prompt_is_shown_to_the_room_and_hidden_again(qtbot):
    """Show to room puts the chosen prompt in the room view; choosing another swaps it; the
    button hides it again."""
    console, room, store = open_section(qtbot, 4)
    guide = console.section_tools.guide
    assert guide is not None
    prompts = content().section(4).prompts
    assert room.band.prompt.isHidden()
    guide.prompts.setCurrentRow(1)
    guide.show_prompt.click()
    assert saved_session(console, store).prompt == 1
    assert room.band.prompt.text() == prompts[1]
    assert not room.band.prompt.isHidden()
    assert guide.prompts.item(1).text() == f"\u25cf {prompts[1]}"
    guide.prompts.setCurrentRow(2)
    assert room.band.prompt.text() == prompts[2]
    guide.show_prompt.click()
    assert saved_session(console, store).prompt is None
    assert room.band.prompt.isHidden() and guide.show_prompt.text() == "Show to room"


def test_checklist_ticks_are_saved_and_undoable(qtbot):
    """Ticking a component saves it on the session; undo unticks the box."""
    console, _room, store = open_section(qtbot)
    guide = console.section_tools.guide
    assert guide is not None
    assert [c.key for c in content().components] == list(guide.checks)
    guide.checks["visual_hung"].click()
    assert saved_session(console, store).components == frozenset({"visual_hung"})
    assert console.controller.undo()
    assert not guide.checks["visual_hung"].isChecked()
    assert saved_session(console, store).components == frozenset()


def test_survey_tallies_are_counts_per_answer(qtbot):
    """The survey dialog saves how many chose each answer, per stage; nothing else."""
    console, _room, store = open_section(qtbot)
    dialog = console.section_tools.open_surveys()
    question = survey().questions[0].key
    dialog.set_stage("mid")
    dialog.spins[(question, "4")].setValue(5)
    dialog.spins[(question, "2")].setValue(1)
    session = saved_session(console, store)
    assert tally(session, survey_key("mid", question, "4")) == 5
    assert dict(session.tallies) == {
        survey_key("mid", question, "2"): 1,
        survey_key("mid", question, "4"): 5,
    }
    assert dialog.people[question].text() == "6"
    dialog.set_stage("pre")
    assert dialog.spins[(question, "4")].value() == 0
    dialog.close()


def test_stepping_one_survey_count_is_one_undo(qtbot):
    """Clicking a count's arrows up three times, then undo: the count is back where it was."""
    console, _room, store = open_section(qtbot)
    dialog = console.section_tools.open_surveys()
    question = survey().questions[0].key
    spin = dialog.spins[(question, "3")]
    for _ in range(3):
        spin.stepUp()
    dialog.spins[(question, "1")].stepUp()
    assert tally(saved_session(console, store), survey_key("pre", question, "3")) == 3
    assert console.undo_action.text() == "Undo tally"
    console.undo_action.trigger()  # the other answer's count
    console.undo_action.trigger()  # the three steps at once
    assert spin.value() == 0
    assert tally(saved_session(console, store), survey_key("pre", question, "3")) == 0
    assert not console.undo_action.isEnabled()
    dialog.close()


def test_print_visual_writes_the_poster(qtbot, tmp_path: Path):
    """Print visual asks for paper and file, writes the section's poster and reports it."""
    console, _room, _store = open_section(qtbot, 7)
    out = tmp_path / "poster.pdf"
    written = print_visual(
        console,
        console.controller.board,
        console.services,
        choose_paper=lambda: "A3",
        choose_file=lambda suggested: str(out),
    )
    assert written == out
    page = PdfReader(out).pages[0]
    assert round(float(page.mediabox.width)) == 842
    words = " ".join(page.extract_text().split())
    assert content().section(7).visual.lines[0] in words
    skipped = print_visual(
        console, console.controller.board, console.services, choose_paper=lambda: None
    )
    assert skipped is None


def test_print_visual_suggests_a_safe_file_name(qtbot):
    """The poster's suggested file sits in an existing folder, named safely even for "A/B"."""
    from dataclasses import replace

    console, _room, _store = open_section(qtbot, 7)
    board = console.controller.board
    board.session = replace(board.session, team="Nights A/B: <ward>")
    offered: list[str] = []
    print_visual(
        console,
        board,
        console.services,
        choose_paper=lambda: "A4",
        choose_file=lambda s: offered.append(s) or "",
    )
    suggested = Path(offered[0])
    assert suggested.parent.is_dir()
    assert suggested.name == "Nights A B ward - Section 7 - 2027-01-05 - poster.pdf"


def test_the_console_and_room_view_use_the_content_they_are_given(qtbot):
    """Content injected into the windows (not read behind their backs) gives guide and prompts."""
    from dataclasses import replace

    from crt_desktop.views.console import open_board_windows

    store = MemoryStore()
    packaged = content()
    section = replace(packaged.section(3), prompts=("Our own first prompt", "Another"))
    given = replace(packaged, sections=(section,))
    saved = store.create_session(Session("Night shift", 3, date(2027, 1, 5), section.template))
    console, room = open_board_windows(store.load_board(saved.id), services_for(store, given))
    qtbot.addWidget(console)
    qtbot.addWidget(room)
    guide = console.section_tools.guide
    assert guide is not None and guide.prompts.item(0).text() == "Our own first prompt"
    guide.show_to_room(0)
    assert room.band.prompt.text() == "Our own first prompt"
