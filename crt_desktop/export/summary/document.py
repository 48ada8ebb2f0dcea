"""Builds the leader summary PDF from its sections, on the shared page set-up."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable

from crt_desktop.content import Content
from crt_desktop.content.survey import stages_with_answers, survey
from crt_desktop.domain.board import Board
from crt_desktop.domain.template import BoardMode

from ..pdf.files import write_atomically
from ..pdf.fonts import fonts
from ..pdf.pages import body_width, build_pdf, collector_paused
from ..pdf.paper import check_paper
from ..pdf.styles import styles
from ..response_form import summary_title
from . import section_tools, sections
from .digest import digest as make_digest


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


def build(
    board: Board, file: BinaryIO, *, pagesize: str, content: Content, lang: str = "en"
) -> None:
    """Write the summary of `board` as PDF into an open binary file."""
    with collector_paused():
        _build(board, file, pagesize=pagesize, content=content, lang=lang)


def title_of_section(board: Board, content: Content) -> str:
    """The title of the board's section, or of its template for a section not in `content`."""
    return content.title_of(board.session.section, board.template.title)


def _build(board: Board, file: BinaryIO, *, pagesize: str, content: Content, lang: str) -> None:
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
        *sections.leadership(facts, st, session_id=session.id, session_uid=session.uid),
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
        title=summary_title(session),
        subject=section_title,
        made_on=session.held_on,
        lang=lang,
    )


def write_leader_summary(
    board: Board,
    path: Path,
    *,
    content: Content,
    pagesize: str | None = None,
    lang: str = "en",
) -> Path:
    """Write the leader summary of `board` to `path` atomically; ExportError if it cannot.

    `lang` is the document's language as a BCP 47 tag ("en"; "es" once the text is Spanish)."""
    paper = check_paper(pagesize)
    return write_atomically(
        Path(path), lambda file: build(board, file, pagesize=paper, content=content, lang=lang)
    )
