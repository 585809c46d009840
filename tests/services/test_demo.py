"""The demo business (SPEC §8 ``recoverydesk demo``): built through the services, deterministic."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from peewee import fn

from recoverydesk.core import pins
from recoverydesk.core.domain import GESTURE_KINDS
from recoverydesk.core.months import Month, local_date, utc_naive
from recoverydesk.errors import StorageError, ValidationError
from recoverydesk.services import audit_log, auth, business, check, demo, team
from recoverydesk.services.demo import DEMO_PEOPLE, DemoSummary, build_demo, demo_moment
from recoverydesk.store import models
from recoverydesk.store.models import (
    AuditEntry,
    BudgetChange,
    Customer,
    Employee,
    FollowUp,
    Gesture,
    Incident,
    ReturnVisit,
    Void,
)

FAST = 4  # PIN hash cost: the shop default would make every hash tens of milliseconds
END, TODAY = Month(2026, 10), date(2026, 11, 26)
MOMENT = demo_moment(END, TODAY)


def build(path: Path, **options: Any) -> DemoSummary:
    settings: dict[str, Any] = {"pin_cost": FAST, "end_month": END, "today": TODAY}
    return build_demo(path, **(settings | options))


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    """One 12-month demo shared by the read-only tests (building takes a few seconds)."""
    path = tmp_path_factory.mktemp("demo") / "hotel.db"
    return path, build(path)


@pytest.fixture
def opened(year: tuple[Path, DemoSummary]) -> Iterator[DemoSummary]:
    business.open_business(year[0])
    yield year[1]
    business.close_business()


def dump(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, except what is salted, random or from the wall clock."""
    salted = {"schema_version": {"applied_at"}, "employee": {"pin_hash", "recovery_key_hash"}}
    business.open_business(path)
    try:
        tables = {}
        for model in models.ALL_MODELS:
            name = model._meta.table_name
            rows = model.select().order_by(*model._meta.sorted_fields[:1]).dicts()
            tables[name] = [{k: v for k, v in row.items() if k not in salted.get(name, set())}
                            for row in rows]
        return tables
    finally:
        business.close_business()


def test_a_year_has_the_counts_the_spec_asks_for(opened: DemoSummary) -> None:
    """12 months: owner + manager + 6–8 staff, a few hundred incidents, ~80–120 customers,
    voids, escalations, return visits and follow-ups; the summary matches the database."""
    s = opened
    staff = Employee.select().where(Employee.role == "staff").count()
    owners = Employee.select().where(Employee.role == "owner").count()
    assert 6 <= staff <= 8 and owners == 2 and s.employees == staff + owners
    assert 250 <= s.incidents <= 500 and 80 <= s.customers <= 120
    assert s.voids > 0 and s.escalations > 0 and s.return_visits > 0 and s.followups > 0
    assert (s.months, s.end_month, s.business) == (12, "2026-10", "Hotel Fjordlys")
    assert (Incident.select().count(), Gesture.select().count(), Void.select().count(),
            Customer.select().count(), ReturnVisit.select().count(),
            FollowUp.select().count()) == (s.incidents, s.gestures, s.voids, s.customers,
                                           s.return_visits, s.followups)
    assert Gesture.select().where(Gesture.approved_by.is_null(False)).count() == s.escalations
    with_customer = Incident.select().where(Incident.customer.is_null(False)).count()
    assert 0.65 <= with_customer / s.incidents <= 0.85
    proactive = Incident.select().where(Incident.proactive == True).count()  # noqa: E712
    assert 0.2 <= proactive / s.incidents <= 0.4


def test_the_demo_passes_check_and_its_audit_chain_is_intact(opened: DemoSummary) -> None:
    """Written only through the services: ``check`` finds no problem, the chain verifies."""
    assert check.run_check() == []
    assert audit_log.verify_chain().intact


def test_names_in_several_scripts_are_employees(opened: DemoSummary) -> None:
    """Polish, Nordic, Cyrillic, Chinese and Irish names are on the team."""
    names = " ".join(e.name for e in team.list_employees())
    for part in ("Zażółć", "Øberg", "Иван", "王小明", "O'Brien", "François Müller"):
        assert part in names


def test_every_gesture_kind_occurs(opened: DemoSummary) -> None:
    """Each kind of SPEC §3 (refund … other) is used by at least one gesture."""
    kinds = {kind for (kind,) in Gesture.select(Gesture.kind).distinct().tuples()}
    assert kinds == set(GESTURE_KINDS)


