"""What the note delegate paints a card from, whatever model it is given.

A model that offers these three methods (the column model does) is read directly, with no
QVariant round trips; any other model is read through its item roles (NoteRole)."""

from __future__ import annotations

from typing import Protocol, cast

from PySide6.QtCore import QAbstractItemModel

from crt_desktop.domain.note import Note


class CardSource(Protocol):
    def card(self, row: int) -> tuple[Note | None, int]:
        """The note at a row and how many notes are stacked under it; (None, 0) past the end."""
        ...

    def shown(self, note: Note) -> tuple[str, int]:
        """The card's text as shown (number, text, parts), and the number of cards its column
        keeps when this card is numbered past it (else 0)."""
        ...

    def kinds_shown(self) -> bool:
        """Whether cards carry their kind's label (a board of one kind leaves it off)."""
        ...


_METHODS = ("card", "shown", "kinds_shown")
# By model class: a Protocol isinstance check at every card painted would cost too much.
_IS_SOURCE: dict[type, bool] = {}


def card_source(model: QAbstractItemModel | None) -> CardSource | None:
    """The model as a CardSource, or None when it offers only item roles."""
    if model is None:
        return None
    kind = type(model)
    found = _IS_SOURCE.get(kind)
    if found is None:
        found = _IS_SOURCE[kind] = all(callable(getattr(kind, m, None)) for m in _METHODS)
    return cast(CardSource, model) if found else None
