"""The parts of the leader summary, each a list of flowables in reading order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from weakref import WeakKeyDictionary

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
)

from crt_desktop.content import Content
from crt_desktop.domain.dates import written_date
from crt_desktop.domain.note import Note
from crt_desktop.domain.session import SURVEY_STAGES, Session
from crt_desktop.domain.vocabulary import Kind, ResponseStatus

from ..pdf.blocks import Heading, Ink, MetaLine, Pill, ResponseForm, Striped
from ..pdf.fonts import BOLD, FAMILY, markup
from ..pdf.paragraphs import KeptParagraph, user_paragraph
from ..pdf.styles import KIND_LOOKS, RULE, Styles
from .chart import counts_chart, counts_table
from .considerations import AFTER_LAST_SECTION, leadership_considerations
from .digest import Digest, Item

BOX = "\u2610"  # ☐, a box to tick on paper
TICKED = "\u2611"  # ☑, ticked in the console
SEP = "\u2002·\u2002"

# The comprehensive components, used when the content files do not list them.
COMPONENTS = (
    ("handout", "Handout shared", "with the team, before or after the session"),
    ("leader_prepared", "Leader prepared", "met the facilitators beforehand"),
    ("visual_hung", "Visual hung", "the section's poster is up where the team gathers"),
    ("link_between", "Link between sessions", "the content came up again between sessions"),
    ("sustain_ideas", "Ideas to sustain the work", "listed, with check-ins planned"),
    ("policies_agreed", "Policies or actions agreed", "with the leader"),
    ("surveys", "Surveys", "given when due"),
)
SURVEYS = ("before", "midway", "after")

ANONYMOUS = (
    "Notes are anonymous. Nothing in this summary, or on the board, records who wrote or said what."
)
LEADERSHIP = "Leadership items"
KEEP_ITEM_WHOLE = 620.0  # points: under the body height of a Letter page


def long_date(day: date) -> str:
    """A date written out as everywhere else in the app, whatever the computer's language."""
    return written_date(day)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def hidden_sentence(hidden: int) -> str:
    if hidden == 1:
        return "1 note was not revealed to the room and is not listed."
    return f"{hidden} notes were not revealed to the room and are not listed."


def meta_parts(item: Item) -> list[str]:
    """Level, stack count, votes and the leader mark, in that order, as plain words."""
    note = item.note
    parts = []
    if note.level is not None:
        parts.append(note.level.label)
    if item.count > 1:
        parts.append(f"×{item.count} similar notes stacked together")
    if note.votes:
        parts.append(plural(note.votes, "vote"))
    if note.leader_added:
        parts.append("Added by a leader")
    return parts


def _meta(item: Item, st: Styles, labelled: bool) -> MetaLine | None:
    """The kind in colour and in words, then the rest of the note's details. On a board of
    one kind the label says nothing (the board leaves it out too): only the stripe shows it."""
    if labelled:
        return MetaLine(_pill(item.note.kind), meta_parts(item), _ink(st), SEP)
    parts = meta_parts(item)
    return MetaLine(None, parts, _ink(st), SEP) if parts else None


@lru_cache(maxsize=8)
def _pill(kind: Kind) -> Pill:
    look = KIND_LOOKS[kind]
    return Pill(kind.label, look.tint, look.ink)


class _Made:
    """What one build's notes share, kept while the build's styles live (the build's end)."""

    def __init__(self, st: Styles) -> None:
        self.ink = Ink(FAMILY, BOLD, st.meta.fontSize, st.meta.textColor, RULE)
        # Each note's text as the columns made it, by item: a leadership item shows the same
        # paragraph again, already laid out. Each entry keeps its note, so an id cannot be
        # taken by another item's note while the entry is there.
        self.texts: dict[int, tuple[Note, Flowable]] = {}
        self.responses: dict[ResponseStatus, Flowable] = {}  # "Response: …", one per status


_made: WeakKeyDictionary[Styles, _Made] = WeakKeyDictionary()


def _build_memo(st: Styles) -> _Made:
    found = _made.get(st)
    if found is None:
        found = _made[st] = _Made(st)
    return found


def _ink(st: Styles) -> Ink:
    """One ink for every detail line of a build."""
    return _build_memo(st).ink


def _note_text(item: Item, st: Styles) -> Flowable:
    texts = _build_memo(st).texts
    found = texts.get(id(item))
    if found is None or found[0] is not item.note:
        found = texts[id(item)] = (item.note, user_paragraph(item.note.text, st.note))
    return found[1]


