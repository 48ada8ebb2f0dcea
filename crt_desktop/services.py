"""The services the windows are given: one Services object, built once by app.py.

Windows and their tools never find a service themselves (no packaged content read behind the
caller's back, no export module imported by a view): they use what they are handed here.
Only the standard library, the domain and content types: no Qt, no storage, no ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from crt_desktop.domain.store import PlanStore, SessionStore, plan_store_of

if TYPE_CHECKING:  # for annotations only: the app has loaded these long before it needs them
    from crt_desktop.content import Content
    from crt_desktop.domain.board import Board
    from crt_desktop.domain.report_back import Answer
    from crt_desktop.domain.session import Session


class ExportFailed(Exception):
    """A file could not be written or read; the message is one sentence for people."""


class Exporters(Protocol):
    """Writing the session's PDFs and reading a leader's filled-in summary; each raises
    ExportFailed with one sentence when it cannot."""

    def leader_summary(self, board: Board, path: Path) -> Path: ...

    def report_back(self, board: Board, path: Path) -> Path: ...

    def poster(self, board: Board, path: Path, paper: str) -> Path: ...

    def poster_papers(self) -> tuple[tuple[str, ...], str]:
        """The paper sizes a poster prints on, and the one this computer's locale uses."""
        ...

    def read_answers(self, path: Path, session: Session) -> dict[str, Answer]:
        """The answers in a leader's filled-in summary of this session (its number and its
        unique identifier must match)."""
        ...


class Settings(Protocol):
    """What the app remembers between runs."""

    def export_folder(self) -> Path:
        """Where the next exported file is suggested: the last export's folder, else Documents."""
        ...

    def remember_export_folder(self, path: Path) -> None:
        """`path` was just exported: suggest its folder next time."""
        ...


@dataclass(frozen=True)
class Services:
    content: Content
    store: SessionStore
    exporters: Exporters
    settings: Settings

    @property
    def plans(self) -> PlanStore | None:
        """The store as a PlanStore when it keeps teams' plans (the SQL store does)."""
        return plan_store_of(self.store)
