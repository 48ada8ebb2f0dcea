"""What the console offers the tools that plug into it (the Leadership menu, the section's
tools): a narrow surface, so that they never reach into the window itself."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QDockWidget, QWidget

from .action_registry import ActionRegistry


class ConsoleHost(Protocol):
    @property
    def registry(self) -> ActionRegistry:
        """The console's one table of actions: add rows for menus and keys."""
        ...

    def add_dock(self, dock: QDockWidget) -> None:
        """Dock a panel beside the board (on the right)."""
        ...

    def add_strip_above_columns(self, strip: QWidget) -> None:
        """Put a strip across the board, right above the columns."""
        ...

    def show_column_titles(self, shown: bool) -> None:
        """Show or hide the columns' titles and help lines (a strip may name them instead)."""
        ...

    def show_message(self, text: str) -> None:
        """Say one sentence to the facilitator."""
        ...

    def dialog_parent(self) -> QWidget:
        """The window dialogs open over."""
        ...
