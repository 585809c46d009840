"""Tests for recoverydesk.core.money: the one boundary between typed text and int cents."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recoverydesk.core.money import (
    MAX_AMOUNT_MAJOR,
    currency_digits,
    example_amount,
    format_amount,
    format_money,
    format_plain,
    from_decimal,
    max_minor,
    parse_amount,
    to_decimal,
)
from recoverydesk.errors import ValidationError

NBSP = "\u00a0"
NNBSP = "\u202f"
THIN = "\u2009"
RLM = "\u200f"

# (locale, currency) pairs the property tests run in.
LOCALES = [
    ("de_DE", "EUR"),
    ("en_US", "USD"),
    ("ja_JP", "JPY"),
    ("fr_FR", "EUR"),
    ("hi_IN", "INR"),
    ("ar_KW", "KWD"),
    ("en_US", "KWD"),
    ("pl_PL", "PLN"),
    ("de_CH", "CHF"),
]


def rejected(text: str, currency: str = "EUR", locale: str = "de_DE") -> ValidationError:
    """Parse ``text`` expecting a ValidationError and return it."""
    with pytest.raises(ValidationError) as info:
        parse_amount(text, currency, locale)
    return info.value


# --- currency facts ---------------------------------------------------------------------


@pytest.mark.parametrize(("currency", "digits"), [("EUR", 2), ("JPY", 0), ("KWD", 3), ("USD", 2)])
def test_currency_digits_come_from_cldr(currency: str, digits: int) -> None:
    """Each ISO code has the number of decimals CLDR gives it."""
    assert currency_digits(currency) == digits


@pytest.mark.parametrize("code", ["XYZ", "eur", "", "EURO"])
def test_unknown_currency_is_rejected(code: str) -> None:
    """A code Babel does not know is an error, not silently a two-decimal currency."""
    with pytest.raises(ValidationError) as info:
        currency_digits(code)
    assert info.value.field == "currency"
    assert "ISO 4217" in str(info.value)


def test_unknown_locale_is_rejected() -> None:
    """An unknown locale is a ValidationError naming the locale, not a Babel exception."""
    with pytest.raises(ValidationError) as info:
        parse_amount("12", "EUR", "xx_YY")
    assert info.value.field == "locale"


def test_max_minor_is_the_ceiling_in_minor_units() -> None:
    """The ceiling is one million major units, expressed in each currency's minor unit."""
    assert MAX_AMOUNT_MAJOR == 1_000_000
    assert max_minor("EUR") == 100_000_000
    assert max_minor("JPY") == 1_000_000
    assert max_minor("KWD") == 1_000_000_000


# --- formatting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "expected"),
    [
        (1250, "EUR", "de_DE", f"12,50{NBSP}€"),
        (1250, "USD", "en_US", "$12.50"),
        (1250, "JPY", "ja_JP", "￥1,250"),
        (12345, "KWD", "en_US", "KWD12.345"),
        (12345600, "INR", "hi_IN", "₹1,23,456.00"),
        (123450, "EUR", "fr_FR", f"1{NNBSP}234,50{NBSP}€"),
        (123450, "PLN", "pl_PL", f"1{NBSP}234,50{NBSP}zł"),
        (0, "EUR", "de_DE", f"0,00{NBSP}€"),
    ],
)
def test_format_money_examples(minor: int, currency: str, locale: str, expected: str) -> None:
    """format_money writes the locale's symbol, grouping and the currency's decimals."""
    assert format_money(minor, currency, locale) == expected


def test_format_money_kwd_in_arabic_has_three_decimals() -> None:
    """KWD in ar_KW shows three decimals and the Arabic symbol (with Babel's bidi marks)."""
    text = format_money(12345, "KWD", "ar_KW")
    assert "12.345" in text
    assert "د.ك." in text


def test_format_money_allows_negative_values() -> None:
    """A negative remaining budget is formatted with a minus sign, not refused."""
    assert format_money(-300, "EUR", "de_DE") == f"-3,00{NBSP}€"
    assert format_money(-1250, "USD", "en_US") == "-$12.50"


