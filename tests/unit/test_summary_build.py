"""Building the leader summary pauses the cycle collector and always gives it back."""

from __future__ import annotations

import gc
import io
from datetime import date
from typing import Any

import pytest

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.session import Session
from crt_desktop.domain.template import Column, Template
from crt_desktop.export.summary import document

TEMPLATE = Template("t", "T", (Column("unsorted", "Unsorted", "New notes."),))


def _board() -> Board:
    return Board(Session("Team", 4, date(2026, 3, 2), "t"), TEMPLATE)


def test_collector_is_paused_during_the_build_and_back_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The collector is off while the story is laid out and on again once the file is written."""
    seen: list[bool] = []
    real = document._build

    def spy(*args: Any, **kwargs: Any) -> None:
        seen.append(gc.isenabled())
        real(*args, **kwargs)

    monkeypatch.setattr(document, "_build", spy)
    out = io.BytesIO()
    document.build(_board(), out, pagesize="A4", content=content())
    assert seen == [False]
    assert gc.isenabled()
    assert out.getvalue().startswith(b"%PDF")


def test_collector_comes_back_when_the_build_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing build still switches the collector back on."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("stopped")

    monkeypatch.setattr(document, "_build", broken)
    with pytest.raises(RuntimeError):
        document.build(_board(), io.BytesIO(), pagesize="A4", content=content())
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_app_stays_off() -> None:
    """If the collector was already off, the build leaves it off."""
    gc.disable()
    try:
        document.build(_board(), io.BytesIO(), pagesize="A4", content=content())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reportlab_settings_are_given_back() -> None:
    """The build's own ReportLab settings (plain streams, no shape checks) do not outlive it."""
    from reportlab import rl_config

    before = rl_config.useA85, rl_config.shapeChecking
    document.build(_board(), io.BytesIO(), pagesize="A4", content=content())
    assert (rl_config.useA85, rl_config.shapeChecking) == before
