"""Locale, currency and time-zone choices for the first-run pickers, from Babel's CLDR data.

Display names are composed from the display language's tables of language, script and
territory names (one locale's data) instead of loading each of the ~1,100 locales, which
takes seconds; each choice is ``(label, code)`` sorted by label.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from zoneinfo import available_timezones

from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global, parse_locale
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies

FALLBACK_LOCALE = "en_US"
FALLBACK_TIMEZONE = "UTC"


@lru_cache(maxsize=4)
def locale_choices(display: str = "en") -> tuple[tuple[str, str], ...]:
    """Every CLDR locale Babel knows whose language has a name in ``display``, as
    ``("German (Germany) — de_DE", "de_DE")``."""
    names = Locale.parse(display)
    out = []
    for code in localedata.locale_identifiers():
        language, territory, script, variant = parse_locale(code)[:4]
        name = names.languages.get(language)
        if not name or code == "root":
            continue
        details = [d for d in (names.scripts.get(script) if script else None,
                               names.territories.get(territory) if territory else None,
                               variant) if d]
        label = f"{name} ({', '.join(details)})" if details else name
        out.append((f"{label} — {code}", code))
    return tuple(sorted(out, key=lambda choice: choice[0].casefold()))


@lru_cache(maxsize=4)
def currency_choices(display: str = "en") -> tuple[tuple[str, str], ...]:
    """Currencies some territory uses as legal tender today (no Deutsche Mark), as
    ``("EUR — Euro", "EUR")``, sorted by code."""
    names = Locale.parse(display)
    in_use: set[str] = set()
    today = date.today()
    for territory in map(str, names.territories):
        if territory.isalpha():  # "001", "150": regions, not countries
            in_use.update(get_territory_currencies(territory, today, tender=True))
    codes = sorted(in_use & set(list_currencies()))
    return tuple((f"{code} — {get_currency_name(code, locale=names)}", code) for code in codes)


@lru_cache(maxsize=1)
def timezone_choices() -> tuple[str, ...]:
    """IANA zone names, sorted; the fixed offsets ("Etc/GMT+5", "EST") are left out."""
    return tuple(sorted(z for z in available_timezones()
                        if ("/" in z and not z.startswith(("Etc/", "SystemV/")))
                        or z == "UTC"))


def system_locale(candidates: list[str]) -> str:
    """The first of ``candidates`` (e.g. the desktop's "de-DE" or "de_DE.UTF-8") that Babel
    knows, else :data:`FALLBACK_LOCALE`. A bare language gets its likely territory."""
    likely = get_global("likely_subtags")
    for candidate in candidates:
        text = (candidate or "").split(".")[0].split("@")[0].replace("-", "_")
        if not text or text in ("C", "POSIX"):
            continue
        try:
            locale = Locale.parse(text)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        code = str(locale)
        if locale.territory is None and code in likely:
            language, territory = parse_locale(likely[code])[:2]
            guess = f"{language}_{territory}" if territory else code
            code = guess if guess in localedata.locale_identifiers() else code
        if code != "en_US_POSIX":
            return code
    return FALLBACK_LOCALE


def currency_for_locale(code: str) -> str | None:
    """The legal tender of the locale's territory today (de_AT → EUR, hi_IN → INR), or
    ``None`` when the locale names no territory."""
    try:
        territory = Locale.parse(code).territory
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    if not territory:
        return None
    found = get_territory_currencies(territory, date.today(), tender=True)
    return found[0] if found else None


def system_timezone(candidate: str | None) -> str:
    """``candidate`` (the desktop's zone id) if it is one of :func:`timezone_choices`,
    else UTC (also for "Etc/UTC" and the like)."""
    return candidate if candidate in timezone_choices() else FALLBACK_TIMEZONE
