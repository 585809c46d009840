"""Customers, follow-ups, corrections and erasure through the services."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recoverydesk.core.months import Month
from recoverydesk.errors import PermissionDenied, ValidationError
from recoverydesk.services import customers, incidents, recoveries, team
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import AuditEntry, FollowUp, Incident
from tests.conftest import T0, Shop


def test_a_recovery_with_a_new_customer_schedules_a_follow_up(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 3000)
    logged = recoveries.log_recovery(
        anna, shop.incident(), new_customer=CustomerInput(name="王小明", phone="+49 30 1234"),
        gesture=GestureInput("free_item", 350), now=datetime(2026, 3, 10, 22, 30, tzinfo=UTC))
    assert logged.followup_id is not None
    # 23:30 local on 10 March + 3 days' delay = due on 13 March (business-local date).
    assert FollowUp.get_by_id(logged.followup_id).due_on == date(2026, 3, 13)
    customer_id = Incident.get_by_id(logged.incident_id).customer_id
    assert customer_id is not None and customer_id == logged.customer_id
    assert customers.get_customer(customer_id).name == "王小明"


def test_anonymous_incidents_get_no_follow_up(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 3000)
    assert recoveries.log_recovery(anna, shop.incident(), now=T0).followup_id is None


@pytest.mark.parametrize("text", ["", "   ", "x" * 10_000, "bad\x00byte", "\ufeff", "half \ud800"])
def test_bad_descriptions_are_refused_and_nothing_is_saved(shop: Shop, text: str) -> None:
    anna = shop.staff("Anna", 5000, 3000)
    with pytest.raises(ValidationError) as err:
        recoveries.log_recovery(anna, shop.incident(text), gesture=GestureInput("gift", 1),
                                now=T0)
    assert err.value.field == "description"
    assert Incident.select().count() == 0


def test_any_script_emoji_and_sql_looking_text_are_stored_verbatim(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 3000)
    text = "Robert'); DROP TABLE incident;-- 🙈 Zażółć Иван 王小明"
    logged = recoveries.log_recovery(anna, shop.incident(text), now=T0)
    assert Incident.get_by_id(logged.incident_id).description == text


def test_corrections_are_audited_with_old_and_new_values(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 3000)
    bob = shop.staff("Bob", 5000, 3000)
    logged = recoveries.log_recovery(anna, shop.incident("Cold soup"), now=T0)
    with pytest.raises(PermissionDenied):
        incidents.correct_incident(bob, logged.incident_id, description="x", now=T0)
    assert incidents.correct_incident(anna, logged.incident_id, description="Cold soup, twice",
                                      severity="major", now=T0)
    entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    assert entry.action == "incident.correct"
    assert '"old":"Cold soup"' in entry.details and '"new":"major"' in entry.details
    assert not incidents.correct_incident(shop.owner_id, logged.incident_id,
                                          severity="major", now=T0)


def test_resolve_and_follow_up_with_a_return_visit(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 3000)
    logged = recoveries.log_recovery(anna, shop.incident(),
                                     new_customer=CustomerInput(name="Åsa"), now=T0)
    incidents.resolve_incident(anna, logged.incident_id, "delighted", now=T0)
    with pytest.raises(ValidationError):
        incidents.resolve_incident(anna, logged.incident_id, "delighted", now=T0)
    assert logged.followup_id is not None
    visit = incidents.complete_followup(anna, logged.followup_id, "happy", "Came for dinner",
                                        came_back=True, now=T0 + timedelta(days=3))
    assert visit is not None
    with pytest.raises(ValidationError):
        incidents.complete_followup(anna, logged.followup_id, "happy", now=T0)


def test_return_visit_dates_far_away_are_refused(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 3000)
    cid = customers.add_customer(anna, CustomerInput(name="Åsa"), now=T0)
    with pytest.raises(ValidationError, match="future"):
        customers.record_return_visit(anna, cid, date(2026, 3, 11), now=T0)
    with pytest.raises(ValidationError, match="year"):
        customers.record_return_visit(anna, cid, date(2020, 1, 1), now=T0)
    customers.record_return_visit(anna, cid, date(2026, 3, 10), now=T0)


@pytest.mark.parametrize(("field", "data"), [
    ("customer_name", CustomerInput()),
    ("phone", CustomerInput(phone="call me")),
    ("email", CustomerInput(email="nobody")),
])
def test_bad_customer_input_names_the_field(shop: Shop, field: str,
                                            data: CustomerInput) -> None:
    with pytest.raises(ValidationError) as err:
        customers.add_customer(shop.owner_id, data, now=T0)
    assert err.value.field == field


@pytest.mark.sqlite_only  # reads the file's bytes
def test_erasure_blanks_personal_data_keeps_money_and_leaves_nothing_in_the_file(
        shop: Shop) -> None:
    """After erasure the old values are not in the database file or its WAL."""
    anna = shop.staff("Anna", 5000, 3000)
    secret_name, secret_phone = "Xerxes Quuxington", "+47 99887766"
    logged = recoveries.log_recovery(
        anna, shop.incident(), gesture=GestureInput("refund", 1200), now=T0,
        new_customer=CustomerInput(secret_name, secret_phone, "xq@example.com",
                                   "loves oat milk"))
    customer_id = Incident.get_by_id(logged.incident_id).customer_id
    assert customer_id is not None
    with pytest.raises(PermissionDenied):
        customers.erase_customer(anna, customer_id, now=T0)
    customers.erase_customer(shop.owner_id, customer_id, now=T0)
    info = customers.get_customer(customer_id)
    assert info.erased and (info.name, info.phone, info.email, info.notes) == ("", "", "", "")
    assert team.budget_status(anna, Month(2026, 3)).spent_minor == 1200
    raw = b"".join(p.read_bytes() for p in shop.path.parent.glob("shop.db*"))
    for secret in (secret_name, secret_phone, "xq@example.com", "loves oat milk"):
        assert secret.encode() not in raw, secret
    # The audit log refers to the customer by id only.
    assert all(secret_name not in e.details for e in AuditEntry.select())
