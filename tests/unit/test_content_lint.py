"""Content lint: every section has all its parts, and no line is longer than the room can read."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crt_desktop.content import Step, Visual, content
from crt_desktop.content.lint import (
    COLUMN_TITLE,
    ROOM_LINE,
    board_width,
    problems,
    section_problems,
    template_problems,
)


def test_packaged_content_breaks_no_rule():
    """The shipped sections, templates and checklist pass every house rule."""
    assert problems(content()) == []


@pytest.mark.parametrize("number", range(1, 13))
def test_every_section_has_all_its_parts(number):
    """Each section has a purpose, timed steps, prompts, leadership notes, visual and handout."""
    s = content().section(number)
    assert s.purpose and s.steps and s.prompts and s.handout
    assert 4 <= len(s.leadership_considerations) <= 6
    assert s.visual.title and 3 <= len(s.visual.lines) <= 7
    assert 30 <= s.minutes <= 60
    assert len(s.components) == 7


def test_every_room_line_fits_the_room_view():
    """Prompts, poster lines, reminders and column help fit one room-view line."""
    c = content()
    lines = [p for s in c.sections for p in (*s.prompts, *s.visual.lines)]
    lines += [t.reminder for t in c.templates.values() if t.reminder]
    lines += [col.help for t in c.templates.values() for col in t.columns]
    assert lines and max(len(line) for line in lines) <= ROOM_LINE
    titles = [col.title for t in c.templates.values() for col in t.columns]
    assert max(len(title) for title in titles) <= COLUMN_TITLE


def section_with(**changes):
    return replace(content().section(4), **changes)


def lint(**changes):
    return list(section_problems(section_with(**changes), 7))


def test_lint_flags_a_prompt_too_long_for_the_room():
    """A 91-character prompt is reported with its file and field."""
    (found,) = lint(prompts=("x" * 91, "ok?", "fine?"))
    assert found.startswith("sections/04.toml: prompts[0] is 91 characters")


def test_lint_flags_a_long_visual_line_and_too_few_lines():
    """Poster lines must be short, and there must be three to seven of them."""
    found = lint(visual=Visual("Poster", ("y" * 95,)))
    assert any("visual.lines[0] is 95 characters" in p for p in found)
    assert any("visual.lines has 1 entries; it needs 3 to 7" in p for p in found)


@pytest.mark.parametrize(("minutes", "flagged"), [(25, True), (30, False), (60, False), (65, True)])
def test_lint_checks_steps_add_up_to_thirty_to_sixty_minutes(minutes, flagged):
    """A section's steps must add up to between 30 and 60 minutes."""
    found = lint(steps=(Step("All of it", minutes, "Run it."),))
    assert any("minutes" in p for p in found) is flagged


def test_lint_flags_empty_or_padded_text():
    """Blank or space-padded text anywhere is reported."""
    found = lint(handout=(" padded", "fine", "also fine"))
    assert found == ["sections/04.toml: handout[0] is empty or has spaces at either end"]


def test_lint_flags_missing_parts_by_count():
    """Too few leadership considerations, and a missing checklist, are reported."""
    found = lint(leadership_considerations=("Only one.",), components=())
    assert any("leadership_considerations has 1 entries" in p for p in found)
    assert any("components lists 0 of the 7" in p for p in found)


def test_lint_flags_a_purpose_of_one_sentence():
    """A purpose needs two or three sentences."""
    (found,) = lint(purpose="Just one sentence.")
    assert "purpose has 1 sentences" in found


def test_lint_flags_a_column_title_too_wide_for_its_header():
    """A column title longer than a header can show is reported."""
    t = content().templates["keep-practices"]
    wide = replace(t.columns[0], title="A title far too long for any header")
    found = list(template_problems(replace(t, columns=(wide, *t.columns[1:]))))
    assert found == [
        "templates/keep-practices.toml: columns[0].title is 35 characters; the most is 24: "
        "'A title far too long for any header'"
    ]


def test_lint_flags_a_board_too_wide_for_a_small_projector():
    """Six long column titles side by side do not fit a 1024-pixel room view."""
    t = content().templates["wellness-compass"]
    wide = tuple(replace(c, title="Seek understanding") for c in (*t.columns, t.columns[0]))
    found = list(template_problems(replace(t, columns=wide)))
    assert len(found) == 1 and "column titles need about" in found[0]
    assert board_width(t) <= 1024