def test_every_demo_person_signs_in_with_the_listed_pin(opened: DemoSummary) -> None:
    """The names and PINs the README lists work at the sign-in screen, with their roles."""
    assert len(DEMO_PEOPLE) == opened.employees
    for person in DEMO_PEOPLE:
        employee = team.employee_by_name(person.name)
        signed_in = auth.sign_in(employee.id, person.pin, now=MOMENT)
        assert (signed_in.name, signed_in.role) == (person.name, person.role)


def test_the_retention_and_erasure_stories_are_visible(opened: DemoSummary) -> None:
    """Visits before an incident and after the 90-day window, lost and erased customers,
    overdue open follow-ups, over-limit approvals by another owner, and a budget raise."""
    tz = business.get_settings().tz
    incidents = list(Incident.select().where(Incident.customer.is_null(False)))
    visits: dict[int, list[date]] = {}
    for visit in ReturnVisit.select():
        visits.setdefault(visit.customer_id, []).append(visit.visited_on)
    days = [(local_date(i.reported_at, tz), visits.get(i.customer_id, [])) for i in incidents]
    assert any(v < day for day, vs in days for v in vs)
    assert any(v > day + timedelta(days=90) for day, vs in days for v in vs)
    retained = sum(any(day < v <= day + timedelta(days=90) for v in vs) for day, vs in days)
    assert 0.5 <= retained / len(days) <= 0.9
    assert Customer.select().where(Customer.lost_on.is_null(False)).count() >= 1
    erased = Customer.get(Customer.erased_at.is_null(False))
    assert (erased.name, erased.phone, erased.email, erased.notes) == ("", "", "", "")
    overdue = FollowUp.select().where(FollowUp.done_at.is_null()
                                      & (FollowUp.due_on < TODAY - timedelta(days=30)))
    assert overdue.count() > 0
    assert FollowUp.select().where(FollowUp.done_at.is_null(False)).count() > 0
    approved = list(Gesture.select().where(Gesture.approved_by.is_null(False)))
    assert all(g.approved_by_id != g.employee_id for g in approved)
    assert BudgetChange.select().count() > opened.employees


def test_nothing_is_after_the_demo_moment(opened: DemoSummary) -> None:
    """No incident, gesture, void, follow-up, visit or audit entry is after the demo moment."""
    limit = utc_naive(MOMENT)
    assert limit == datetime(2026, 10, 31, 22, 59, 59)  # 23:59:59 in Oslo
    for column in (Incident.reported_at, Incident.resolved_at, Gesture.created_at,
                   Void.voided_at, FollowUp.done_at, ReturnVisit.recorded_at, AuditEntry.at):
        latest = column.model.select(fn.MAX(column)).scalar()
        assert latest is not None and latest <= limit, column
    assert ReturnVisit.select(fn.MAX(ReturnVisit.visited_on)).scalar() <= date(2026, 10, 31)
    assert Incident.select(fn.MIN(Incident.reported_at)).scalar() >= datetime(2025, 10, 31, 23)


def test_the_same_seed_gives_the_same_content_and_another_seed_does_not(
        tmp_path: Path) -> None:
    """Two builds with one seed and end month are identical row for row (ids, audit hashes);
    a different seed gives different content."""
    first, again, other = (tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db")
    summaries = [build(path, months=3, seed=seed)
                 for path, seed in ((first, 7), (again, 7), (other, 8))]
    assert replace(summaries[0], path="") == replace(summaries[1], path="")
    tables = dump(first)
    assert tables == dump(again)
    assert tables["audit_entry"][-1]["hash"] == dump(again)["audit_entry"][-1]["hash"]
    different = dump(other)
    assert tables["audit_entry"] != different["audit_entry"]
    assert tables["incident"] != different["incident"]


def test_an_existing_target_is_refused_and_left_untouched(tmp_path: Path) -> None:
    """``build_demo`` never overwrites: an existing file gives StorageError, bytes unchanged."""
    path = tmp_path / "mine.db"
    path.write_bytes(b"someone's data")
    with pytest.raises(StorageError):
        build(path, months=1)
    assert path.read_bytes() == b"someone's data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.db"]


@pytest.mark.parametrize("months", [0, 61, -3])
def test_months_outside_1_to_60_are_refused_before_anything_is_written(
        tmp_path: Path, months: int) -> None:
    """``months`` must be 1..60: a ValidationError naming the field, and no file."""
    with pytest.raises(ValidationError) as err:
        build(tmp_path / "demo.db", months=months)
    assert err.value.field == "months"
    assert not (tmp_path / "demo.db").exists()