def _response_line(status: ResponseStatus, st: Styles) -> Flowable:
    """The response's status in bold: made once per status and build, shown for each item."""
    lines = _build_memo(st).responses
    found = lines.get(status)
    if found is None:
        found = lines[status] = KeptParagraph(f"Response: <b>{status.label}</b>", st.body)
    return found


def _note_parts(item: Item, st: Styles, labelled: bool) -> list[Flowable]:
    """The note's text, its card's parts and its detail line (`labelled`: with its kind)."""
    card_parts = [
        Paragraph(f"<b>{markup(title)}:</b> {markup(text)}", st.body) for title, text in item.parts
    ]
    meta = _meta(item, st, labelled)
    if meta is None:
        return [_note_text(item, st), *card_parts]
    return [_note_text(item, st), *card_parts, meta]


def _shows(digest: Digest) -> str:
    """How a note shows its kind: a board of one kind names it only by the stripe's colour."""
    return "its kind in colour and in words" if len(digest.kinds) > 1 else "its kind in colour"


def cover(session: Session, section_title: str, digest: Digest, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("Leader summary", st.title),
        Spacer(0, 6),
        Paragraph(markup(session.team), st.team),
        Paragraph(f"Section {session.section}{SEP}{markup(section_title)}", st.cover_line),
        Paragraph(f"Held on {long_date(session.held_on)}", st.cover_line),
    ]
    if session.facilitation_team:
        story.append(
            Paragraph(f"Facilitation team: {markup(session.facilitation_team)}", st.cover_line)
        )
    story += [
        Spacer(0, 10),
        HRFlowable(width="100%", thickness=0.6, color=RULE, spaceAfter=8),
        Paragraph(
            "This summary lists every note the room saw, column by column, in the order of the "
            f"board. Each note shows {_shows(digest)}, its level where one was chosen, and its "
            "votes. Duplicates stacked together appear once, with a count.",
            st.body,
        ),
        Paragraph(f"<b>{ANONYMOUS}</b>", st.body),
    ]
    if digest.hidden:
        story.append(Paragraph(hidden_sentence(digest.hidden), st.body))
    return story


def at_a_glance(digest: Digest, st: Styles, width: float) -> list[Flowable]:
    return [
        Heading("At a glance", st.heading, run=None),
        Paragraph(
            f"{plural(digest.total(), 'note')} in all. Every note counts once, "
            "including duplicates stacked together.",
            st.body,
        ),
        counts_chart(digest, width),
        Spacer(0, 8),
        counts_table(digest, st, width),
    ]


def columns(digest: Digest, st: Styles) -> list[Flowable]:
    story: list[Flowable] = [CondPageBreak(200)]
    labelled = len(digest.kinds) > 1
    for column in digest.columns:
        title = markup(column.column.title)
        empty = not column.items
        story.append(Heading(title, st.heading, run=title, ends_run=empty))
        about = f"{plural(column.total, 'note')}"
        if column.column.for_leader:
            about += f"{SEP}for our leaders to answer"
        if column.column.help:
            about = f"{markup(column.column.help)}{SEP}{about}"
        # Kept with the heading and the first note, so no heading ends a page on its own.
        story.append(Paragraph(about, st.lead_in))
        if empty:
            story.append(Paragraph("No notes in this column.", st.body))
        for i, item in enumerate(column.items):
            last = i == len(column.items) - 1
            story.append(
                Striped(
                    _note_parts(item, st, labelled),
                    KIND_LOOKS[item.note.kind].strong,
                    run=title,
                    ends_run=last,
                )
            )
    return story


def _form(st: Styles) -> ResponseForm:
    """Boxes for each response status, two to a row, and lines for the reason."""
    labels = [
        f"{BOX}\u2002{s.label}" for s in ResponseStatus if s is not ResponseStatus.NOT_REVIEWED
    ]
    intro = ("Not answered yet.", "Tick one and give a reason:")
    return ResponseForm(intro, labels, _ink(st))


def _fields(item: Item, st: Styles, session_id: int) -> Flowable:
    """The item's fillable answer: status buttons, "not possible" and a reason box."""
    from ..response_form import AnswerFields

    if item.answered:
        intro = ("Has this moved on?", "Choose the new status, or write a new reason:")
        reason = "New reason (leave empty to keep the reason above):"
    else:
        intro = ("Not answered yet.", "Choose one and give a reason:")
        reason = "Reason:"
    note = item.note
    return AnswerFields(
        session_id,
        note.id,
        note.response,
        _ink(st),
        intro=intro,
        reason_label=reason,
        about=note.text,
    )


