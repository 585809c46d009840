"""``check``'s budget consistency: no spend without an approval past a limit (SPEC §4)."""

from __future__ import annotations

from datetime import timedelta

from recoverydesk.core.months import Month
from recoverydesk.services import _base, audit_log, recoveries, team
from recoverydesk.services.check import run_check
from recoverydesk.services.types import Approval, GestureInput
from recoverydesk.store import ledger
from tests.conftest import OWNER_PIN, T0, Shop


def _spend_bypassing_the_check(shop: Shop, employee: int, cost: int) -> int:
    """What a till without the budget lock could write: a gesture with its audit entry."""
    at = T0.replace(tzinfo=None)
    with _base.write():
        incident = ledger.insert_incident(reported_at=at, reported_by=employee,
                                          category=shop.category_id, description="race",
                                          severity="minor", proactive=False, customer=None)
        gesture = ledger.insert_gesture(incident=incident, employee=employee, kind="gift",
                                        description="", cost=cost, value=None,
                                        approved_by=None, created_at=at)
        audit_log.append(employee, "recovery.log", "incident", incident, {
            "category": shop.category_id, "severity": "minor", "proactive": False,
            "customer": None, "gestures": [
                {"id": gesture, "incident": incident, "employee": employee, "kind": "gift",
                 "cost": cost, "value": None, "approved_by": None}]}, at)
    return gesture


def test_an_unapproved_spend_past_the_allowance_is_found(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000)
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 800), now=T0)
    assert run_check() == []
    gesture = _spend_bypassing_the_check(shop, anna, 300)
    problems = run_check()
    assert [p.check for p in problems] == ["budget"]
    assert f"gesture {gesture} " in problems[0].message
    assert "monthly allowance" in problems[0].message and "by 100 minor units" in \
        problems[0].message


def test_approved_spend_voids_and_later_budget_cuts_are_not_problems(shop: Shop) -> None:
    """Approved spend may pass a limit; a void frees money; a budget lowered afterwards
    does not make earlier spends wrong."""
    anna = shop.staff("Anna", 1000, 600)
    first = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 600),
                                    now=T0)
    assert first.gesture is not None
    recoveries.void_gesture(anna, first.gesture.gesture_id, "typo", now=T0)
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 600), now=T0)
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                            approval=Approval(shop.owner_id, OWNER_PIN), now=T0)
    team.set_budget(shop.owner_id, anna, Month(2026, 3), 100, 100,
                    now=T0 + timedelta(minutes=5))
    assert run_check() == []


def test_an_unapproved_spend_past_the_per_incident_limit_is_found(shop: Shop) -> None:
    anna = shop.staff("Anna", 10_000, 500)
    _spend_bypassing_the_check(shop, anna, 700)
    problems = run_check()
    assert len(problems) == 1 and "per incident limit" in problems[0].message


def test_spend_from_a_rolled_over_allowance_is_not_a_problem(shop: Shop) -> None:
    """With rollover on, April may spend March's unused 700 on top of its own 1000."""
    from datetime import UTC, datetime

    from recoverydesk.services import business

    anna = shop.staff("Anna", 1000, 5000)
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 300), now=T0)
    business.update_settings(shop.owner_id, rollover=True, now=T0)
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 1700),
                            now=datetime(2026, 4, 3, 9, tzinfo=UTC))
    assert run_check() == []
    # A March spend written after April's shrinks April's carry today, but April's spend was
    # within the carry in force when it was written: the replay judges each at its moment.
    _spend_bypassing_the_check(shop, anna, 1)
    assert run_check() == []
