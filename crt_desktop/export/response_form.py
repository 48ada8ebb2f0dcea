"""Fillable answer fields for the leader summary's leadership items (PDF AcroForm fields).

A leader opens the summary in any PDF reader, picks a status for each item, writes a reason,
saves and sends the file back; `responses_read` reads the answers again. Field names:

    crt/<session id>/<note id>/status       radio group, one button per answer status
    crt/<session id>/<note id>/reason       multi-line text
    crt/<session id>/<note id>/impossible   check box: change is not possible
    crt/session                             hidden, read-only: the session id
    crt/session-uid                         hidden, read-only: the session's unique identifier

The parts are joined with "/" rather than ".": in a PDF a dot inside a field name means a
field hierarchy, and note ids may contain dots (never "/"). Fields use the PDF's standard fonts
(ReportLab cannot embed a TrueType font in a form field), so the printed summary around them
stays in the bundled family. Each field has its own appearance streams, so a filler that
writes into one changes that box alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFObjectReference
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from crt_desktop.domain.note import Response
from crt_desktop.domain.session import Session
from crt_desktop.domain.validation import MAX_REASON_LENGTH
from crt_desktop.domain.vocabulary import ResponseStatus

from .pdf.blocks import Ink, drawn_once
from .pdf.form import form_of
from .pdf.tagging import Element, Tagged, Tags, tags_of

PREFIX = "crt"
SEP = "/"
MARKER = f"{PREFIX}{SEP}session"
UID_MARKER = f"{PREFIX}{SEP}session-uid"
STATUS = "status"
REASON = "reason"
IMPOSSIBLE = "impossible"
PARTS = (STATUS, REASON, IMPOSSIBLE)
# What a leader can choose; "not reviewed" is what an item is before any choice.
ANSWER_STATUSES = tuple(s for s in ResponseStatus if s is not ResponseStatus.NOT_REVIEWED)

BUTTON = 14.0  # radio and check box size, points: large enough to tap on a phone
TOOLTIP_TEXT = 60  # characters of the note a field's tooltip quotes
REASON_HEIGHT = 36.0
FIELD_FILL = colors.HexColor("#F4F7FB")
FIELD_EDGE = colors.HexColor("#8A96A3")


def summary_title(session: Session) -> str:
    """The leader summary's title, as its metadata carries it."""
    return f"Leader summary: {session.team}, section {session.section}"


def item_label(text: str) -> str:
    """A note's text cut to one short line, for the tooltips that say which item a field is
    for ("Response to: Charting after hours…")."""
    line = " ".join(text.split())
    if len(line) > TOOLTIP_TEXT:
        line = line[: TOOLTIP_TEXT - 1].rstrip() + "\u2026"
    return line


def field_name(session_id: int, note_id: str, part: str) -> str:
    return SEP.join((PREFIX, str(session_id), note_id, part))


def parse_field_name(name: str) -> tuple[int, str, str] | None:
    """(session id, note id, part) for one of our answer fields; None for any other name."""
    pieces = name.split(SEP)
    if len(pieces) != 4 or pieces[0] != PREFIX or not pieces[1].isdigit():
        return None
    if pieces[3] not in PARTS or not pieces[2]:
        return None
    return int(pieces[1]), pieces[2], pieces[3]


@contextmanager
def _page_refs(canvas: Canvas) -> Iterator[None]:
    """Point each field at the page being drawn.

    The summary's canvas holds pages back until the end (to print "page N of M"), so the
    document's own page counter still names the first page while later pages are drawn."""
    doc = canvas._doc
    doc.thisPageRef = lambda: PDFObjectReference(f"Page{canvas.getPageNumber()}")
    try:
        yield
    finally:
        del doc.thisPageRef


class FormMarker(Flowable):
    """The hidden fields that say which session the answer fields belong to: its number and
    its unique identifier (so a PDF from another database's session of that number is
    refused)."""

    def __init__(self, session_id: int, session_uid: str) -> None:
        super().__init__()
        self.session_id, self.session_uid = session_id, session_uid
        self.width = self.height = 0.0
        self._tags: Tags | None = None
        self._parent: Element | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def structure(self, tags: Tags, parent: Element | None) -> Flowable:
        """Tagged: each hidden field in a Form element of its own (it draws nothing)."""
        self._tags, self._parent = tags, parent
        return self

    def draw(self) -> None:
        marks = [(MARKER, str(self.session_id))]
        if self.session_uid:
            marks.append((UID_MARKER, self.session_uid))
        with _page_refs(self.canv):
            for name, value in marks:
                form_of(self.canv).textfield(
                    name=name,
                    value=value,
                    x=0,
                    y=0,
                    width=1,
                    height=1,
                    borderWidth=0,
                    annotationFlags="hidden",
                    fieldFlags="readOnly",
                    relative=True,
                    maxlen=40,
                    tooltip="Which session these answers are for",
                )
                tags = self._tags
                if tags is not None and tags_of(self.canv) is tags:
                    form = form_of(self.canv)
                    tags.add_field(self.canv, tags.element("Form", self._parent), form.fields[-1])