def test_de_ch_groups_millions_with_apostrophes() -> None:
    """de_CH groups every three digits with ' even for millions (Babel alone loses them)."""
    assert format_money(100_000_000, "CHF", "de_CH") == f"CHF{NBSP}1'000'000.00"
    assert format_amount(123_456_789_012, "CHF", "de_CH") == "1'234'567'890.12"
    assert format_amount(1_234_550, "CHF", "de_CH") == "12'345.50"


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "expected"),
    [
        (1250, "EUR", "de_DE", "12,50"),
        (123450, "EUR", "de_DE", "1.234,50"),
        (1250, "USD", "en_US", "12.50"),
        (1250, "JPY", "ja_JP", "1,250"),
        (12345, "KWD", "ar_KW", "12.345"),
        (12345600, "INR", "hi_IN", "1,23,456.00"),
        (0, "EUR", "de_DE", "0,00"),
    ],
)
def test_format_amount_is_the_number_only(
    minor: int, currency: str, locale: str, expected: str
) -> None:
    """format_amount has grouping and exactly the currency's decimals, but no symbol."""
    assert format_amount(minor, currency, locale) == expected


@pytest.mark.parametrize(
    ("minor", "currency", "expected"),
    [
        (1250, "EUR", "12.50"),
        (1250, "JPY", "1250"),
        (12345, "KWD", "12.345"),
        (-300, "EUR", "-3.00"),
        (0, "EUR", "0.00"),
        (0, "JPY", "0"),
        (5, "EUR", "0.05"),
        (123_456_789_012_345_678_901_234_567_890, "EUR", "1234567890123456789012345678.90"),
    ],
)
def test_format_plain_is_locale_independent(minor: int, currency: str, expected: str) -> None:
    """format_plain uses a dot, no grouping and the currency's digits, exact at any size."""
    assert format_plain(minor, currency) == expected


@pytest.mark.parametrize("bad", [12.5, True, Decimal("12.50"), "1250"])
def test_formatting_refuses_non_int_money(bad: object) -> None:
    """Only a real int is money: a float, bool, Decimal or str is a programming error."""
    with pytest.raises(TypeError):
        format_money(bad, "EUR", "de_DE")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_plain(bad, "EUR")  # type: ignore[arg-type]


def test_example_amount_shows_both_separators() -> None:
    """The example used in messages shows the locale's group and decimal symbols."""
    assert example_amount("EUR", "de_DE") == "1.234,50"
    assert example_amount("USD", "en_US") == "1,234.50"
    assert example_amount("JPY", "ja_JP") == "1,234"


# --- parsing: accepted input ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "currency", "locale", "expected"),
    [
        ("12,50", "EUR", "de_DE", 1250),
        ("1.234,50", "EUR", "de_DE", 123450),
        ("1234,5", "EUR", "de_DE", 123450),
        ("  12,50 €  ", "EUR", "de_DE", 1250),
        ("€12,50", "EUR", "de_DE", 1250),
        ("12,50 EUR", "EUR", "de_DE", 1250),
        ("eur 12", "EUR", "de_DE", 1200),
        ("$12.50", "USD", "en_US", 1250),
        ("1,234.5", "USD", "en_US", 123450),
        ("USD 7", "USD", "en_US", 700),
        ("1250", "JPY", "ja_JP", 1250),
        ("￥1,250", "JPY", "ja_JP", 1250),
        ("¥1,250", "JPY", "ja_JP", 1250),
        ("1,250円", "JPY", "ja_JP", 1250),
        ("12,50 Euro", "EUR", "de_DE", 1250),
        ("12,50 euros", "EUR", "fr_FR", 1250),
        ("１，２５０", "JPY", "ja_JP", 1250),
        ("12.345", "KWD", "en_US", 12345),
        ("KWD 12.345", "KWD", "en_US", 12345),
        (f"{RLM}12.345{NBSP}د.ك.{RLM}", "KWD", "ar_KW", 12345),
        ("12.345 د.ك", "KWD", "ar_KW", 12345),
        ("١٢٫٣٤٥", "KWD", "ar_KW", 12345),
        ("₹1,23,456.00", "INR", "hi_IN", 12345600),
        ("1,23,456", "INR", "hi_IN", 12345600),
        (f"1{NBSP}234,50", "PLN", "pl_PL", 123450),
        ("1 234,50", "PLN", "pl_PL", 123450),
        ("1 234,50 zł", "PLN", "pl_PL", 123450),
        ("1234,50", "PLN", "pl_PL", 123450),
        ("12'345.50", "CHF", "de_CH", 1234550),
        ("12’345.50", "CHF", "de_CH", 1234550),
        ("CHF 1'000'000.00", "CHF", "de_CH", 100_000_000),
        ("1'000'000", "CHF", "de_CH", 100_000_000),
    ],
)
def test_parse_amount_examples(text: str, currency: str, locale: str, expected: int) -> None:
    """Typed amounts with the locale's separators, symbol, code or name, and spaces are read."""
    assert parse_amount(text, currency, locale) == expected


