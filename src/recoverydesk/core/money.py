"""Money as an integer count of minor units (cents), and its only text boundary.

Floats never hold money: they cannot represent 0.10 exactly and sums drift. Everything else
in the application stores and adds plain ``int`` minor units of the business currency; this
module is the single place where typed text becomes such an ``int`` and where an ``int``
becomes text again. ``Decimal`` is used only inside these functions (and by callers of
:func:`to_decimal` / :func:`from_decimal`).

Parsing is strict on purpose: an amount typed with the wrong separators ("12,500" in en_US
meaning 12.50?) is rejected with a message that says what to fix rather than guessed at,
because a wrong guess silently moves money by a factor of 100 or 1000.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from recoverydesk.errors import ValidationError

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberFormatError, NumberPattern

# Babel is imported inside the functions that use it: importing it (with its locale data
# machinery) is a noticeable part of the app's start, and the sign-in window formats no
# money (benchmarks/startup.py).

__all__ = [
    "MAX_AMOUNT_MAJOR",
    "currency_digits",
    "example_amount",
    "format_amount",
    "format_money",
    "format_plain",
    "from_decimal",
    "max_minor",
    "parse_amount",
    "to_decimal",
]

#: The largest amount anyone may enter, in the currency's major unit (1 000 000.00).
#: Service-recovery gestures are small; anything larger is a typo (an extra digit or two).
MAX_AMOUNT_MAJOR = 1_000_000

# Invisible characters that copy/paste and Babel's Arabic formats put around numbers:
# LRM, RLM, ALM, the bidi embeddings/overrides/isolates, zero-width space and BOM.
_INVISIBLE = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff"
)
# Characters people (or word processors) use as a minus sign.
_MINUS = frozenset("-\u2212\u2010\u2012\u2013\ufe63")
# Punctuation that looks like a separator: shown as "check the separators", not "use digits".
_SEPARATOR_LIKE = frozenset(".,'’`´·_\u066b\u066c\u060c\u2e41")
# Apostrophe-like characters accepted for each other when the group symbol is one of them.
_APOSTROPHES = frozenset("'’")
_DIGIT_RUN = re.compile(r"[0-9]+")
# Counts that pick each CLDR plural category (one, few, many, other) for currency names.
_PLURAL_PROBES = (None, 1, 2, 5, Decimal("1.5"))


# --------------------------------------------------------------------------------------
# Currency and locale lookups
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def currency_digits(currency: str) -> int:
    """Number of decimals of an ISO 4217 code (EUR 2, JPY 0, KWD 3), from CLDR via Babel.

    Babel answers 2 for codes it has never heard of, so the code is checked first: a typo
    in the configured currency must not silently become a two-decimal currency.
    """
    from babel.numbers import get_currency_precision, is_currency

    if not isinstance(currency, str) or not is_currency(currency):
        raise ValidationError(
            f"Unknown currency code {currency!r}; use a three-letter ISO 4217 code such as EUR.",
            field="currency",
        )
    return int(get_currency_precision(currency))


def max_minor(currency: str) -> int:
    """The ceiling (:data:`MAX_AMOUNT_MAJOR`) in minor units of ``currency``."""
    return MAX_AMOUNT_MAJOR * 10 ** currency_digits(currency)


@lru_cache(maxsize=1)
def _babel_numbers() -> ModuleType:
    """``babel.numbers``, imported once on first use; for the per-amount paths, where an
    import statement inside the function costs several microseconds a call once PySide6's
    import hook is installed."""
    import babel.numbers

    return babel.numbers


@lru_cache(maxsize=64)
def _locale(locale: str) -> Locale:
    """Parse a locale identifier once; ``de-DE`` is accepted as well as ``de_DE``."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError, AttributeError) as exc:
        raise ValidationError(f"Unknown locale {locale!r}.", field="locale") from exc


def _fold_width(text: str) -> str:
    """Replace full-width/half-width forms by their ordinary ones (``１２５０`` -> ``1250``).

    Only width variants are folded, not full NFKC, which would also turn ``12²`` into ``122``.
    """
    out = []
    for ch in text:
        decomposition = unicodedata.decomposition(ch)
        if decomposition.startswith(("<wide>", "<narrow>")):
            out.append(chr(int(decomposition.split()[1], 16)))
        else:
            out.append(ch)
    return "".join(out)


