"""JSON interchange: every hostile or broken file is refused with one sentence naming the field."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from crt_desktop.content import Content
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.export.interchange import (
    MAX_FILE_BYTES,
    InterchangeError,
    board_from_json,
    read_board_file,
)
from crt_desktop.export.interchange_format import NOTE_REQUIRED, SESSION_REQUIRED

from .test_interchange import CONTENT, TEMPLATE, minimal


def refuse(data: str | bytes | dict[str, Any]) -> InterchangeError:
    if isinstance(data, dict):
        data = json.dumps(data, ensure_ascii=False)
    with pytest.raises(InterchangeError) as caught:
        board_from_json(data, CONTENT)
    message = str(caught.value)
    # One sentence, short enough to read, whatever the file held.
    assert message.endswith(".") and len(message) < 400, message
    return caught.value


def with_note(**fields: Any) -> dict[str, Any]:
    """The minimal file with its one note's fields changed (None as a value removes a field)."""
    note = {**minimal()["notes"][0], **fields}
    return minimal(notes=[{k: v for k, v in note.items() if v is not Ellipsis}])


def with_session(**fields: Any) -> dict[str, Any]:
    session = {**minimal()["session"], **fields}
    return minimal(session={k: v for k, v in session.items() if v is not Ellipsis})


def test_interchange_error_is_a_value_error():
    """Callers can catch InterchangeError as a ValueError."""
    assert isinstance(refuse(b"hello"), ValueError)


def test_not_json_at_all():
    """Text that is not JSON says so, with the line and column."""
    error = refuse(b"hello")
    assert error.path == "" and "not valid JSON" in str(error) and "line 1" in str(error)


def test_invalid_utf8():
    """Bytes that are not UTF-8 are refused, naming the offset of the bad byte."""
    assert "not valid UTF-8 text (a bad byte at offset 10)" in str(refuse(b'{"team": "\xff"}'))


def test_utf16_is_refused_clearly():
    """A UTF-16 file gets a message about the encoding, not a parse error."""
    assert "UTF-8" in str(refuse(json.dumps(minimal()).encode("utf-16")))


@pytest.mark.parametrize("value", [[], "text", 3, None])
def test_the_top_must_be_an_object(value: Any):
    """A file holding a list, text or number is not a session file."""
    assert "must hold one JSON object" in str(refuse(json.dumps(value)))


@pytest.mark.parametrize("value", ["crt-desktop-board", None, 1])
def test_wrong_format(value: Any):
    """A file of another kind is refused at the "format" field."""
    error = refuse(minimal(format=value))
    assert error.path == "format" and "not a CRT Desktop session file" in str(error)


def test_missing_format():
    """Any other JSON object (say, a settings file) is told apart at once."""
    assert str(refuse({"theme": "dark"})) == (
        "format: this is not a CRT Desktop session file (the format should be "
        '"crt-desktop-session", and it is missing).'
    )


def test_newer_version_says_so():
    """A file from a newer version asks for an update rather than failing obscurely."""
    error = refuse(minimal(version=2, notes=[], new_thing=True))
    assert error.path == "version" and "newer" in str(error) and "version 2" in str(error)


@pytest.mark.parametrize("value", [0, True, "1", 1.0, None])
def test_unsupported_version(value: Any):
    """Version must be the whole number 1 (true is not 1, nor is 1.0)."""
    assert refuse(minimal(version=value)).path == "version"


def test_missing_version():
    """A file without a version is refused at "version"."""
    data = minimal()
    del data["version"]
    error = refuse(data)
    assert str(error) == "version: this required field is missing."


@pytest.mark.parametrize("field", SESSION_REQUIRED)
def test_missing_session_field(field: str):
    """Each required session field, when missing, is named."""
    assert str(refuse(with_session(**{field: ...}))) == (
        f"session.{field}: this required field is missing."
    )


@pytest.mark.parametrize("field", NOTE_REQUIRED)
def test_missing_note_field(field: str):
    """Each required note field, when missing, is named with the note's index."""
    assert str(refuse(with_note(**{field: ...}))) == (
        f"notes[0].{field}: this required field is missing."
    )


def test_missing_session_and_notes():
    """A file without a session or without notes names what is missing."""
    assert refuse(minimal(session=...) | {"session": None}).path == "session"
    data = minimal()
    del data["notes"]
    assert str(refuse(data)) == "notes: this required field is missing."


