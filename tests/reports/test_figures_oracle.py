"""The month figures' grouped SQL against SPEC §5/§6 worked out row by row in Python, on the
demo hotel (voided gestures, escalations, return visits, lost marks, a still-open month) in
its own zone with daylight saving and after moving it to zones on either side of UTC.

The grouped statements (``store.month_queries``) encode outcomes, severities and month
buckets as small integers; every figure they feed is compared here with the plain answer for
several months, so an encoding or bucketing slip shows as a wrong count or sum.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from recoverydesk.core.months import Month, month_range_utc
from recoverydesk.reports import figures as figures_module
from recoverydesk.reports.figures import NO_GESTURE, Breakdown, Figures, Outcomes, compute
from recoverydesk.services import _base, business
from recoverydesk.services.demo import build_demo
from recoverydesk.store import side_read
from recoverydesk.store.models import (
    BudgetChange,
    Category,
    Employee,
    Gesture,
    Incident,
    Void,
)
from tests.retention_oracle import incident_outcomes

END = Month(2026, 11)
TODAY = date(2026, 11, 20)  # the end month is still open: pending windows, provisional
MONTHS = (Month(2026, 11), Month(2026, 10), Month(2026, 8), Month(2026, 3), Month(2025, 11))


@dataclass
class Expected:
    """One month's figures worked out from the rows."""

    totals: Counter[str]
    by_category: dict[str, tuple[Counter[str], int, int]]
    by_severity: dict[str, tuple[Counter[str], int, int]]
    by_kind: dict[str, tuple[Counter[str], int, int]]
    reported: dict[int, Counter[str]]  # reporter id -> outcomes
    gestures: dict[int, tuple[int, int]]  # employee id -> (count, spend), by gesture moment
    escalations: dict[int, int]
    retained_customers: int
    proactive: int
    escalated_incidents: int
    spend: int


def counts(outcomes: Outcomes) -> Counter[str]:
    return +Counter(retained=outcomes.retained, lost=outcomes.lost, pending=outcomes.pending,
                    anonymous=outcomes.anonymous)


def table(rows: tuple[Breakdown, ...]) -> dict[str, tuple[Counter[str], int, int]]:
    return {b.key: (counts(b.outcomes), b.spend_minor, b.value_minor) for b in rows
            if b.outcomes.incidents or b.spend_minor}


def expected(month: Month, today: date) -> Expected:
    tz = _base.settings().tz
    outcome = incident_outcomes(month, today)
    voided = {v.gesture_id for v in Void.select()}
    live = [g for g in Gesture.select() if g.id not in voided]
    names = {c.id: c.name for c in Category.select()}
    by_category: dict[str, tuple[Counter[str], int, int]] = {}
    by_severity: dict[str, tuple[Counter[str], int, int]] = {}
    by_kind: dict[str, tuple[Counter[str], int, int]] = {}

    def add(rows: dict[str, tuple[Counter[str], int, int]], key: str, word: str | None,
            cost: int = 0, value: int = 0) -> None:
        seen, spend, worth = rows.get(key, (Counter(), 0, 0))
        rows[key] = (seen + Counter({word: 1}) if word else seen, spend + cost, worth + value)

    reported: dict[int, Counter[str]] = defaultdict(Counter)
    on_incident: dict[int, list[Gesture]] = defaultdict(list)
    for g in live:
        on_incident[g.incident_id].append(g)
    retained_customers, proactive, escalated = set(), 0, 0
    for incident in Incident.select().where(Incident.id.in_(list(outcome) or [0])):
        word = outcome[incident.id]
        reported[incident.reported_by_id][word] += 1
        add(by_category, names[incident.category_id], word)
        add(by_severity, incident.severity, word)
        proactive += bool(incident.proactive)
        if word == "retained":
            retained_customers.add(incident.customer_id)
        mine = on_incident.get(incident.id, [])
        escalated += any(g.approved_by_id is not None for g in mine)
        for g in mine:
            add(by_category, names[incident.category_id], None, g.cost_minor, g.value_minor or 0)
            add(by_severity, incident.severity, None, g.cost_minor, g.value_minor or 0)
            add(by_kind, g.kind, None, g.cost_minor, g.value_minor or 0)
        for kind in {g.kind for g in mine}:
            add(by_kind, kind, word)
        if not mine:
            add(by_kind, NO_GESTURE, word)
    start, end = month_range_utc(month, tz)
    gestures: dict[int, tuple[int, int]] = {}
    escalations: Counter[int] = Counter()
    for g in live:
        if start <= g.created_at < end:
            n, spend = gestures.get(g.employee_id, (0, 0))
            gestures[g.employee_id] = (n + 1, spend + g.cost_minor)
            if g.approved_by_id is not None:
                escalations[g.employee_id] += 1
    return Expected(
        totals=Counter(outcome.values()), by_category=by_category, by_severity=by_severity,
        by_kind=by_kind, reported=dict(reported), gestures=gestures,
        escalations=dict(escalations), retained_customers=len(retained_customers),
        proactive=proactive, escalated_incidents=escalated,
        spend=sum(s for _n, s in gestures.values()))


