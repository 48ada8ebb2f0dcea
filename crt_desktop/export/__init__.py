"""Exports that leave the app: the leader summary, posters and the JSON interchange file.

No Qt here (import-linter enforces it), so the command line can export without a display.
"""
