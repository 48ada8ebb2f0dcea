"""Carrying a team's open leadership items into this session: which ones, read through the
injected store, and a dialog to tick those to bring along."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crt_desktop.domain.board import Board
from crt_desktop.domain.dates import written_date
from crt_desktop.domain.note import Note
from crt_desktop.domain.plan import same_team
from crt_desktop.domain.report_back import CarryCandidate, carry_candidates, status_of
from crt_desktop.domain.store import SessionStore

from .labels import plain_label


def team_candidates(board: Board, store: SessionStore) -> list[CarryCandidate]:
    """Open items from the team's earlier sessions, read through the injected store."""
    others = []
    for summary in store.list_sessions():
        if summary.id != board.session.id and same_team(summary.team, board.session.team):
            # Only looked at: the store keeps what it remembers of the open session.
            with contextlib.suppress(KeyError):  # deleted since it was listed
                others.append(store.load_board(summary.id, remember=False))
    return carry_candidates(board, others)


class CarryDialog(QDialog):
    """Tick the open items to bring onto this board (all ticked to begin with)."""

    def __init__(self, candidates: list[CarryCandidate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Carry open items into this session")
        self.candidates = candidates
        self.list = QListWidget()
        self.list.setAccessibleName("Open items")
        self.list.setWordWrap(True)
        for candidate in candidates:
            session = candidate.session
            where = f"Section {session.section}, {written_date(session.held_on)}"
            item = QListWidgetItem(
                f"{candidate.note.text}\n— {status_of(candidate.note).label} · {where}"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Carry the ticked items")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                "These items from the team's earlier sessions are still open. Each comes "
                "with its response and progress updates."
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(700, 480)

    def chosen(self) -> tuple[Note, ...]:
        return tuple(
            c.note
            for row, c in enumerate(self.candidates)
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )
