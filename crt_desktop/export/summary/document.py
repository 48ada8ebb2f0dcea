"""Builds the leader summary PDF: page template, running header, footer with "page N of M"."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from crt_desktop.content import Content
from crt_desktop.content import content as packaged_content
from crt_desktop.content.survey import stages_with_answers, survey
from crt_desktop.domain.board import Board
from crt_desktop.domain.template import BoardMode

from . import section_tools, sections
from .atomic import write_atomically
from .blocks import drawn_once
from .digest import digest as make_digest
from .fonts import FAMILY, fonts
from .form import RefArray, SummaryForm
from .paper import check_paper
from .paragraphs import user_paragraph
from .styles import FOOTER_SPACE, HEADER_SPACE, MARGIN, MUTED, PAGE_SIZES, Styles, styles


def _numbered_canvas(footer: str, style: Any) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each footer knows the page count.

    `footer` is plain text (user text included, never markup): the page number follows it."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        @property
        def acroForm(self) -> SummaryForm:
            # Made on first use, as ReportLab's own, so a summary without fields has no form.
            form = self.__dict__.get("AcroForm")
            if form is None:
                form = self.AcroForm = SummaryForm(self)
                self._doc._catalog.AcroForm = form
            return form

        def _setAnnotations(self, page: Any) -> None:
            # A page's fields: written from their numbers (the leadership pages hold hundreds).
            refs = self._annotationrefs
            page.Annots = RefArray(refs) if refs else refs

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            para = user_paragraph(f"{footer}{sections.SEP}Page {number} of {total}", style)
            _, height = para.wrap(width - 2 * MARGIN, FOOTER_SPACE)
            para.drawOn(self, MARGIN, MARGIN - 4 - height / 2)

    return NumberedCanvas


class SummaryDoc(BaseDocTemplate):
    """Tracks which heading the last drawn block belonged to, for the "continued" line."""

    def __init__(self, file: BinaryIO, st: Styles, **kwargs: Any) -> None:
        super().__init__(file, **kwargs)
        self.st = st
        self.open_run: str | None = None
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])

    def afterFlowable(self, flowable: Flowable) -> None:
        run = getattr(flowable, "run", "")
        if run != "":
            self.open_run = None if getattr(flowable, "ends_run", False) else run

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.page > 1 and self.open_run:
            drawn_once(canvas, ("continued", self.open_run), partial(self._continued, canvas))

    def _continued(self, canvas: Canvas) -> None:
        para = Paragraph(f"{self.open_run}, continued", self.st.small)
        para.wrap(self.width, HEADER_SPACE)
        para.drawOn(canvas, self.leftMargin, self.pagesize[1] - self.topMargin + 6)


def _components(content: Content, section: int) -> tuple[tuple[str, str, str], ...]:
    """The checklist for a section from the content files, or the built-in list."""
    try:
        found = getattr(content.section(section), "components", ())
    except KeyError:
        found = ()
    found = found or getattr(content, "components", ())
    if not found:
        return sections.COMPONENTS
    return tuple((getattr(c, "key", ""), c.title, getattr(c, "help", "")) for c in found)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector while the summary is built.

    The build makes hundreds of thousands of small objects and frees them as it goes; the
    collector would still walk the whole program's objects (in the app, Qt's and the
    database's too) several times over, a tenth of a second each time."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def build(board: Board, file: BinaryIO, *, pagesize: str, content: Content) -> None:
    """Write the summary of `board` as PDF into an open binary file."""
    with _collector_paused():
        _build(board, file, pagesize=pagesize, content=content)


def body_width(pagesize: str) -> float:
    """The width of the text on a page of `pagesize`, as the document lays it out."""
    return PAGE_SIZES[pagesize][0] - MARGIN - MARGIN


def title_of_section(board: Board, content: Content) -> str:
    """The title of the board's section, or of its template for a section not in `content`."""
    return content.title_of(board.session.section, board.template.title)


def build_pdf(
    story: list[Flowable],
    file: BinaryIO,
    *,
    st: Styles,
    pagesize: str,
    footer: str,
    title: str,
    subject: str,
) -> None:
    """Lay `story` out on pages with the running "continued" line and a footer of `footer`
    (plain text, user text included) and "Page N of M", and write the PDF into `file`."""
    footer_style = st.meta.clone("footer", textColor=MUTED, fontSize=9, leading=11)
    doc = SummaryDoc(
        file,
        st,
        pagesize=PAGE_SIZES[pagesize],
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE / 2,
        bottomMargin=MARGIN + FOOTER_SPACE / 2,
        title=title,
        author="",
        subject=subject,
        creator="CRT Desktop",
        initialFontName=FAMILY,
        initialFontSize=11,
        initialLeading=15,
        invariant=1,
    )
    # Plain Flate streams: ASCII85 on top only makes the file bigger and the build slower.
    # The chart's shapes are ours and fixed: checking each attribute set while it is drawn
    # (ReportLab's aid for developers) is a third of its drawing time.
    saved = rl_config.useA85, rl_config.shapeChecking
    rl_config.useA85 = rl_config.shapeChecking = 0
    try:
        doc.build(story, canvasmaker=_numbered_canvas(footer, footer_style))
    finally:
        rl_config.useA85, rl_config.shapeChecking = saved


def _build(board: Board, file: BinaryIO, *, pagesize: str, content: Content) -> None:
    fonts()
    st = styles()
    session = board.session
    section_title = title_of_section(board, content)
    try:
        next_title: str | None = content.section(session.section + 1).title
    except KeyError:
        next_title = None
    footer = f"{session.team}{sections.SEP}{sections.long_date(session.held_on)}"  # plain text
    width = body_width(pagesize)
    facts = make_digest(board)
    chosen_survey = survey()
    surveyed = stages_with_answers(session, chosen_survey)
    dots_board = board.template.mode is BoardMode.DOTS
    story: list[Flowable] = [
        *sections.cover(session, section_title, facts, st),
        *(section_tools.dots(board, st, width) if dots_board else []),
        # A dots board lists notes only when some were added (ideas for renewal, say).
        *([] if dots_board and not facts.total() else sections.at_a_glance(facts, st, width)),
        *section_tools.agreements(board, st),
        *([] if dots_board and not facts.total() else sections.columns(facts, st)),
        *sections.leadership(facts, st, session_id=session.id),
        *sections.checklist(
            _components(content, session.section), st, session.components, surveyed
        ),
        *section_tools.survey_trend(board, chosen_survey, st, width),
        *sections.looking_ahead(session.section, next_title, content, st),
    ]
    build_pdf(
        story,
        file,
        st=st,
        pagesize=pagesize,
        footer=footer,
        title=f"Leader summary: {session.team}, section {session.section}",
        subject=section_title,
    )


def write_leader_summary(
    board: Board,
    path: Path,
    *,
    pagesize: str | None = None,
    content: Content | None = None,
) -> Path:
    """Write the leader summary of `board` to `path` atomically; ExportError if it cannot."""
    paper = check_paper(pagesize)
    chosen = content or packaged_content()
    return write_atomically(
        Path(path), lambda file: build(board, file, pagesize=paper, content=chosen)
    )
