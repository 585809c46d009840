"""Free-text rules shared by every entry point (descriptions, names, reasons)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoverydesk.core.domain import clean_text
from recoverydesk.errors import ValidationError


def _has_refused_control(text: str, multiline: bool) -> bool:
    allowed = {"\n", "\t"} if multiline else set()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


@given(text=st.text(min_size=1, max_size=60), multiline=st.booleans())
def test_control_characters_are_refused_exactly_by_unicode_category(text: str,
                                                                    multiline: bool) -> None:
    """A character of category Cc is refused (tab and newline allowed in multi-line text);
    every other character, any script or emoji, is kept."""
    cleaned = unicodedata.normalize("NFC", text.strip())
    if not any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in cleaned):
        return  # nothing visible: "Enter the ..." (test_invisible_text_is_no_text)
    if _has_refused_control(cleaned, multiline):
        with pytest.raises(ValidationError, match="control character"):
            clean_text(text, "description", max_len=100, multiline=multiline)
    else:
        assert clean_text(text, "description", max_len=100, multiline=multiline) == cleaned


@pytest.mark.parametrize("text", ["a\x00b", "a\x1bb", "a\x7fb", "a\x85b", "a\rb"])
def test_control_characters_named_in_the_message(text: str) -> None:
    """NUL, escape, delete, next-line and a bare carriage return are refused with a message."""
    with pytest.raises(ValidationError, match="description contains a control character"):
        clean_text(text, "description", max_len=100, multiline=True)


def test_multiline_keeps_tabs_and_newlines_single_line_refuses_them() -> None:
    """A description may span lines; a one-line field may not."""
    assert clean_text("Soup\tcold\nagain", "description", max_len=100,
                      multiline=True) == "Soup\tcold\nagain"
    with pytest.raises(ValidationError):
        clean_text("Soup\ncold", "name", max_len=100)


def test_text_is_trimmed_nfc_normalised_and_length_checked() -> None:
    """Decomposed accents are composed, so lengths and searches see one character each."""
    assert clean_text("  Zaz\u0307o\u0301ł\u0107  ", "name", max_len=10) == "Zażółć"
    with pytest.raises(ValidationError,
                       match=r"Too long: keep the name to 10 characters at most \(now 11\)\."):
        clean_text("x" * 11, "name", max_len=10)
    with pytest.raises(ValidationError, match="Enter the name"):
        clean_text("   ", "name", max_len=10)


@pytest.mark.parametrize("text", ["\u200b", "\ufeff", " \u200d\u200c ", "\u2060\u00ad"])
def test_invisible_text_is_no_text(text: str) -> None:
    """Only zero-width or format characters (a pasted byte-order mark, a zero-width space)
    would make a name that looks empty in every list: asked for like an empty one."""
    with pytest.raises(ValidationError, match="Enter the name"):
        clean_text(text, "name", max_len=10)
    assert clean_text(text, "notes", max_len=10, required=False) == text.strip()


@pytest.mark.parametrize("text", ["👨\u200d👩\u200d👧", "क्\u200dष", "می\u200cخواهم"])
def test_joiners_inside_visible_text_are_kept(text: str) -> None:
    """Zero-width joiners belong to emoji sequences, Indic and Persian spelling."""
    assert clean_text(text, "name", max_len=20) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("text", ["\ud800", "Anna \udcff", "\udfff x"])
def test_half_a_character_is_refused_not_a_storage_crash(text: str) -> None:
    """A lone surrogate (a broken paste, non-UTF-8 bytes from a command line) cannot be
    stored as UTF-8; it once reached SQLite and failed there as an unexpected error."""
    with pytest.raises(ValidationError, match="name contains a broken character"):
        clean_text(text, "name", max_len=20)
