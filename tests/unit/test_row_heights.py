"""Row-height bookkeeping for a column of cards: heights, estimates and running sums."""

from __future__ import annotations

from crt_desktop.widgets.row_heights import RowHeights


def rows_of(*pairs: tuple[int, bool]) -> RowHeights:
    rows = RowHeights()
    rows.reset(pairs)
    return rows


def test_tops_are_running_sums_and_total_is_the_last():
    """Each row starts where the ones above it end; the total is where the last one ends."""
    rows = rows_of((10, True), (20, False), (5, True))
    assert rows.tops() == [0, 10, 30, 35]
    assert rows.total() == 35
    assert len(rows) == 3
    assert RowHeights().total() == 0


def test_row_at_finds_the_covering_row_and_clamps():
    """A height inside a row names that row; above the first or past the last clamps."""
    rows = rows_of((10, True), (20, True), (5, True))
    assert [rows.row_at(y) for y in (-4, 0, 9, 10, 29, 30, 34, 35, 500)] == [
        0,
        0,
        0,
        1,
        1,
        2,
        2,
        2,
        2,
    ]
    assert RowHeights().row_at(7) == 0


def test_insert_and_remove_keep_heights_estimates_and_tops_in_step():
    """Rows inserted and removed move the rows below; their estimates go with them."""
    rows = rows_of((10, True), (20, True))
    rows.insert(1, [(7, False), (3, True)])
    assert rows.tops() == [0, 10, 17, 20, 40]
    assert [rows.is_exact(r) for r in range(4)] == [True, False, True, True]
    rows.remove(0, 1)
    assert rows.tops() == [0, 3, 23]
    assert [rows.height(r) for r in range(2)] == [3, 20]


def test_set_reports_growth_and_leaves_earlier_tops_lists_alone():
    """Measuring a row again says how much it grew; a tops list handed out earlier is kept."""
    rows = rows_of((10, False), (20, False))
    before = rows.tops()
    assert rows.set(0, 14, True) == 4
    assert rows.is_exact(0)
    assert rows.tops() == [0, 14, 34]
    assert before == [0, 10, 30]
    assert rows.set(1, 20, True) == 0
    assert rows.is_exact(1)
    assert rows.set(1, 15, True) == -5
    assert rows.total() == 29
