"""Reusable widgets and delegates: sticky notes, columns, the timer display."""

from crt_desktop.qt_models.none_guard import guard_none

guard_none()