def test_kind_names_the_note_and_the_choices():
    """A kind outside the vocabulary names the note, the allowed values and the bad one."""
    data = minimal(notes=[minimal()["notes"][0]] * 3 + [with_note(kind="tired")["notes"][0]])
    assert str(refuse(data)) == 'notes[3].kind: must be "fatigue" or "resilience", not "tired".'


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"votes": True}, "notes[0].votes: must be a whole number, not true."),
        ({"votes": 2.5}, "notes[0].votes: must be a whole number, not 2.5."),
        ({"votes": "3"}, 'notes[0].votes: must be a whole number, not "3".'),
        ({"votes": -1}, "notes[0].votes: must be from 0 to 1,000,000, not -1."),
        ({"votes": 10**7}, "notes[0].votes: must be from 0 to 1,000,000, not 10000000."),
        ({"leader_added": 1}, "notes[0].leader_added: must be true or false, not 1."),
        ({"hidden": "yes"}, 'notes[0].hidden: must be true or false, not "yes".'),
        ({"text": 5}, "notes[0].text: must be text, not 5."),
        ({"text": ["a"]}, "notes[0].text: must be text, not a list."),
        ({"level": ""}, 'notes[0].level: must be "mindset", "team", "system" or null, not "".'),
        ({"kind": None}, 'notes[0].kind: must be "fatigue" or "resilience", not null.'),
        ({"response": []}, "notes[0].response: must be an object (a response), not a list."),
        (
            {"response": {"status": "soon"}},
            "notes[0].response.status: must be "
            '"not_reviewed", "this_year", "next_year", "unlikely_two_years", '
            '"needs_clarification" or "team_engaged", not "soon".',
        ),
        (
            {"response": {"status": "this_year", "reason": None}},
            "notes[0].response.reason: must be text, not null.",
        ),
        (
            {"response": {"status": "this_year", "change_impossible": 0}},
            "notes[0].response.change_impossible: must be true or false, not 0.",
        ),
        (
            {"response": {"status": "this_year", "updates": {}}},
            "notes[0].response.updates: must be a list, not an object.",
        ),
        (
            {"response": {"status": "this_year", "updates": [{"on": "2027-01-01"}]}},
            "notes[0].response.updates[0].text: this required field is missing.",
        ),
    ],
)
def test_wrong_types_in_a_note(fields: dict[str, Any], message: str):
    """Wrong types are refused field by field; booleans are never taken for numbers."""
    assert str(refuse(with_note(**fields))) == message


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"section": "4"}, "session.section"),
        ({"section": True}, "session.section"),
        ({"section": 13}, "session.section"),
        ({"section": 0}, "session.section"),
        ({"template": "wish-list"}, "session.template"),
        ({"template": 1}, "session.template"),
        ({"team": ""}, "session.team"),
        ({"team": " \x00 "}, "session.team"),
        ({"team": "x" * 201}, "session.team"),
        ({"team": 7}, "session.team"),
        ({"facilitation_team": None}, "session.facilitation_team"),
        ({"screening": "on"}, "session.screening"),
    ],
)
def test_bad_session_fields(fields: dict[str, Any], path: str):
    """Unknown sections and templates, empty names and wrong types name the session field."""
    assert refuse(with_session(**fields)).path == path


def test_unknown_section_message():
    """An unknown section says which sections exist."""
    assert str(refuse(with_session(section=13))) == (
        "session.section: must be from 1 to 12, not 13."
    )


def test_unknown_template_message():
    """An unknown template lists the known ones."""
    assert str(refuse(with_session(template="wish-list"))) == (
        'session.template: must be "control-board", not "wish-list".'
    )


def test_empty_team_uses_the_domain_message():
    """Names are cleaned as typed names are, and the domain's reason is kept."""
    assert str(refuse(with_session(team="  "))) == "session.team: the team needs a name."


def test_unknown_column():
    """A column the template lacks is refused, listing the template's columns."""
    error = refuse(with_note(column="maybe"))
    assert error.path == "notes[0].column"
    assert '"maybe"' in str(error) and '"cannot_control"' in str(error)


@pytest.mark.parametrize(
    ("data", "path"),
    [
        (minimal(extra=1), "extra"),
        (with_session(room="B"), "session.room"),
        (with_note(colour="yellow"), "notes[0].colour"),
        (with_note(author="Sam"), "notes[0].author"),
        (with_note(response={"status": "this_year", "by": "Jo"}), "notes[0].response.by"),
        (
            with_note(
                response={
                    "status": "this_year",
                    "updates": [{"on": "2027-01-01", "text": "x", "n": 1}],
                }
            ),
            "notes[0].response.updates[0].n",
        ),
        (with_note(**{"two words": 1}), 'notes[0]["two words"]'),
    ],
)
def test_unknown_fields_are_refused_by_name(data: dict[str, Any], path: str):
    """A field the format does not have is named, never dropped in silence."""
    error = refuse(data)
    assert error.path == path and "is not a field of version 1" in str(error)


