"""The customer card, edits, merging duplicate cards and a person's data export."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from recoverydesk.errors import PermissionDenied, ValidationError
from recoverydesk.services import audit_log, business, customers, recoveries
from recoverydesk.services.customer_records import (
    customer_card,
    export_customer_data,
    merge_customers,
    update_customer,
)
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import AuditEntry, Customer
from tests.conftest import T0, Shop


def _customer_with_history(shop: Shop, anna: int, name: str, cost: int,
                           voided_extra: bool = False) -> int:
    logged = recoveries.log_recovery(
        anna, shop.incident("Cold soup"), new_customer=CustomerInput(name=name),
        gesture=GestureInput("free_item", cost, cost * 3), now=T0)
    assert logged.customer_id is not None
    if voided_extra:
        extra = recoveries.add_gesture(anna, logged.incident_id, GestureInput("refund", 999),
                                       now=T0 + timedelta(minutes=1))
        recoveries.void_gesture(anna, extra.gesture_id, "typo", now=T0 + timedelta(minutes=2))
    return logged.customer_id


def test_card_lists_history_with_non_voided_spend_and_visits(shop: Shop) -> None:
    """Spend and value exclude voided gestures; an incident whose only extra was voided is
    still listed; visits newest first."""
    anna = shop.staff("Anna", 50_000, 5_000)
    cid = _customer_with_history(shop, anna, "Łucja Zażółć", 350, voided_extra=True)
    recoveries.log_recovery(anna, shop.incident("Late booking"), customer_id=cid,
                            now=T0 + timedelta(days=1))
    customers.record_return_visit(anna, cid, date(2026, 3, 12), now=T0 + timedelta(days=3))
    customers.record_return_visit(anna, cid, date(2026, 3, 13), now=T0 + timedelta(days=3))
    card = customer_card(cid)
    assert card.customer.name == "Łucja Zażółć"
    assert [i.description for i in card.incidents] == ["Late booking", "Cold soup"]
    assert [(i.cost_minor, i.value_minor) for i in card.incidents] == [(0, 0), (350, 1050)]
    assert card.spent_minor == 350
    assert card.visits == [date(2026, 3, 13), date(2026, 3, 12)]
    assert card.last_visit == date(2026, 3, 13)


def test_edit_is_validated_and_audited_without_personal_values(shop: Shop) -> None:
    """Only changed fields are written; the log names the fields, never the values."""
    anna = shop.staff("Anna", 50_000, 5_000)
    cid = _customer_with_history(shop, anna, "Ivan", 100)
    changed = update_customer(anna, cid, CustomerInput(name="Иван Петров", phone="+7 495 123",
                                                       notes="always orders oat milk"))
    assert changed == ["name", "notes", "phone"]
    assert customer_card(cid).customer.phone == "+7 495 123"
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    assert entry.action == "customer.edit" and json.loads(entry.details) == {
        "fields": ["name", "notes", "phone"]}
    assert "Иван" not in entry.details and "oat" not in entry.details
    assert update_customer(anna, cid, CustomerInput(name="Иван Петров", phone="+7 495 123",
                                                    notes="always orders oat milk")) == []
    with pytest.raises(ValidationError) as err:
        update_customer(anna, cid, CustomerInput(name="Ivan", phone="call me"))
    assert err.value.field == "phone"
    assert customer_card(cid).customer.name == "Иван Петров"  # nothing half-written


def test_merge_joins_history_fills_blanks_and_deletes_the_duplicate(shop: Shop) -> None:
    """Two cards of one person become one: incidents, visits and notes joined, audited."""
    anna = shop.staff("Anna", 50_000, 5_000)
    keep = _customer_with_history(shop, anna, "Åsa Øberg", 300)
    duplicate = _customer_with_history(shop, anna, "Asa Oberg", 200)
    update_customer(anna, duplicate, CustomerInput(name="Asa Oberg", phone="+47 555 12",
                                                   notes="collects antique phones"))
    customers.record_return_visit(anna, duplicate, date(2026, 3, 12),
                                  now=T0 + timedelta(days=3))
    merged = merge_customers(anna, keep, duplicate, now=T0 + timedelta(days=3))
    assert merged.customer.name == "Åsa Øberg"          # the kept card's name wins
    assert merged.customer.phone == "+47 555 12"        # a blank is filled
    assert merged.customer.notes == "collects antique phones"
    assert len(merged.incidents) == 2 and merged.spent_minor == 500
    assert merged.visits == [date(2026, 3, 12)]
    assert Customer.get_or_none(Customer.id == duplicate) is None
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    assert entry.action == "customer.merge" and json.loads(entry.details) == {
        "merged": duplicate, "incidents": 1, "visits": 1}
    assert audit_log.verify_chain().intact
    with pytest.raises(ValidationError):
        merge_customers(anna, keep, keep)


@pytest.mark.sqlite_only  # reads the bytes of the SQLite file
def test_merged_duplicate_leaves_no_personal_bytes_behind(shop: Shop) -> None:
    """The deleted duplicate's name is zeroed in the database file and its WAL."""
    anna = shop.staff("Anna", 50_000, 5_000)
    keep = _customer_with_history(shop, anna, "Keeper", 100)
    duplicate = _customer_with_history(shop, anna, "Xqzvyt Duplicate", 100)
    business.close_business()  # checkpoints the WAL into the file, as at the end of a day
    wal = Path(f"{shop.path}-wal")
    before = shop.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert b"Xqzvyt" in before  # the check below can see the name when it is there
    business.open_business(shop.path)
    merge_customers(anna, keep, duplicate)
    business.close_business()
    after = shop.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert b"Xqzvyt" not in after
    business.open_business(shop.path)


def test_export_is_owner_only_and_holds_everything_about_the_person(shop: Shop,
                                                                    tmp_path: Path) -> None:
    """The access-request file has details, notes, visits, incidents with gestures (voids
    marked) and follow-ups; it is audited by id only."""
    anna = shop.staff("Anna", 50_000, 5_000)
    cid = _customer_with_history(shop, anna, "王小明", 350, voided_extra=True)
    update_customer(anna, cid, CustomerInput(name="王小明", email="wang@example.com",
                                             notes="likes window seats"))
    customers.record_return_visit(anna, cid, date(2026, 3, 12), now=T0 + timedelta(days=3))
    out = tmp_path / "wang.json"
    with pytest.raises(PermissionDenied):
        export_customer_data(anna, cid, out)
    assert not out.exists()
    export_customer_data(shop.owner_id, cid, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "王小明"
    assert data["customer"]["email"] == "wang@example.com"
    assert data["customer"]["notes"] == "likes window seats"
    assert data["currency"] == "EUR" and data["return_visits"] == ["2026-03-12"]
    [incident] = data["incidents"]
    assert incident["what_happened"] == "Cold soup"
    assert [(g["kind"], g["cost_minor"], g["voided"]) for g in incident["gestures"]] == [
        ("free_item", 350, False), ("refund", 999, True)]
    assert [f["due_on"] for f in incident["follow_ups"]] == ["2026-03-13"]
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    assert (entry.action, entry.entity_id, entry.details) == ("customer.export", cid, "{}")
