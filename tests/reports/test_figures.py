"""Month figures (SPEC §5, §6) on small hand-built shops whose answers are worked out here.

The shop is in Europe/Berlin with the default 90-day retention window; history is written
through the services with ``now=`` so every moment is known. Every test runs on SQLite and
on PostgreSQL (the `shop` fixture).
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import pytest

from recoverydesk.core.months import Month
from recoverydesk.reports.figures import Figures, compute
from recoverydesk.services import business, customers, incidents, recoveries, team
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.recoveries import IncidentInput
from recoverydesk.services.types import Approval, GestureInput
from tests.conftest import OWNER_PIN, Shop

MARCH = Month(2026, 3)


def at(day: date, hour: int = 11, minute: int = 0) -> datetime:
    """A UTC moment on ``day`` (11:00 UTC is 12:00 or 13:00 in Berlin)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def log(shop: Shop, employee: int, day: date, *, customer: int | None = None,
        name: str | None = None, gesture: GestureInput | None = None,
        approval: Approval | None = None, severity: str = "minor", proactive: bool = False,
        moment: datetime | None = None) -> recoveries.RecoveryLogged:
    return recoveries.log_recovery(
        employee, IncidentInput(shop.category_id, "Cold soup", severity, proactive),
        customer_id=customer, new_customer=CustomerInput(name=name) if name else None,
        gesture=gesture, approval=approval, now=moment or at(day))


def visit(shop: Shop, customer: int, day: date) -> None:
    customers.record_return_visit(shop.owner_id, customer, visited_on=day, now=at(day))


def figures(month: Month, as_of: date) -> Figures:
    return compute(month, now=at(as_of, 12))


def test_retention_outcomes_at_the_window_edges(shop: Shop) -> None:
    """Retained on day W exactly, lost on day W+1, visits before or on the incident's own
    date do not count, lost_on before a return means lost (after it, retained), anonymous
    counted apart, an erased customer still known, an open window pending."""
    anna = shop.staff("Anna", 100_000, 10_000)
    d = date(2026, 3, 10)
    a = log(shop, anna, d, name="A").customer_id      # visit on d+90: retained
    b = log(shop, anna, d, name="B").customer_id      # visit on d+91: lost
    c = log(shop, anna, d, name="C").customer_id      # visits d-1 and d: lost
    log(shop, anna, d)                                # anonymous
    e = log(shop, anna, d, name="E").customer_id      # lost_on d+10, visit d+20: lost
    f = log(shop, anna, d, name="F").customer_id      # visit d+5, lost_on d+22: retained
    h = log(shop, anna, d, name="H").customer_id      # visit d+30, then erased: retained
    g = log(shop, anna, date(2026, 3, 31), name="G").customer_id  # window open: pending
    assert None not in (a, b, c, e, f, g, h)
    visit(shop, c, d - timedelta(days=1))
    visit(shop, c, d)
    visit(shop, f, d + timedelta(days=5))
    customers.mark_lost(shop.owner_id, e, d + timedelta(days=10), now=at(d + timedelta(10)))
    visit(shop, e, d + timedelta(days=20))
    customers.mark_lost(shop.owner_id, f, d + timedelta(days=22), now=at(d + timedelta(22)))
    visit(shop, h, d + timedelta(days=30))
    customers.erase_customer(shop.owner_id, h, now=at(d + timedelta(days=31)))
    visit(shop, a, d + timedelta(days=90))
    visit(shop, b, d + timedelta(days=91))

    result = figures(MARCH, date(2026, 6, 20))  # B's window (to June 8) has closed
    o = result.outcomes
    assert (o.incidents, o.retained, o.lost, o.pending, o.anonymous) == (8, 3, 3, 1, 1)
    assert result.provisional
    # The 12-month series computes the same outcomes for the month in its own statement.
    assert result.months[-1].outcomes == o
    # Wilson 95 % for 3 of 6 is 0.1876 .. 0.8124 (published tables).
    assert o.retention.value == 0.5 and o.retention.n == 6
    assert o.retention.low == pytest.approx(0.1876, abs=1e-4)
    assert o.retention.high == pytest.approx(0.8124, abs=1e-4)
    # On May 1 the windows of B and C (no visit inside them) are still open: pending.
    early = figures(MARCH, date(2026, 5, 1)).outcomes
    assert (early.retained, early.lost, early.pending) == (3, 1, 3)


def test_a_pending_window_closes_into_lost(shop: Shop) -> None:
    """With no return, an incident is pending up to day W and lost from day W+1."""
    anna = shop.staff("Anna", 100_000, 10_000)
    log(shop, anna, date(2026, 3, 10), name="Zoë")
    on_edge = figures(MARCH, date(2026, 6, 8)).outcomes   # day 90: still open
    after = figures(MARCH, date(2026, 6, 9)).outcomes     # day 91: closed
    assert (on_edge.pending, on_edge.lost) == (1, 0)
    assert (after.pending, after.lost) == (0, 1)
    assert not figures(MARCH, date(2026, 6, 9)).provisional


