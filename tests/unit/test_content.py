"""The packaged content: every section and board template loads, validates and works on a board."""

from __future__ import annotations

from datetime import date

import pytest

from crt_desktop.content import Section, content
from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import AddNote, MoveNotes, StackNotes, Vote
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import BoardMode, Column, Template
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.export.interchange import board_from_json, board_to_json

TEMPLATE_OF_SECTION = {
    1: "action-steps",
    2: "wellness-compass",
    3: "fatigue-stages",
    4: "control-board",
    5: "expectations",
    6: "helpful-behaviours",
    7: "culture-agreements",
    8: "wellness-compass",
    9: "wellness-compass",
    10: "resilience-stories",
    11: "wellness-compass",
    12: "keep-practices",
}


def board_for(template: Template) -> Board:
    session = Session(team="Day unit", section=1, held_on=date(2026, 11, 20), template=template.key)
    return Board(session=session, template=template)


def test_each_section_names_its_template():
    """Sections 1 to 12 load in order, each with the board template it runs on."""
    c = content()
    assert [s.number for s in c.sections] == list(range(1, 13))
    assert {s.number: s.template for s in c.sections} == TEMPLATE_OF_SECTION
    for number, key in TEMPLATE_OF_SECTION.items():
        assert c.template_for(number).key == key


@pytest.mark.parametrize("key", sorted(set(TEMPLATE_OF_SECTION.values())))
def test_each_template_takes_a_note_and_a_move(key):
    """Every template builds a board where a note lands in its entry column and can move."""
    template = content().templates[key]
    board = board_for(template)
    apply_patch(board, AddNote("Something we said", kind=template.kinds[0]).patch(board))
    (note,) = board.in_column(template.entry_column)
    last = template.columns[-1].key
    apply_patch(board, MoveNotes((note.id,), last).patch(board))
    assert board.notes[note.id].column == last


@pytest.mark.parametrize("key", sorted(set(TEMPLATE_OF_SECTION.values())))
def test_each_template_round_trips_through_json(key):
    """A board on every template, with notes in each column, a stack and votes, survives
    export and import unchanged."""
    c = content()
    template = c.templates[key]
    section = min(n for n, k in TEMPLATE_OF_SECTION.items() if k == key)
    board = board_for(template)
    board.session = Session("Day unit", section, date(2026, 11, 20), key)
    for i, column in enumerate(template.columns):
        kind = template.kinds[i % len(template.kinds)]
        level = template.levels[i % len(template.levels)] if template.levels else None
        for text in (f"{column.title} & <more>", "Same again"):
            op = AddNote(text, kind=kind, level=level, column=column.key)
            apply_patch(board, op.patch(board))
    first, second = board.in_column(template.entry_column)[:2]
    apply_patch(board, StackNotes((second.id,), first.id).patch(board))
    apply_patch(board, Vote((first.id,), 3).patch(board))
    text = board_to_json(board)
    again = board_from_json(text.encode("utf-8"), c)
    assert board_to_json(again) == text
    assert again.notes == board.notes and again.template == template


def test_control_board_keeps_its_contract():
    """The Section 4 board keeps its column keys and titles, and its plain note behaviour."""
    t = content().templates["control-board"]
    assert [(c.key, c.title) for c in t.columns] == [
        ("unsorted", "Unsorted"),
        ("i_control", "I control"),
        ("leadership_controls", "Leadership controls"),
        ("cannot_control", "Cannot control"),
    ]
    assert t.entry_column == "unsorted"
    assert (t.mode, t.ranked, t.keep_top, t.shuffle, t.reminder, t.card_parts) == (
        BoardMode.NOTES,
        False,
        0,
        False,
        "",
        (),
    )
    assert len(t.kinds) == 2 and len(t.levels) == 3


def test_template_defaults_are_plain_notes():
    """A Template built with only the old fields behaves as before the new options."""
    t = Template(key="k", title="T", columns=(Column("a", "A", "help"),))
    assert t.entry_column == "a" and t.mode == "notes" and not t.columns[0].for_leader
    assert (t.result_column, t.ranked, t.keep_top, t.shuffle) == ("", False, 0, False)


