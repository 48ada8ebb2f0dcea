"""JSON interchange of the section tools' fields: checklist, step, prompt, tallies, card parts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from crt_desktop.content import content
from crt_desktop.domain.note import Note
from crt_desktop.domain.session_operations import AddCard, CarryNotes
from crt_desktop.export.interchange import (
    InterchangeError,
    board_from_json,
    board_to_dict,
    board_to_json,
)

from .test_interchange import CONTENT, do, make_board, minimal


def with_session(**fields: Any) -> str:
    data = minimal()
    data["session"].update(fields)
    return json.dumps(data)


def with_note(**fields: Any) -> str:
    data = minimal()
    data["notes"][0].update(fields)
    return json.dumps(data)


def refused(text: str) -> str:
    with pytest.raises(InterchangeError) as caught:
        board_from_json(text, CONTENT)
    return str(caught.value)


def test_section_tools_are_written_in_a_fixed_form():
    """Components sorted, step, prompt, tallies sorted by key; card parts in template order."""
    board = make_board(
        components=frozenset({"surveys", "handout"}),
        step=2,
        prompt=1,
        tallies=(("survey:pre:q1:yes", 3), ("dots:i_control", 5)),
    )
    do(board, AddCard("Answer calls", {"how": "Kindly", "why": "Patients wait"}))
    do(board, CarryNotes((Note("Charting after hours", id="earlier-1"),)))
    data = board_to_dict(board)
    assert data["session"]["components"] == ["handout", "surveys"]
    assert (data["session"]["step"], data["session"]["prompt"]) == (2, 1)
    assert list(data["session"]["tallies"].items()) == [
        ("dots:i_control", 5),
        ("survey:pre:q1:yes", 3),
    ]
    card, carried = data["notes"]
    assert list(card["details"].items()) == [("why", "Patients wait"), ("how", "Kindly")]
    assert carried["carried_from"] == "earlier-1" and carried["column"] == "leadership_controls"
    text = board_to_json(board)
    again = board_from_json(text, CONTENT)
    assert board_to_json(again) == text and again.session == board.session
    assert again.notes == board.notes


def test_a_file_without_the_new_fields_reads_with_defaults():
    """Older files lack the fields: nothing ticked, first step, no prompt, no tallies."""
    board = board_from_json(json.dumps(minimal()), CONTENT)
    s = board.session
    assert (s.components, s.step, s.prompt, s.tallies) == (frozenset(), 0, None, ())
    (note,) = board.notes.values()
    assert (note.details, note.carried_from) == ((), None)


def test_parts_given_in_any_order_come_back_in_template_order():
    """A hand-written file may list a card's parts in any order; text is tidied as usual."""
    board = board_from_json(with_note(details={"how": " By\r\nMarch ", "why": ""}), CONTENT)
    (note,) = board.notes.values()
    assert note.details == (("why", ""), ("how", "By\nMarch"))


def test_zero_counts_are_accepted_and_not_kept():
    """A zero count means no count: it is read and left out."""
    board = board_from_json(
        with_session(tallies={"dots:unsorted": 0, "dots:i_control": 2}), CONTENT
    )
    assert board.session.tallies == (("dots:i_control", 2),)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"components": "handout"}, "session.components: must be a list, not"),
        (
            {"components": ["handout", "posters"]},
            'session.components[1]: must be "handout", "leader_prepared" or "surveys", '
            'not "posters".',
        ),
        ({"components": [3]}, "session.components[0]: must be"),
        (
            {"components": ["surveys", "surveys"]},
            'session.components[1]: "surveys" is already ticked at session.components[0].',
        ),
        ({"step": -1}, "session.step: must be from 0 to 2, not -1."),
        ({"step": 3}, "session.step: must be from 0 to 2, not 3."),
        ({"step": 1.0}, "session.step: must be a whole number, not 1.0."),
        ({"step": True}, "session.step: must be a whole number, not true."),
        ({"prompt": 2}, "session.prompt: must be from 0 to 1, not 2."),
        ({"prompt": "1"}, 'session.prompt: must be a whole number, not "1".'),
        ({"section": 12, "step": 1}, "session.step: must be from 0 to 0, not 1."),
        ({"section": 12, "prompt": 0}, "session.prompt: section 12 has no prompts"),
        ({"tallies": []}, "session.tallies: must be an object of counts, not a list."),
        ({"tallies": {"votes": 3}}, "session.tallies.votes: is not a tally"),
        ({"tallies": {"dots:": 3}}, 'session.tallies["dots:"]: is not a tally'),
        ({"tallies": {"survey:late:q1:yes": 1}}, "is not a tally"),
        ({"tallies": {"survey:pre:q1": 1}}, "is not a tally"),
        ({"tallies": {"survey:pre:q 1:yes": 1}}, "is not a tally"),
        (
            {"tallies": {"dots:zombie": 1}},
            'session.tallies["dots:zombie"]: the "control-board" board has no column "zombie"',
        ),
        ({"tallies": {"dots:i_control": -1}}, "must be from 0 to 1,000,000, not -1."),
        ({"tallies": {"dots:i_control": 2.5}}, "must be a whole number, not 2.5."),
        ({"tallies": {"dots:i_control": "2"}}, 'must be a whole number, not "2".'),
        ({"tallies": {"dots:i_control": False}}, "must be a whole number, not false."),
        ({"tallies": {"dots:i_control": 10**6 + 1}}, "must be from 0 to 1,000,000"),
    ],
)
def test_bad_section_tool_fields_are_refused_by_path(fields: dict[str, Any], message: str):
    """Each bad checklist, step, prompt or tally value is refused, naming its field."""
    assert message in refused(with_session(**fields))


def test_a_tally_given_twice_is_refused():
    """JSON keeps the last of two equal keys; the file is refused instead of losing one."""
    text = with_session(tallies={"dots:i_control": 1}).replace(
        '"dots:i_control": 1', '"dots:i_control": 1, "dots:i_control": 2'
    )
    assert 'session.tallies["dots:i_control"]: appears twice' in refused(text)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"details": ["why", "x"]}, "notes[0].details: must be an object (a card's parts)"),
        (
            {"details": {"who": "me"}},
            'notes[0].details.who: is not a part of a card on the "control-board" board '
            '(its parts are "why", "what" or "how").',
        ),
        ({"details": {"why": 3}}, "notes[0].details.why: must be text, not 3."),
        ({"details": {"why": None}}, "notes[0].details.why: must be text, not null."),
        ({"details": {"why": "x" * 2001}}, "notes[0].details.why: a part of a card can hold"),
        ({"carried_from": "bad id!"}, "notes[0].carried_from: must be up to 64 letters"),
        ({"carried_from": 7}, "notes[0].carried_from: must be up to 64 letters"),
    ],
)
def test_bad_note_tool_fields_are_refused_by_path(fields: dict[str, Any], message: str):
    """Card parts must be the template's, as text; carried_from must be an id."""
    assert message in refused(with_note(**fields))


def test_parts_on_a_board_without_parts_are_refused():
    """A board whose cards have no parts takes no details, with the reason given."""
    data = minimal()
    data["session"].update(section=4, template="control-board")
    data["notes"][0]["details"] = {"why": "x"}
    with pytest.raises(InterchangeError, match=r"notes\[0\]\.details\.why: cards on the "):
        board_from_json(json.dumps(data), content())


def test_the_packaged_checklist_is_what_components_accept():
    """With the packaged content, every checklist key of content().components is accepted."""
    keys = sorted(c.key for c in content().components)
    data = minimal()
    data["session"]["components"] = keys
    board = board_from_json(json.dumps(data), content())
    assert sorted(board.session.components) == keys
