"""Starting lists of categories and gesture presets for a café, shop, salon or hotel.

The first-run wizard fills its editable lists from these; nothing here is stored until the
owner finishes the wizard. Preset amounts are written for a euro-like price level and scaled
to the chosen currency by a rough price-level factor (a free coffee is 3.50 € but about
530 ¥), rounded to two significant digits; they are starting points the owner edits, not
exchange rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from recoverydesk.core import money
from recoverydesk.services.types import PresetPlan


@dataclass(frozen=True)
class TemplatePreset:
    """A preset at the euro-like price level: cost and optional value to the customer in
    major units (text, so no float ever holds money)."""

    label: str
    kind: str
    cost: str
    value: str | None = None


@dataclass(frozen=True)
class BusinessTemplate:
    """``key`` is stable (``"cafe"``); ``label`` is for the picker."""

    key: str
    label: str
    categories: tuple[str, ...]
    presets: tuple[TemplatePreset, ...]


P = TemplatePreset
TEMPLATES: tuple[BusinessTemplate, ...] = (
    BusinessTemplate("cafe", "Café or restaurant", (
        "Food & drink", "Wrong order", "Waiting time", "Cleanliness", "Billing",
        "Staff & service", "Other"), (
        P("Free coffee", "free_item", "3.50"), P("Free pastry", "free_item", "3.00"),
        P("Drink on the house", "free_item", "4.50"),
        P("Dish remade", "replacement", "6.00"),
        P("Dish taken off the bill", "refund", "12.00"),
        P("10 % off next visit", "discount", "2.00", "3.00"))),
    BusinessTemplate("shop", "Shop", (
        "Product fault", "Out of stock", "Returns & exchanges", "Delivery", "Waiting time",
        "Billing", "Staff & service", "Other"), (
        P("Free gift wrapping", "gift", "1.00", "3.00"),
        P("Free delivery", "other", "6.00"),
        P("Replacement item", "replacement", "20.00"),
        P("Price difference refunded", "refund", "5.00"),
        P("Voucher for next visit", "gift", "10.00"),
        P("10 % off next purchase", "discount", "5.00", "5.00"))),
    BusinessTemplate("salon", "Salon", (
        "Result not as wished", "Waiting time", "Booking", "Products", "Hygiene", "Billing",
        "Staff & service", "Other"), (
        P("Coffee or tea", "free_item", "1.00"),
        P("Free fix-up appointment", "other", "0.00", "25.00"),
        P("Free treatment", "free_item", "8.00", "20.00"),
        P("Product sample kit", "gift", "5.00", "12.00"),
        P("20 % off next visit", "discount", "10.00"),
        P("Service refunded", "refund", "30.00"))),
    BusinessTemplate("hotel", "Hotel or B&B", (
        "Room", "Cleanliness", "Noise", "Food & drink", "Booking", "Billing", "Facilities",
        "Staff & service", "Other"), (
        P("Free coffee", "free_item", "3.50"), P("Drink at the bar", "free_item", "9.00"),
        P("Breakfast on the house", "free_item", "18.00", "22.00"),
        P("Late checkout", "other", "0.00", "40.00"),
        P("Room upgrade", "upgrade", "0.00", "80.00"),
        P("10 % off next stay", "discount", "15.00", "15.00"),
        P("Taxi voucher", "gift", "20.00"))),
)
DEFAULT_TEMPLATE = "cafe"

# Rough price level against the euro (not an exchange rate; 1 for currencies not listed).
_PRICE_LEVEL: dict[str, int | str] = {
    "KWD": "0.3", "BHD": "0.4", "OMR": "0.4", "JOD": "0.8",
    "SEK": 10, "NOK": 10, "DKK": 7, "ISK": 150, "PLN": 4, "CZK": 25, "HUF": 400, "RON": 5,
    "BGN": 2, "RSD": 110, "TRY": 35, "UAH": 40, "RUB": 90, "ILS": 4, "AED": 4, "SAR": 4,
    "EGP": 50, "MAD": 10, "ZAR": 18, "NGN": 1500, "KES": 130, "INR": 80, "PKR": 280,
    "JPY": 150, "CNY": 7, "HKD": 8, "TWD": 30, "KRW": 1300, "THB": 35, "MYR": 5, "PHP": 55,
    "IDR": 15000, "VND": 25000, "BRL": 5, "MXN": 18, "ARS": 1000, "CLP": 900, "COP": 4000,
    "PEN": 4,
}


def template(key: str) -> BusinessTemplate:
    for candidate in TEMPLATES:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def scaled_amount(amount: str, currency: str) -> int:
    """``amount`` (major units at the euro-like level) in minor units of ``currency``."""
    value = Decimal(amount)
    factor = Decimal(_PRICE_LEVEL.get(currency, 1))
    if factor != 1 and value:
        value *= factor
        exponent = value.adjusted() - 1  # keep two significant digits: 525 -> 530
        value = value.scaleb(-exponent).quantize(Decimal(1), ROUND_HALF_UP).scaleb(exponent)
    step = Decimal(1).scaleb(-money.currency_digits(currency))
    return money.from_decimal(value.quantize(step, ROUND_HALF_UP), currency)


def presets_for(key: str, currency: str) -> tuple[PresetPlan, ...]:
    """The template's presets with amounts in ``currency``'s minor units."""
    return tuple(PresetPlan(p.label, p.kind, scaled_amount(p.cost, currency),
                            None if p.value is None else scaled_amount(p.value, currency))
                 for p in template(key).presets)
