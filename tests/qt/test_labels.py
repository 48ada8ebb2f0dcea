"""The one plain-text label every view uses for people's text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crt_desktop.views.labels import plain_label


def test_plain_label_shows_markup_as_typed(qtbot):
    """A label built for people's text never turns `<b>` or `&` into rich text."""
    label = plain_label("Tom & Jerry <b>bold</b>", name="noteText")
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Tom & Jerry <b>bold</b>"
    assert label.wordWrap() and label.objectName() == "noteText"
    assert not plain_label("x", wrap=False).wordWrap()
