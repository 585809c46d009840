"""Closed vocabularies of the domain (SPEC §3) and text rules shared by every entry point."""

from __future__ import annotations

import re
import unicodedata

from recoverydesk.errors import ValidationError

ROLES = ("staff", "owner")
SEVERITIES = ("minor", "major", "critical")
GESTURE_KINDS = ("refund", "replacement", "discount", "free_item", "upgrade", "gift", "other")
REACTIONS = ("delighted", "satisfied", "still_unhappy")
FOLLOWUP_OUTCOMES = ("happy", "neutral", "unhappy", "unreachable")

MAX_NAME = 100
MAX_DESCRIPTION = 2000
MAX_NOTE = 2000
MAX_REASON = 500

# Unicode category Cc is exactly these two ranges; a regex scans text far faster than a
# per-character category lookup, and descriptions are checked on every logged recovery.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # keeps \t and \n

VOID_OWN_WINDOW_MINUTES = 10
LOCKOUT_ATTEMPTS = 5
LOCKOUT_MINUTES = 5


def clean_text(value: str | None, field: str, *, max_len: int, required: bool = True,
               label: str | None = None, multiline: bool = False) -> str:
    """Trim and check free text: required-ness, length and control characters.

    Any script, emoji and SQL-looking text are fine (values are always bound parameters);
    control characters are refused because they cannot be typed and break exports.
    """
    label = label or field.replace("_", " ")
    text = unicodedata.normalize("NFC", (value or "").strip())
    if required and not text:
        raise ValidationError(f"Enter the {label}.", field)
    if len(text) > max_len:
        raise ValidationError(
            f"The {label} is too long: {len(text):,} characters, at most {max_len:,}.", field)
    if (_CONTROL_BUT_LINES if multiline else _CONTROL).search(text):
        raise ValidationError(f"The {label} contains a control character; remove it.", field)
    return text


def fold_text(text: str | None) -> str:
    """Case- and form-insensitive text for searching in every script (Łucja = łucja)."""
    return unicodedata.normalize("NFC", text or "").casefold()


def choose(value: str, options: tuple[str, ...], field: str) -> str:
    if value not in options:
        raise ValidationError(f"Choose the {field.replace('_', ' ')}: one of "
                              f"{', '.join(options)}.", field)
    return value
