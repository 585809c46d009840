"""The retention facts kept beside each incident (``store.returns``) follow every change that
can move them, and the month figures counted from them equal SPEC §5 worked out from the raw
visits (``tests.retention_oracle``). Every test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from recoverydesk.core.months import Month
from recoverydesk.reports.figures import Outcomes, compute
from recoverydesk.services import business, customer_records, customers, incidents, recoveries
from recoverydesk.services.check import run_check
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.recoveries import IncidentInput
from recoverydesk.store.db import database
from tests.conftest import Shop, sql
from tests.retention_oracle import expected_facts, expected_outcomes, stored_facts

MARCH = Month(2026, 3)
D = date(2026, 3, 10)


def at(day: date, hour: int = 11) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def log(shop: Shop, day: date, *, customer: int | None = None, name: str | None = None,
        hour: int = 11) -> recoveries.RecoveryLogged:
    return recoveries.log_recovery(
        shop.owner_id, IncidentInput(shop.category_id, "Cold soup"), customer_id=customer,
        new_customer=CustomerInput(name=name) if name else None, now=at(day, hour))


def visit(shop: Shop, customer: int, day: date, recorded: date | None = None) -> None:
    customers.record_return_visit(shop.owner_id, customer, visited_on=day,
                                  now=at(recorded or day))


def counts(outcomes: Outcomes) -> Counter[str]:
    return Counter({k: v for k, v in (("retained", outcomes.retained), ("lost", outcomes.lost),
                                      ("pending", outcomes.pending),
                                      ("anonymous", outcomes.anonymous)) if v})


def assert_consistent(month: Month, today: date) -> Counter[str]:
    """Stored facts equal the recomputed ones, the figures equal the raw-visit answer, and
    ``check`` finds nothing about retention. Returns the month's outcome counts."""
    assert stored_facts() == expected_facts()
    got = counts(compute(month, now=at(today, 12)).outcomes)
    assert got == expected_outcomes(month, today)
    assert [p for p in run_check() if p.check == "retention"] == []
    return got


def test_a_new_incident_has_no_facts_and_a_visit_sets_them(shop: Shop) -> None:
    """Incidents start with no first return; a visit sets it on the customer's earlier
    incidents only, and a later-recorded but earlier-dated visit moves it earlier."""
    first = log(shop, D, name="Ana")
    customer = first.customer_id
    assert customer is not None
    second = log(shop, D + timedelta(days=20), customer=customer)
    assert stored_facts()[first.incident_id] == (None, None)
    visit(shop, customer, D + timedelta(days=30))
    facts = stored_facts()
    assert facts[first.incident_id] == (30, None) and facts[second.incident_id] == (10, None)
    visit(shop, customer, D + timedelta(days=5), recorded=D + timedelta(days=31))
    assert stored_facts()[first.incident_id] == (5, None)
    assert assert_consistent(MARCH, date(2026, 6, 20)) == Counter(retained=2)


def test_a_visit_from_a_followup_sets_the_facts(shop: Shop) -> None:
    """"Came back" on a follow-up records a visit that counts like one from the card."""
    logged = log(shop, D, name="Ben")
    assert logged.followup_id is not None
    incidents.complete_followup(shop.owner_id, logged.followup_id, "happy", came_back=True,
                                now=at(D + timedelta(days=3)))
    assert stored_facts()[logged.incident_id] == (3, None)
    assert assert_consistent(MARCH, date(2026, 4, 1)) == Counter(retained=1)


def test_a_lost_mark_sets_the_facts(shop: Shop) -> None:
    """Marked lost on or after the incident's date: lost, before the window closes."""
    logged = log(shop, D, name="Cy")
    assert logged.customer_id is not None
    customers.mark_lost(shop.owner_id, logged.customer_id, D + timedelta(days=4),
                        now=at(D + timedelta(days=4)))
    assert stored_facts()[logged.incident_id] == (None, 4)
    assert assert_consistent(MARCH, date(2026, 3, 20)) == Counter(lost=1)


def test_correcting_an_incidents_customer_moves_its_facts(shop: Shop) -> None:
    """The facts follow the corrected customer; no customer makes it anonymous."""
    came_back = log(shop, D, name="Dee").customer_id
    stayed_away = log(shop, D, name="Eve").customer_id
    assert came_back is not None and stayed_away is not None
    visit(shop, came_back, D + timedelta(days=7))
    target = log(shop, D, customer=stayed_away).incident_id
    assert stored_facts()[target] == (None, None)
    incidents.correct_incident(shop.owner_id, target, customer_id=came_back,
                               now=at(D + timedelta(days=8)))
    assert stored_facts()[target] == (7, None)
    assert assert_consistent(MARCH, date(2026, 6, 20)) == Counter(retained=2, lost=1)
    incidents.correct_incident(shop.owner_id, target, customer_id=None,
                               now=at(D + timedelta(days=9)))
    assert stored_facts()[target] == (None, None)
    assert assert_consistent(MARCH, date(2026, 6, 20)) == Counter(retained=1, lost=1,
                                                                 anonymous=1)