def test_unknown_field_names_are_shortened():
    """A huge unknown field name does not flood the message."""
    error = refuse(with_note(**{"<b>" * 10_000: 1}))
    assert error.path.startswith('notes[0]["<b><b>') and "…" in error.path


def test_a_field_given_twice_is_refused():
    """JSON keeps only the last of two equal keys; the importer refuses instead of guessing."""
    text = json.dumps(minimal()).replace('"votes": 3', '"votes": 3, "votes": 4')
    error = refuse(text)
    assert str(error) == "notes[0].votes: appears twice; give each field once."


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x01\x02", "\r\n\t"],
)
def test_empty_note_text(text: str):
    """Text that is empty once cleaned is refused with the domain's reason, naming the note."""
    assert str(refuse(with_note(text=text))) == "notes[0].text: a note needs some text."


def test_too_long_note_text():
    """Text over the note limit names the note and the length."""
    error = refuse(with_note(text="x" * 2001))
    assert error.path == "notes[0].text" and "2,001" in str(error)


def test_duplicate_ids():
    """Two notes with one id are refused, naming both."""
    note = {**minimal()["notes"][0], "id": "n1"}
    error = refuse(minimal(notes=[note, {**note, "column": "unsorted"}, note]))
    assert str(error) == 'notes[1].id: the id "n1" is already used by notes[0].'


@pytest.mark.parametrize("value", ["", "a b", "x" * 65, 12, "ü", "<script>"])
def test_malformed_ids(value: Any):
    """Ids are short plain names; anything else is refused at the id."""
    assert refuse(with_note(id=value)).path == "notes[0].id"


def group_file(*notes: dict[str, Any]) -> dict[str, Any]:
    base = minimal()["notes"][0]
    return minimal(notes=[{**base, **n} for n in notes])


def test_group_pointing_at_a_missing_note():
    """A group must name a note in the file."""
    data = group_file({"id": "a"}, {"group": "zzz"})
    assert str(refuse(data)) == 'notes[1].group: no note in the file has the id "zzz".'


def test_group_across_columns():
    """A group stays in one column."""
    data = group_file({"id": "a"}, {"group": "a", "column": "unsorted"})
    assert str(refuse(data)) == (
        'notes[1].group: notes[0] is in the column "leadership_controls", not "unsorted"; '
        "a group stays in one column."
    )


def test_group_under_itself():
    """A note cannot be its own group's top."""
    assert refuse(group_file({"id": "a", "group": "a"})).path == "notes[0].group"


def test_group_chains_are_refused():
    """A group names its top note, never a note that is itself grouped."""
    data = group_file({"id": "a"}, {"id": "b", "group": "a"}, {"group": "b"})
    error = refuse(data)
    assert error.path == "notes[2].group" and "notes[1] is itself grouped" in str(error)


@pytest.mark.parametrize(
    "value",
    ["2026-11-2", "20-11-2026", "2026/11/20", "2026-02-30", "２０２６-11-20", 20261120, None],
)
def test_dates_must_be_real_and_written_yyyy_mm_dd(value: Any):
    """Dates are real days written YYYY-MM-DD with ASCII digits."""
    assert refuse(with_session(held_on=value)).path == "session.held_on"


def test_progress_update_dates_are_checked():
    """A progress update's date is checked like the session's."""
    response = {"status": "this_year", "updates": [{"on": "soon", "text": "x"}]}
    error = refuse(with_note(response=response))
    assert (
        str(error)
        == 'notes[0].response.updates[0].on: must be a date written YYYY-MM-DD, not "soon".'
    )


def test_oversized_bytes_are_refused_before_parsing():
    """Bytes over the limit are refused for their size, before any parsing."""
    error = refuse(b" " * (MAX_FILE_BYTES + 1))
    assert str(error) == "The file is 128.0 MiB; a session file can be at most 128 MiB."


def test_oversized_text_is_refused_before_parsing():
    """Text over the limit is refused for its size too."""
    assert "at most 128 MiB" in str(refuse("[" * (MAX_FILE_BYTES + 1)))


def test_oversized_file_is_refused_before_reading(tmp_path: Path):
    """A file over the limit is refused from its size alone (a sparse file: nothing is read)."""
    path = tmp_path / "huge.json"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InterchangeError, match="at most 128 MiB"):
        read_board_file(path, CONTENT)


