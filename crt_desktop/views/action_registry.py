"""The console's actions as one table: id, text, keys, menu, handler and when it is enabled.

The console builds one registry; its own menus, the Leadership menu and the section's tools
each hand it their rows. Every action is also added to the window, so its keys work while the
menu bar is hidden or closed. Menus are named by a path ("edit", "edit/send") and made, in
the order they are first named, by a Menu row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = str | QKeySequence.StandardKey | QKeyCombination


@dataclass(frozen=True)
class Act:
    """One action. `menu` None: keys only, in no menu."""

    id: str
    text: str
    handler: Callable[[], object]
    menu: str | None = None
    keys: tuple[Key, ...] = ()
    enabled_when: Callable[[], bool] | None = None
    checkable: bool = False


@dataclass(frozen=True)
class Menu:
    """A menu: on the menu bar for a path without "/", else inside the menu its path names."""

    id: str
    title: str


@dataclass(frozen=True)
class Placed:
    """An action made elsewhere (Undo from the session core, a dock's toggle), given its place."""

    id: str
    action: QAction
    menu: str | None = None
    keys: tuple[Key, ...] = ()


@dataclass(frozen=True)
class Separator:
    menu: str


Row = Act | Placed | Menu | Separator


class ActionRegistry:
    """Every action of one main window, by id, with its menus."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self._actions: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._enabled_when: dict[str, Callable[[], bool]] = {}

    def register(self, rows: Iterable[Row]) -> None:
        for row in rows:
            if isinstance(row, Menu):
                self._add_menu(row)
            elif isinstance(row, Separator):
                self._menus[row.menu].addSeparator()
            elif isinstance(row, Placed):
                self.place(row.id, row.action, row.menu, row.keys)
            else:
                action = QAction(row.text, self._window)
                action.setCheckable(row.checkable)
                handler = row.handler
                action.triggered.connect(lambda _checked=False, run=handler: run())
                if row.enabled_when is not None:
                    self._enabled_when[row.id] = row.enabled_when
                    action.setEnabled(row.enabled_when())
                self.place(row.id, action, row.menu, row.keys)

    def place(
        self, id: str, action: QAction, menu: str | None = None, keys: tuple[Key, ...] = ()
    ) -> QAction:
        """The one place that gives an action its keys, its menu and the window."""
        if id in self._actions:
            raise ValueError(f"Two actions are called {id!r}.")
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if menu is not None:
            self._menus[menu].addAction(action)
        self._window.addAction(action)  # keys work even while the menu bar is hidden or closed
        self._actions[id] = action
        return action

    def action(self, id: str) -> QAction:
        return self._actions[id]

    def menu(self, id: str) -> QMenu:
        return self._menus[id]

    def ids(self) -> list[str]:
        return list(self._actions)

    def refresh(self) -> None:
        """Enable or grey out each action by its enabled-when."""
        for id, enabled in self._enabled_when.items():
            self._actions[id].setEnabled(enabled())

    def _add_menu(self, row: Menu) -> None:
        if row.id in self._menus:
            raise ValueError(f"Two menus are called {row.id!r}.")
        parent, _, _name = row.id.rpartition("/")
        if parent:
            menu = self._menus[parent].addMenu(row.title)
        else:
            menu = self._window.menuBar().addMenu(row.title)
        self._menus[row.id] = menu