def _clean(text: str) -> str:
    """Drop invisible direction marks and fold character widths."""
    return _fold_width("".join(ch for ch in text if ch not in _INVISIBLE))


@dataclass(frozen=True)
class _NumberSymbols:
    """What the parser needs to know about a locale's way of writing numbers."""

    decimal: str
    group: str
    group_is_space: bool
    # Extra characters mapped onto ``decimal`` / ``group`` before Babel sees the text
    # (the locale's native-digit separators such as Arabic ``٫``, a typographic apostrophe).
    aliases: tuple[tuple[str, str], ...]


@lru_cache(maxsize=64)
def _symbols(locale: str) -> _NumberSymbols:
    """Decimal and group symbols Babel uses for ``locale`` (Latin digits), plus aliases."""
    from babel.numbers import UnsupportedNumberingSystemError, get_decimal_symbol, get_group_symbol

    loc = _locale(locale)
    decimal = get_decimal_symbol(loc)
    group = get_group_symbol(loc)
    aliases: dict[str, str] = {}
    # Locales whose default digits are not Latin (ar_KW, fa_IR) write ``١٢٫٥٠``; the digits
    # are mapped elsewhere, the separators here, unless they clash with the Latin ones.
    try:
        native = {
            get_decimal_symbol(loc, numbering_system="default"): decimal,
            get_group_symbol(loc, numbering_system="default"): group,
        }
    except UnsupportedNumberingSystemError:  # no data for the native digits: no aliases
        native = {}
    for source, target in native.items():
        if len(source) == 1 and source not in (decimal, group):
            aliases[source] = target
    if group in _APOSTROPHES:
        for apostrophe in _APOSTROPHES - {group}:
            aliases[apostrophe] = group
    return _NumberSymbols(
        decimal=decimal,
        group=group,
        group_is_space=len(group) == 1 and group.isspace(),
        aliases=tuple(sorted(aliases.items())),
    )


@lru_cache(maxsize=64)
def _currency_affixes(currency: str, locale: str) -> tuple[str, ...]:
    """Currency markers a person may type around the number, longest first.

    The locale's symbol, the ISO code, the symbols English and CLDR root use (often the
    short form, e.g. ``¥`` where ja_JP formats ``￥``) and the currency's name in the locale
    (``円``, ``Euro``), all width-folded and without direction marks, so they compare
    against cleaned input.
    """
    from babel.numbers import get_currency_name, get_currency_symbol

    loc = _locale(locale)
    # get_currency_symbol falls back to the code itself when a locale has no symbol.
    candidates = {
        currency,
        *(get_currency_symbol(currency, source) for source in (loc, "en", "root")),
        # The currency's name in the locale, in each plural form: "円", "Euro", "euros".
        *(get_currency_name(currency, count, loc) for count in _PLURAL_PROBES),
    }
    affixes: set[str] = set()
    for candidate in candidates:
        cleaned = _clean(candidate).strip()
        if not cleaned or any(ch.isdecimal() for ch in cleaned):
            continue
        affixes.add(cleaned)
        # "د.ك." is often typed without the final dot.
        if cleaned.endswith(".") and len(cleaned) > 1:
            affixes.add(cleaned.rstrip("."))
    return tuple(sorted(affixes, key=lambda a: (-len(a), a)))


# --------------------------------------------------------------------------------------
# Conversions
# --------------------------------------------------------------------------------------


def _check_minor(minor: int) -> None:
    """Refuse anything but a real ``int`` so a float or bool never passes as money."""
    if isinstance(minor, bool) or not isinstance(minor, int):
        raise TypeError(f"money must be an int count of minor units, not {type(minor).__name__}")


