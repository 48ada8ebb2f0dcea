"""The leader summary's form filled by outside PDF tools (pypdf, qpdf through pikepdf, PyMuPDF):
every reason box shows its own text, the answers read back exactly, and the fields are made to
be found and tapped (size, tooltips, one page per item, a real date)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pikepdf
import pymupdf
import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.platypus import Paragraph

from crt_desktop.content import Content, Section
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import ProgressUpdate, Response
from crt_desktop.domain.operations import AddNote, SetResponse
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import Column, Template
from crt_desktop.domain.vocabulary import ResponseStatus
from crt_desktop.export.response_form import BUTTON, REASON, STATUS, parse_field_name
from crt_desktop.export.responses_read import read_filled_file
from crt_desktop.export.summary import write_leader_summary

COLUMNS = (
    Column("unsorted", "Unsorted", "New notes wait here."),
    Column("leadership_controls", "Leadership controls", "What we ask leaders to look at."),
)
TEMPLATE = Template("control-board", "What can we control?", COLUMNS)
CONTENT = Content(
    sections=tuple(Section(n, f"Section {n}", "control-board") for n in range(1, 13)),
    templates={"control-board": TEMPLATE},
)
ITEMS = ("Charting after hours", "Weekend rota", "A quiet room", "Parking", "Breaks")
# Latin, Vietnamese, Chinese, Arabic and the characters markup and PDF strings escape.
REASONS = (
    "We will trial protected charting time.",
    "Trường hợp đặc biệt sẽ được xem xét.",
    "我们会在一月试行。",
    "سنجرب ذلك في يناير",
    '&<>" and (brackets) \\ too',
)
LATIN = (0, 4)  # reasons that the standard field font can print in every filler


def board_with_items(texts: tuple[str, ...] = ITEMS, session_id: int = 7) -> Board:
    session = Session("Outpatient nursing", 4, date(2026, 11, 20), "control-board", id=session_id)
    board = Board(session=session, template=TEMPLATE)
    for i, text in enumerate(texts):
        op = AddNote(text, column="leadership_controls", note_id=f"n{i}")
        apply_patch(board, op.patch(board))
    return board


def summary(tmp_path: Path, board: Board | None = None, paper: str = "A4") -> Path:
    out = tmp_path / "summary.pdf"
    return write_leader_summary(board or board_with_items(), out, content=CONTENT, pagesize=paper)


def reason_names(path: Path) -> list[str]:
    """The reason fields, in the order of the items."""
    names = [n for n in PdfReader(path).get_fields() or {} if n.endswith(f"/{REASON}")]
    return sorted(names, key=lambda n: int(n.split("/")[2][1:]))


def fill_with_pypdf(source: Path, target: Path, values: dict[str, str]) -> None:
    writer = PdfWriter(clone_from=PdfReader(source))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values)
    with target.open("wb") as file:
        writer.write(file)


def fill_with_qpdf(source: Path, target: Path, values: dict[str, str]) -> None:
    """Set the values and let qpdf (through pikepdf) make the appearances, as
    `qpdf --generate-appearances` does."""
    with pikepdf.open(source) as pdf:
        for field in pdf.Root.AcroForm.Fields:
            name = str(field.get("/T", ""))
            if name in values:
                field.V = pikepdf.String(values[name])
        pdf.Root.AcroForm.NeedAppearances = True
        pdf.generate_appearance_streams()
        pdf.save(target)


def fill_with_pymupdf(source: Path, target: Path, values: dict[str, str]) -> None:
    with pymupdf.open(source) as doc:
        for page in doc:
            for widget in page.widgets():
                if widget.field_name in values:
                    widget.field_value = values[widget.field_name]
                    widget.update()
        doc.save(target)


FILLERS = {"pypdf": fill_with_pypdf, "qpdf": fill_with_qpdf, "PyMuPDF": fill_with_pymupdf}


def appearance_bytes(widget: Any) -> bytes:
    """The bytes of the strings a widget's normal appearance shows."""
    shown: list[bytes] = []
    for operands, operator in pikepdf.parse_content_stream(widget.AP.N):
        if str(operator) in ("Tj", "'", '"'):
            shown.append(bytes(operands[-1]))
        elif str(operator) == "TJ":
            shown += [bytes(x) for x in operands[0] if isinstance(x, pikepdf.String)]
    return b"".join(shown)