def _response_parts(item: Item, st: Styles, session_id: int | None = None) -> list[Flowable]:
    """The response so far; with a session id, fillable fields to answer in the PDF itself,
    else boxes to tick on paper."""
    response = item.response
    if response is None or not item.answered:
        form = _form(st) if session_id is None else _fields(item, st, session_id)
        parts: list[Flowable] = [form]
        if response is not None and response.reason:
            parts.insert(0, user_paragraph(f"Note so far: {response.reason}", st.meta))
        return parts
    parts = [_response_line(response.status, st)]
    if response.reason:
        parts.append(user_paragraph(f"Reason: {response.reason}", st.body))
    if response.change_impossible:
        parts.append(Paragraph("Change is not possible, so this will not be revisited.", st.meta))
    elif response.revisit_later:
        parts.append(Paragraph("Kept on the list, to look at again later.", st.meta))
    for update in response.updates:
        parts.append(Paragraph(f"<b>{long_date(update.on)}:</b> {markup(update.text)}", st.meta))
    if session_id is not None:
        parts += [Spacer(0, 4), _fields(item, st, session_id)]
    return parts


def leadership(
    digest: Digest, st: Styles, session_id: int | None = None, session_uid: str = ""
) -> list[Flowable]:
    """The leadership items; with a session id, each carries fields a leader can fill in."""
    if not digest.has_leadership_column and not digest.leadership:
        return []
    items = digest.leadership
    story: list[Flowable] = [
        CondPageBreak(200),
        Heading(LEADERSHIP, st.heading, run=LEADERSHIP, ends_run=not items),
    ]
    answered = sum(1 for i in items if i.answered)
    if not items:
        where = " or ".join(markup(title) for title in digest.leader_columns)
        story.append(Paragraph(f"No notes were sorted into {where}.", st.body))
        return story
    story.append(
        Paragraph(
            f"What staff look to leadership for: {plural(len(items), 'item')}, "
            f"{answered} answered so far. Each item needs a response and a short reason; "
            "progress is shared with the team through the year.",
            st.body,
        )
    )
    if session_id is not None:
        from ..response_form import FormMarker

        story.append(
            Paragraph(
                "You can answer in this PDF: for each item choose a status and write a short "
                "reason, then save the file and send it back to the facilitators.",
                st.lead_in,
            )
        )
        story.append(FormMarker(session_id, session_uid))
    labelled = len(digest.kinds) > 1
    for i, item in enumerate(items):
        parts = [
            *_note_parts(item, st, labelled),
            Spacer(0, 3),
            *_response_parts(item, st, session_id),
        ]
        story.append(
            Striped(
                parts,
                KIND_LOOKS[item.note.kind].strong,
                run=LEADERSHIP,
                ends_run=i == len(items) - 1,
                space_after=12,
                # An item and its answer fields stay on one page; only one taller than a
                # page splits.
                keep_whole=KEEP_ITEM_WHOLE,
            )
        )
    return story


def checklist(
    components: Sequence[tuple[str, str, str]],
    st: Styles,
    done: frozenset[str] = frozenset(),
    surveyed: Sequence[str] = (),
) -> list[Flowable]:
    """Each component as a box to tick: (key, title, help); surveys get one box per round.

    Components in `done` (ticked in the console) and survey rounds in `surveyed` (those with
    answers entered) print ticked."""
    lines: list[Flowable] = []
    for key, title, about in components:
        text = f"{TICKED if key in done else BOX}\u2002<b>{markup(title)}</b>"
        if about:
            text += f"{SEP}{markup(about)}"
        if key == "surveys":
            text += "<br/>" + "\u2003".join(
                f"{TICKED if stage in surveyed else BOX}\u00a0{when}"
                for stage, when in zip(SURVEY_STAGES, SURVEYS, strict=True)
            )
        lines.append(Paragraph(text, st.box_line))
    return [
        CondPageBreak(160),
        Heading("Comprehensive components", st.heading, run=None),
        Paragraph("Tick what was done for this session.", st.lead_in),
        *lines,
    ]


def looking_ahead(
    section: int, next_title: str | None, content: Content, st: Styles
) -> list[Flowable]:
    if next_title is None:
        heading, items = "After the last section", AFTER_LAST_SECTION
    else:
        heading = f"Looking ahead to Section {section + 1}: {markup(next_title)}"
        items = leadership_considerations(section + 1, content)
    if not items:
        return []
    return [
        CondPageBreak(120),
        Heading(heading, st.heading, run=None),
        Paragraph("Things leaders may want to prepare:", st.lead_in),
        *(Paragraph(f"•\u2002{markup(text)}", st.box_line) for text in items),
    ]