def to_decimal(minor: int, currency: str) -> Decimal:
    """Minor units as an exact ``Decimal`` in the major unit (1250 EUR -> ``Decimal('12.50')``).

    Built from the digits rather than by division, so it is exact at any size and keeps the
    currency's number of decimals (``12.50``, not ``12.5``).
    """
    _check_minor(minor)
    digits = currency_digits(currency)
    sign = 1 if minor < 0 else 0
    return Decimal((sign, tuple(int(c) for c in str(abs(minor))), -digits))


def _exact_minor(value: Decimal, digits: int) -> int | None:
    """``value`` (finite) in minor units, or ``None`` if it has a non-zero digit beyond them.

    Integer arithmetic on the digit tuple: exact at any size, no Decimal context involved.
    """
    sign, digit_tuple, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # callers pass finite values only
    coefficient = int("".join(str(d) for d in digit_tuple) or "0")
    shift = exponent + digits
    if shift >= 0:
        minor = coefficient * 10**shift
    else:
        minor, remainder = divmod(coefficient, 10**-shift)
        if remainder:
            return None
    return -minor if sign else minor


def from_decimal(value: Decimal, currency: str, *, field: str = "amount") -> int:
    """An exact ``Decimal`` in the major unit as minor units (``Decimal('12.5')`` -> 1250).

    Trailing zeros are fine (``12.500`` EUR is 1250); a non-zero digit the currency cannot
    hold (``12.345`` EUR) is rejected, never rounded. Negative values are allowed and no
    ceiling is applied: this is the inverse of :func:`to_decimal`, for totals and imports.
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"from_decimal needs a Decimal, not {type(value).__name__}")
    digits = currency_digits(currency)
    if not value.is_finite():
        raise ValidationError("Enter a number as the amount.", field=field)
    minor = _exact_minor(value, digits)
    if minor is None:
        raise ValidationError(_decimals_message(currency, digits), field=field)
    return minor


# --------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------


def _regroup(digits: str, grouping: tuple[int, int], symbol: str) -> str:
    """Insert group symbols into a run of integer digits the way Babel does."""
    size = grouping[0]
    result = ""
    while len(digits) > size:
        result = symbol + digits[-size:] + result
        digits = digits[:-size]
        size = grouping[1]
    return digits + result


def _regroup_first(text: str, grouping: tuple[int, int], symbol: str) -> str:
    """Group the first run of digits in ``text`` (the integer part of a formatted number)."""
    return _DIGIT_RUN.sub(lambda m: _regroup(m.group(), grouping, symbol), text, count=1)


def _babel_currency(
    value: Decimal, currency: str, loc: Locale, pattern: NumberPattern | None
) -> str:
    """``format_currency`` with the currency's digits, working around the apostrophe bug.

    Babel removes text between pairs of ``'`` after formatting (pattern quoting), so in
    de_CH/fr_CH/it_CH, whose group symbol is ``'``, ``1'234'567.00`` comes out as
    ``1234567.00`` and ``1'234'567'890`` as ``1234567'890``. For those locales the number
    is formatted without grouping and the groups are inserted here.
    """
    numbers = _babel_numbers()  # every amount shown comes here: no import statement per call
    group = numbers.get_group_symbol(loc)
    if "'" not in group:
        return numbers.format_currency(value, currency, format=pattern, locale=loc,
                                       currency_digits=True)
    plain = numbers.format_currency(
        value, currency, format=pattern, locale=loc, currency_digits=True, group_separator=False
    )
    grouping = (pattern or loc.currency_formats["standard"]).grouping
    return _regroup_first(plain, grouping, group)


def format_money(minor: int, currency: str, locale: str) -> str:
    """Amount with its currency symbol as the locale writes it (``12,50 €`` in de_DE).

    Uses exactly the currency's decimals. Negative values are allowed (a remaining budget
    after an approved over-spend); sizes beyond the input ceiling are fine too (totals).
    """
    value = to_decimal(minor, currency)
    return _babel_currency(value, currency, _locale(locale), None)


def format_amount(minor: int, currency: str, locale: str) -> str:
    """The number alone, grouped, with exactly the currency's decimals (``1.234,50``).

    This is what a money input field shows for editing; :func:`parse_amount` reads it back.
    """
    value = to_decimal(minor, currency)
    loc = _locale(locale)
    # The locale's plain decimal pattern has no currency sign; passing the currency only
    # forces its number of decimals.
    return _babel_currency(value, currency, loc, loc.decimal_formats[None])


def format_plain(minor: int, currency: str) -> str:
    """Locale-independent text for CSV and JSON: dot decimal, no grouping (``-3.00``, ``1250``)."""
    return format(to_decimal(minor, currency), "f")


def _example_minor(currency: str) -> int:
    """1 234.50 (or 1 234 for currencies without decimals): shows both separators."""
    digits = currency_digits(currency)
    if digits == 0:
        return 1234
    return 1234 * 10**digits + 5 * 10 ** (digits - 1)


def example_amount(currency: str, locale: str) -> str:
    """A sample amount in the locale (``1.234,50`` in de_DE) for messages and placeholders."""
    return format_amount(_example_minor(currency), currency, locale)


# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------


def _decimals_message(currency: str, digits: int) -> str:
    """Say how many decimals the currency allows."""
    if digits == 0:
        return f"{currency} amounts have no decimals; enter whole units."
    unit = "decimal" if digits == 1 else "decimals"
    return f"{currency} amounts have at most {digits} {unit}."


def _same_marker(typed: str, affix: str) -> bool:
    """Compare a currency marker; ASCII ones (ISO codes, ``CHF``) ignore letter case."""
    if affix.isascii():
        return typed.isascii() and typed.lower() == affix.lower()
    return typed == affix


def _strip_affixes(text: str, affixes: tuple[str, ...]) -> tuple[str, bool]:
    """Remove one currency marker, signs and parentheses around the number.

    Returns the remaining core and whether a negative marker (a minus sign on either side,
    or enclosing parentheses) was seen. Markers may come in any order (``-€12``, ``€-12``,
    ``CHF-12.00``, ``(12,50 €)``); at most one currency marker is removed.
    """
    negative = False
    currency_removed = False
    changed = True
    while changed and text:
        changed = False
        text = text.strip()
        if text[:1] in _MINUS:
            text, negative, changed = text[1:], True, True
            continue
        if text[-1:] in _MINUS:
            text, negative, changed = text[:-1], True, True
            continue
        if len(text) >= 2 and text[0] == "(" and text[-1] == ")":
            text, negative, changed = text[1:-1], True, True
            continue
        if not currency_removed:
            for affix in affixes:
                size = len(affix)
                if _same_marker(text[:size], affix):
                    text = text[size:]
                elif _same_marker(text[-size:], affix):
                    text = text[:-size]
                else:
                    continue
                currency_removed = changed = True
                break
    return text.strip(), negative


def _normalize_core(core: str, symbols: _NumberSymbols) -> str:
    """Map other scripts' digits to ASCII, separator aliases and spaces to the group symbol."""
    aliases = dict(symbols.aliases)
    out = []
    for ch in core:
        if ch in aliases:
            out.append(aliases[ch])
        elif ch.isdecimal() and not ch.isascii():
            out.append(str(unicodedata.decimal(ch)))
        elif ch.isspace() and symbols.group_is_space:
            out.append(symbols.group)
        else:
            out.append(ch)
    return "".join(out)


