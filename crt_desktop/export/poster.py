""" "Print visual": a large-type poster of a section's visual for the break room, and for the
culture agreements (Section 7) the team's own agreements, numbered.

The type is as large as the page allows: the size is found by fitting every line on the page.
Fonts and atomic writing are the leader summary's, so any script the summary prints, this does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from crt_desktop.content import Content
from crt_desktop.domain.board import Board
from crt_desktop.domain.validation import ValidationError

PAPERS = ("A3", "A4", "Letter")
# Text sizes the fitting searches between (points): large enough to read across a room.
LARGEST, SMALLEST = 96.0, 14.0


@dataclass(frozen=True)
class PosterText:
    title: str
    lines: tuple[str, ...]
    # Agreements print with their numbers; a visual's lines print as they are.
    numbered: bool = False
    footer: str = ""


def check_poster_paper(paper: str | None) -> str:
    """The paper name to use (None: from the locale); ValidationError for an unknown one."""
    if paper is None:
        from .pdf.paper import paper_for_locale

        return paper_for_locale()
    for known in PAPERS:
        if paper.strip().lower() == known.lower():
            return known
    raise ValidationError(f"A poster prints on A3, A4 or Letter, not {paper!r}.")


def agreements(board: Board) -> list[str]:
    """The cards of the board's ranked result column that the room saw, in order, up to the
    number the template keeps (all of them when it keeps no set number)."""
    template = board.template
    if not template.result_column:
        return []
    texts = [card.text for card in board.cards(template.result_column) if not card.hidden]
    return texts[: template.keep_top] if template.keep_top else texts


def poster_text(board: Board, chosen: Content) -> PosterText:
    """What the poster says: the agreements of a ranked board that has some, else the
    section's visual."""
    session = board.session
    try:
        section = chosen.section(session.section)
    except KeyError:
        section = None
    kept = agreements(board) if board.template.ranked else []
    if kept:
        title = board.template.title
        return PosterText(title, tuple(kept), numbered=True, footer=session.team)
    if section is None:
        raise ValidationError(f"There is no visual for section {session.section}.")
    footer = f"Section {section.number} \u00b7 {section.title}"
    return PosterText(section.visual.title, section.visual.lines, footer=footer)


def _draw(text: PosterText, file: BinaryIO, paper: str, *, made_on: date, lang: str = "en") -> None:
    from reportlab.lib.pagesizes import A3, A4, LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    from .pdf.fonts import BOLD, FAMILY, fonts, markup
    from .pdf.styles import ACCENT, INK, MUTED, RULE
    from .pdf.tagging import TAGS_ATTRIBUTE, Tagged, Tags, artifact

    fonts()
    width, height = {"A3": A3, "A4": A4, "Letter": LETTER}[paper]
    margin = width * 0.08
    inner = width - 2 * margin
    footer_h = 0.05 * height

    def body_style(size: float) -> ParagraphStyle:
        indent = size * 1.5 if text.numbered else 0
        return ParagraphStyle(
            "poster",
            fontName=FAMILY,
            fontSize=size,
            leading=size * 1.22,
            textColor=INK,
            leftIndent=indent,
            bulletIndent=0,
            bulletFontName=BOLD,
            bulletFontSize=size,
            bulletColor=ACCENT,
            alignment=0 if text.numbered else 1,
            splitLongWords=1,
        )

    def title_para(size: float) -> Paragraph:
        style = ParagraphStyle(
            "title",
            fontName=BOLD,
            fontSize=size,
            leading=size * 1.15,
            textColor=ACCENT,
            alignment=1,
            splitLongWords=1,
        )
        return Paragraph(markup(text.title), style)

    def body(size: float) -> list[Paragraph]:
        style = body_style(size)
        return [
            Paragraph(
                markup(line),
                style,
                bulletText=f"{number}." if text.numbered else None,
            )
            for number, line in enumerate(text.lines, start=1)
        ]

    def height_of(paras: list[Paragraph], gap: float) -> float:
        return sum(p.wrap(inner, height)[1] for p in paras) + gap * (len(paras) - 1)

    # The title: as large as fits two lines at most, and a little larger than the body.
    title_size = min(LARGEST * 1.2, width / 7.5)  # bold and clear, leaving room for the lines
    while title_size > SMALLEST and title_para(title_size).wrap(inner, height)[1] > (
        title_size * 1.15 * 2 + 1
    ):
        title_size -= 2
    title = title_para(title_size)
    title_h = title.wrap(inner, height)[1]
    room = height - 2 * margin - footer_h - title_h - title_size
    # The body: the largest size at which every line fits the space left.
    low, high = SMALLEST, min(LARGEST, title_size)
    for _ in range(24):
        mid = (low + high) / 2
        if height_of(body(mid), mid * 0.8) <= room:
            low = mid
        else:
            high = mid
    size = low
    paras = body(size)
    gap = size * 0.8
    block = height_of(paras, gap)

    canvas = Canvas(file, pagesize=(width, height), initialFontName=FAMILY, invariant=1, lang=lang)
    canvas.setTitle(text.title)
    canvas.setAuthor("")
    canvas.setCreator("CRT Desktop")
    canvas.setDateFormatter(lambda *_: f"D:{made_on:%Y%m%d}000000Z")
    # Tagged as the summary is: the title a heading, the lines a list, the rule decoration.
    tags = Tags(lang)
    setattr(canvas, TAGS_ATTRIBUTE, tags)
    y = height - margin
    Tagged(title, tags.element("H1")).drawOn(canvas, margin, y - title_h)
    y -= title_h + title_size * 0.45
    with artifact(canvas, "Layout"):
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(max(1.0, width / 400))
        canvas.line(margin + inner * 0.3, y, margin + inner * 0.7, y)
    # Centre the lines in the space between the title and the footer.
    top = y - title_size * 0.55
    y = top - max(0.0, (room - block) / 2)
    numbering = {"O": "List", "ListNumbering": "Decimal"} if text.numbered else {}
    items = tags.element("L", attributes=numbering)
    for para in paras:
        _, h = para.wrap(inner, height)
        Tagged(para, tags.element("LBody", tags.element("LI", items))).drawOn(canvas, margin, y - h)
        y -= h + gap
    if text.footer:
        style = ParagraphStyle(
            "footer",
            fontName=FAMILY,
            fontSize=max(11.0, width / 50),
            leading=max(11.0, width / 50) * 1.2,
            textColor=MUTED,
            alignment=1,
        )
        foot = Paragraph(markup(text.footer), style)
        _, h = foot.wrap(inner, footer_h * 2)
        Tagged(foot, tags.element("P")).drawOn(canvas, margin, margin * 0.7)
    canvas.showPage()
    tags.finish(canvas, title=text.title, pages=list(canvas._doc.Pages.pages))
    canvas.save()


def write_poster(
    board: Board,
    path: Path,
    *,
    content: Content,
    paper: str | None = None,
    lang: str = "en",
) -> Path:
    """Write the poster for `board`'s section to `path` atomically and return the path,
    tagged in the language `lang`.

    `paper` is "A3", "A4" or "Letter" (None: from the locale, like the summary). ExportError
    with one clear sentence if the file cannot be written."""
    from .pdf.files import write_atomically

    chosen = check_poster_paper(paper)
    text = poster_text(board, content)
    day = board.session.held_on
    return write_atomically(
        Path(path), lambda file: _draw(text, file, chosen, made_on=day, lang=lang), "the poster"
    )
