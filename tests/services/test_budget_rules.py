"""SPEC §4 budget rules through the real services on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from recoverydesk.core.budget import Limit
from recoverydesk.core.months import Month
from recoverydesk.errors import AuthenticationError, LockedOut, OverLimit, PermissionDenied
from recoverydesk.services import audit_log, business, recoveries, team
from recoverydesk.services.types import Approval, GestureInput
from recoverydesk.store.models import AuditEntry, Employee, Gesture, Incident
from tests.conftest import OWNER_PIN, T0, Shop, make_shop

MARCH = Month(2026, 3)


def spend(shop: Shop, employee_id: int, cost: int, *, approval: Approval | None = None,
          now: datetime = T0) -> recoveries.RecoveryLogged:
    return recoveries.log_recovery(employee_id, shop.incident(),
                                   gesture=GestureInput("free_item", cost),
                                   approval=approval, now=now)


def counts() -> tuple[int, int, int]:
    return Incident.select().count(), Gesture.select().count(), AuditEntry.select().count()


def test_within_limits_is_written_at_once_without_approval(shop: Shop) -> None:
    """A gesture inside both limits is saved immediately with no approver."""
    anna = shop.staff("Anna", 5000, 2000)
    logged = spend(shop, anna, 1500)
    assert logged.gesture is not None and logged.gesture.approved_by is None
    assert logged.gesture.check.remaining_after == 3500
    status = team.budget_status(anna, MARCH)
    assert (status.spent_minor, status.remaining_minor, status.escalations) == (1500, 3500, 0)


def test_exactly_at_the_allowance_is_within_limits(shop: Shop) -> None:
    """Spending the last cent of the allowance needs no approval; remaining becomes 0."""
    anna = shop.staff("Anna", 3000, 2000)
    spend(shop, anna, 1500)
    spend(shop, anna, 1500)
    assert team.budget_status(anna, MARCH).remaining_minor == 0


def test_one_cent_over_the_allowance_fails_naming_the_limit_and_writes_nothing(
        shop: Shop) -> None:
    """One minor unit past the monthly allowance raises OverLimit and saves nothing."""
    anna = shop.staff("Anna", 3000, 3000)
    spend(shop, anna, 2000)
    before = counts()
    with pytest.raises(OverLimit) as err:
        spend(shop, anna, 1001)
    overages = err.value.check.overages  # type: ignore[attr-defined]
    assert [(o.limit, o.over_by) for o in overages] == [(Limit.MONTHLY_ALLOWANCE, 1)]
    assert "monthly allowance" in str(err.value) and "0,01\xa0€" in str(err.value)
    assert counts() == before


def test_per_incident_limit_counts_this_employees_gestures_on_the_incident(shop: Shop) -> None:
    """The per-incident total includes earlier gestures: at the limit ok, one cent over fails."""
    anna = shop.staff("Anna", 10000, 2000)
    logged = spend(shop, anna, 1200)
    recoveries.add_gesture(anna, logged.incident_id, GestureInput("gift", 800), now=T0)
    with pytest.raises(OverLimit) as err:
        recoveries.add_gesture(anna, logged.incident_id, GestureInput("gift", 1), now=T0)
    assert [(o.limit, o.over_by) for o in err.value.check.overages] == [  # type: ignore
        (Limit.PER_INCIDENT, 1)]
    assert "per-incident limit" in str(err.value)
    # Another incident starts a fresh per-incident total.
    spend(shop, anna, 2000)


def test_both_limits_passed_are_both_named(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 500)
    with pytest.raises(OverLimit) as err:
        spend(shop, anna, 1200)
    assert {(o.limit, o.over_by) for o in err.value.check.overages} == {  # type: ignore
        (Limit.MONTHLY_ALLOWANCE, 200), (Limit.PER_INCIDENT, 700)}


def test_owner_approval_records_approver_and_counts_as_escalation(shop: Shop) -> None:
    """Past a limit, an owner's id and PIN let the spend through; it counts in spent."""
    anna = shop.staff("Anna", 1000, 1000)
    logged = spend(shop, anna, 2500, approval=Approval(shop.owner_id, OWNER_PIN))
    assert logged.gesture is not None and logged.gesture.approved_by == shop.owner_id
    assert Gesture.get_by_id(logged.gesture.gesture_id).approved_by_id == shop.owner_id
    status = team.budget_status(anna, MARCH)
    assert (status.spent_minor, status.remaining_minor, status.escalations) == (2500, -1500, 1)
    # Approved spend counts: the next cent is over the allowance again.
    with pytest.raises(OverLimit):
        spend(shop, anna, 1)