class AnswerFields(Flowable):
    """One item's answer: a status to choose (two to a row), "change is not possible", and a
    box for the reason. Prefilled with the item's recorded status; the reason box starts
    empty (an empty reason keeps the recorded one)."""

    def __init__(
        self,
        session_id: int,
        note_id: str,
        response: Response | None,
        ink: Ink,
        *,
        intro: tuple[str, str],
        reason_label: str,
        about: str,
    ) -> None:
        super().__init__()
        self.session_id, self.note_id, self.response, self.ink = session_id, note_id, response, ink
        self.intro, self.reason_label = intro, reason_label
        self.about = item_label(about)
        self._tags: Tags | None = None
        self._parent: Element | None = None
        self.leading = max(ink.size * 1.5, BUTTON + 4)
        self.rows = (len(ANSWER_STATUSES) + 1 + 1) // 2  # the statuses and "not possible"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = (self.rows + 2) * self.leading + REASON_HEIGHT + 2
        return self.width, self.height

    def _name(self, part: str) -> str:
        return field_name(self.session_id, self.note_id, part)

    def structure(self, tags: Tags, parent: Element | None) -> Flowable:
        """Tagged: the labels are a paragraph, and each field a Form element after it."""
        self._tags, self._parent = tags, parent
        return Tagged(self, tags.element("P", parent))

    def _in_structure(self, ref: PDFObjectReference) -> None:
        tags = self._tags
        if tags is not None and tags_of(self.canv) is tags:
            tags.add_field(self.canv, tags.element("Form", self._parent), ref)

    def draw(self) -> None:
        # Every item's labels look alike: drawn once per look, then repeated.
        key = ("answer", self.intro, self.reason_label, self.ink, self.width, self.height)
        drawn_once(self.canv, key, self._draw_labels)
        self._draw_fields()

    def _draw_labels(self) -> None:
        canvas, ink = self.canv, self.ink
        top = self.height - self.leading
        base = (self.leading - ink.size) / 2 + 1
        canvas.saveState()
        canvas.setFillColor(ink.colour)
        bold, rest = self.intro
        canvas.setFont(ink.bold, ink.size)
        canvas.drawString(0, top + base, bold)
        canvas.setFont(ink.font, ink.size)
        canvas.drawString(stringWidth(bold + " ", ink.bold, ink.size), top + base, rest)
        half = self.width / 2
        labels = [s.label for s in ANSWER_STATUSES] + ["Change is not possible"]
        for i, label in enumerate(labels):
            row, col = divmod(i, 2)
            y = top - (row + 1) * self.leading
            canvas.drawString(col * half + BUTTON + 5, y + base, label)
        reason_y = top - (self.rows + 1) * self.leading
        canvas.drawString(0, reason_y + base, self.reason_label)
        canvas.restoreState()

    def _draw_fields(self) -> None:
        canvas = self.canv
        current = self.response.status if self.response else ResponseStatus.NOT_REVIEWED
        impossible = bool(self.response and self.response.change_impossible)
        top = self.height - self.leading
        half = self.width / 2
        reason_y = top - (self.rows + 1) * self.leading
        common = {
            "borderColor": FIELD_EDGE,
            "fillColor": FIELD_FILL,
            "borderWidth": 0.8,
            "relative": True,
        }
        with _page_refs(canvas):
            form = form_of(canvas)
            for i, status in enumerate(ANSWER_STATUSES):
                row, col = divmod(i, 2)
                y = top - (row + 1) * self.leading + (self.leading - BUTTON) / 2 + 1
                form.radio(
                    name=self._name(STATUS),
                    value=status.value,
                    selected=status is current,
                    x=col * half,
                    y=y,
                    size=BUTTON,
                    buttonStyle="circle",
                    shape="circle",
                    fieldFlags="radio",
                    tooltip=f"{status.label}, for: {self.about}",
                    **common,
                )
                self._in_structure(form._radios[self._name(STATUS)].kids[-1])
            row, col = divmod(len(ANSWER_STATUSES), 2)
            form.checkbox(
                name=self._name(IMPOSSIBLE),
                checked=impossible,
                x=col * half,
                y=top - (row + 1) * self.leading + (self.leading - BUTTON) / 2 + 1,
                size=BUTTON,
                buttonStyle="check",
                fieldFlags="",
                tooltip=f"Change is not possible (with unlikely to change), for: {self.about}",
                **common,
            )
            self._in_structure(form.fields[-1])
            form.textfield(
                name=self._name(REASON),
                value="",
                x=0,
                y=reason_y - REASON_HEIGHT - 1,
                width=self.width,
                height=REASON_HEIGHT,
                fieldFlags="multiline",
                maxlen=MAX_REASON_LENGTH,
                fontSize=10,
                tooltip=f"Response to: {self.about}",
                **common,
            )
            self._in_structure(form.fields[-1])
