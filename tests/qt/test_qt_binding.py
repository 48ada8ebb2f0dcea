"""The Qt binding itself: it must not leak references to None or True (PySide6 6.12 on
Python 3.11 does, and the app then aborts after a few seconds of painting)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont


class _Emitter(QObject):
    changed = Signal(int)


def test_void_calls_and_emits_keep_reference_counts(qtbot):
    """Ten thousand void calls and signal emits leave None's and True's counts where they were."""
    font = QFont()
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(10_000):
        font.setBold(True)
        emitter.changed.emit(1)
    assert sys.getrefcount(None) >= none_before - 100
    assert sys.getrefcount(True) >= true_before - 100
