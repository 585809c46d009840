"""The audit log page's filters and the escalations per employee."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recoverydesk.core.months import Month
from recoverydesk.errors import PermissionDenied, ValidationError
from recoverydesk.services import recoveries
from recoverydesk.services.audit_view import (
    AuditFilter,
    audit_actions,
    check_chain,
    list_audit,
)
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.escalations import escalations_in_month
from recoverydesk.services.types import Approval, GestureInput
from recoverydesk.store.db import database
from tests.conftest import OWNER_PIN, T0, Shop, sql


def _spend(shop: Shop, who: int, cost: int, when: datetime, approve: bool = False) -> int:
    logged = recoveries.log_recovery(
        who, shop.incident(), gesture=GestureInput("gift", cost),
        approval=Approval(shop.owner_id, OWNER_PIN) if approve else None, now=when)
    assert logged.gesture is not None
    return logged.gesture.gesture_id


def test_audit_list_filters_by_day_person_action_and_text(shop: Shop) -> None:
    """Dates are business-local days, actions match exactly or by family, text any script."""
    anna = shop.staff("Anna", 1_000, 1_000)
    _spend(shop, anna, 100, datetime(2026, 3, 11, 22, 30, tzinfo=UTC))  # 23:30 on 11 March
    _spend(shop, anna, 100, datetime(2026, 3, 11, 23, 30, tzinfo=UTC))  # 00:30 on 12 March
    recoveries.log_recovery(anna, shop.incident("Wi-Fi down"),
                            new_customer=CustomerInput(name="Łucja"),
                            now=datetime(2026, 3, 12, 9, tzinfo=UTC))
    owner = shop.owner_id
    on_12th = list_audit(owner, AuditFilter(since=date(2026, 3, 12), until=date(2026, 3, 12)))
    assert [r.action for r in on_12th.rows] == ["recovery.log", "customer.add", "recovery.log"]
    assert on_12th.total == 3 and on_12th.rows[0].actor == "Anna"
    annas = list_audit(owner, AuditFilter(actor_id=anna)).total
    assert annas == 4
    assert list_audit(owner, AuditFilter(action="customer")).total == 1
    assert list_audit(owner, AuditFilter(action="recovery.log")).total == 3
    assert list_audit(owner, AuditFilter(action="recovery")).total == 3
    assert list_audit(owner, AuditFilter(action="recovery.lo")).total == 0  # no half words
    assert list_audit(owner, AuditFilter(text="GIFT")).total == 2  # in the details
    assert list_audit(owner, AuditFilter(text="Łucja")).total == 0  # names never logged
    newest = list_audit(owner, AuditFilter(), limit=2)
    assert [r.seq for r in newest.rows] == sorted((r.seq for r in newest.rows), reverse=True)
    assert "business.setup" in audit_actions() and "customer.add" in audit_actions()


def test_the_ends_of_the_calendar_bound_nothing(shop: Shop) -> None:
    """A "To" of 31 December 9999 (the date field's last day) overflowed to "Unexpected
    error" at every filter change; as a "From", 1 January of year 1 did the same."""
    anna = shop.staff("Anna", 1_000, 1_000)
    _spend(shop, anna, 100, datetime(2026, 3, 11, 12, tzinfo=UTC))
    everything = list_audit(shop.owner_id, AuditFilter()).total
    assert list_audit(shop.owner_id, AuditFilter(
        since=date(1, 1, 1), until=date(9999, 12, 31))).total == everything
    assert list_audit(shop.owner_id, AuditFilter(
        since=date(2026, 3, 11), until=date(9999, 12, 31))).total == 1


def test_audit_list_is_owners_only_and_checks_its_input(shop: Shop) -> None:
    """Staff cannot read the log; bad ranges and pages say what to fix."""
    anna = shop.staff("Anna", 1_000, 1_000)
    with pytest.raises(PermissionDenied):
        list_audit(anna, AuditFilter())
    with pytest.raises(ValidationError, match="after the last day"):
        list_audit(shop.owner_id, AuditFilter(since=date(2026, 3, 2), until=date(2026, 3, 1)))
    with pytest.raises(ValidationError):
        list_audit(shop.owner_id, AuditFilter(), limit=0)


def test_escalations_count_approved_non_voided_spend_per_person(shop: Shop) -> None:
    """Approved over-limit spends count per employee and month; voided ones do not."""
    anna = shop.staff("Anna", 1_000, 500)
    boris = shop.staff("Boris", 5_000, 500)
    _spend(shop, anna, 600, T0, approve=True)
    _spend(shop, anna, 700, T0 + timedelta(minutes=1), approve=True)
    voided = _spend(shop, boris, 900, T0 + timedelta(minutes=2), approve=True)
    _spend(shop, boris, 600, T0 + timedelta(minutes=3), approve=True)
    _spend(shop, boris, 100, T0 + timedelta(minutes=4))  # within limits: no escalation
    recoveries.void_gesture(shop.owner_id, voided, "wrong amount", now=T0 + timedelta(hours=1))
    rows = escalations_in_month(shop.owner_id, Month(2026, 3))
    assert [(r.employee, r.count, r.approved_minor) for r in rows] == [
        ("Anna", 2, 1_300), ("Boris", 1, 600)]
    # Anna: 6 € passed the 5 € incident limit by 1 €; 7 € passed her 4 € left by 3 €.
    assert [(r.over_minor, r.approvers) for r in rows] == [
        (400, (("Olga Owner", 2),)), (100, (("Olga Owner", 1),))]
    assert escalations_in_month(shop.owner_id, Month(2026, 4)) == []
    with pytest.raises(PermissionDenied):
        escalations_in_month(anna, Month(2026, 3))


def test_check_chain_names_the_first_broken_entry(shop: Shop) -> None:
    """Intact: the entry count. An entry edited behind the app's back: that entry, as
    listed. The last entry removed: its number, with no row to show."""
    anna = shop.staff("Anna", 1_000, 1_000)
    _spend(shop, anna, 100, T0)
    _spend(shop, anna, 200, T0 + timedelta(minutes=1))
    intact = check_chain(shop.owner_id)
    total = list_audit(shop.owner_id, AuditFilter()).total
    assert intact.intact and intact.entries == total and intact.broken is None
    with pytest.raises(PermissionDenied):
        check_chain(anna)
    edited = list_audit(shop.owner_id, AuditFilter(action="recovery.log")).rows[-1]
    database.execute_sql(sql("UPDATE audit_entry SET details = ? WHERE seq = ?"),
                         (edited.details.replace('"cost":100', '"cost":1'), edited.seq))
    broken = check_chain(shop.owner_id)
    assert not broken.intact and broken.broken_seq == edited.seq
    assert broken.broken is not None and broken.broken.action == "recovery.log"
    assert broken.entries == edited.seq - 1
    database.execute_sql(sql("UPDATE audit_entry SET details = ? WHERE seq = ?"),
                         (edited.details, edited.seq))
    database.execute_sql(sql("DELETE FROM audit_entry WHERE seq = ?"), (total,))
    removed = check_chain(shop.owner_id)
    assert removed.broken_seq == total and removed.broken is None
