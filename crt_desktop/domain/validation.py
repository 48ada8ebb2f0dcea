"""Cleaning and checking of text that people type: one clear message, never a crash."""

from __future__ import annotations

import re
import unicodedata

MAX_NOTE_LENGTH = 2000
MAX_NAME_LENGTH = 200
MAX_REASON_LENGTH = 2000

# Control characters (Unicode category Cc) other than tab and newline, and lone surrogates
# (category Cs): they cannot be stored as UTF-8 or printed.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


class ValidationError(ValueError):
    """Input that a person can correct; the message is one sentence for them."""


def clean_text(text: str) -> str:
    """NFC-normalise, unify line ends, drop control characters (keeping newline and tab) and
    lone surrogates, and trim surrounding white space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _UNWANTED.sub("", text)).strip()


def _visible(text: str) -> bool:
    """True when some character would show: not only spaces and invisible format marks."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def clean_note_text(text: str) -> str:
    """The text of a note as it will be stored, or ValidationError."""
    cleaned = clean_text(text)
    if not _visible(cleaned):
        raise ValidationError("A note needs some text.")
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise ValidationError(
            f"A note can hold at most {MAX_NOTE_LENGTH:,} characters; "
            f"this one has {len(cleaned):,}."
        )
    return cleaned


def clean_name(text: str, what: str, *, required: bool = True) -> str:
    """A short single-line name (team, facilitation team) as it will be stored."""
    cleaned = " ".join(clean_text(text).split())
    if required and not cleaned:
        raise ValidationError(f"The {what} needs a name.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValidationError(f"The {what} can be at most {MAX_NAME_LENGTH} characters long.")
    return cleaned


def clean_reason(text: str) -> str:
    """A leader's reason or progress update: may be empty, bounded in length."""
    cleaned = clean_text(text)
    if len(cleaned) > MAX_REASON_LENGTH:
        raise ValidationError(f"A reason can be at most {MAX_REASON_LENGTH:,} characters long.")
    return cleaned
