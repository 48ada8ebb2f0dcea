"""Organisation view, pure: filters, sorting, overdue items and how long each has waited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from crt_desktop.domain.vocabulary import Kind, Level, ResponseStatus
from crt_desktop.organisation.items import ItemFilter, OrgItem, filtered, sorted_items

TODAY = date(2026, 12, 2)


def item(**changes: object) -> OrgItem:
    base = OrgItem(
        session_id=1,
        note_id="a",
        team="Outpatient nursing",
        section=4,
        held_on=date(2026, 11, 20),
        text="Charting after hours",
        votes=3,
        kind=Kind.FATIGUE,
        level=Level.SYSTEM,
        column="leadership_controls",
        column_title="Leadership controls",
        status=ResponseStatus.NOT_REVIEWED,
        reason="",
        last_update=None,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_an_unanswered_item_is_overdue_from_the_given_number_of_weeks_after_its_session() -> None:
    held = date(2026, 10, 1)
    waiting = item(held_on=held)
    assert not waiting.is_overdue(date(2026, 11, 11), weeks=6)  # 41 days
    assert waiting.is_overdue(date(2026, 11, 12), weeks=6)  # 42 days
    assert not waiting.is_overdue(date(2026, 11, 12), weeks=8)
    answered = item(held_on=held, status=ResponseStatus.THIS_YEAR)
    assert not answered.is_overdue(date(2027, 6, 1))


def test_waiting_counts_from_the_last_progress_update_when_there_is_one() -> None:
    assert item(held_on=date(2026, 11, 2)).waited_days(TODAY) == 30
    updated = item(held_on=date(2026, 9, 1), last_update=date(2026, 11, 30))
    assert updated.waited_days(TODAY) == 2


def test_each_filter_narrows_and_an_empty_filter_keeps_everything() -> None:
    items = [
        item(note_id="1", team="A", section=4, kind=Kind.FATIGUE, level=None),
        item(note_id="2", team="B", section=7, kind=Kind.RESILIENCE, level=Level.TEAM),
        item(note_id="3", team="A", held_on=date(2026, 1, 5), status=ResponseStatus.NEXT_YEAR),
        item(note_id="4", team="C", held_on=date(2026, 9, 1)),
    ]

    def ids(wanted: ItemFilter) -> list[str]:
        return [i.note_id for i in filtered(items, wanted, TODAY)]

    assert ids(ItemFilter()) == ["1", "2", "3", "4"]
    assert ids(ItemFilter(teams=frozenset({"A"}))) == ["1", "3"]
    assert ids(ItemFilter(sections=frozenset({7}))) == ["2"]
    assert ids(ItemFilter(kinds=frozenset({Kind.RESILIENCE}))) == ["2"]
    assert ids(ItemFilter(levels=frozenset({None}))) == ["1"]
    assert ids(ItemFilter(statuses=frozenset({ResponseStatus.NEXT_YEAR}))) == ["3"]
    assert ids(ItemFilter(held_from=date(2026, 9, 1), held_to=date(2026, 10, 1))) == ["4"]
    assert ids(ItemFilter(overdue_only=True)) == ["4"]  # 3 is answered, 1 and 2 are recent
    assert ids(ItemFilter(teams=frozenset({"A"}), overdue_only=True)) == []


def test_sorting_by_any_column_both_ways_with_a_steady_order_for_ties() -> None:
    items = [
        item(note_id="1", team="b", votes=2),
        item(note_id="2", team="A", votes=5),
        item(note_id="3", team="c", votes=2),
    ]
    assert [i.note_id for i in sorted_items(items, "team", TODAY)] == ["2", "1", "3"]
    assert [i.note_id for i in sorted_items(items, "votes", TODAY, descending=True)] == [
        "2",
        "1",
        "3",
    ]
    assert [i.note_id for i in sorted_items(items, "votes", TODAY)] == ["1", "3", "2"]
    with pytest.raises(ValueError, match="cannot be sorted"):
        sorted_items(items, "author", TODAY)
