"""The leader summary PDF: what it says, read back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from crt_desktop.content import Content, Section
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import ProgressUpdate, Response, new_id
from crt_desktop.domain.operations import (
    AddNote,
    MoveNotes,
    Operation,
    SetHidden,
    SetResponse,
    StackNotes,
    Vote,
)
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import Column, Template
from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.export.pdf.fonts import MISSING_MARK, fonts
from crt_desktop.export.summary import write_leader_summary
from crt_desktop.export.summary.considerations import leadership_considerations

COLUMNS = (
    Column("unsorted", "Unsorted", "New notes wait here."),
    Column("i_control", "I control", "What each of us can change."),
    Column("leadership_controls", "Leadership controls", "What we ask leaders to look at."),
    Column("cannot_control", "Cannot control", "What we set down for now."),
)
TEMPLATE = Template("control-board", "What can we control?", COLUMNS)
TITLES = [f"Title of section {n}" for n in range(1, 13)]
CONTENT = Content(
    sections=tuple(Section(n, t, "control-board") for n, t in enumerate(TITLES, start=1)),
    templates={"control-board": TEMPLATE},
)
FOOTER = re.compile(r".* · Page \d+ of \d+$")
CONTINUED = re.compile(r".*, continued$")


def make_board(team: str = "Outpatient nursing", section: int = 4, **fields: object) -> Board:
    session = Session(team, section, date(2026, 11, 20), "control-board", **fields)  # type: ignore[arg-type]
    return Board(session=session, template=TEMPLATE)


def do(board: Board, op: Operation) -> None:
    apply_patch(board, op.patch(board))


def add(board: Board, text: str, column: str = "unsorted", **fields: object) -> str:
    note_id = new_id()
    do(board, AddNote(text, column=column, note_id=note_id, **fields))  # type: ignore[arg-type]
    return note_id


def body(page_text: str) -> str:
    """A page's text without its footer and running "continued" line."""
    lines = page_text.splitlines()
    return "\n".join(ln for ln in lines if not FOOTER.match(ln) and not CONTINUED.match(ln))


def pages(path: Path) -> list[str]:
    return [body(page.extract_text()) for page in PdfReader(path).pages]


def squash(text: str) -> str:
    """Text without any white space: line wrapping cannot change it."""
    return re.sub(r"\s+", "", text)


def text_of(path: Path) -> str:
    return "\n".join(pages(path))


def export(board: Board, tmp_path: Path, **kwargs: object) -> Path:
    out = tmp_path / "summary.pdf"
    kwargs.setdefault("content", CONTENT)
    kwargs.setdefault("pagesize", "A4")
    write_leader_summary(board, out, **kwargs)  # type: ignore[arg-type]
    return out


def test_every_note_is_listed_under_its_column_heading(tmp_path: Path) -> None:
    """Each note's text sits between its column's heading and the next heading."""
    board = make_board()
    expected = {}
    for column in COLUMNS:
        texts = [f"{column.title} note number {i} about workload" for i in range(3)]
        for text in texts:
            add(board, text, column.key)
        expected[column.key] = texts
    text = squash(text_of(export(board, tmp_path)))
    anchors = [squash(f"{c.title}{c.help}") for c in COLUMNS] + [squash("Leadership items")]
    starts = [text.index(a) for a in anchors]
    assert starts == sorted(starts)
    for i, column in enumerate(COLUMNS):
        block = text[starts[i] : starts[i + 1]]
        for note in expected[column.key]:
            assert squash(note) in block
        assert block.index(squash(expected[column.key][0])) < block.index(
            squash(expected[column.key][2])
        )


def test_cover_names_team_section_date_and_facilitators(tmp_path: Path) -> None:
    """The first page carries the team, section number and title, date and facilitators."""
    board = make_board(facilitation_team="Ana Ruiz & Sam <Okafor>")
    first = pages(export(board, tmp_path))[0]
    assert "Outpatient nursing" in first
    assert "Section 4 · Title of section 4" in first
    assert "20 November 2026" in first
    assert "Facilitation team: Ana Ruiz & Sam <Okafor>" in first
    assert "Notes are anonymous" in first