def test_money_figures_exclude_voided_spend(shop: Shop) -> None:
    """Spend, cost per retained customer, value kept, ROI, escalations and the front-line
    share, with a voided gesture, an approved one and a customer with two incidents."""
    business.update_settings(shop.owner_id, avg_customer_value_minor=20_000,
                             now=at(date(2026, 3, 1)))
    anna = shop.staff("Anna", 10_000, 2_000)
    d = date(2026, 3, 10)
    one = log(shop, anna, d, name="Ola", gesture=GestureInput("free_item", 1_500, 3_000))
    c1 = one.customer_id
    assert c1 is not None
    two = log(shop, anna, d, name="Kari", gesture=GestureInput("gift", 1_000))
    c2 = two.customer_id
    assert c2 is not None
    extra = recoveries.add_gesture(anna, two.incident_id, GestureInput("discount", 300, 500),
                                   now=at(d, 11, 1))
    voided = recoveries.add_gesture(anna, two.incident_id, GestureInput("refund", 700),
                                    now=at(d, 11, 2))
    recoveries.void_gesture(shop.owner_id, voided.gesture_id, "Entered twice",
                            now=at(d, 15))
    log(shop, anna, d, gesture=GestureInput("refund", 2_500),
        approval=Approval(shop.owner_id, OWNER_PIN))          # anonymous, escalated
    log(shop, anna, date(2026, 3, 12), customer=c1, gesture=GestureInput("free_item", 500))
    log(shop, anna, date(2026, 3, 12))                        # no gesture, anonymous
    visit(shop, c1, date(2026, 3, 20))
    visit(shop, c2, date(2026, 3, 21))
    assert extra.approved_by is None

    result = figures(MARCH, date(2026, 3, 25))
    spend = 1_500 + 1_000 + 300 + 2_500 + 500               # the 700 is voided
    assert (result.incidents, result.gestures, result.spend_minor) == (5, 5, spend)
    assert (result.outcomes.retained, result.retained_customers) == (3, 2)
    assert result.cost_per_retained_minor == (1_500 + 1_000 + 300 + 500) // 2
    assert result.value_kept_minor == 2 * 20_000
    assert result.roi == pytest.approx((40_000 - spend) / spend)
    assert (result.escalations, result.escalated_incidents) == (1, 1)
    assert result.front_line_share == pytest.approx(4 / 5)
    (row,) = [e for e in result.employees if e.name == "Anna"]
    assert (row.allowance_minor, row.spent_minor, row.remaining_minor) == (10_000, spend,
                                                                            10_000 - spend)
    assert (row.incidents, row.gestures, row.escalations, row.retained) == (5, 5, 1, 3)
    kinds = {b.key: b for b in result.by_kind}
    # Incident 2 used gift and discount: it counts under both; the voided refund under none.
    assert kinds["free_item"].outcomes.incidents == 2 and kinds["free_item"].spend_minor == 2_000
    assert kinds["gift"].outcomes.incidents == 1 and kinds["discount"].outcomes.incidents == 1
    assert kinds["discount"].value_minor == 500
    assert kinds["refund"].outcomes.incidents == 1 and kinds["refund"].spend_minor == 2_500
    assert kinds["refund"].outcomes.anonymous == 1
    assert kinds["no_gesture"].outcomes.incidents == 1
    (category,) = result.by_category
    assert (category.outcomes.incidents, category.spend_minor, category.value_minor) == (
        5, spend, 3_500)
    assert result.budget_minor == 10_000 + 0  # the owner has no budget set: 0


def test_roi_is_none_without_customer_value_or_spend(shop: Shop) -> None:
    """ROI needs both a customer value and spend; value kept needs the customer value."""
    anna = shop.staff("Anna", 5_000, 2_000)
    log(shop, anna, date(2026, 3, 10), name="Ola", gesture=GestureInput("free_item", 100))
    result = figures(MARCH, date(2026, 3, 25))
    assert result.value_kept_minor is None and result.roi is None
    business.update_settings(shop.owner_id, avg_customer_value_minor=10_000,
                             now=at(date(2026, 3, 25)))
    assert figures(Month(2026, 4), date(2026, 4, 25)).roi is None  # no spend in April


def test_an_empty_month_has_honest_empty_figures(shop: Shop) -> None:
    """No incidents: zero counts, no rates, a full 12-month series of zeros."""
    result = figures(Month(2025, 7), date(2026, 3, 10))
    assert (result.incidents, result.gestures, result.spend_minor) == (0, 0, 0)
    assert result.outcomes.retention.value is None and result.outcomes.retention.n == 0
    assert result.front_line_share is None and result.proactive_share is None
    assert result.median_resolution_minutes is None and result.cost_per_retained_minor is None
    assert result.followups_on_time_share is None and not result.provisional
    assert result.months[0].month == "2024-08"
    assert len(result.months) == 12 and result.months[-1].month == "2025-07"
    assert all(p.outcomes.incidents == 0 and p.spend_minor == 0 for p in result.months)
    assert [k.key for k in result.by_kind] == ["no_gesture"]


