"""Every section from the command line: `new --section N` then `export --pdf` gives a summary
that fits the section's board (its columns, dots, agreements, card parts, survey, checklist)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from crt_desktop.__main__ import main
from crt_desktop.content import content
from crt_desktop.content.survey import survey
from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import Operation
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import survey_key
from crt_desktop.domain.session_operations import AddCard, AddDots, SetComponent, SetTally
from crt_desktop.domain.template import BoardMode
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.storage.database import open_database


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def do(db: str, board: Board, op: Operation) -> None:
    patch = op.patch(board)
    open_database(f"sqlite:///{db}").store.save_patch(board.session.id, patch)  # type: ignore[arg-type]
    apply_patch(board, patch)


def new_session(db: str, section: int) -> tuple[int, Board]:
    assert main(["new", "--team", "Night shift", "--section", str(section), "--db", db]) == 0
    store = open_database(f"sqlite:///{db}").store
    session_id = max(s.id for s in store.list_sessions())
    return session_id, store.load_board(session_id)


def export(db: str, session_id: int, out: Path) -> str:
    assert main(["export", str(session_id), "--pdf", str(out), "--paper", "A4", "--db", db]) == 0
    return text_of(out)


@pytest.mark.parametrize("section", range(1, 13))
def test_each_section_exports_a_summary_of_its_own_board(tmp_path, capsys, section):
    """Each section's summary names the section and every column of its board, lists a note
    put in the last column, and ticks the checklist item done in the console."""
    db = str(tmp_path / "crt.db")
    session_id, board = new_session(db, section)
    template = board.template
    assert template.key == content().section(section).template
    last = template.columns[-1].key
    do(db, board, AddCard(f"A note for section {section}", column=last, kind=template.kinds[0]))
    do(db, board, SetComponent("handout", True))
    text = export(db, session_id, tmp_path / "s.pdf")
    assert content().section(section).title in text
    assert f"A note for section {section}" in text
    for column in template.columns:
        assert column.title in text
    assert "\u2611 Handout shared" in text and "\u2610 Leader prepared" in text


def test_dots_summary_gives_counts_only(tmp_path, capsys):
    """Section 3's summary shows the dots per stage and their total, and no note list when
    no notes were added."""
    db = str(tmp_path / "crt.db")
    session_id, board = new_session(db, 3)
    assert board.template.mode is BoardMode.DOTS
    for column, count in (("zealot", 2), ("withdrawal", 5), ("renewal", 1)):
        do(db, board, AddDots(column, count))
    text = export(db, session_id, tmp_path / "s.pdf")
    assert "Anonymous dots" in text and "8 dots in all" in text
    assert "Withdrawal 5" in text and "Zealot 2" in text and "Irritability 0" in text
    assert "At a glance" not in text and "No notes in this column" not in text


def test_agreements_summary_numbers_the_kept_ones(tmp_path, capsys):
    """Section 7's summary lists the agreements in order, numbered, and those past the limit."""
    db = str(tmp_path / "crt.db")
    session_id, board = new_session(db, 7)
    keep = board.template.keep_top
    for n in range(1, keep + 2):
        do(db, board, AddCard(f"We agree on thing {n}", column="agreements", kind=Kind.RESILIENCE))
    text = export(db, session_id, tmp_path / "s.pdf")
    for n in range(1, keep + 1):
        assert f"{n}. We agree on thing {n}" in text
    assert f"Past the top {keep}, so not on the poster: We agree on thing {keep + 1}" in text


def test_expectation_cards_print_why_what_and_how(tmp_path, capsys):
    """Section 5's summary prints each card's parts under it, and marks the column for leaders."""
    db = str(tmp_path / "crt.db")
    session_id, board = new_session(db, 5)
    parts = (("why", "So families hear back"), ("what", "Return calls"), ("how", "Same day"))
    do(db, board, AddCard("Call-backs", details=parts, column="unclear"))
    text = export(db, session_id, tmp_path / "s.pdf")
    assert "Why: So families hear back" in text
    assert "What: Return calls" in text and "How: Same day" in text
    assert "for our leaders to answer" in text


def test_survey_trend_shows_averages_by_stage(tmp_path, capsys):
    """Survey tallies print as a table: each statement's average and agreement per stage."""
    db = str(tmp_path / "crt.db")
    session_id, board = new_session(db, 2)
    question = survey().questions[0]
    for stage, answer, count in (("pre", "2", 4), ("pre", "4", 2), ("post", "4", 3)):
        do(db, board, SetTally(survey_key(stage, question.key, answer), count))
    text = export(db, session_id, tmp_path / "s.pdf")
    assert "Survey" in text and question.text in text
    assert "Before" in text and "After" in text and "Midway" not in text.split("Survey")[-1]
    assert "2.7 2 of 6 agree" in text and "4.0 3 of 3 agree" in text
    assert "\u2611 before" in text and "\u2610 midway" in text