@pytest.mark.parametrize("space", [NBSP, NNBSP, THIN, " "])
def test_fr_fr_accepts_any_space_as_group_separator(space: str) -> None:
    """In fr_FR "1 234,50" parses with NBSP, narrow NBSP, thin space or a plain space."""
    assert parse_amount(f"1{space}234,50", "EUR", "fr_FR") == 123450
    assert parse_amount(f"1{space}234,50{NBSP}€", "EUR", "fr_FR") == 123450


@pytest.mark.parametrize(
    ("text", "currency", "locale"),
    [
        ("0", "EUR", "de_DE"),
        ("0,00", "EUR", "de_DE"),
        ("0", "JPY", "ja_JP"),
        ("0.000", "KWD", "en_US"),
    ],
)
def test_zero_is_valid(text: str, currency: str, locale: str) -> None:
    """Zero is a valid amount and parses to 0."""
    assert parse_amount(text, currency, locale) == 0


def test_parse_amount_returns_a_plain_int() -> None:
    """The result is exactly int: never bool, float or Decimal."""
    for value in (parse_amount("12,50", "EUR", "de_DE"), parse_amount("0", "EUR", "de_DE")):
        assert type(value) is int


# --- parsing: rejected input ------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\t", NBSP, "€", "EUR"])
def test_empty_input_asks_for_an_amount(text: str) -> None:
    """Nothing typed (or only a symbol) asks for an amount and shows an example."""
    message = str(rejected(text))
    assert "Enter an amount" in message
    assert "1.234,50" in message


@pytest.mark.parametrize(
    "text", ["-12,50", "−12,50", "(12,50)", "-12,50 €", "€-12,50", "12,50-", "- 5", "(€ 3)"]
)
def test_negative_amounts_are_rejected(text: str) -> None:
    """A minus sign (ASCII or U+2212) or parentheses are refused with "cannot be negative"."""
    message = str(rejected(text))
    assert "cannot be negative" in message


def test_negative_in_swiss_and_arabic_formats_is_rejected() -> None:
    """Negatives as de_CH and ar_KW format them (sign after symbol, bidi marks) are refused."""
    assert "negative" in str(rejected(format_money(-300, "CHF", "de_CH"), "CHF", "de_CH"))
    assert "negative" in str(rejected(format_money(-300, "KWD", "ar_KW"), "KWD", "ar_KW"))


@pytest.mark.parametrize(
    ("text", "currency", "locale", "expected"),
    [
        ("12,505", "EUR", "de_DE", "EUR amounts have at most 2 decimals"),
        ("12,500", "EUR", "de_DE", "EUR amounts have at most 2 decimals"),
        ("1.234", "USD", "en_US", "USD amounts have at most 2 decimals"),
        ("12.5", "JPY", "ja_JP", "JPY amounts have no decimals"),
        ("1250.0", "JPY", "ja_JP", "JPY amounts have no decimals"),
        ("1.2345", "KWD", "en_US", "KWD amounts have at most 3 decimals"),
    ],
)
def test_too_many_decimals_are_rejected(
    text: str, currency: str, locale: str, expected: str
) -> None:
    """More decimals than the currency has (even trailing zeros) name the allowed count."""
    assert expected in str(rejected(text, currency, locale))


