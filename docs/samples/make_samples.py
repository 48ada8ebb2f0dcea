"""Writes the sample leader summary in this folder: a realistic 40-note Section 4 session.

Run from the project folder: `.venv/bin/python docs/samples/make_samples.py`. It writes
leader-summary-sample.pdf and PNGs of its first pages (needs pdftoppm from poppler-utils), and
leader-summary-filled-by-pymupdf.pdf: the same summary with answers typed in by PyMuPDF, an
outside PDF tool (a test dependency), with a PNG of its first leadership page.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import ProgressUpdate, Response, new_id
from crt_desktop.domain.operations import (
    AddNote,
    Operation,
    SetHidden,
    SetResponse,
    StackNotes,
    Vote,
)
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.export.summary import write_leader_summary

HERE = Path(__file__).resolve().parent
F, R = Kind.FATIGUE, Kind.RESILIENCE
M, T, S = Level.MINDSET, Level.TEAM, Level.SYSTEM

# (text, kind, level, votes, leader added)
NOTES: dict[str, list[tuple[str, Kind, Level | None, int, bool]]] = {
    "unsorted": [
        ("Not sure who to ask when the schedule changes", F, None, 0, False),
        ("Café Tuesdays with the day shift", R, T, 0, False),
        ("Hard to switch off after a difficult death", F, M, 1, False),
        ("New hires shadow us for only two days", F, T, 0, False),
    ],
    "i_control": [
        ("Taking my full lunch break away from the unit", R, M, 4, False),
        ("Saying no to extra shifts when I'm already tired", F, M, 3, False),
        ("Checking email at home late at night", F, M, 2, False),
        ("Thanking a colleague out loud at huddle", R, T, 5, False),
        ("Morning huddles keep us connected", R, T, 4, False),
        ("Walking outside between clinics", R, M, 1, False),
        ("Leaving my phone in the locker during handover", R, M, 0, False),
        ("Asking for help before I'm overwhelmed", R, M, 2, True),
        ("Gossip about other teams", F, T, 1, False),
        ("Bringing the same worries home every night", F, M, 0, False),
        ("Noticing when I start to feel irritable, and pausing", R, M, 1, False),
        ("Checking in on the newest nurse each week", R, T, 2, False),
        ("שואלים זה את זה מה שלומנו בסוף המשמרת", R, T, 1, False),
    ],
    "leadership_controls": [
        ("Charting after hours eats into family time", F, S, 7, False),
        ("Mandatory overtime announced with less than a day's notice", F, S, 6, False),
        ('Staff & "leadership" <rarely> listen 😞 — ¿por qué?', F, S, 4, False),
        ("Unclear on-call expectations for weekends", F, S, 5, False),
        ("No quiet room for breaks on the second floor", F, S, 3, False),
        ("Recognition from our manager when things go well", R, S, 2, False),
        ("Too many meetings that could be an email", F, T, 3, True),
        ("Policy changes arrive without the reason behind them", F, S, 4, False),
        ("Float staff don't know our unit's routines", F, S, 1, False),
        ("Clear handover template for the evening shift", R, T, 2, False),
        ("Pagers going off during patient conversations", F, S, 2, False),
        ("لا يوجد وقت كاف للاستراحة بين المرضى", F, S, 2, False),
        ("회의가 너무 많아서 환자 곁에 있을 시간이 없다", F, S, 1, False),
    ],
    "cannot_control": [
        ("County budget freeze on new posts", F, S, 2, False),
        ("Patients' families who are angry at the system", F, S, 1, False),
        ("Parking costs went up again", F, S, 0, False),
        ("Flu season every winter", F, S, 0, False),
        ("Thank-you cards from families", R, None, 3, False),
        ("Patients who get better and come back to say hello", R, None, 2, False),
        ("National staffing shortage", F, S, 1, False),
        ("会议太多了 — too many meetings across the whole hospital", F, S, 0, False),
        ("Insurance rules that change each year", F, S, 0, False),
        ("Patients arriving sicker than a few years ago", F, S, 1, False),
        ("The kindness of the housekeeping team", R, None, 2, False),
    ],
}


def do(board: Board, op: Operation) -> None:
    apply_patch(board, op.patch(board))


def sample_board() -> Board:
    """The board of a Section 4 session as a facilitator might have left it."""
    session = Session(
        team="Outpatient nursing, 3rd floor",
        section=4,
        held_on=date(2026, 11, 20),
        template="control-board",
        facilitation_team="Ana Ruiz & Sam Okafor",
        id=12,
        uid="5f0c2d7e9a4b4c1e8d3f6a2b7c9e0d14",
    )
    board = Board(session=session, template=content().template_for(4))
    ids: dict[str, str] = {}
    for column, notes in NOTES.items():
        for text, kind, level, votes, leader in notes:
            note_id = new_id()
            ids[text] = note_id
            do(board, AddNote(text, kind, level, leader, column, note_id))
            if votes:
                do(board, Vote((note_id,), votes))
    # Two duplicates said in the room, stacked under the first time it was said.
    for text in ("Charting at home after the kids are in bed", "Notes finished on my day off"):
        note_id = new_id()
        do(board, AddNote(text, F, S, False, "leadership_controls", note_id))
        do(board, StackNotes((note_id,), ids["Charting after hours eats into family time"]))
    # Screened by the facilitator and never shown to the room.
    hidden = []
    for text in ("A named colleague's behaviour", "Another named person"):
        note_id = new_id()
        do(board, AddNote(text, F, None, False, "unsorted", note_id))
        hidden.append(note_id)
    do(board, SetHidden(tuple(hidden), True))
    answers = {
        "Charting after hours eats into family time": Response(
            ResponseStatus.THIS_YEAR,
            "We will pilot 30 minutes of protected charting time per shift from January.",
            updates=(
                ProgressUpdate(date(2027, 2, 3), "Pilot running on two units since 6 January."),
            ),
        ),
        "Unclear on-call expectations for weekends": Response(
            ResponseStatus.NEEDS_CLARIFICATION,
            "We'd like to hear which part is unclear: the rota, the pay or the response times.",
        ),
        "No quiet room for breaks on the second floor": Response(
            ResponseStatus.NEXT_YEAR, "The building plan for next year includes a room we can use."
        ),
        "Float staff don't know our unit's routines": Response(
            ResponseStatus.TEAM_ENGAGED, "Two nurses and the float coordinator will write a guide."
        ),
        "Mandatory overtime announced with less than a day's notice": Response(
            ResponseStatus.UNLIKELY_TWO_YEARS,
            "Staffing rules are set across the hospital; we will keep raising it.",
        ),
    }
    for text, response in answers.items():
        do(board, SetResponse(ids[text], response))
    return board


FILLED_REASONS = {
    # A reason per script the form must carry: Latin, Vietnamese, Chinese, Arabic, markup.
    "Recognition from our manager when things go well": "We will start a monthly thank-you round.",
    "Too many meetings that could be an email": "Trường hợp này sẽ được xem xét vào tháng Một.",
    "Policy changes arrive without the reason behind them": "我们会在每次变更时说明原因。",
    "Pagers going off during patient conversations": "سنراجع إعدادات أجهزة النداء",
    "Clear handover template for the evening shift": 'Draft "v2" & <review> by March',
}


def fill_with_pymupdf(board: Board, source: Path, target: Path) -> None:
    """Type a reason and choose a status for some items, as a leader would in another tool."""
    import pymupdf

    wanted = {
        f"crt/{board.session.id}/{note.id}/reason": FILLED_REASONS[note.text]
        for note in board.notes.values()
        if note.text in FILLED_REASONS
    }
    with pymupdf.open(source) as doc:
        for page in doc:
            for widget in page.widgets():
                if widget.field_name in wanted:
                    widget.field_value = wanted[widget.field_name]
                    widget.update()
        doc.save(target)


def main() -> None:
    board = sample_board()
    pdf = write_leader_summary(
        board, HERE / "leader-summary-sample.pdf", content=content(), pagesize="A4"
    )
    for old in HERE.glob("leader-summary-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "3", str(pdf), str(HERE / pdf.stem)],
        check=True,
    )
    filled = HERE / "leader-summary-filled-by-pymupdf.pdf"
    fill_with_pymupdf(board, pdf, filled)
    first = next(
        number
        for number, text in enumerate(
            subprocess.run(
                ["pdftotext", "-layout", str(filled), "-"], capture_output=True, text=True
            ).stdout.split("\f"),
            start=1,
        )
        if "Leadership items" in text
    )
    # The two pages after the first leadership page hold most of the typed reasons.
    pages = ["-f", str(first + 1), "-l", str(first + 2)]
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", *pages, str(filled), str(HERE / filled.stem)], check=True
    )
    print(f"wrote {pdf.name}, {filled.name} and PNGs of their pages")


if __name__ == "__main__":
    main()