def _babel_parse(core: str, loc: Locale, symbols: _NumberSymbols) -> Decimal:
    """``parse_decimal(strict=True)``, with the apostrophe-grouping bug worked around.

    Babel's strict check reformats the parsed value and compares; in de_CH that reformatting
    loses the ``'`` groups of numbers >= 1'000'000 (see :func:`_babel_currency`), so correct
    input such as ``1'000'000.00`` is rejected. In that case only, the same comparison is
    repeated against correctly grouped text.
    """
    from babel.numbers import NumberFormatError, format_decimal, parse_decimal

    try:
        return parse_decimal(core, locale=loc, strict=True)
    except NumberFormatError:
        if "'" not in symbols.group or symbols.group not in core:
            raise
        value = parse_decimal(core.replace(symbols.group, ""), locale=loc, strict=True)
        plain = format_decimal(value, locale=loc, decimal_quantization=False, group_separator=False)
        proper = _regroup_first(plain, loc.decimal_formats[None].grouping, symbols.group)
        # Babel also accepts the input with trailing fraction zeros removed ("12.50" ~ "12.5").
        integer, _, fraction = core.partition(symbols.decimal)
        fraction = fraction.rstrip("0")
        trimmed = f"{integer}{symbols.decimal}{fraction}" if fraction else integer
        if proper in (core, trimmed):
            return value
        raise