@pytest.mark.parametrize(
    "text", ["12a", "abc", "12,50x", "1e5", "1E5", "NaN", "Infinity", "∞", "+5"]
)
def test_letters_and_stray_characters_are_rejected(text: str) -> None:
    """Letters, exponent notation, NaN/Infinity and other stray characters say "digits only"."""
    message = str(rejected(text, "USD", "en_US"))
    assert "Use digits only" in message
    assert "1,234.50" in message


def test_another_currency_symbol_is_rejected() -> None:
    """A symbol or code of a different currency is not stripped: "$12" in a EUR shop fails."""
    assert "digits only" in str(rejected("$12"))
    assert "digits only" in str(rejected("USD 12"))


@pytest.mark.parametrize(
    ("text", "locale", "suggestion"),
    [
        ("30.00", "de_DE", "30,00"),
        ("1234.5", "de_DE", "1.234,50"),
        ("12,50", "en_US", "12.50"),
        ("1,2345", "en_US", "12,345.00"),
        ("1,,234", "en_US", "1,234.00"),
        ("12 34,50", "fr_FR", None),
        ("123,456.00", "hi_IN", "1,23,456.00"),
        ("1'0000'000.00", "de_CH", None),
    ],
)
def test_misplaced_separators_are_rejected(text: str, locale: str, suggestion: str | None) -> None:
    """Separators in the wrong place say "check the separators" and offer valid readings."""
    currency = {"de_DE": "EUR", "en_US": "USD", "fr_FR": "EUR", "hi_IN": "INR", "de_CH": "CHF"}
    message = str(rejected(text, currency[locale], locale))
    assert "Check the separators" in message
    if suggestion is not None:
        assert f"Did you mean {suggestion}" in message or f"or {suggestion}?" in message


@pytest.mark.parametrize("text", ["12-50", "1_000", "12'50"])
def test_stray_separator_like_punctuation_is_rejected(text: str) -> None:
    """Dashes, underscores or apostrophes inside a de_DE number are separator errors."""
    assert "Check the separators" in str(rejected(text))


@pytest.mark.parametrize(
    ("text", "locale", "currency"),
    [("1 234.50", "en_US", "USD"), ("1 234,50", "de_DE", "EUR"), ("1 250", "ja_JP", "JPY")],
)
def test_spaces_are_errors_where_the_locale_does_not_group_with_spaces(
    text: str, locale: str, currency: str
) -> None:
    """Where the group symbol is not a space, a space inside the number is refused."""
    assert "Remove the spaces" in str(rejected(text, currency, locale))


def test_error_field_defaults_to_amount_and_can_be_overridden() -> None:
    """Errors name the "amount" field unless the caller passes another field name."""
    assert rejected("").field == "amount"
    with pytest.raises(ValidationError) as info:
        parse_amount("-1", "EUR", "de_DE", field="cost")
    assert info.value.field == "cost"


def test_parse_amount_refuses_non_text() -> None:
    """Only text is parsed; anything else is a programming error."""
    with pytest.raises(TypeError):
        parse_amount(12.5, "EUR", "de_DE")  # type: ignore[arg-type]


# --- the ceiling ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("currency", "locale", "ceiling_text"),
    [
        ("EUR", "de_DE", f"1.000.000,00{NBSP}€"),
        ("USD", "en_US", "$1,000,000.00"),
        ("JPY", "ja_JP", "￥1,000,000"),
        ("KWD", "en_US", "KWD1,000,000.000"),
        ("CHF", "de_CH", f"CHF{NBSP}1'000'000.00"),
    ],
)
def test_ceiling_is_inclusive_and_one_minor_unit_more_is_rejected(
    currency: str, locale: str, ceiling_text: str
) -> None:
    """Exactly 1 000 000 major units is accepted; one minor unit more names the ceiling."""
    top = max_minor(currency)
    assert parse_amount(format_amount(top, currency, locale), currency, locale) == top
    message = str(rejected(format_amount(top + 1, currency, locale), currency, locale))
    assert "at most" in message
    assert ceiling_text in message