def latin_text(raw: bytes) -> str:
    """Shown bytes of a standard-font appearance, as text (WinAnsi covers these reasons)."""
    return raw.decode("cp1252", errors="replace")


@pytest.mark.parametrize("filler", sorted(FILLERS))
def test_every_reason_box_shows_its_own_reason(tmp_path: Path, filler: str) -> None:
    """After an outside tool fills the form, each reason box's appearance holds its own text
    (they all shared one appearance stream, so every box showed the last reason typed); the
    filled page renders, and the answers read back exactly."""
    source = summary(tmp_path)
    names = reason_names(source)
    assert len(names) == len(ITEMS)
    values = dict(zip(names, REASONS, strict=True))
    filled = tmp_path / f"filled-{filler}.pdf"
    FILLERS[filler](source, filled, values)
    with pikepdf.open(filled) as pdf:
        widgets = {str(f.T): f for f in pdf.Root.AcroForm.Fields if "/T" in f}
        streams = {widgets[n].AP.N.objgen for n in names}
        assert len(streams) == len(names), "reason boxes share an appearance stream"
        shown = {n: appearance_bytes(widgets[n]) for n in names}
    for i in LATIN:
        assert latin_text(shown[names[i]]) == REASONS[i]
    for i, name in enumerate(names):
        others = [REASONS[j] for j in LATIN if j != i]
        assert not any(latin_text(shown[name]) == other for other in others)
    form = read_filled_file(filled)
    assert {k: a.reason for k, a in form.answers.items()} == {
        f"n{i}": reason for i, reason in enumerate(REASONS)
    }
    rendered = render(filled, tmp_path)
    assert rendered, "pdftoppm made no page"


def render(path: Path, folder: Path) -> list[Path]:
    """Every page as a PNG, through poppler's pdftoppm; each page must show something."""
    tool = shutil.which("pdftoppm")
    assert tool, "poppler-utils is installed by scripts/setup.sh"
    subprocess.run([tool, "-r", "40", "-png", str(path), str(folder / "page")], check=True)
    pages = sorted(folder.glob("page-*.png"))
    for page in pages:
        with Image.open(page) as image:
            low, _high = image.convert("L").getextrema()
            assert low < 128, f"{page.name} is blank"
    return pages


def test_pymupdf_prints_the_non_latin_reasons_with_a_font_that_has_them(tmp_path: Path) -> None:
    """PyMuPDF makes its own appearance for Vietnamese, Chinese and Arabic reasons: each box's
    appearance holds text, distinct from every other box's."""
    source = summary(tmp_path)
    names = reason_names(source)
    filled = tmp_path / "filled.pdf"
    fill_with_pymupdf(source, filled, dict(zip(names, REASONS, strict=True)))
    with pikepdf.open(filled) as pdf:
        widgets = {str(f.T): f for f in pdf.Root.AcroForm.Fields if "/T" in f}
        shown = [appearance_bytes(widgets[n]) for n in names]
    assert all(shown) and len(set(shown)) == len(shown)


def _widgets(path: Path) -> list[Any]:
    reader = PdfReader(path)
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for ref in page.get("/Annots") or []:
            widget = ref.get_object()
            found.append((number, widget))
    return found


