"""Page set-up every PDF of the app shares: margins, the running "… continued" line, a
footer with "Page N of M", a real creation date and the document's metadata."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from .blocks import drawn_once
from .fonts import FAMILY
from .paragraphs import user_paragraph
from .styles import FOOTER_SPACE, HEADER_SPACE, MARGIN, MUTED, PAGE_SIZES, Styles
from .tagging import TAGS_ATTRIBUTE, Tags, artifact, tag_story

SEP = "\u2002·\u2002"


def _numbered_canvas(
    footer: str, style: Any, made_on: date, tags: Tags, title: str
) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each footer knows the page count,
    and writes the document's structure tree when it saves.

    `footer` is plain text (user text included, never markup): the page number follows it."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.setDateFormatter(lambda *_: f"D:{made_on:%Y%m%d}000000Z")
            setattr(self, TAGS_ATTRIBUTE, tags)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                with artifact(self, "Pagination"):
                    self._footer(number, total)
                super().showPage()
            tags.finish(self, title=title, pages=list(self._doc.Pages.pages))
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            para = user_paragraph(f"{footer}{SEP}Page {number} of {total}", style)
            _, height = para.wrap(width - 2 * MARGIN, FOOTER_SPACE)
            para.drawOn(self, MARGIN, MARGIN - 4 - height / 2)

    return NumberedCanvas


class PagedDoc(BaseDocTemplate):
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
            with artifact(canvas, "Pagination"):
                drawn_once(canvas, ("continued", self.open_run), partial(self._continued, canvas))

    def _continued(self, canvas: Canvas) -> None:
        para = Paragraph(f"{self.open_run}, continued", self.st.small)
        para.wrap(self.width, HEADER_SPACE)
        para.drawOn(canvas, self.leftMargin, self.pagesize[1] - self.topMargin + 6)


@contextmanager
def collector_paused() -> Iterator[None]:
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


def body_width(pagesize: str) -> float:
    """The width of the text on a page of `pagesize`, as the document lays it out."""
    return PAGE_SIZES[pagesize][0] - MARGIN - MARGIN


def build_pdf(
    story: list[Flowable],
    file: BinaryIO,
    *,
    st: Styles,
    pagesize: str,
    footer: str,
    title: str,
    subject: str,
    made_on: date,
    lang: str = "en",
) -> None:
    """Lay `story` out on pages with the running "continued" line and a footer of `footer`
    (plain text, user text included) and "Page N of M", and write the PDF into `file`.

    The document's creation date is `made_on` (the session's day), never the time of writing:
    the summary records nothing about when, or by whom, it was made.

    The PDF is tagged (PDF/UA-1): the story's flowables become a structure tree in reading
    order, in the language `lang` (a BCP 47 tag such as "en" or "es")."""
    tags = Tags(lang)
    story = tag_story(story, tags)
    footer_style = st.meta.clone("footer", textColor=MUTED, fontSize=9, leading=11)
    doc = PagedDoc(
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
        lang=lang,
        displayDocTitle=True,
    )
    # Plain Flate streams: ASCII85 on top only makes the file bigger and the build slower.
    # The chart's shapes are ours and fixed: checking each attribute set while it is drawn
    # (ReportLab's aid for developers) is a third of its drawing time.
    saved = rl_config.useA85, rl_config.shapeChecking
    rl_config.useA85 = rl_config.shapeChecking = 0
    try:
        with collector_paused():
            canvasmaker = _numbered_canvas(footer, footer_style, made_on, tags, title)
            doc.build(story, canvasmaker=canvasmaker)
    finally:
        rl_config.useA85, rl_config.shapeChecking = saved