def test_huge_amounts_are_rejected_by_the_ceiling() -> None:
    """A very long number is refused by the ceiling, not overflowed or rounded."""
    assert "too large" in str(rejected("9" * 40))


# --- Decimal conversions ----------------------------------------------------------------


def test_to_decimal_is_exact_and_keeps_the_currency_digits() -> None:
    """to_decimal gives the major-unit value with exactly the currency's decimals."""
    assert to_decimal(1250, "EUR") == Decimal("12.50")
    assert str(to_decimal(1250, "EUR")) == "12.50"
    assert str(to_decimal(1250, "JPY")) == "1250"
    assert str(to_decimal(-5, "KWD")) == "-0.005"


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (Decimal("12.5"), "EUR", 1250),
        (Decimal("12.500"), "EUR", 1250),
        (Decimal("1250"), "JPY", 1250),
        (Decimal("1.25E+3"), "JPY", 1250),
        (Decimal("-3"), "EUR", -300),
        (Decimal("12.345"), "KWD", 12345),
    ],
)
def test_from_decimal_converts_exactly(value: Decimal, currency: str, expected: int) -> None:
    """from_decimal turns an exact major-unit Decimal into int minor units."""
    result = from_decimal(value, currency)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    ("value", "currency"),
    [(Decimal("12.345"), "EUR"), (Decimal("12.5"), "JPY"), (Decimal("0.0001"), "KWD")],
)
def test_from_decimal_rejects_digits_the_currency_cannot_hold(
    value: Decimal, currency: str
) -> None:
    """A non-zero digit beyond the currency's decimals is rejected, never rounded."""
    with pytest.raises(ValidationError) as info:
        from_decimal(value, currency, field="cost")
    assert "decimals" in str(info.value)
    assert info.value.field == "cost"


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_from_decimal_rejects_non_finite_values(value: Decimal) -> None:
    """NaN and infinities are not amounts."""
    with pytest.raises(ValidationError):
        from_decimal(value, "EUR")


def test_from_decimal_refuses_floats() -> None:
    """A float is never accepted as money, even through the Decimal door."""
    with pytest.raises(TypeError):
        from_decimal(12.5, "EUR")  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------------------


@pytest.mark.parametrize(("locale", "currency"), LOCALES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_format_money_round_trips(locale: str, currency: str, data: st.DataObject) -> None:
    """Any valid amount formatted with its symbol parses back to the same int."""
    minor = data.draw(st.integers(min_value=0, max_value=max_minor(currency)))
    assert parse_amount(format_money(minor, currency, locale), currency, locale) == minor


@pytest.mark.parametrize(("locale", "currency"), LOCALES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_format_amount_round_trips(locale: str, currency: str, data: st.DataObject) -> None:
    """Any valid amount as shown in an input field parses back to the same int."""
    minor = data.draw(st.integers(min_value=0, max_value=max_minor(currency)))
    assert parse_amount(format_amount(minor, currency, locale), currency, locale) == minor


@pytest.mark.parametrize("currency", ["EUR", "JPY", "KWD", "INR", "CHF"])
@given(minor=st.integers(min_value=-(10**30), max_value=10**30))
def test_format_plain_round_trips_through_decimal(currency: str, minor: int) -> None:
    """format_plain text is the exact Decimal value and converts back to the same int."""
    text = format_plain(minor, currency)
    assert Decimal(text) == to_decimal(minor, currency)
    assert from_decimal(Decimal(text), currency) == minor
    digits = currency_digits(currency)
    assert len(text.partition(".")[2]) == digits


@pytest.mark.parametrize(("locale", "currency"), LOCALES)
@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=20))
def test_parse_amount_only_returns_valid_ints_or_explains(
    locale: str, currency: str, text: str
) -> None:
    """Arbitrary text either parses to an int within 0..ceiling or raises ValidationError."""
    try:
        value = parse_amount(text, currency, locale)
    except ValidationError as exc:
        assert str(exc)
        assert exc.field == "amount"
    else:
        assert type(value) is int
        assert 0 <= value <= max_minor(currency)