def test_merging_two_cards_recounts_the_kept_customers_incidents(shop: Shop) -> None:
    """The duplicate's visits now count for the kept card's incidents and the reverse; the
    earlier lost mark of the two is kept."""
    keep = log(shop, D, name="Fay")
    duplicate = log(shop, D + timedelta(days=2), name="Fay B.")
    assert keep.customer_id is not None and duplicate.customer_id is not None
    visit(shop, duplicate.customer_id, D + timedelta(days=1))
    customers.mark_lost(shop.owner_id, duplicate.customer_id, D + timedelta(days=40),
                        now=at(D + timedelta(days=40)))
    assert stored_facts()[keep.incident_id] == (None, None)
    customer_records.merge_customers(shop.owner_id, keep.customer_id, duplicate.customer_id,
                                     now=at(D + timedelta(days=41)))
    facts = stored_facts()
    assert facts[keep.incident_id] == (1, 40)
    assert facts[duplicate.incident_id] == (None, 38)
    assert assert_consistent(MARCH, date(2026, 6, 20)) == Counter(retained=1, lost=1)


def test_erasing_a_customer_keeps_the_figures(shop: Shop) -> None:
    """SPEC §9: erasure blanks personal data; the incidents, visits and outcomes stay."""
    logged = log(shop, D, name="Gus")
    assert logged.customer_id is not None
    visit(shop, logged.customer_id, D + timedelta(days=12))
    before = assert_consistent(MARCH, date(2026, 6, 20))
    customers.erase_customer(shop.owner_id, logged.customer_id, now=at(D + timedelta(days=13)))
    assert assert_consistent(MARCH, date(2026, 6, 20)) == before == Counter(retained=1)


def test_a_new_time_zone_recounts_incidents_near_midnight(shop: Shop) -> None:
    """23:30 UTC on March 10 is March 11 in Berlin but March 10 in New York: a visit on
    March 11 is after the incident's date only in New York."""
    logged = log(shop, D, name="Hal", hour=23)
    assert logged.customer_id is not None
    visit(shop, logged.customer_id, D + timedelta(days=1), recorded=D + timedelta(days=2))
    assert stored_facts()[logged.incident_id] == (None, None)
    business.update_settings(shop.owner_id, timezone="America/New_York",
                             now=at(D + timedelta(days=3)))
    assert stored_facts()[logged.incident_id] == (1, None)
    assert assert_consistent(MARCH, date(2026, 6, 20)) == Counter(retained=1)


def test_check_reports_a_tampered_first_return(shop: Shop) -> None:
    """A first return edited behind the app's back is found, named by incident."""
    logged = log(shop, D, name="Ivy")
    assert logged.customer_id is not None
    visit(shop, logged.customer_id, D + timedelta(days=6))
    assert [p for p in run_check() if p.check == "retention"] == []
    database.execute_sql(sql("UPDATE incident SET first_return_days = ? WHERE id = ?"),
                         (2, logged.incident_id))
    problems = [p for p in run_check() if p.check == "retention"]
    assert len(problems) == 1
    assert f"incident {logged.incident_id}:" in problems[0].message
    assert "stored first return after 2 days, recomputed 6 days" in problems[0].message


def test_the_series_equals_each_months_own_figures(shop: Shop) -> None:
    """Every month of the 12-month series has the outcomes of that month's own figures and
    of the raw-visit answer: retained, lost by a mark, lost by a closed window, pending."""
    customer_ids = []
    for k, month_day in enumerate((date(2025, 12, 5), date(2026, 1, 20), date(2026, 2, 14),
                                   date(2026, 3, 3), date(2026, 3, 28))):
        logged = log(shop, month_day, name=f"Guest {k}")
        log(shop, month_day)  # anonymous
        assert logged.customer_id is not None
        customer_ids.append(logged.customer_id)
        if k % 2 == 0:
            visit(shop, logged.customer_id, month_day + timedelta(days=10 + k))
    customers.mark_lost(shop.owner_id, customer_ids[1], date(2026, 2, 1),
                        now=at(date(2026, 2, 1)))
    log(shop, date(2025, 12, 20), name="Gone")  # no visit; window closed on March 20
    today = date(2026, 5, 1)
    series = compute(MARCH, now=at(today, 12)).months
    assert [p.month for p in series][-4:] == ["2025-12", "2026-01", "2026-02", "2026-03"]
    seen: Counter[str] = Counter()
    for point in series:
        month = Month(int(point.month[:4]), int(point.month[5:]))
        expected = expected_outcomes(month, today)
        assert counts(point.outcomes) == expected
        assert counts(compute(month, now=at(today, 12)).outcomes) == expected
        seen += expected
    assert seen == Counter(retained=3, lost=2, pending=1, anonymous=5)
