"""The board's selection as a plain object: what is picked, and in which order."""

from __future__ import annotations

from crt_desktop.session.selection import Selection


def test_notes_are_kept_in_the_order_they_were_picked():
    """Picking again keeps a note's first time; dropping forgets it."""
    selection = Selection()
    selection.pick(["b", "a"])
    selection.pick(["c", "b"])
    assert selection.ids() == ["b", "a", "c"]
    selection.drop(["a"])
    assert selection.ids() == ["b", "c"] and "a" not in selection and len(selection) == 2
    selection.pick(["a"])
    assert selection.ids() == ["b", "c", "a"]


def test_the_first_picked_of_some_notes():
    """Stack goes under the note picked first; a note never picked counts as last."""
    selection = Selection()
    selection.pick(["x", "y"])
    assert selection.first_picked(["y", "x"]) == "x"
    assert selection.first_picked(["z", "y"]) == "y"
    selection.clear()
    assert selection.ids() == [] and selection.first_picked(["z", "y"]) == "z"
