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
# Half of a UTF-16 pair on its own: no character at all, and it cannot be stored as UTF-8.
# It arrives from a broken paste, or from command-line bytes that were not UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

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
    if required and not _visible(text):
        raise ValidationError(f"Enter the {label}.", field)
    if len(text) > max_len:
        # Worded for one thing or many ("the notes"), numbers without a grouping mark,
        # which would be the wrong one in most of the business locales.
        raise ValidationError(f"Too long: keep the {label} to {max_len} characters at most "
                              f"(now {len(text)}).", field)
    if (_CONTROL_BUT_LINES if multiline else _CONTROL).search(text):
        raise ValidationError(f"The {label} contains a control character; remove it.", field)
    if has_broken_character(text):
        raise ValidationError(f"The {label} contains a broken character (half of one); type "
                              "it again.", field)
    return text


def has_broken_character(text: str) -> bool:
    """Whether ``text`` holds half a character (a lone surrogate), which no UTF-8 store can
    keep: a broken paste, or a file name whose bytes were not UTF-8."""
    return _LONE_SURROGATE.search(text) is not None


def _visible(text: str) -> bool:
    """Whether ``text`` shows anything: not only spaces and invisible format characters (a
    zero-width space or a byte-order mark would make a name that looks empty). Stops at the
    first visible character, so a long text costs no more than a short one."""
    return any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text)


def fold_text(text: str | None) -> str:
    """Case- and form-insensitive text for searching in every script (Łucja = łucja).

    Half characters are dropped: stored text never holds one (:func:`clean_text`), and the
    database could not even be asked for one."""
    return _LONE_SURROGATE.sub("", unicodedata.normalize("NFC", text or "")).casefold()


def choose(value: str, options: tuple[str, ...], field: str) -> str:
    if value not in options:
        raise ValidationError(f"Choose the {field.replace('_', ' ')}: one of "
                              f"{', '.join(options)}.", field)
    return value
