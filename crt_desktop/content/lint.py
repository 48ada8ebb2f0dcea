"""House rules for content beyond what the loader checks: lengths the room view can show, and
the shape every section must have. `problems(content)` lists every rule a file breaks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from crt_desktop.domain.template import Template

from . import Content
from .section import Section

# The room view sets body text at 24 pt on a 1920-pixel-wide screen and scales it down with the
# screen, so a line holds about the same number of characters at any size: roughly 120 average
# characters edge to edge, about 90 inside the margins of the prompt band and the poster.
ROOM_LINE = 90
# A title over the board or a poster is set larger than body text.
ROOM_TITLE = 60
# A column header on a six-column board: about twelve characters a line, two lines at most.
COLUMN_TITLE = 24
# Column titles sit side by side, one line each. Measured in the room view at 1024x768: about
# 17 px per title character, 30 px per column of padding and spacing, 36 px of outer margin.
ROOM_WIDTH = 1024
TITLE_PX_PER_CHAR = 17
COLUMN_PX = 30
BOARD_MARGIN_PX = 36
# Facilitator guidance shows in the console beside the board; keep it to a few short sentences.
GUIDANCE = 320
# Leadership considerations and handout bullets print as single bullets in the leader summary.
BULLET = 120

MINUTES = (30, 60)
PROMPTS = (3, 8)
LEADERSHIP = (4, 6)
VISUAL_LINES = (3, 7)
HANDOUT = (3, 5)
PURPOSE_SENTENCES = (2, 3)

_SENTENCE_END = re.compile(r"[.!?](\s|$)")


def _count(items: tuple[object, ...], bounds: tuple[int, int], what: str) -> Iterator[str]:
    low, high = bounds
    if not low <= len(items) <= high:
        yield f"{what} has {len(items)} entries; it needs {low} to {high}"


def _line(text: str, limit: int, what: str) -> Iterator[str]:
    if text != text.strip() or not text.strip():
        yield f"{what} is empty or has spaces at either end"
    if "\n" in text:
        yield f"{what} must be a single line"
    if len(text) > limit:
        yield f"{what} is {len(text)} characters; the most is {limit}: {text!r}"


def section_problems(section: Section, shared_components: int) -> Iterator[str]:
    at = f"sections/{section.number:02d}.toml"
    yield from (f"{at}: {p}" for p in _section_rules(section, shared_components))


def _section_rules(s: Section, shared_components: int) -> Iterator[str]:
    yield from _line(s.title, ROOM_TITLE, "title")
    sentences = len(_SENTENCE_END.findall(s.purpose))
    low, high = PURPOSE_SENTENCES
    if not low <= sentences <= high:
        yield f"purpose has {sentences} sentences; it needs {low} to {high}"
    yield from _line(s.purpose, 400, "purpose")
    total = s.minutes
    if not MINUTES[0] <= total <= MINUTES[1]:
        yield f"steps add up to {total} minutes; a section runs {MINUTES[0]} to {MINUTES[1]}"
    for i, step in enumerate(s.steps):
        yield from _line(step.title, ROOM_TITLE, f"steps[{i}].title")
        yield from _line(step.guidance, GUIDANCE, f"steps[{i}].guidance")
    yield from _count(s.prompts, PROMPTS, "prompts")
    for i, prompt in enumerate(s.prompts):
        yield from _line(prompt, ROOM_LINE, f"prompts[{i}]")
    yield from _count(s.leadership_considerations, LEADERSHIP, "leadership_considerations")
    for i, item in enumerate(s.leadership_considerations):
        yield from _line(item, BULLET, f"leadership_considerations[{i}]")
    yield from _line(s.visual.title, ROOM_TITLE, "visual.title")
    yield from _count(s.visual.lines, VISUAL_LINES, "visual.lines")
    for i, line in enumerate(s.visual.lines):
        yield from _line(line, ROOM_LINE, f"visual.lines[{i}]")
    yield from _count(s.handout, HANDOUT, "handout")
    for i, item in enumerate(s.handout):
        yield from _line(item, BULLET, f"handout[{i}]")
    if len(s.components) != shared_components:
        yield f"components lists {len(s.components)} of the {shared_components} shared items"


def board_width(t: Template) -> int:
    """Estimated pixels the room view needs to show the template's column titles side by side."""
    chars = sum(len(c.title) for c in t.columns)
    return chars * TITLE_PX_PER_CHAR + len(t.columns) * COLUMN_PX + BOARD_MARGIN_PX


def template_problems(t: Template) -> Iterator[str]:
    at = f"templates/{t.key}.toml"
    yield from (f"{at}: {p}" for p in _template_rules(t))


def _template_rules(t: Template) -> Iterator[str]:
    yield from _line(t.title, ROOM_TITLE, "title")
    for i, column in enumerate(t.columns):
        yield from _line(column.title, COLUMN_TITLE, f"columns[{i}].title")
        yield from _line(column.help, ROOM_LINE, f"columns[{i}].help")
    for i, part in enumerate(t.card_parts):
        yield from _line(part.title, COLUMN_TITLE, f"card_parts[{i}].title")
        yield from _line(part.help, ROOM_LINE, f"card_parts[{i}].help")
    if board_width(t) > ROOM_WIDTH:
        yield (
            f"column titles need about {board_width(t)} px side by side; a {ROOM_WIDTH}-px room"
            " view has room for shorter titles"
        )
    if t.reminder:
        yield from _line(t.reminder, ROOM_LINE, "reminder")
    if t.keep_top and t.keep_top > 12:
        yield f"keep_top is {t.keep_top}; a poster holds 12 agreements at most"


def problems(content: Content) -> list[str]:
    """Every house rule the content breaks, one message each naming the file and field."""
    found: list[str] = []
    for template in content.templates.values():
        found.extend(template_problems(template))
    for section in content.sections:
        found.extend(section_problems(section, len(content.components)))
    for i, component in enumerate(content.components):
        found.extend(
            f"components.toml: {p}"
            for p in _line(component.title, ROOM_TITLE, f"components[{i}].title")
        )
        found.extend(
            f"components.toml: {p}" for p in _line(component.help, BULLET, f"components[{i}].help")
        )
    return found