def test_approval_within_limits_is_not_an_escalation(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000)
    logged = spend(shop, anna, 500, approval=Approval(shop.owner_id, OWNER_PIN))
    assert logged.gesture is not None and logged.gesture.approved_by is None


def test_wrong_approver_pin_refuses_writes_nothing_and_counts_toward_lockout(
        shop: Shop) -> None:
    """A wrong owner PIN is refused, nothing is saved, and the owner's failures go up."""
    anna = shop.staff("Anna", 1000, 1000)
    before = counts()
    with pytest.raises(AuthenticationError):
        spend(shop, anna, 2000, approval=Approval(shop.owner_id, "0000"))
    incidents, gestures, audits = counts()
    assert (incidents, gestures) == before[:2]
    assert audits == before[2] + 1  # the failed approval is audited
    assert AuditEntry.select().order_by(AuditEntry.seq.desc()).get().action == "approval.failed"
    assert Employee.get_by_id(shop.owner_id).failed_pins == 1
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            spend(shop, anna, 2000, approval=Approval(shop.owner_id, "0000"))
    with pytest.raises(LockedOut):
        spend(shop, anna, 2000, approval=Approval(shop.owner_id, "0000"))
    # Locked: even the right PIN is refused until the lock runs out.
    with pytest.raises(LockedOut):
        spend(shop, anna, 2000, approval=Approval(shop.owner_id, OWNER_PIN))
    later = T0 + timedelta(minutes=5, seconds=1)
    assert spend(shop, anna, 2000, approval=Approval(shop.owner_id, OWNER_PIN),
                 now=later).gesture is not None


def test_nobody_approves_their_own_spend(shop: Shop) -> None:
    """An owner with a limit needs another owner; staff cannot approve at all."""
    limited_owner = shop.staff("Lena Owner", 1000, 1000, pin="2222", role="owner")
    with pytest.raises(PermissionDenied):
        spend(shop, limited_owner, 2000, approval=Approval(limited_owner, "2222"))
    logged = spend(shop, limited_owner, 2000, approval=Approval(shop.owner_id, OWNER_PIN))
    assert logged.gesture is not None and logged.gesture.approved_by == shop.owner_id
    anna = shop.staff("Anna", 1000, 1000)
    bob = shop.staff("Bob", 1000, 1000, pin="5555")
    with pytest.raises(PermissionDenied):
        spend(shop, anna, 2000, approval=Approval(bob, "5555"))


def test_owner_with_no_limit_never_needs_approval(shop: Shop) -> None:
    team.set_budget(shop.owner_id, shop.owner_id, MARCH, None, None, now=T0)
    logged = spend(shop, shop.owner_id, 90_000_00)
    assert logged.gesture is not None and logged.gesture.approved_by is None
    assert team.budget_status(shop.owner_id, MARCH).remaining_minor is None


def test_staff_cannot_have_no_limit(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000)
    with pytest.raises(Exception, match="Only owners"):
        team.set_budget(shop.owner_id, anna, MARCH, None, 1000, now=T0)


def test_zero_cost_and_zero_allowance(shop: Shop) -> None:
    """Zero is a valid cost and a valid allowance; a zero allowance needs approval to spend."""
    zed = shop.staff("Zed", 0, 0)
    assert spend(shop, zed, 0).gesture is not None
    with pytest.raises(OverLimit):
        spend(shop, zed, 1)


