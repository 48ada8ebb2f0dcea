"""Leadership considerations per section, in the project's own words.

A short stand-in list for sections whose content file carries none yet; the summary reads them
only through `leadership_considerations()`, so switching the source is a one-line change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crt_desktop.content import Content

_CONSIDERATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "Tell the team why this work matters to you and how you plan to take part.",
        "Agree with the facilitators how often you will meet between sessions.",
        "Think of a time acting with compassion was hard for you, and be ready to share it.",
    ),
    2: (
        "In the room, let others speak first, and hold back advice and corrections.",
        "Put the Wellness Compass somewhere people can see it, as a sign of your support.",
        "Notice your own habits of self-care, and what you could share about them.",
    ),
    3: (
        "Look back on when you felt worn down in your own career, and what helped.",
        "Ask what the team could do now for new staff, and for people who are worn out.",
        "Self-assessments are private: nobody collects or reports anyone's results.",
    ),
    4: (
        "Add your own drivers of fatigue and resilience, and do not correct what staff say.",
        "Ask staff to assume good intent, and promise an answer on every leadership item.",
        "Plan with your leadership team when you will review the items and report back.",
    ),
    5: (
        "Reread the Section 4 notes: how many come down to unclear or conflicting expectations?",
        "For every expectation you set, make sure people know why, what and how.",
        "Thank people for naming unclear expectations, and explain later, not in the room.",
    ),
    6: (
        "Show your own boundaries: when you stop work, and what you say no to.",
        "Tell the team you see setting boundaries as part of a leader's job too.",
    ),
    7: (
        "Plan how the culture agreements will stay in sight, from the first day to coaching.",
        "Think about how you will point back to the agreements in your team meetings.",
    ),
    8: (
        "Join the wellness conversations as a fellow learner, not as the expert.",
        "Listen for supports for well-being that you could offer to everyone.",
    ),
    9: (
        "Share what gives your work meaning, and how you make time to rest.",
        "Look for ways the team can hear more stories of the people it helps doing well.",
    ),
    10: (
        "Talk openly about asking for help, and about the help that is on offer.",
        "Check that workloads leave room for breaks and for looking after the body.",
    ),
    11: (
        "Show how you notice and name your own feelings at work.",
        "Think about how the team supports one another after hard days.",
    ),
    12: (
        "Bring ideas for practices and procedures the team can keep for good.",
        "Ask the group what it wants to review regularly once the sessions end.",
    ),
}

# After the last section there is no next one: what keeps the work going instead.
AFTER_LAST_SECTION: tuple[str, ...] = (
    "Choose which practices and procedures change for good, and write them down.",
    "Set dates to check in with the team on how the work is holding up.",
    "Keep reporting progress on the leadership items through the year.",
)


def leadership_considerations(section: int, content: Content | None = None) -> tuple[str, ...]:
    """What a leader might prepare for the given section (1 to 12); empty if unknown.

    The section's own content file wins when it lists considerations; this module's short
    list stands in until every section has them."""
    if content is not None:
        try:
            found = getattr(content.section(section), "leadership_considerations", ())
        except KeyError:
            found = ()
        if found:
            return tuple(found)
    return _CONSIDERATIONS.get(section, ())