def assert_agrees(month: Month, today: date) -> Figures:
    figures = compute(month, now=datetime(today.year, today.month, today.day, 12, tzinfo=UTC))
    want = expected(month, today)
    assert counts(figures.outcomes) == want.totals
    assert table(figures.by_category) == want.by_category
    assert table(figures.by_severity) == want.by_severity
    assert table(figures.by_kind) == want.by_kind
    assert figures.retained_customers == want.retained_customers
    assert figures.proactive == want.proactive
    assert figures.escalated_incidents == want.escalated_incidents
    assert figures.spend_minor == want.spend
    assert figures.gestures == sum(n for n, _s in want.gestures.values())
    for row in figures.employees:
        mine = want.reported.get(row.id, Counter())
        assert (row.incidents, row.retained) == (sum(mine.values()), mine["retained"]), row.name
        assert (row.gestures, row.spent_minor) == want.gestures.get(row.id, (0, 0)), row.name
        assert row.escalations == want.escalations.get(row.id, 0), row.name
    listed = {row.id for row in figures.employees}
    assert set(want.reported) <= listed and set(want.gestures) <= listed
    # The series: each month's spend, outcomes and budget as that month's own answer.
    assert [p.month for p in figures.months][-1] == str(month)
    point_month = month
    for point in reversed(figures.months):
        own = want if point_month == month else expected(point_month, today)
        assert (point.month, counts(point.outcomes), point.spend_minor) == (
            str(point_month), own.totals, own.spend)
        assert point.budget_minor == sum(a or 0 for a in allowances(point_month).values())
        point_month = point_month.previous()
    mine = allowances(month)
    assert {row.id: row.allowance_minor for row in figures.employees} == {
        row.id: mine[row.id] for row in figures.employees}
    return figures


def allowances(month: Month) -> dict[int, int | None]:
    """SPEC §4: each employee's allowance in ``month`` (the latest budget change at or
    before it, plus last month's unused allowance when rollover is on), for those active or
    with spend in the month."""
    settings = _base.settings()

    def allowance(employee: int, when: Month) -> int | None:
        changes = [b for b in BudgetChange.select().where(BudgetChange.employee == employee)
                   if b.effective_month <= when.key()]
        return max(changes, key=lambda b: b.effective_month).allowance_minor if changes else 0

    def spent(employee: int, when: Month) -> int:
        start, end = month_range_utc(when, settings.tz)
        voided = {v.gesture_id for v in Void.select()}
        return sum(g.cost_minor for g in Gesture.select().where(
            (Gesture.employee == employee) & (Gesture.created_at >= start)
            & (Gesture.created_at < end)) if g.id not in voided)

    out: dict[int, int | None] = {}
    for person in Employee.select():
        if not person.active and not spent(person.id, month):
            continue
        now = allowance(person.id, month)
        if settings.rollover and now is not None:
            before = allowance(person.id, month.previous())
            if before is not None:
                unused = before - spent(person.id, month.previous())
                now += max(0, min(unused, now))
        out[person.id] = now
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("oracle") / "demo.db"
    summary = build_demo(path, months=14, end_month=END, today=TODAY, pin_cost=4)
    assert summary.voids > 0 and summary.escalations > 0 and summary.return_visits > 0
    yield path


@pytest.fixture
def opened(demo: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the demo file, open (tests may change its settings)."""
    copy = tmp_path / "demo.db"
    copy.write_bytes(demo.read_bytes())
    business.open_business(copy)
    yield copy
    business.close_business()


def owner_id() -> int:
    return Employee.get(Employee.role == "owner").id


@pytest.mark.parametrize("beside", [False, True], ids=["one connection", "side read"])
def test_figures_agree_with_the_rows_in_the_demo_zone(opened: Path, beside: bool,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """In Europe/Oslo (daylight saving from March to October) every family of figures and
    the 12-month series equal the row-by-row answer for five months, the open one included;
    voided gestures count nowhere. The demo's months are small, so the report month's groups
    are read on the caller's connection, unless the side read is forced on."""
    monkeypatch.setattr(figures_module, "SIDE_READ_MIN_INCIDENTS", 0 if beside else 10**9)
    beside = beside and side_read._cores() > 1  # one core: the caller reads it all
    assert _base.settings().timezone == "Europe/Oslo"
    assert bool(_side_threads()) is False
    seen = Counter[str]()
    for month in MONTHS:
        figures = assert_agrees(month, TODAY)
        seen += counts(figures.outcomes)
    assert min(seen[w] for w in ("retained", "lost", "pending", "anonymous")) > 0
    assert bool(_side_threads()) is beside


def _side_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("recoverydesk-side")]


@pytest.mark.parametrize("timezone", ["America/Los_Angeles", "Asia/Kolkata"])
def test_figures_agree_after_moving_the_business_to_another_zone(opened: Path,
                                                                 timezone: str) -> None:
    """After the time zone changes (months now start hours earlier or later, incidents near
    midnight change month and date), the figures still equal the row-by-row answer."""
    before = compute(Month(2026, 10), now=datetime(2026, 11, 20, 12, tzinfo=UTC))
    business.update_settings(owner_id(), timezone=timezone)
    after = compute(Month(2026, 10), now=datetime(2026, 11, 20, 12, tzinfo=UTC))
    assert after.timezone == timezone and before.timezone == "Europe/Oslo"
    for month in MONTHS:
        assert_agrees(month, TODAY)


def test_figures_agree_with_a_shorter_window_and_rollover(opened: Path) -> None:
    """A 14-day window closes most windows (more lost, fewer pending) and rollover on reads
    the month before the series too; the figures still equal the row-by-row answer."""
    business.update_settings(owner_id(), retention_days=14, rollover=True)
    for month in MONTHS:
        assert_agrees(month, TODAY)