def test_counts_by_column_and_kind_match_the_board(tmp_path: Path) -> None:
    """The counts table gives per-column numbers per kind and a total for the revealed notes."""
    board = make_board()
    for i in range(3):
        add(board, f"fatigue in I control {i}", "i_control", kind=Kind.FATIGUE)
    add(board, "resilience in I control", "i_control", kind=Kind.RESILIENCE)
    for i in range(2):
        add(board, f"resilience to leaders {i}", "leadership_controls", kind=Kind.RESILIENCE)
    hidden = add(board, "not yet revealed", "i_control", kind=Kind.FATIGUE)
    do(board, SetHidden((hidden,), True))
    lines = text_of(export(board, tmp_path)).splitlines()
    table = lines[lines.index("All notes") + 1 :]
    assert table[:16] == [
        "Unsorted", "0", "0", "0",
        "I control", "3", "1", "4",
        "Leadership controls", "0", "2", "2",
        "Cannot control", "0", "0", "0",
    ]  # fmt: skip
    assert table[16:20] == ["Total", "3", "3", "6"]
    assert "6 notes in all." in "\n".join(lines)


def test_hidden_notes_are_left_out_and_counted(tmp_path: Path) -> None:
    """Unrevealed notes never print; one sentence says how many there were."""
    board = make_board()
    add(board, "Shown to the room")
    secret = [add(board, f"Screened out {i}") for i in range(2)]
    do(board, SetHidden(tuple(secret), True))
    text = text_of(export(board, tmp_path))
    assert "Shown to the room" in text
    assert "Screened out" not in text
    assert "2 notes were not revealed to the room and are not listed." in text


def test_a_stack_prints_once_with_its_count(tmp_path: Path) -> None:
    """Duplicates stacked together appear as one item marked ×3, with kind, level and votes."""
    board = make_board()
    top = add(board, "Charting after hours", "i_control", level=Level.SYSTEM)
    dupes = [add(board, f"Charting at home {i}", "i_control") for i in range(2)]
    do(board, StackNotes(tuple(dupes), top))
    do(board, Vote((top,), 3))
    text = text_of(export(board, tmp_path))
    assert text.count("Charting after hours") == 1
    assert "Charting at home" not in text
    assert squash("Fatigue · System · ×3 similar notes stacked together · 3 votes") in squash(text)


HOSTILE = [
    'Staff & "leadership" <rarely> listen 😞 — ¿por qué?',
    "Tom & Jerry <b>bold</b> and <br> and <font name='Nope'>x</font> &amp; R&D",
    "<script>alert(1)</script> a < b > c",
    "Cafe\u0301 Đà Nẵng Ελληνικά Привет",
    "q\u0303 x\u0328\u0301 combining marks",
    "会议太多了 and 日本語のテキスト",
    "Thumbs 👍🏽 up",
]


def test_hebrew_and_arabic_print_every_letter(tmp_path: Path) -> None:
    """RTL text prints every letter (Arabic in its joined forms, which NFKC maps back to the
    letters; extraction tools differ in the order they read right-to-left text back in, so
    either order is accepted per word)."""
    words = ["שלום", "לכולם", "مرحبا", "بكم"]
    board = make_board()
    add(board, f"{words[0]} {words[1]} and {words[2]} {words[3]}", "i_control")
    out = unicodedata.normalize("NFKC", text_of(export(board, tmp_path)))
    for word in words:
        assert word in out or word[::-1] in out


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_prints_as_written_or_with_the_visible_mark(tmp_path: Path, text: str) -> None:
    """Markup, RTL, combining marks, emoji and CJK come out literally, or as □ where no font has
    the character; nothing is silently dropped."""
    board = make_board(team=text)
    add(board, text, "i_control")
    out = text_of(export(board, tmp_path))
    table = fonts()
    expected = "".join(
        ch if table.font_for(ch) else MISSING_MARK
        for ch in unicodedata.normalize("NFC", text)
        if not (0x1F3FB <= ord(ch) <= 0x1F3FF and table.font_for(ch) is None)
    )
    # Once as the team name on the cover, once as the note.
    assert squash(out).count(squash(expected)) >= 2


