"""Shared fixtures of the reliability tests: the figures of a run, for docs/reliability.md."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .harness import Figures


@pytest.fixture(scope="session")
def figures() -> Iterator[Figures]:
    found = Figures()
    yield found
    found.save()