def test_budget_changed_mid_year_and_rollover(shop: Shop) -> None:
    """Each month keeps the budget in force then; with rollover on, June gets May's unused
    allowance (at most one month's allowance); the series shows each month's budget."""
    anna = shop.staff("Anna", 3_000, 2_000)
    team.set_budget(shop.owner_id, anna, Month(2026, 6), 5_000, 2_000,
                    now=at(date(2026, 3, 10)))
    log(shop, anna, date(2026, 5, 12), gesture=GestureInput("gift", 1_000))
    may, june = figures(Month(2026, 5), date(2026, 7, 1)), figures(Month(2026, 6),
                                                                    date(2026, 7, 1))
    assert [e.allowance_minor for e in may.employees if e.name == "Anna"] == [3_000]
    assert [e.allowance_minor for e in june.employees if e.name == "Anna"] == [5_000]
    assert [p.budget_minor for p in june.months][-5:] == [0, 3_000, 3_000, 3_000, 5_000]
    business.update_settings(shop.owner_id, rollover=True, now=at(date(2026, 7, 1)))
    june = figures(Month(2026, 6), date(2026, 7, 1))
    (row,) = [e for e in june.employees if e.name == "Anna"]
    assert (row.carry_minor, row.allowance_minor) == (2_000, 7_000)
    assert june.budget_minor == 7_000 and june.months[-1].budget_minor == 7_000
    assert june.months[-2].spend_minor == 1_000


def test_month_bounds_follow_the_business_time_zone(shop: Shop) -> None:
    """An incident at 23:30 UTC on March 31 is 01:30 on April 1 in Berlin: April's."""
    anna = shop.staff("Anna", 5_000, 2_000)
    log(shop, anna, date(2026, 3, 31), gesture=GestureInput("gift", 100),
        moment=datetime(2026, 3, 31, 23, 30, tzinfo=UTC))
    march, april = figures(MARCH, date(2026, 4, 5)), figures(Month(2026, 4), date(2026, 4, 5))
    assert (march.incidents, march.spend_minor) == (0, 0)
    assert (april.incidents, april.spend_minor) == (1, 100)


def test_resolution_proactive_and_severity(shop: Shop) -> None:
    """Median over resolved incidents only (even count: mean of the middle two; odd: the
    middle one); proactive share; the severity table lists every severity."""
    anna = shop.staff("Anna", 5_000, 2_000)
    d = date(2026, 3, 10)
    for minutes, proactive, severity in ((10, True, "minor"), (30, False, "major"),
                                         (50, False, "major"), (90, True, "critical")):
        logged = log(shop, anna, d, proactive=proactive, severity=severity)
        incidents.resolve_incident(anna, logged.incident_id, "satisfied",
                                   now=at(d) + timedelta(minutes=minutes))
    late = log(shop, anna, d).incident_id  # unresolved
    result = figures(MARCH, date(2026, 3, 20))
    assert result.median_resolution_minutes == pytest.approx(40.0)  # (30 + 50) / 2
    assert result.proactive_share == pytest.approx(2 / 5)
    assert [(b.key, b.outcomes.incidents) for b in result.by_severity] == [
        ("minor", 2), ("major", 2), ("critical", 1)]
    incidents.resolve_incident(anna, late, "satisfied", now=at(d) + timedelta(minutes=70))
    assert figures(MARCH, date(2026, 3, 20)).median_resolution_minutes == pytest.approx(50.0)


def test_followups_done_by_the_end_of_their_due_date(shop: Shop) -> None:
    """Of the follow-ups due in the month: on time if done by the end of the local due date;
    one not done and past due is late; one due in the future is not counted yet."""
    anna = shop.staff("Anna", 5_000, 2_000)
    d = date(2026, 3, 10)  # follow-ups fall due on March 13 (3-day delay)
    ids = [recoveries.log_recovery(anna, shop.incident(), new_customer=CustomerInput(name=n),
                                   now=at(d)).followup_id for n in ("P", "Q", "R")]
    late_day = recoveries.log_recovery(anna, shop.incident(),
                                       new_customer=CustomerInput(name="S"),
                                       now=at(date(2026, 3, 25))).followup_id
    assert None not in ids and late_day is not None
    # 22:30 UTC on the 13th is 23:30 in Berlin: still the due date.
    incidents.complete_followup(anna, ids[0], "happy",
                                now=datetime(2026, 3, 13, 22, 30, tzinfo=UTC))
    incidents.complete_followup(anna, ids[1], "neutral",
                                now=datetime(2026, 3, 13, 23, 30, tzinfo=UTC))  # 00:30 next day
    result = figures(MARCH, date(2026, 3, 20))  # S's follow-up (due 28th) not counted yet
    assert (result.followups_counted, result.followups_on_time) == (3, 1)
    assert result.followups_on_time_share == pytest.approx(1 / 3)
    assert math.isclose(figures(MARCH, date(2026, 4, 2)).followups_counted, 4)
