"""Take the room view screenshots of every board template at 1920×1080, and the console of two
of them, with a few invented notes each. Run under Xvfb from the project folder:

    Xvfb :77 -screen 0 1920x1080x24 -noreset &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/sections/take.py
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from crt_desktop.content import content  # noqa: E402
from crt_desktop.domain.operations import Operation, StackNotes, Vote  # noqa: E402
from crt_desktop.domain.session import Session  # noqa: E402
from crt_desktop.domain.session_operations import (  # noqa: E402
    AddCard,
    AddDots,
    SetStep,
    ShowPrompt,
)
from crt_desktop.domain.vocabulary import Kind  # noqa: E402
from crt_desktop.views.console import open_board_windows  # noqa: E402
from tests.qt.fakes import MemoryStore  # noqa: E402

OUT = Path(__file__).resolve().parent
F, R = Kind.FATIGUE, Kind.RESILIENCE
Card = tuple[str, Kind, str]  # text, kind, column

# One section per template, with what a team might say (our own invented examples).
BOARDS: dict[int, list[Card]] = {
    1: [
        ("A colleague snaps at handover, twice this week", R, "notice"),
        ("She is quieter than usual at lunch", R, "notice"),
        ("Maybe she is covering a sick relative's care", R, "pause"),
        ("Ask: how are things, really?", R, "seek_understanding"),
        ("Listen without fixing", R, "seek_understanding"),
        ("Being stretched thin feels lonely", R, "cultivate_empathy"),
        ("Offer to swap the late shift", R, "best_action"),
        ("Mention the support line, kindly", R, "best_action"),
    ],
    2: [
        ("Too many browser tabs, too many tasks", F, "mind"),
        ("A to-do list I finish on Fridays", R, "mind"),
        ("Remembering why I started this work", R, "spirit"),
        ("No real break for weeks", F, "spirit"),
        ("Walking home instead of the bus", R, "strength"),
        ("Skipping lunch on clinic days", F, "strength"),
        ("A friend who lets me vent", R, "heart"),
        ("Carrying a hard case home", F, "heart"),
        ("Saying no without guilt", R, "unsorted"),
    ],
    3: [("Check in with each other after hard cases", R, "renewal")],
    5: [
        ("Answer every message within the hour", F, "holding_back"),
        ("Close notes by the end of each shift", R, "helpful"),
        ("Cover any shift that is short", F, "unclear"),
        ("Attend every team meeting", F, "unsorted"),
    ],
    6: [
        ("Say thank you out loud", R, "behaviours"),
        ("Ask before adding to someone's load", R, "behaviours"),
        ("Protect the lunch break", R, "boundaries"),
        ("No work messages after 7 pm", R, "boundaries"),
        ("A clear rota for on-call", R, "leader_support"),
    ],
    7: [
        ("We say thank you out loud, and mean it", R, "agreements"),
        ("We take our breaks and cover for each other", R, "agreements"),
        ("We ask before we assume", R, "agreements"),
        ("We keep handover calm and kind", R, "agreements"),
        ("We bring a problem with one idea to try", R, "agreements"),
        ("We greet new colleagues by name", R, "agreements"),
        ("We check in after hard cases", R, "agreements"),
        ("Celebrate birthdays", R, "behaviours"),
        ("Share the good feedback we get", R, "behaviours"),
        ("Monthly walk together", R, "later"),
    ],
    10: [
        ("The night a family wrote to thank us, I kept the card", R, "stories"),
        ("A colleague sat with me in the car after a hard visit", R, "stories"),
        ("I learned to ask for help in my second year", R, "stories"),
        ("Laughing in the break room got me through winter", R, "stories"),
        ("My first patient still sends a postcard every spring", R, "stories"),
        ("We cried together, then we had cake", R, "heard"),
    ],
    12: [
        ("Check-ins at the start of team meetings", R, "keep"),
        ("The break room poster", R, "keep"),
        ("On-call rota: needs a fairer spread", F, "change"),
        ("A quiet room for after hard news", R, "add"),
        ("Peer support after a death on the unit", R, "add"),
        ("Training for new starters on boundaries", R, "unsorted"),
    ],
    4: [
        ("Charting after hours", F, "leadership_controls"),
        ("Taking my full lunch break", R, "i_control"),
        ("Insurance denials", F, "cannot_control"),
        ("Short staffing at weekends", F, "leadership_controls"),
        ("Coffee club on Thursdays", R, "i_control"),
        ("Unclear who approves overtime", F, "unsorted"),
    ],
}
DETAILS = {
    "Answer every message within the hour": (
        ("why", "Families should not wait"),
        ("what", "A reply to every message"),
        ("how", "Within an hour, even in clinic"),
    ),
    "Close notes by the end of each shift": (
        ("why", "The next shift knows what happened"),
        ("how", "Ten minutes set aside before handover"),
    ),
    "Cover any shift that is short": (("why", "Nobody is sure who decides this"),),
}


def settle(app: QApplication) -> None:
    for _ in range(12):
        app.processEvents()


def build(section: int) -> tuple[MemoryStore, int]:
    store = MemoryStore()
    template = content().section(section).template
    saved = store.create_session(Session("Night shift", section, date(2027, 1, 5), template))
    assert saved.id is not None
    return store, saved.id


def main() -> None:
    app = QApplication(sys.argv)
    for section, cards in BOARDS.items():
        store, session_id = build(section)
        console, room = open_board_windows(store.load_board(session_id), store)
        controller = console.controller
        template = controller.board.template
        for text, kind, column in cards:
            if kind in template.kinds:
                details = DETAILS.get(text, ())
                controller.do(AddCard(text, details=details, kind=kind, column=column))
        ops: list[Operation] = []
        if section == 3:
            for column, count in (
                ("zealot", 3),
                ("irritability", 5),
                ("withdrawal", 4),
                ("zombie", 1),
                ("renewal", 2),
            ):
                ops.append(AddDots(column, count))
        if section == 7:
            ids = [n.id for n in controller.board.cards("behaviours")]
            ops += [Vote((ids[0],), 3), StackNotes((ids[1],), onto=ids[0])]
        ops += [SetStep(2), ShowPrompt(1)]
        for op in ops:
            controller.do(op)
        room.leave_full_screen()
        room.setGeometry(0, 0, 1920, 1080)
        room.show()
        settle(app)
        name = f"room-section-{section:02d}-{template.key}.png"
        room.grab().save(str(OUT / name))
        if section in (3, 5):
            console.setGeometry(0, 0, 1920, 1080)
            console.show()
            settle(app)
            console.grab().save(str(OUT / f"console-section-{section:02d}-{template.key}.png"))
        console.close()
        room.close()
        settle(app)


if __name__ == "__main__":
    main()
