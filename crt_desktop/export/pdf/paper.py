"""Paper size: US Letter where people use it, A4 everywhere else."""

from __future__ import annotations

import locale
import os

# Territories whose printers and people expect US Letter.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH"})
# Windows names its locales in words ("English_United States.1252").
_LETTER_WORDS = ("united states", "canada", "mexico", "philippines")

PAPER_SIZES = ("A4", "Letter")


def _territory_is_letter(name: str) -> bool:
    name = name.split(".")[0].split("@")[0]
    if "_" in name or "-" in name:
        territory = name.replace("-", "_").split("_")[-1]
        if territory.upper() in LETTER_TERRITORIES:
            return True
    lowered = name.lower()
    return any(word in lowered for word in _LETTER_WORDS)


def paper_for_locale(names: list[str] | None = None) -> str:
    """ "Letter" or "A4" from the first locale setting that names a territory."""
    if names is None:
        # As POSIX reads them: the first variable set decides, "C" included. Only without any
        # (Windows) is the system's locale asked; Python maps "C.UTF-8" to en_US there.
        names = [os.environ.get(var, "") for var in ("LC_ALL", "LC_PAPER", "LANG")]
        if not any(names):
            names.append(locale.getlocale()[0] or "")
    for name in names:
        if not name:
            continue
        if name in ("C", "POSIX") or name.startswith(("C.", "POSIX.")):
            return "A4"  # no territory: the world's default
        return "Letter" if _territory_is_letter(name) else "A4"
    return "A4"


def check_paper(pagesize: str | None) -> str:
    """The paper name to use; ValueError for one we do not know."""
    if pagesize is None:
        return paper_for_locale()
    for known in PAPER_SIZES:
        if pagesize.strip().lower() == known.lower():
            return known
    raise ValueError(f"Paper size must be A4 or Letter, not {pagesize!r}.")
