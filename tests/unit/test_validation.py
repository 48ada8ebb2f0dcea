"""Cleaning typed text: normalised, controls removed, invisible notes refused."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crt_desktop.domain.validation import ValidationError, clean_name, clean_note_text, clean_text


def test_controls_removed_newline_and_tab_kept():
    """Control characters go; newlines and tabs stay; Windows line ends become newlines."""
    assert clean_text("a\x00b\x1b[31mc\r\nd\te\x85f") == "ab[31mc\nd\tef"


def test_text_is_nfc():
    """Decomposed accents are stored composed."""
    assert clean_text("Cafe\u0301") == "Café"


@pytest.mark.parametrize("text", ["\u200b", "\u200b \u2060\ufeff", "\u00a0\u3000"])
def test_invisible_note_refused(text):
    """A note of only spaces and zero-width marks is refused like an empty one."""
    with pytest.raises(ValidationError, match="needs some text"):
        clean_note_text(text)


def test_names_are_single_line():
    """Team names lose inner runs of white space and line breaks."""
    assert clean_name("  Outpatient\n   nursing ", "team") == "Outpatient nursing"


@given(st.text())
def test_cleaned_text_has_no_controls_and_is_stable(text):
    """Whatever comes in, what comes out has no unwanted controls and cleans to itself."""
    cleaned = clean_text(text)
    assert all(ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs") for ch in cleaned)
    assert clean_text(cleaned) == cleaned


def test_dates_are_written_the_same_way_everywhere():
    """One month table: long for report-back, short for the team plan's columns."""
    from datetime import date

    from crt_desktop.domain.dates import written_date

    assert written_date(date(2026, 11, 20)) == "20 November 2026"
    assert written_date(date(2027, 3, 1), short=True) == "1 Mar 2027"
