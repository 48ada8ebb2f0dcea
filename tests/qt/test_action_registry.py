"""The console's action table: one registry makes menus, keys and enabled states from rows."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow

from crt_desktop.views.action_registry import Act, ActionRegistry, Menu, Separator


def test_rows_make_menus_in_order_with_their_keys(qtbot):
    """Menus, submenus, separators and keys come out as the table lists them."""
    window = QMainWindow()
    qtbot.addWidget(window)
    ran: list[str] = []
    registry = ActionRegistry(window)
    registry.register(
        [
            Menu("edit", "&Edit"),
            Act("one", "One", lambda: ran.append("one"), "edit", ("Ctrl+1",)),
            Separator("edit"),
            Menu("edit/more", "More"),
            Act("two", "Two", lambda: ran.append("two"), "edit/more"),
            Act("keys-only", "Keys only", lambda: ran.append("keys"), None, ("F12",)),
        ]
    )
    (edit,) = window.menuBar().actions()
    texts = [a.text() or "-" for a in edit.menu().actions()]
    assert texts == ["One", "-", "More"]
    assert registry.menu("edit/more").actions() == [registry.action("two")]
    assert registry.action("one").shortcut().toString() == "Ctrl+1"
    assert registry.action("keys-only") in window.actions()  # its key works without a menu
    registry.action("two").trigger()
    registry.action("keys-only").trigger()
    assert ran == ["two", "keys"]


def test_enabled_when_is_read_at_start_and_on_refresh(qtbot):
    """An action greys out while its condition is false and comes back on refresh."""
    window = QMainWindow()
    qtbot.addWidget(window)
    allowed = [False]
    registry = ActionRegistry(window)
    registry.register(
        [Menu("m", "M"), Act("a", "A", lambda: None, "m", enabled_when=lambda: allowed[0])]
    )
    assert not registry.action("a").isEnabled()
    allowed[0] = True
    registry.refresh()
    assert registry.action("a").isEnabled()


def test_an_id_is_registered_once(qtbot):
    """Two actions with one id are refused, so the table stays the single truth."""
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    registry.register([Menu("m", "M"), Act("a", "A", lambda: None, "m")])
    with pytest.raises(ValueError):
        registry.register([Act("a", "Again", lambda: None, "m")])
