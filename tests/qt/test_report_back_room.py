"""The report-back as the room sees it: laid out again for the screen it is on, no scroll bar,
only whole cards, and what does not fit counted at the foot like the board's columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame

from crt_desktop.content import content
from crt_desktop.domain.operations import SetResponse
from crt_desktop.domain.report_back import make_response
from crt_desktop.domain.vocabulary import ResponseStatus as S
from crt_desktop.qt_models.board_controller import BoardController
from crt_desktop.views.room_view import RoomView

from .fakes import MemoryStore, sample_board


def _room(qtbot, size: tuple[int, int]) -> RoomView:
    store = MemoryStore()
    controller = BoardController(sample_board(store, 40), store)
    for note_id, status in (("n000", S.TEAM_ENGAGED), ("n003", S.THIS_YEAR), ("n009", S.NEXT_YEAR)):
        response = make_response(status, "Leaders will look at this with the team.", False, [])
        controller.do(SetResponse(note_id, response))
    room = RoomView(controller, content=content())
    qtbot.addWidget(room)
    room.resize(*size)
    room.show()
    qtbot.waitExposed(room)
    room.set_report_back(True)
    _settle()
    return room


def _settle() -> None:
    for _ in range(10):
        QApplication.processEvents()


def test_moving_to_a_narrower_screen_uses_the_whole_width(qtbot):
    """From 1920 to 1024 wide, the groups go two to a row across the whole width (a third of
    the screen stayed empty, the third column keeping its share)."""
    room = _room(qtbot, (1920, 1080))
    board = room.report_back
    assert board is not None
    room.resize(1024, 768)
    _settle()
    panels = board.grid_host.findChildren(QFrame, "statusGroup")
    right = max(panel.geometry().right() for panel in panels)
    assert right > 0.9 * board.grid_host.width()
    assert [board.grid.columnStretch(c) for c in range(3)] == [1, 1, 0]


def test_the_room_report_back_has_no_scroll_bar_and_counts_what_is_below(qtbot):
    """No scroll bar in the room; cards that do not fit whole are not shown but counted:
    "N more below", N the cards out of sight."""
    room = _room(qtbot, (1024, 768))
    board = room.report_back
    assert board is not None
    bar = board.scroller.verticalScrollBar()
    assert board.scroller.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not bar.isVisible()
    assert bar.maximum() > 0  # the list runs off the bottom
    bottom = board.scroller.viewport().height()
    cards = board.grid_host.findChildren(QFrame, "rbCard")

    def shown(widget) -> bool:
        effect = widget.graphicsEffect()
        parent = widget.parentWidget()
        hidden_here = effect is not None and effect.isEnabled()
        return not hidden_here and (parent is None or parent is board.grid_host or shown(parent))

    out = [c for c in cards if not shown(c)]
    assert out and board.more.isVisible()
    assert board.more.text() == f"{len(out)} more below"
    for card in cards:
        if shown(card):
            assert card.mapTo(board.grid_host, card.rect().bottomLeft()).y() <= bottom
