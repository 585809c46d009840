"""Business settings: validated, audited old → new, and a currency that cannot drift."""

from __future__ import annotations

import json

import pytest

from recoverydesk.errors import PermissionDenied, ValidationError
from recoverydesk.services import business, catalog
from recoverydesk.store.models import AuditEntry
from tests.conftest import T0, Shop


def test_changes_are_audited_with_old_and_new_values(shop: Shop) -> None:
    """Each changed setting is one audited pair; unchanged ones are not logged."""
    updated = business.update_settings(shop.owner_id, retention_days=60, theme="dark",
                                       followup_delay_days=3, now=T0)
    assert (updated.retention_days, updated.theme) == (60, "dark")
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    assert entry.action == "settings.change"
    assert json.loads(entry.details) == {"retention_days": {"old": 90, "new": 60},
                                         "theme": {"old": "system", "new": "dark"}}


@pytest.mark.parametrize(("change", "field"), [
    ({"retention_days": 0}, "retention_days"), ({"theme": "sepia"}, "theme"),
    ({"auto_signout_minutes": 1.5}, "auto_signout_minutes"), ({"currency": "EURO"}, "currency"),
    ({"timezone": "Mars/Olympus"}, "timezone"), ({"avg_customer_value_minor": -1},
                                                 "avg_customer_value_minor"),
])
def test_bad_values_are_refused_naming_the_field(shop: Shop, change: dict[str, object],
                                                 field: str) -> None:
    """Out-of-range numbers, unknown codes and zones are refused; nothing is written."""
    before = business.get_settings()
    with pytest.raises(ValidationError) as err:
        business.update_settings(shop.owner_id, now=T0, **change)
    assert err.value.field == field
    assert business.get_settings() == before


def test_currency_changes_only_while_no_amount_is_recorded(shop: Shop) -> None:
    """A fresh business may switch currency; once a budget or preset holds an amount, the
    change is refused, because minor units would silently change their worth."""
    assert business.update_settings(shop.owner_id, currency="NOK", now=T0).currency == "NOK"
    catalog.add_preset(shop.owner_id, "Free coffee", "free_item", 3500, now=T0)
    with pytest.raises(ValidationError, match="cannot change from NOK to JPY") as err:
        business.update_settings(shop.owner_id, currency="JPY", now=T0)
    assert err.value.field == "currency"
    assert business.get_settings().currency == "NOK"


def test_currency_is_locked_by_a_budget_too(shop: Shop) -> None:
    """A staff budget in minor units also fixes the currency."""
    shop.staff("Anna", 10_000, 5_000)
    with pytest.raises(ValidationError, match="cannot change"):
        business.update_settings(shop.owner_id, currency="USD", now=T0)


def test_only_owners_change_settings(shop: Shop) -> None:
    anna = shop.staff("Anna", 0, 0)
    with pytest.raises(PermissionDenied):
        business.update_settings(anna, theme="dark", now=T0)