def test_cjk_uses_a_fallback_font_when_one_is_installed(tmp_path: Path) -> None:
    """With a CJK font on the system, Chinese prints as written, not as marks."""
    if 0x4F1A not in fonts().fallback:
        pytest.skip("no CJK fallback font installed here")
    board = make_board()
    add(board, "会议太多了", "i_control")
    assert "会议太多了" in text_of(export(board, tmp_path))


def test_korean_prints_in_the_hangul_fallback(tmp_path: Path) -> None:
    """Korean printed as □ (the CJK fallback has no Hangul): scripts/setup.sh installs a
    Korean TrueType font (fonts-nanum), and Hangul prints from it."""
    assert 0xD68C in fonts().hangul, "no Korean font: scripts/setup.sh installs fonts-nanum"
    board = make_board()
    add(board, "회의가 너무 많다", "i_control")
    text = text_of(export(board, tmp_path))
    assert "회의가 너무 많다" in text
    assert MISSING_MARK not in text


def test_a_two_thousand_character_note_splits_across_pages(tmp_path: Path) -> None:
    """Very long notes wrap and run over a page break with nothing lost."""
    board = make_board()
    notes = [
        " ".join([name, *(f"{name[0].lower()}{i:04d}" for i in range(400))])[:2000]
        for name in ("FIRST", "SECOND", "THIRD")
    ]
    assert all(len(note) == 2000 for note in notes)
    for note in notes:
        add(board, note, "i_control")
    out = export(board, tmp_path)
    per_page = [squash(p) for p in pages(out)]
    whole = "".join(per_page)
    for note in notes:
        assert squash(note) in whole
    split_page = next(i for i, p in enumerate(per_page) if "SECOND" in p)
    assert squash(notes[1])[-40:] not in per_page[split_page]
    assert squash(notes[1])[-40:] in per_page[split_page + 1]
    header = PdfReader(out).pages[split_page + 1].extract_text()
    assert "I control, continued" in header


def test_five_hundred_notes_make_a_tidy_multi_page_document(tmp_path: Path) -> None:
    """500 notes all print, every page is numbered "page N of M" and continued columns say so."""
    board = make_board()
    keys = [c.key for c in COLUMNS]
    for i in range(500):
        add(board, f"Note {i:03d} about the weekly rota", keys[i % 4], kind=list(Kind)[i % 2])
    out = export(board, tmp_path)
    reader = PdfReader(out)
    total = len(reader.pages)
    assert 10 < total < 80
    raw = [p.extract_text() for p in reader.pages]
    for number, page in enumerate(raw, start=1):
        assert f"Outpatient nursing · 20 November 2026 · Page {number} of {total}" in page
    assert sum("continued" in p for p in raw) > 5
    text = "\n".join(body(p) for p in raw)
    assert all(f"Note {i:03d} about" in text for i in range(500))


def test_leadership_items_show_response_or_lines_to_fill_in(tmp_path: Path) -> None:
    """Answered items show status, reason and updates; unanswered ones get boxes and lines."""
    board = make_board()
    answered = add(board, "Protected time for charting", "leadership_controls")
    add(board, "Clearer on-call rota", "leadership_controls")
    parking = add(board, "Parking costs", "leadership_controls")
    response = Response(
        ResponseStatus.THIS_YEAR,
        "We will pilot it in <January> & review.",
        updates=(ProgressUpdate(date(2027, 2, 1), "Pilot started on two units."),),
    )
    do(board, SetResponse(answered, response))
    do(board, SetResponse(parking, Response(ResponseStatus.UNLIKELY_TWO_YEARS, "County budget.")))
    text = text_of(export(board, tmp_path))
    items = text[text.index("Leadership items") :]
    assert "3 items, 2 answered so far" in items
    assert "Response: Exploring this year" in items
    assert "Reason: We will pilot it in <January> & review." in items
    assert "1 February 2027: Pilot started on two units." in items
    after_open = items[items.index("Clearer on-call rota") :]
    assert "Not answered yet" in after_open
    assert squash("☐ Needs clarification from staff") in squash(after_open)
    # Unlikely items move to Cannot control and are still listed with their answer.
    assert board.notes[parking].column == "cannot_control"
    assert "Response: Unlikely to change within two years" in items