def test_a_failure_midway_removes_the_half_made_file(tmp_path: Path) -> None:
    """If generation fails (here: the progress callback raises), no half-made file is left."""
    def cancel(done: int, total: int, label: str) -> None:
        if done == 5:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        build(tmp_path / "demo.db", months=1, progress=cancel)
    assert list(tmp_path.iterdir()) == []
    # The database was closed: a new business can be opened right away.
    build(tmp_path / "demo.db", months=1)


def test_progress_is_reported_per_day_and_today_is_excluded(tmp_path: Path) -> None:
    """In the current month the demo ends at the start of today: one progress call per day
    before it, and nothing on or after today."""
    calls: list[tuple[int, int, str]] = []
    summary = build(tmp_path / "demo.db", months=1, end_month=Month(2026, 11),
                    progress=lambda *args: calls.append(args))
    assert calls[0] == (1, 25, "2026-11-01") and calls[-1] == (25, 25, "2026-11-25")
    assert len(calls) == 25 and summary.incidents > 0
    moment = demo_moment(Month(2026, 11), TODAY)
    assert moment == datetime(2026, 11, 25, 23, 0, tzinfo=UTC)
    business.open_business(tmp_path / "demo.db")
    try:
        assert AuditEntry.select(fn.MAX(AuditEntry.at)).scalar() <= utc_naive(moment)
    finally:
        business.close_business()


def test_demo_pin_cost_is_the_shop_default() -> None:
    """Unless told otherwise the demo hashes PINs as slowly as a real shop."""
    assert demo.DEMO_PIN_COST == pins.DEFAULT_PIN_COST


def test_an_end_month_in_the_future_is_refused(tmp_path: Path) -> None:
    """A demo cannot end after the current month: its content would be cut short silently."""
    target = tmp_path / "future.db"
    with pytest.raises(ValidationError, match="future"):
        build_demo(target, end_month=Month(2026, 12), today=date(2026, 11, 26), pin_cost=4)
    assert not target.exists()


def test_followups_missed_on_time_are_mostly_called_late(opened: DemoSummary) -> None:
    """Some follow-ups are late (the on-time share is a figure worth showing), but like a
    real front desk the hotel catches up: only the last weeks' follow-ups are still open,
    not a year of them, and the customers table includes Hindi and Thai guests."""
    last_day = MOMENT.date()
    done = FollowUp.select().where(FollowUp.done_at.is_null(False))
    late = [f for f in done if f.done_at.date() > f.due_on]
    open_ = list(FollowUp.select().where(FollowUp.done_at.is_null()))
    assert 0.1 <= len(late) / done.count() <= 0.7
    assert open_ and all((last_day - f.due_on).days <= 40 for f in open_)
    names = " ".join(c.name for c in Customer.select())
    assert re.search("[\u0900-\u097f]", names) and re.search("[\u0e00-\u0e7f]", names)


def test_the_reports_show_the_value_kept_and_the_return_on_spend(opened: DemoSummary) -> None:
    """The demo sets a guest's yearly value, so a closed month proves what its spend bought:
    value kept = distinct retained guests x that value, ROI from it and the month's spend."""
    from recoverydesk.reports import figures

    assert business.get_settings().avg_customer_value_minor == demo.AVG_CUSTOMER_VALUE_MINOR
    month = END.previous().previous().previous().previous()  # every window closed by TODAY
    f = figures.compute(month, now=datetime.combine(TODAY, datetime.min.time(), UTC))
    assert not f.provisional and f.outcomes.retained > 0
    assert f.value_kept_minor == f.retained_customers * demo.AVG_CUSTOMER_VALUE_MINOR
    assert f.roi == pytest.approx((f.value_kept_minor - f.spend_minor) / f.spend_minor)


def test_five_years_bring_new_guests_and_no_guest_holds_the_hotels_incidents(
        tmp_path: Path) -> None:
    """Over 60 months the hotel keeps getting new guests, each with a name of their own,
    and no guest holds a share of the incidents no real guest would. The old generator
    kept 100 guests for five years, and the last regular not yet lost took a third of the
    known-customer incidents: 352 for one guest."""
    summary = build(tmp_path / "five.db", months=60)
    assert summary.customers == 300
    business.open_business(tmp_path / "five.db")
    try:
        names = [c.name for c in Customer.select() if c.erased_at is None]
        assert len(names) == len(set(names))
        per_guest = [n for (n,) in Incident.select(fn.COUNT(Incident.id)).where(
            Incident.customer.is_null(False)).group_by(Incident.customer).tuples()]
        assert sum(per_guest) > 1000
        assert max(per_guest) <= 0.05 * sum(per_guest)
    finally:
        business.close_business()
