"""The "Print visual" poster: the section's visual, or a ranked board's numbered agreements."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from crt_desktop.__main__ import main
from crt_desktop.content import content
from crt_desktop.content import content as packaged_content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import new_id
from crt_desktop.domain.operations import AddNote, SetHidden
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.validation import ValidationError
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.export.poster import agreements, poster_text, write_poster

AGREEMENTS = [
    "We say thank you out loud, and mean it",
    "We take our breaks, and cover so everyone can",
    'We ask before we assume & we say "why" <kindly>',
    "We keep handover calm",
    "We bring a problem with one idea to try",
    "We greet new colleagues by name on day one",
    "We check in after hard cases",
]


def board_for(section: int, team: str = "Outpatient nursing") -> Board:
    c = content()
    key = c.section(section).template
    return Board(Session(team, section, date(2027, 3, 1), key), c.templates[key])


def add(board: Board, text: str, column: str) -> str:
    note_id = new_id()
    op = AddNote(text, kind=Kind.RESILIENCE, column=column, note_id=note_id)
    apply_patch(board, op.patch(board))
    return note_id


def words(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def culture_board() -> Board:
    board = board_for(7)
    for text in AGREEMENTS:
        add(board, text, "agreements")
    add(board, "Not chosen this time", "later")
    return board


def test_culture_poster_numbers_the_kept_agreements_only(tmp_path: Path) -> None:
    """Section 7's poster lists the top agreements, numbered, and nothing past the limit."""
    out = write_poster(
        culture_board(), tmp_path / "poster.pdf", paper="A4", content=packaged_content()
    )
    text = words(out)
    keep = content().templates["culture-agreements"].keep_top
    for number, line in enumerate(AGREEMENTS[:keep], start=1):
        assert f"{number}. {line}" in text
    assert AGREEMENTS[keep] not in text
    assert "Not chosen this time" not in text
    assert "Outpatient nursing" in text
    assert len(PdfReader(out).pages) == 1


def test_hidden_agreements_stay_off_the_poster() -> None:
    """A card the room has not seen is not printed for the break room."""
    board = culture_board()
    first = board.cards("agreements")[0]
    apply_patch(board, SetHidden((first.id,), True).patch(board))
    assert AGREEMENTS[0] not in agreements(board)
    assert agreements(board)[0] == AGREEMENTS[1]


def test_culture_poster_without_agreements_prints_the_visual() -> None:
    """Before any agreement is made, Section 7's poster is its visual."""
    text = poster_text(board_for(7), packaged_content())
    assert text.title == content().section(7).visual.title and not text.numbered


@pytest.mark.parametrize("section", range(1, 13))
def test_every_section_prints_its_visual(tmp_path: Path, section: int) -> None:
    """Every section's poster carries its visual's title and every line, on one page."""
    out = write_poster(
        board_for(section), tmp_path / "poster.pdf", paper="Letter", content=packaged_content()
    )
    visual = content().section(section).visual
    text = words(out)
    assert re.sub(r"\s+", " ", visual.title) in text
    for line in visual.lines:
        assert line in text
    assert len(PdfReader(out).pages) == 1


@pytest.mark.parametrize(
    ("paper", "size"), [("A3", (842, 1191)), ("A4", (595, 842)), ("Letter", (612, 792))]
)
def test_paper_sizes(tmp_path: Path, paper: str, size: tuple[int, int]) -> None:
    """A3, A4 and Letter give portrait pages of their own size."""
    out = write_poster(board_for(2), tmp_path / "p.pdf", paper=paper, content=packaged_content())
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_type_is_large(tmp_path: Path) -> None:
    """No text on the poster but the footer is smaller than 24 pt: it is read across a room."""
    out = write_poster(culture_board(), tmp_path / "p.pdf", paper="A4", content=packaged_content())
    sizes = []
    for operands, operator in PdfReader(out).pages[0].get_contents().operations:  # type: ignore[union-attr]
        if operator == b"Tf":
            sizes.append(float(operands[1]))
    big = sorted(sizes)[1:]  # the smallest is the footer
    assert big and min(big) >= 24


def test_every_font_is_embedded(tmp_path: Path) -> None:
    """The poster uses only fonts inside the file, so it prints the same anywhere."""
    board = board_for(7)
    add(board, "Équipe: we share 会议 notes ¿sí?", "agreements")
    reader = PdfReader(
        write_poster(board, tmp_path / "p.pdf", paper="A4", content=packaged_content())
    )
    resources = reader.pages[0]["/Resources"]["/Font"]
    for ref in resources.values():  # type: ignore[union-attr]
        font = ref.get_object()
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontDescriptor" in font, font


def test_unknown_paper_is_refused(tmp_path: Path) -> None:
    """A paper size other than A3, A4 or Letter is one clear sentence, and no file."""
    with pytest.raises(ValidationError, match="A3, A4 or Letter"):
        write_poster(board_for(2), tmp_path / "p.pdf", paper="A5", content=packaged_content())
    assert not (tmp_path / "p.pdf").exists()


def test_command_line_poster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export ID --poster OUT.pdf --paper A3` writes the poster; A3 for the summary is refused."""
    db = str(tmp_path / "crt.db")
    assert main(["new", "--team", "T", "--section", "3", "--db", db]) == 0
    out = tmp_path / "poster.pdf"
    assert main(["export", "1", "--poster", str(out), "--paper", "A3", "--db", db]) == 0
    assert "The path of compassion fatigue" in words(out)
    capsys.readouterr()
    status = main(["export", "1", "--pdf", str(tmp_path / "s.pdf"), "--paper", "A3", "--db", db])
    assert status == 2
    assert "A3 is for posters" in capsys.readouterr().err
