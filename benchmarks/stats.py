"""Figures, their floors and budgets, and the table that reports them."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.95 for p95) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass(frozen=True)
class Limit:
    """One budget: `kind` is "ratio" (median ÷ floor median), "median", "p95" or
    "over_floor" (median − floor median), each at most `value`."""

    kind: str
    value: float

    def describe(self, unit: str) -> str:
        if self.kind == "ratio":
            return f"≤ {self.value:g}× floor"
        if self.kind == "over_floor":
            return f"≤ floor + {self.value:g} {unit}"
        return f"{self.kind} ≤ {self.value:g} {unit}"


@dataclass
class Figure:
    """One measured figure: samples in `unit`, optionally with its floor from the same run."""

    key: str
    title: str
    unit: str
    samples: list[float]
    limits: tuple[Limit, ...]
    floor: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 0.95)

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        floor = self.floor_median
        return self.median / floor if floor else None

    def value_for(self, limit: Limit) -> float | None:
        if limit.kind == "ratio":
            return self.ratio
        if limit.kind == "over_floor":
            floor = self.floor_median
            return None if floor is None else self.median - floor
        return self.p95 if limit.kind == "p95" else self.median

    @property
    def passed(self) -> bool:
        for limit in self.limits:
            value = self.value_for(limit)
            if value is None or value > limit.value:
                return False
        return True

    def as_json(self) -> dict[str, Any]:
        def summary(values: list[float]) -> dict[str, float] | None:
            if not values:
                return None
            return {
                "min": min(values),
                "median": statistics.median(values),
                "max": max(values),
                "p95": percentile(values, 0.95),
                "runs": len(values),
            }

        return {
            "key": self.key,
            "title": self.title,
            "unit": self.unit,
            "figure": summary(self.samples),
            "floor": summary(self.floor),
            "ratio": self.ratio,
            "budget": [
                {"kind": lim.kind, "value": lim.value, "measured": self.value_for(lim)}
                for lim in self.limits
            ],
            "passed": self.passed,
            "note": self.note,
            "samples": self.samples,
            "floor_samples": self.floor,
        }


def _num(value: float) -> str:
    return f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"


def _triple(values: list[float]) -> str:
    if not values:
        return "—"
    return " / ".join(_num(v) for v in (min(values), statistics.median(values), max(values)))


def table(figures: list[Figure]) -> str:
    """A Markdown table: figure, min/median/max (and p95), floor, ratio, budget, result."""
    rows = [
        ("figure", "unit", "min / median / max", "p95", "floor min / median / max", "ratio",
         "budget", "result"),
    ]  # fmt: skip
    for f in figures:
        rows.append(
            (
                f.title,
                f.unit,
                _triple(f.samples),
                _num(f.p95),
                _triple(f.floor),
                f"{f.ratio:.2f}×" if f.ratio is not None else "—",
                "; ".join(lim.describe(f.unit) for lim in f.limits),
                "pass" if f.passed else "FAIL",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in rows]  # fmt: skip
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)