def test_checklist_and_next_section_considerations_are_included(tmp_path: Path) -> None:
    """The components print as boxes to tick, then what to prepare for the next section."""
    text = text_of(export(make_board(section=4), tmp_path))
    checklist = text[text.index("Comprehensive components") :]
    for title in ("Handout shared", "Leader prepared", "Visual hung", "Surveys"):
        assert f"☐ {title}" in checklist
    assert "Looking ahead to Section 5: Title of section 5" in text
    assert squash(leadership_considerations(5)[0]) in squash(text)


def test_the_last_section_looks_beyond_the_sessions(tmp_path: Path) -> None:
    """After Section 12 there is no next section: the summary says how to keep going."""
    text = text_of(export(make_board(section=12), tmp_path))
    assert "After the last section" in text
    assert "Looking ahead" not in text


def test_considerations_come_from_content_when_it_has_them() -> None:
    """A section's own considerations in the content files win over the built-in list."""

    section = Section(5, "Expectations", "control-board")
    object.__setattr__(
        section, "leadership_considerations", ("Bring the rota to the next meeting.",)
    )
    content = Content(
        sections=(section,),
        templates={"control-board": TEMPLATE},
    )
    assert leadership_considerations(5, content) == ("Bring the rota to the next meeting.",)
    assert leadership_considerations(6, content) == leadership_considerations(6)
    assert all(leadership_considerations(n) for n in range(1, 13))


def _fonts_of(reader: PdfReader) -> list[Any]:
    found = []
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            found.append(ref.get_object())
    return found


def test_every_font_is_embedded(tmp_path: Path) -> None:
    """No page uses a font that is not inside the file (no bare Helvetica)."""
    board = make_board(team="Équipe 会议 😞")
    add(board, "Mixed 会议 and ¿qué? 😞", "i_control")
    reader = PdfReader(export(board, tmp_path))
    found = _fonts_of(reader)
    assert found
    for font in found:
        if "/DescendantFonts" in font:  # composite font: the descriptor sits on its descendant
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontDescriptor" in font, font  # the standard 14 fonts have none: not embedded
        descriptor = font["/FontDescriptor"].get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_no_text_is_smaller_than_nine_points(tmp_path: Path) -> None:
    """Every font size set in the page content is at least 9 pt."""
    board = make_board()
    add(board, "A note", "leadership_controls", level=Level.TEAM)
    reader = PdfReader(export(board, tmp_path))
    sizes = set()
    for page in reader.pages:
        for operands, operator in page.get_contents().operations:  # type: ignore[union-attr]
            if operator == b"Tf":
                sizes.add(float(operands[1]))
    assert sizes
    assert min(sizes) >= 9


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_paper_size_is_honoured(tmp_path: Path, paper: str, size: tuple[int, int]) -> None:
    """A4 and US Letter give pages of their own size."""
    reader = PdfReader(export(make_board(), tmp_path, pagesize=paper))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_the_packaged_content_gives_the_section_title(tmp_path: Path) -> None:
    """With the app's own content files, the section title comes from them."""
    from crt_desktop.content import content

    board = Board(
        session=Session("Team A", 4, date(2026, 1, 5), "control-board"),
        template=content().template_for(4),
    )
    out = tmp_path / "summary.pdf"
    write_leader_summary(board, out, pagesize="Letter", content=content())
    assert content().section(4).title in text_of(out)


def test_board_order_is_kept_after_moves(tmp_path: Path) -> None:
    """Notes print in the order the board shows them, after moves too."""
    board = make_board()
    ids = [add(board, f"Ordered note {c}", "i_control") for c in "ABC"]
    do(board, MoveNotes((ids[2],), "i_control", 0))
    text = text_of(export(board, tmp_path))
    positions = [text.index(f"Ordered note {c}") for c in "CAB"]
    assert positions == sorted(positions)