def test_buttons_are_big_enough_to_tap_and_drawn_centred_in_their_box(tmp_path: Path) -> None:
    """Radio buttons and the check box are at least 14 pt square, and a radio's circle is
    centred in its box and fills it (it was a 5 pt circle in a corner of a 10 pt box)."""
    path = summary(tmp_path)
    buttons = [w for _, w in _widgets(path) if w.get("/FT") == "/Btn" or "/Parent" in w]
    assert buttons
    for widget in buttons:
        x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
        assert x1 - x0 >= 14 - 1e-3 and y1 - y0 >= 14 - 1e-3
    assert BUTTON >= 14
    with pikepdf.open(path) as pdf:
        radio = next(
            k
            for f in pdf.Root.AcroForm.Fields
            if str(f.get("/T", "")).endswith(STATUS)
            for k in f.Kids
        )
        size = float(radio.Rect[2]) - float(radio.Rect[0])
        ops = pikepdf.parse_content_stream(radio.AP.N.Off)
        moves = [o for o, op in ops if str(op) == "cm"]
        assert [float(v) for v in moves[0][4:]] == [size / 2, size / 2]
        curves = [[float(v) for v in o] for o, op in ops if str(op) == "c"]
        radius = max(abs(v) for c in curves for v in c)
        assert size / 2 - 1 <= radius <= size / 2


def test_every_tooltip_names_its_item(tmp_path: Path) -> None:
    """A screen reader or a hover names the item a field is for, not only "Reason"."""
    path = summary(tmp_path)
    fields = PdfReader(path).get_fields() or {}
    for name, field in fields.items():
        parsed = parse_field_name(name)
        if parsed is None:
            continue
        item = ITEMS[int(parsed[1][1:])]
        tooltip = str(field.get("/TU", ""))
        assert item in tooltip, (name, tooltip)
    reasons = [str(fields[n]["/TU"]) for n in reason_names(path)]
    assert reasons[0] == "Response to: Charting after hours"


def test_each_item_stays_on_one_page_with_its_fields(tmp_path: Path) -> None:
    """On Letter, a long note no longer ends a page with its answer fields on the next."""
    texts = tuple(f"Item {i}: " + "staffing and charting time " * (8 + 3 * i) for i in range(12))
    path = summary(tmp_path, board_with_items(texts), paper="Letter")
    reader = PdfReader(path)
    in_leadership = False
    seen = set()
    for page in reader.pages:
        text = page.extract_text()
        if "Leadership items" in text:
            in_leadership, text = True, text[text.index("Leadership items") :]
        if not in_leadership:
            continue
        names = {
            str(ref.get_object().get("/T") or ref.get_object()["/Parent"].get("/T"))
            for ref in page.get("/Annots") or []
        }
        for i in range(len(texts)):
            if f"Item {i}:" in text:
                seen.add(i)
                assert any(f"/n{i}/" in n for n in names), f"item {i} apart from its fields"
    assert seen == set(range(len(texts)))


def test_the_creation_date_is_the_session_day(tmp_path: Path) -> None:
    """The document's date is the day the session was held: real, and still nothing about
    when or where the file was written."""
    info = PdfReader(summary(tmp_path)).metadata or {}
    assert str(info["/CreationDate"]).startswith("D:20261120")
    assert str(info["/ModDate"]).startswith("D:20261120")


def test_progress_updates_are_laid_out_once_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An item with thousands of updates is laid out in linear time: each paragraph is broken
    into lines a bounded number of times, not again for every page (10,000 took 67 s)."""
    calls = {"n": 0}
    real = Paragraph.wrap

    def counted(self: Paragraph, *args: Any) -> Any:
        calls["n"] += 1
        return real(self, *args)

    monkeypatch.setattr(Paragraph, "wrap", counted)
    board = board_with_items(("Protected time",))
    updates = tuple(
        ProgressUpdate(date(2027, 1, 5), f"Update {i} on the pilot") for i in range(2000)
    )
    response = Response(ResponseStatus.THIS_YEAR, "Trial", updates=updates)
    apply_patch(board, SetResponse("n0", response).patch(board))
    summary(tmp_path, board)
    assert calls["n"] < 4 * len(updates)
