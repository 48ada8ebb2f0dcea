"""Writes sample posters in this folder: Section 7's culture agreements on A4 and A3, and the
Section 3 visual on Letter, each with a PNG of its page (needs pdftoppm from poppler-utils).

Run from the project folder: `.venv/bin/python docs/samples/make_posters.py`.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from crt_desktop.content import content
from crt_desktop.domain.board import Board
from crt_desktop.domain.operations import AddNote
from crt_desktop.domain.patch import apply_patch
from crt_desktop.domain.session import Session
from crt_desktop.domain.vocabulary import Kind
from crt_desktop.export.poster import write_poster

HERE = Path(__file__).resolve().parent
AGREEMENTS = [
    "We say thank you out loud, and mean it.",
    "We take our breaks, and cover for each other so everyone can.",
    "We ask before we assume.",
    "We keep handover calm and kind.",
    "We bring a problem with one idea to try.",
    "We greet new colleagues by name on their first day.",
]


def board(section: int) -> Board:
    template = content().template_for(section)
    session = Session("Outpatient nursing", section, date(2027, 3, 1), template.key)
    return Board(session=session, template=template)


def main() -> None:
    culture = board(7)
    for text in AGREEMENTS:
        apply_patch(
            culture, AddNote(text, kind=Kind.RESILIENCE, column="agreements").patch(culture)
        )
    samples = [
        (culture, "A4", "poster-section-07-agreements-A4"),
        (culture, "A3", "poster-section-07-agreements-A3"),
        (board(3), "Letter", "poster-section-03-visual-Letter"),
    ]
    for chosen, paper, name in samples:
        pdf = write_poster(chosen, HERE / f"{name}.pdf", content=content(), paper=paper)
        pdf.chmod(0o644)
        subprocess.run(
            ["pdftoppm", "-r", "50", "-png", "-singlefile", str(pdf), str(HERE / name)],
            check=True,
        )


if __name__ == "__main__":
    main()