def _suggestions(error: NumberFormatError, currency: str, loc: Locale, locale: str) -> list[str]:
    """Babel's "did you mean" alternatives that are valid amounts, in the field's format."""
    from babel.numbers import NumberFormatError, parse_decimal

    found: list[str] = []
    for suggestion in error.suggestions or []:
        try:
            value = parse_decimal(suggestion, locale=loc)
        except NumberFormatError:
            continue
        if not value.is_finite() or value < 0:
            continue
        minor = _exact_minor(value, currency_digits(currency))
        if minor is None or minor > max_minor(currency):
            continue
        text = format_amount(minor, currency, locale)
        if text not in found:
            found.append(text)
    return found


def parse_amount(text: str, currency: str, locale: str, *, field: str = "amount") -> int:
    """What a person typed into a money field, as minor units of ``currency``.

    Accepts the locale's grouping and decimal symbols (checked strictly by Babel), the
    currency's symbol or ISO code before or after the number, any kind of space as the group
    separator where the locale groups with a space, and digits of the locale's own script.
    Rejects empty input, negatives, more decimals than the currency has, stray characters,
    misplaced separators and amounts above :data:`MAX_AMOUNT_MAJOR`, each with a message that
    says what to fix. Zero is valid.
    """
    from babel.numbers import NumberFormatError

    if not isinstance(text, str):
        raise TypeError(f"parse_amount needs str, not {type(text).__name__}")
    digits = currency_digits(currency)
    loc = _locale(locale)
    symbols = _symbols(locale)
    example = example_amount(currency, locale)

    def reject(message: str) -> ValidationError:
        return ValidationError(message, field=field)

    cleaned = _clean(text).strip()
    if not cleaned:
        raise reject(f"Enter an amount, for example {example}.")
    core, negative = _strip_affixes(cleaned, _currency_affixes(currency, locale))
    if not core:
        raise reject(f"Enter an amount, for example {example}.")
    if negative:
        raise reject(
            f"Amounts cannot be negative. Enter the amount without a minus sign, "
            f"for example {example}."
        )

    core = _normalize_core(core, symbols)
    allowed = {symbols.decimal, symbols.group}
    for ch in core:
        if (ch.isascii() and ch.isdigit()) or ch in allowed:
            continue
        if ch.isspace():
            raise reject(f"Remove the spaces inside the amount, for example {example}.")
        if ch in _SEPARATOR_LIKE or ch in _MINUS:
            raise reject(f"Check the separators, for example {example}.")
        raise reject(f"Use digits only, for example {example}.")
    if not any(ch.isdigit() for ch in core):
        raise reject(f"Use digits only, for example {example}.")

    try:
        value = _babel_parse(core, loc, symbols)
    except NumberFormatError as exc:
        message = f"Check the separators, for example {example}."
        suggestions = _suggestions(exc, currency, loc, locale)
        if suggestions:
            message += " Did you mean " + " or ".join(suggestions) + "?"
        raise reject(message) from exc

    # Only digits and separators reach Babel, so exponents, NaN and Infinity cannot; the
    # checks stay as a guard should Babel ever accept more.
    exponent = value.as_tuple().exponent
    if not value.is_finite() or not isinstance(exponent, int) or value < 0:
        raise reject(f"Use digits only, for example {example}.")
    if -exponent > digits:
        raise reject(f"{_decimals_message(currency, digits)} For example {example}.")
    minor = _exact_minor(value, digits)
    if minor is None:  # pragma: no cover - excluded by the exponent check above
        raise reject(_decimals_message(currency, digits))
    if minor > max_minor(currency):
        ceiling = format_money(max_minor(currency), currency, locale)
        raise reject(f"The amount is too large: enter at most {ceiling}.")
    return int(minor)
