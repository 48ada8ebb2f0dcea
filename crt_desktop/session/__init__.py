"""The session core: undo history, save-first changes and their summaries, without Qt."""

from .changes import Changes, Direction, face_of
from .core import SessionCore
from .history import History, Step
from .store import PatchStore

__all__ = ["Changes", "Direction", "History", "PatchStore", "SessionCore", "Step", "face_of"]