def test_wellness_compass_has_four_directions_and_an_entry_column():
    """The compass sorts fatigue and resilience notes from Unsorted into its four directions."""
    t = content().templates["wellness-compass"]
    assert [c.title for c in t.columns] == ["Unsorted", "Mind", "Spirit", "Strength", "Heart"]
    assert t.entry_column == "unsorted"
    assert set(t.kinds) == {Kind.FATIGUE, Kind.RESILIENCE}
    assert t.levels == ()


def test_wellness_sections_focus_on_their_direction():
    """Sections 8, 9 and 11 each point at their own compass direction."""
    c = content()
    assert {n: c.section(n).focus for n in (2, 8, 9, 11)} == {
        2: "",
        8: "mind",
        9: "spirit",
        11: "heart",
    }


def test_fatigue_stages_collects_dots_and_reminds_people_to_keep_their_own_results():
    """Section 3 counts anonymous dots per stage and shows a private-reflection reminder."""
    t = content().templates["fatigue-stages"]
    assert t.mode is BoardMode.DOTS
    assert [c.title for c in t.columns] == [
        "Zealot",
        "Irritability",
        "Withdrawal",
        "Zombie",
        "Renewal",
    ]
    assert "nobody collects it" in t.reminder


def test_expectation_cards_have_why_what_how_and_unclear_ones_go_to_leaders():
    """Section 5 cards come in three parts, and only the Unclear column is for leaders."""
    t = content().templates["expectations"]
    assert [p.key for p in t.card_parts] == ["why", "what", "how"]
    assert [c.key for c in t.columns] == ["unsorted", "helpful", "holding_back", "unclear"]
    assert [c.key for c in t.columns if c.for_leader] == ["unclear"]


def test_culture_agreements_rank_and_keep_the_top_six():
    """Section 7 ranks its Agreements column and keeps six at most."""
    t = content().templates["culture-agreements"]
    assert (t.result_column, t.ranked, t.keep_top) == ("agreements", True, 6)
    assert t.entry_column == "behaviours"


def test_resilience_stories_are_shuffled_and_only_resilience():
    """Section 10 stories are resilience notes shown in a random order."""
    t = content().templates["resilience-stories"]
    assert t.shuffle and t.kinds == (Kind.RESILIENCE,)


def test_resilience_stories_refuse_fatigue_notes():
    """A board restricted to resilience notes refuses a fatigue note with a clear message."""
    board = board_for(content().templates["resilience-stories"])
    with pytest.raises(ValueError, match="does not use fatigue notes"):
        AddNote("x", kind=Kind.FATIGUE).patch(board)


def test_action_steps_are_the_steps_with_their_full_names_in_the_help():
    """Section 1 has one column per step; each help line starts with the step's full name."""
    t = content().templates["action-steps"]
    assert [c.title for c in t.columns] == [
        "Notice",
        "Pause",
        "Understand",
        "Empathise",
        "Best action",
    ]
    names = ["Notice", "Pause", "Seek understanding", "Cultivate empathy", "Discern best action"]
    assert [c.help.split(":")[0] for c in t.columns] == names
    assert t.entry_column == "notice" and "No real names" in t.reminder


def test_keep_practices_sorts_into_keep_change_add():
    """Section 12 sorts ideas into Keep, Change and Add."""
    t = content().templates["keep-practices"]
    assert [c.title for c in t.columns][1:] == ["Keep", "Change", "Add"]


def test_every_section_shares_the_one_components_checklist():
    """All sections carry the same seven checklist items, defined once."""
    c = content()
    assert [k.key for k in c.components] == [
        "handout",
        "leader_prepared",
        "visual_hung",
        "link_between",
        "sustain_ideas",
        "policies_agreed",
        "surveys",
    ]
    assert all(s.components == c.components for s in c.sections)


def test_section_minutes_add_up_its_steps():
    """A section's length is the sum of its steps' minutes."""
    s = content().section(4)
    assert s.minutes == sum(step.minutes for step in s.steps) == 45


def test_section_still_builds_from_number_title_and_template():
    """Older callers can build a Section from its first three fields alone."""
    s = Section(number=4, title="T", template="control-board")
    assert (s.prompts, s.steps, s.visual.lines, s.minutes) == ((), (), (), 0)


def test_unknown_section_number_is_a_key_error():
    """Asking for a section that does not exist raises KeyError."""
    with pytest.raises(KeyError):
        content().section(13)
