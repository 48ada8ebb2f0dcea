"""Reusable widgets and delegates: sticky notes, columns, the timer display."""