def test_voided_gestures_stop_counting(shop: Shop) -> None:
    """A void gives the budget back and frees the per-incident total."""
    anna = shop.staff("Anna", 2000, 2000)
    logged = spend(shop, anna, 2000)
    assert logged.gesture is not None
    with pytest.raises(OverLimit):
        recoveries.add_gesture(anna, logged.incident_id, GestureInput("gift", 100), now=T0)
    recoveries.void_gesture(anna, logged.gesture.gesture_id, "typo: meant 20,00",
                            now=T0 + timedelta(minutes=2))
    assert team.budget_status(anna, MARCH).spent_minor == 0
    recoveries.add_gesture(anna, logged.incident_id, GestureInput("gift", 2000), now=T0)


def test_void_rules_author_within_ten_minutes_else_owner_and_reason_required(
        shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 5000)
    bob = shop.staff("Bob", 5000, 5000)
    first = spend(shop, anna, 100).gesture
    second = spend(shop, anna, 100).gesture
    assert first is not None and second is not None
    with pytest.raises(PermissionDenied):
        recoveries.void_gesture(bob, first.gesture_id, "not mine", now=T0)
    with pytest.raises(Exception, match="reason"):
        recoveries.void_gesture(anna, first.gesture_id, "   ", now=T0)
    recoveries.void_gesture(anna, first.gesture_id, "typo",
                            now=T0 + timedelta(minutes=10))
    with pytest.raises(PermissionDenied):
        recoveries.void_gesture(anna, second.gesture_id, "typo",
                                now=T0 + timedelta(minutes=10, seconds=1))
    recoveries.void_gesture(shop.owner_id, second.gesture_id, "refunded twice",
                            now=T0 + timedelta(days=3))
    with pytest.raises(Exception, match="already voided"):
        recoveries.void_gesture(shop.owner_id, second.gesture_id, "again",
                                now=T0 + timedelta(days=3))


def test_void_takes_effect_in_the_gestures_own_month(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 5000)
    march = spend(shop, anna, 3000).gesture
    april_moment = datetime(2026, 4, 2, 9, 0, tzinfo=UTC)
    spend(shop, anna, 1000, now=april_moment)
    assert march is not None
    recoveries.void_gesture(shop.owner_id, march.gesture_id, "wrong entry", now=april_moment)
    assert team.budget_status(anna, MARCH).spent_minor == 0
    assert team.budget_status(anna, Month(2026, 4)).spent_minor == 1000


def test_month_boundary_follows_the_business_time_zone(shop: Shop) -> None:
    """22:30 UTC on 31 March is 00:30 on 1 April in Berlin: it spends April's budget."""
    anna = shop.staff("Anna", 1000, 1000)
    spend(shop, anna, 1000, now=datetime(2026, 3, 31, 21, 59, tzinfo=UTC))  # 23:59 Berlin
    spend(shop, anna, 1000, now=datetime(2026, 3, 31, 22, 30, tzinfo=UTC))  # 00:30 April
    assert team.budget_status(anna, MARCH).spent_minor == 1000
    assert team.budget_status(anna, Month(2026, 4)).spent_minor == 1000
    with pytest.raises(OverLimit):
        spend(shop, anna, 1, now=datetime(2026, 3, 31, 21, 59, 59, tzinfo=UTC))


def test_budget_check_is_right_after_a_business_in_another_time_zone(tmp_path: Path) -> None:
    """The write path first assumes the zone it saw last; a shop in another zone (one process,
    two files) must still be checked against the budget month of its own zone."""
    tokyo = make_shop(tmp_path / "tokyo.db", timezone="Asia/Tokyo")
    anna = tokyo.staff("Anna", 5000, 5000)  # from March
    team.set_budget(tokyo.owner_id, anna, Month(2026, 4), 1000, 1000, now=T0)
    # 16:00 UTC on 31 March is 01:00 on 1 April in Tokyo: April's 1000, all of it.
    spend(tokyo, anna, 1000, now=datetime(2026, 3, 31, 16, 0, tzinfo=UTC))
    business.close_business()

    los_angeles = make_shop(tmp_path / "la.db", timezone="America/Los_Angeles")
    spend(los_angeles, los_angeles.staff("Ben", 1000, 1000), 10, now=T0)
    business.close_business()

    business.open_business(tokyo.path)
    # 20:00 UTC on 31 March: April in Tokyo (allowance spent), still March in Los Angeles,
    # where this employee's March allowance of 5000 would have let it through.
    with pytest.raises(OverLimit, match="monthly allowance"):
        spend(tokyo, anna, 1, now=datetime(2026, 3, 31, 20, 0, tzinfo=UTC))
    assert team.budget_status(anna, Month(2026, 4)).spent_minor == 1000
    business.close_business()


