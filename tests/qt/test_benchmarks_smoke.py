"""A tiny run of the benchmark suite, so the benchmarks cannot rot unnoticed."""

from __future__ import annotations

import json
import os

from benchmarks.stats import Figure, Limit, table
from benchmarks.suite import SMOKE, run_suite

FIGURES = {"cold_start", "open_session", "move_note", "autosave", "leader_pdf", "peak_rss"}


def test_every_figure_is_measured(tmp_path, monkeypatch, qapp):
    """One repetition of each figure on a small session gives a positive number for each."""
    monkeypatch.setenv("QT_QPA_PLATFORM", os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    figures = run_suite(SMOKE, tmp_path)
    assert {f.key for f in figures} == FIGURES
    for figure in figures:
        assert figure.samples and all(v > 0 for v in figure.samples), figure.key
        assert all(v > 0 for v in figure.floor), figure.key
    with_floor = {f.key for f in figures if f.floor}
    assert with_floor == {"cold_start", "autosave", "leader_pdf", "peak_rss"}
    report = json.loads(json.dumps([f.as_json() for f in figures]))
    assert all(r["figure"]["median"] > 0 for r in report)


def test_budgets_are_judged_on_the_right_statistic():
    """A ratio budget compares medians; a p95 budget looks at the slow tail."""
    figure = Figure("x", "X", "ms", [1.0, 1.0, 1.0, 1.0, 9.0], (Limit("p95", 8),), [1.0])
    assert not figure.passed and figure.ratio == 1.0
    ratio = Figure("y", "Y", "s", [1.2, 1.3, 1.4], (Limit("ratio", 1.3),), [1.0, 1.0, 1.1])
    assert ratio.passed
    over = Figure("z", "Z", "MB", [150.0], (Limit("over_floor", 40),), [100.0])
    assert not over.passed
    assert "FAIL" in table([figure, ratio, over]) and "pass" in table([ratio])
