"""The report-back PDF, for the team and its leader: where each leadership item stands as of a
day, what moved to Cannot control and why, and the progress updates so far.

It reuses the leader summary's fonts, styles, page furniture and atomic writing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable, Paragraph, Spacer

from crt_desktop.content import Content
from crt_desktop.domain.board import Board
from crt_desktop.domain.note import Note
from crt_desktop.domain.report_back import (
    ABOUT,
    StatusGroup,
    group_by_status,
    group_heading,
    leadership_items,
)
from crt_desktop.domain.vocabulary import CANNOT_CONTROL, ResponseStatus

from .pdf.blocks import Heading, Ink, MetaLine, Pill, Striped
from .pdf.files import write_atomically
from .pdf.fonts import BOLD, FAMILY, fonts, markup
from .pdf.pages import build_pdf
from .pdf.paper import check_paper
from .pdf.paragraphs import user_paragraph
from .pdf.styles import (
    KIND_LOOKS,
    RULE,
    Styles,
    styles,
)
from .summary.document import title_of_section
from .summary.sections import ANONYMOUS, SEP, long_date, plural


def _meta(note: Note, st: Styles, labelled: bool) -> MetaLine | None:
    """The note's details; with `labelled` (a board of more than one kind) its kind first."""
    look = KIND_LOOKS[note.kind]
    parts = []
    if note.level is not None:
        parts.append(note.level.label)
    if note.votes:
        parts.append(plural(note.votes, "vote"))
    if note.carried_from is not None:
        parts.append("Carried over from an earlier session")
    ink = Ink(FAMILY, BOLD, st.meta.fontSize, st.meta.textColor, RULE)
    if not labelled:
        return MetaLine(None, parts, ink, SEP) if parts else None
    return MetaLine(Pill(note.kind.label, look.tint, look.ink), parts, ink, SEP)


def _item(note: Note, st: Styles, as_of: date, last: bool, run: str, labelled: bool) -> Striped:
    parts: list[Flowable] = [user_paragraph(note.text, st.note)]
    meta = _meta(note, st, labelled)
    if meta is not None:
        parts.append(meta)
    response = note.response
    if response is not None and response.reason:
        parts.append(Paragraph(f"<b>Reason:</b> {markup(response.reason)}", st.body))
    if response is not None and response.status is ResponseStatus.UNLIKELY_TWO_YEARS:
        where = "Now in Cannot control" if note.column == CANNOT_CONTROL else "Unlikely to change"
        if response.change_impossible:
            parts.append(Paragraph(f"{where}; change is not possible.", st.meta))
        else:
            parts.append(Paragraph(f"{where}; to be looked at again later.", st.meta))
    updates = [u for u in (response.updates if response else ()) if u.on <= as_of]
    if updates:
        parts.append(Spacer(0, 2))
        parts.append(Paragraph("<b>Progress</b>", st.meta))
        for update in updates:
            parts.append(
                Paragraph(f"<b>{long_date(update.on)}:</b> {markup(update.text)}", st.meta)
            )
    return Striped(parts, KIND_LOOKS[note.kind].strong, run=run, ends_run=last, space_after=10)


def _group(group: StatusGroup, st: Styles, as_of: date, labelled: bool) -> list[Flowable]:
    title = markup(group_heading(group.status))
    story: list[Flowable] = [
        Heading(f"{title} ({len(group.items)})", st.heading, run=title),
        Paragraph(ABOUT[group.status], st.lead_in),
    ]
    for i, note in enumerate(group.items):
        last = i == len(group.items) - 1
        story.append(_item(note, st, as_of, last, title, labelled))
    return story


def _overview(groups: list[StatusGroup], st: Styles) -> list[Flowable]:
    total = sum(len(g.items) for g in groups)
    lines = [
        Paragraph(f"<b>{len(g.items)}</b>{SEP}{group_heading(g.status)}", st.box_line)
        for g in groups
    ]
    return [
        Heading("At a glance", st.heading, run=None),
        Paragraph(f"{plural(total, 'leadership item')} in all.", st.body),
        *lines,
    ]


def build(
    board: Board,
    file: BinaryIO,
    *,
    pagesize: str,
    as_of: date,
    content: Content,
    lang: str = "en",
) -> None:
    """Write the report-back of `board` as PDF into an open binary file."""
    fonts()
    st = styles()
    session = board.session
    section_title = title_of_section(board, content)
    footer = f"{session.team}{SEP}Report-back as of {long_date(as_of)}"  # plain text
    groups = group_by_status(leadership_items(board))
    story: list[Flowable] = [
        Paragraph("Report-back", st.title),
        Spacer(0, 6),
        Paragraph(markup(session.team), st.team),
        Paragraph(f"Where each leadership item stands as of {long_date(as_of)}", st.cover_line),
        Paragraph(f"Section {session.section}{SEP}{markup(section_title)}", st.cover_line),
        Paragraph(f"From the session held on {long_date(session.held_on)}", st.cover_line),
        Spacer(0, 8),
        Paragraph(
            "What the team asked leadership to look at, and the answers so far: grouped by "
            "where each item stands, with the reason and every progress update.",
            st.body,
        ),
        Paragraph(f"<b>{ANONYMOUS}</b>", st.body),
    ]
    if groups:
        story += _overview(groups, st)
        for group in groups:
            story += _group(group, st, as_of, len(board.template.kinds) > 1)
    else:
        story.append(Paragraph("There are no leadership items on this board yet.", st.body))
    build_pdf(
        story,
        file,
        st=st,
        pagesize=pagesize,
        footer=footer,
        title=f"Report-back: {session.team}, section {session.section}",
        subject=section_title,
        made_on=as_of,
        lang=lang,
    )


def write_report_back(
    board: Board,
    path: Path,
    *,
    as_of: date | None = None,
    content: Content,
    pagesize: str | None = None,
    lang: str = "en",
) -> Path:
    """Write the report-back PDF of `board` to `path` atomically (ExportError if it cannot),
    tagged in the language `lang`.

    `as_of` (default today) is the day it reports on: later progress updates are left out."""
    paper = check_paper(pagesize)
    day = as_of or date.today()
    return write_atomically(
        Path(path),
        lambda file: build(board, file, pagesize=paper, as_of=day, content=content, lang=lang),
        "the report-back",
    )


__all__ = ["write_report_back"]
