"""Colours and sizes of the two looks: the console (laptop) and the projector (room view).

Kind colours come from the Okabe–Ito palette, which stays distinct under every common kind of
colour blindness; the kind is also always written out and marked by a shape (never colour alone).
Style sheets live in resources/themes as templates with $tokens filled from these values.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from string import Template

from crt_desktop.domain.vocabulary import Kind


@dataclass(frozen=True)
class KindColours:
    fill: str  # the note's paper
    edge: str  # stripe and shape
    ink: str  # the kind label (dark enough to read on the paper)


@dataclass(frozen=True)
class NoteTheme:
    name: str
    # Note text size in points before any scaling; the room view scales it with the screen.
    body_pt: float
    background: str
    column_fill: str
    title: str
    help: str
    note_text: str
    selected_edge: str
    hidden_fill: str
    kinds: dict[Kind, KindColours]
    # The kind / level / votes line under a note, as a share of the note text size: in the
    # room it must read from the back, so it is nearer the text's size than on the laptop.
    chip_share: float = 0.62

    def kind(self, kind: Kind) -> KindColours:
        return self.kinds[kind]

    def tokens(self) -> dict[str, str]:
        fields = {
            "background": self.background,
            "column_fill": self.column_fill,
            "title": self.title,
            "help": self.help,
            "note_text": self.note_text,
            "selected_edge": self.selected_edge,
        }
        for kind, colours in self.kinds.items():
            fields[f"{kind.value}_fill"] = colours.fill
            fields[f"{kind.value}_edge"] = colours.edge
        return fields


_KINDS = {
    Kind.FATIGUE: KindColours(fill="#FCE3B0", edge="#E69F00", ink="#7A4A00"),
    Kind.RESILIENCE: KindColours(fill="#CFE6F7", edge="#0072B2", ink="#00446B"),
}

CONSOLE = NoteTheme(
    name="console",
    body_pt=11,
    background="#F4F4F2",
    column_fill="#E7E7E3",
    title="#1A1A1A",
    help="#4A4A4A",
    note_text="#141414",
    selected_edge="#1A1A1A",
    hidden_fill="#F0F0F0",
    kinds=_KINDS,
)

PROJECTOR = NoteTheme(
    name="projector",
    body_pt=24,
    background="#000000",
    column_fill="#161616",
    title="#FFFFFF",
    help="#D8D8D8",
    note_text="#000000",
    selected_edge="#FFFFFF",
    hidden_fill="#F0F0F0",
    chip_share=0.8,
    kinds={
        # Lighter paper than the console: projectors wash colours out, black text stays sharp.
        Kind.FATIGUE: KindColours(fill="#FFE9BF", edge="#E69F00", ink="#6B4000"),
        Kind.RESILIENCE: KindColours(fill="#DCEFFC", edge="#0072B2", ink="#003A5C"),
    },
)


def style_sheet(theme: NoteTheme) -> str:
    """The theme's style sheet, from resources/themes/<name>.qss with its tokens filled in."""
    source = resources.files("crt_desktop") / "resources" / "themes" / f"{theme.name}.qss"
    return Template(source.read_text(encoding="utf-8")).substitute(theme.tokens())