def test_json_errors_read_as_one_sentence():
    """json's own wording ("Invalid control character at") is not doubled into "at at"."""
    error = str(refuse(b'{"format": "a\x01b"}'))
    assert "at at" not in error
    assert error == ("The file is not valid JSON (Invalid control character at line 1, column 14).")


def test_a_named_pipe_is_refused_at_once(tmp_path: Path):
    """A pipe (or any other thing that is not a regular file) is refused without waiting for a
    writer that may never come."""
    import os
    import threading

    pipe = tmp_path / "session.json"
    os.mkfifo(pipe)
    caught: list[BaseException] = []

    def read() -> None:
        try:
            read_board_file(pipe, CONTENT)
        except BaseException as exc:
            caught.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=5)
    if reader.is_alive():  # unblock the reader so the test run can end, then fail
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a named pipe blocked")
    assert isinstance(caught[0], InterchangeError)
    assert str(caught[0]) == f"{pipe} is not a file (it is a pipe or a device)."


def test_deeply_nested_junk():
    """Absurd nesting is refused with a sentence, not a crash."""
    assert "nests lists or objects far too deeply" in str(refuse("[" * 100_000 + "]" * 100_000))


def test_nested_junk_in_a_field():
    """Nested junk where text belongs is named at that field."""
    junk = json.loads("[" * 200 + "]" * 200)
    assert str(refuse(with_note(text=junk))) == "notes[0].text: must be text, not a list."


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_non_standard_numbers(literal: str):
    """NaN and Infinity are not JSON, and are refused."""
    text = json.dumps(minimal()).replace('"votes": 3', f'"votes": {literal}')
    assert literal in str(refuse(text))


def test_a_number_with_thousands_of_digits():
    """A number too long to read is refused with a sentence."""
    text = json.dumps(minimal()).replace('"votes": 3', '"votes": ' + "9" * 5000)
    assert "number too long" in str(refuse(text))


def test_huge_bad_values_are_shortened_in_messages():
    """A long wrong value is shown cut short, so the message stays one readable line."""
    error = refuse(with_note(kind="tired" * 10_000))
    assert str(error).endswith('…".') and len(str(error)) < 200


def test_notes_must_be_a_list_of_objects():
    """Notes must be a list, and each note an object."""
    assert str(refuse(minimal(notes={}))) == "notes: must be a list, not an object."
    assert str(refuse(minimal(notes=["x"]))) == ('notes[0]: must be an object (a note), not "x".')


def test_kind_the_template_does_not_use():
    """A kind the board's template leaves out is refused at the note."""
    template = replace(TEMPLATE, kinds=(Kind.FATIGUE,))
    content = Content(sections=CONTENT.sections, templates={template.key: template})
    with pytest.raises(InterchangeError, match=r"notes\[0\]\.kind: this board does not use"):
        board_from_json(json.dumps(with_note(kind="resilience")), content)


def test_the_checked_shapes_are_the_documented_fields():
    """The msgspec shapes hold exactly the format's fields, in the documented order (the
    "is not a field" message lists them from the shapes)."""
    from crt_desktop.export import interchange_format as fmt
    from crt_desktop.export.interchange_schema import (
        FileShape,
        NoteShape,
        ResponseShape,
        SessionShape,
        UpdateShape,
    )

    assert FileShape.__struct_fields__ == fmt.TOP_FIELDS
    assert SessionShape.__struct_fields__ == fmt.SESSION_REQUIRED + fmt.SESSION_OPTIONAL
    assert NoteShape.__struct_fields__ == NOTE_REQUIRED + fmt.NOTE_OPTIONAL
    assert ResponseShape.__struct_fields__ == fmt.RESPONSE_REQUIRED + fmt.RESPONSE_OPTIONAL
    assert UpdateShape.__struct_fields__ == fmt.UPDATE_REQUIRED


def test_an_unknown_field_lists_the_objects_fields():
    """The whole message for a field the format does not have."""
    assert str(refuse(with_note(colour="yellow"))) == (
        "notes[0].colour: is not a field of version 1 of the format (a note has text, kind, "
        "level, column, votes, leader_added, id, group, hidden, response, details and "
        "carried_from)."
    )


def test_a_field_given_twice_deep_inside_is_named():
    """A repeated key in a progress update is found and named by its path."""
    note = with_note(
        response={"status": "this_year", "updates": [{"on": "2027-01-01", "text": "x"}]}
    )
    text = json.dumps(note).replace('"on": "2027-01-01"', '"on": "2027-01-01", "on": "2027-01-02"')
    assert str(refuse(text)) == (
        "notes[0].response.updates[0].on: appears twice; give each field once."
    )
