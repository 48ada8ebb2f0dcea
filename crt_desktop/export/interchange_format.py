"""The fixed facts of the JSON interchange format (version 1) and its one error type."""

from __future__ import annotations

import re

FORMAT = "crt-desktop-session"
VERSION = 1
# Refused before parsing: no real session comes near this, and it bounds memory use.
MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_VOTES = 1_000_000
# Ids are written by the app as 32 hex digits; files from elsewhere may use any short plain name.
ID_PATTERN = re.compile(r"[A-Za-z0-9_.:-]{1,64}")
DATE_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

TOP_FIELDS = ("format", "version", "session", "notes")
SESSION_REQUIRED = ("team", "section", "held_on", "template")
# Optional fields are always written; the last ones came with the section tools.
SESSION_OPTIONAL = ("facilitation_team", "screening", "components", "step", "prompt", "tallies")
NOTE_REQUIRED = ("text", "kind", "level", "column", "votes", "leader_added")
NOTE_OPTIONAL = ("id", "group", "hidden", "response", "details", "carried_from")
RESPONSE_REQUIRED = ("status",)
RESPONSE_OPTIONAL = ("reason", "change_impossible", "updates")
UPDATE_REQUIRED = ("on", "text")


class InterchangeError(ValueError):
    """A session file that cannot be imported; the message is one sentence naming the field.

    `path` is the field's path (e.g. ``notes[3].kind``), or "" for the file as a whole."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else _capitalised(problem))


def _capitalised(problem: str) -> str:
    return problem[:1].upper() + problem[1:]