def test_the_month_bound_is_exact_to_the_microsecond_on_each_engine(shop: Shop) -> None:
    """Midnight Berlin starting April (22:00 UTC) counts in April; a microsecond earlier in
    March, whether the engine stores text (SQLite) or a timestamp (PostgreSQL)."""
    anna = shop.staff("Anna", 1000, 1000)
    bound = datetime(2026, 3, 31, 22, 0, tzinfo=UTC)
    spend(shop, anna, 300, now=bound - timedelta(microseconds=1))
    spend(shop, anna, 500, now=bound)
    spend(shop, anna, 70, now=bound + timedelta(microseconds=1))
    assert team.budget_status(anna, MARCH).spent_minor == 300
    assert team.budget_status(anna, Month(2026, 4)).spent_minor == 570


def test_budget_change_from_a_month_on_leaves_past_months_alone(shop: Shop) -> None:
    """A raise from May applies from May; March and April keep the old budget."""
    anna = shop.staff("Anna", 1000, 1000)
    team.set_budget(shop.owner_id, anna, Month(2026, 5), 4000, 2500, now=T0)
    assert team.budget_for(anna, MARCH).allowance == 1000
    assert team.budget_for(anna, Month(2026, 4)).allowance == 1000
    assert team.budget_for(anna, Month(2026, 5)).allowance == 4000
    assert team.budget_for(anna, Month(2026, 12)).per_incident_limit == 2500
    spend(shop, anna, 2500, now=datetime(2026, 5, 4, 10, 0, tzinfo=UTC))
    with pytest.raises(OverLimit):
        spend(shop, anna, 1001, now=datetime(2026, 4, 4, 10, 0, tzinfo=UTC))
    # Past months cannot be changed.
    with pytest.raises(Exception, match="past"):
        team.set_budget(shop.owner_id, anna, Month(2026, 2), 9000, 9000, now=T0)
    assert [b.effective_month for b in team.budget_history(anna)] == ["2026-03", "2026-05"]


def test_rollover_carries_last_months_unused_allowance_only(shop: Shop) -> None:
    """With rollover on, unused March allowance (at most one month's) is added to April."""
    from recoverydesk.services import business

    anna = shop.staff("Anna", 1000, 5000)
    spend(shop, anna, 300)  # 700 unused in March
    april = Month(2026, 4)
    assert team.budget_status(anna, april).allowance_minor == 1000
    business.update_settings(shop.owner_id, rollover=True, now=T0)
    status = team.budget_status(anna, april)
    assert (status.allowance_minor, status.carry_minor) == (1700, 700)
    spend(shop, anna, 1700, now=datetime(2026, 4, 3, 9, tzinfo=UTC))
    with pytest.raises(OverLimit):
        spend(shop, anna, 1, now=datetime(2026, 4, 3, 9, tzinfo=UTC))
    # April overspent nothing left: May gets no carry, and never a negative one.
    assert team.budget_status(anna, Month(2026, 5)).carry_minor == 0


def test_every_spend_and_void_is_in_the_audit_chain(shop: Shop) -> None:
    anna = shop.staff("Anna", 5000, 5000)
    logged = spend(shop, anna, 100)
    assert logged.gesture is not None
    recoveries.void_gesture(anna, logged.gesture.gesture_id, "typo", now=T0)
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.seq)]
    assert actions[-2:] == ["recovery.log", "gesture.void"]
    assert audit_log.verify_chain().intact
