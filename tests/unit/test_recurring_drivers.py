"""Recurring drivers: alike notes across teams are grouped; the user's own groups are kept."""

from __future__ import annotations

from crt_desktop.organisation.recurring import (
    DriverNote,
    RecurringDrivers,
    StoredGroup,
    automatic_groups,
    normalised,
)


def note(session: int, text: str, team: str | None = None, column: str = "i_control") -> DriverNote:
    return DriverNote(
        session, f"n{session}-{abs(hash(text)) % 10_000}", team or f"T{session}", column, text
    )


def texts(groups: list[tuple[DriverNote, ...]]) -> list[set[str]]:
    return [{n.text for n in g} for g in groups]


def test_normalising_ignores_case_accents_punctuation_and_spacing() -> None:
    assert normalised("  Too MANY   meetings!! ") == "too many meetings"
    assert normalised("Reuniones — demasiadas, ¡otra vez!") == "reuniones demasiadas otra vez"
    assert normalised("Café") == normalised("cafe")
    assert normalised("…!!") == ""


def test_notes_saying_nearly_the_same_thing_fall_together_and_others_stay_apart() -> None:
    notes = [
        note(1, "Too many meetings"),
        note(2, "too many meetings!!"),
        note(3, "Too man ymeetings"),  # a slip at a word's edge
        note(4, "Meetings, too many"),  # the same words in another order
        note(5, "Charting after hours"),
        note(6, "charting afterhours"),
        note(7, "Parking is far away"),
    ]
    groups = sorted(texts(automatic_groups(notes)), key=len, reverse=True)
    assert groups == [
        {"Too many meetings", "too many meetings!!", "Too man ymeetings", "Meetings, too many"},
        {"Charting after hours", "charting afterhours"},
        {"Parking is far away"},
    ]


def test_shown_groups_span_two_teams_or_more_most_teams_first_with_counts_and_columns() -> None:
    notes = [
        note(1, "Too many meetings", "Nursing", "leadership_controls"),
        note(2, "Too many meetings.", "Nursing", "i_control"),
        note(3, "too many meetings", "Intake", "leadership_controls"),
        note(4, "Charting after hours", "Nursing"),
        note(5, "Charting after hours", "Intake"),
        note(6, "Charting after hours", "Billing"),
        note(7, "Parking", "Nursing"),
        note(8, "Parking", "Nursing"),  # one team only: not shown as recurring
    ]
    shown = RecurringDrivers(notes).shown([])
    assert [g.label for g in shown] == ["Charting after hours", "Too many meetings"]
    meetings = shown[1]
    assert (meetings.teams, meetings.sessions) == (2, 3)
    assert meetings.by_column() == {"leadership_controls": 2, "i_control": 1}


def test_stored_groups_keep_their_notes_and_name_and_the_rest_is_grouped_without_them() -> None:
    notes = [
        note(1, "Short staffing on weekends", "A"),
        note(2, "Weekend shifts understaffed", "B"),
        note(3, "Short staffing on weekends!", "C"),
        note(4, "Too many meetings", "A"),
        note(5, "Too many meetings", "B"),
    ]
    drivers = RecurringDrivers(notes)
    merged = StoredGroup(
        1, "Staffing on weekends", frozenset({notes[1].key, notes[2].key, notes[0].key})
    )
    shown = drivers.shown([merged])
    assert shown[0].name == "Staffing on weekends" and shown[0].group_id == 1
    assert shown[0].label == "Staffing on weekends"
    assert {n.text for n in shown[0].notes} == {
        "Short staffing on weekends",
        "Weekend shifts understaffed",
        "Short staffing on weekends!",
    }
    assert [g.label for g in shown[1:]] == ["Too many meetings"]
    # Splitting one note out of an automatic group: it is no longer in it, and what is left
    # (one team) no longer counts as recurring.
    split = StoredGroup(2, "", frozenset({notes[4].key}))
    after = drivers.shown([merged, split])
    assert [(g.group_id, len(g.notes)) for g in after] == [(1, 3), (2, 1)]
    # Stored members no longer in the database (their session was deleted) are dropped.
    gone = StoredGroup(3, "Gone", frozenset({(99, "x")}))
    assert [g.group_id for g in drivers.shown([gone])] == [None, None]
