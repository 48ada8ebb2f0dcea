"""Labels for text that may come from people (notes, team names, content): always plain text,
so `Tom & Jerry <b>` shows as typed and never as rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain_label(
    text: str = "",
    *,
    name: str = "",
    wrap: bool = True,
    align: Qt.AlignmentFlag | None = None,
) -> QLabel:
    """A plain-text label, word-wrapped unless told otherwise; `name` is its object name (the
    style sheets' handle)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if align is not None:
        label.setAlignment(align)
    return label
