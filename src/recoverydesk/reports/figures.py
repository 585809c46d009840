"""A month's report figures (SPEC §5, §6) as one frozen record the PDF, the CLI and the GUI
share.

Everything is computed with a few grouped SQL statements (``store.month_queries``): the
incidents of the report month and of the eleven before it with their retention outcome, the
gestures of those months per employee, the budget history, the median resolution time and the
follow-ups. Nothing here loads the month's rows one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from recoverydesk.core.budget import NO_BUDGET, Budget, effective_allowance, rollover_carry
from recoverydesk.core.domain import GESTURE_KINDS, SEVERITIES
from recoverydesk.core.months import Month, local_date, month_range_utc, zone
from recoverydesk.core.retention import Rate, divide_round, retention, share
from recoverydesk.errors import StorageError, ValidationError
from recoverydesk.store import ledger, month_queries
from recoverydesk.store.month_queries import Period
from recoverydesk.store.side_read import SideRead

Progress = Callable[[int, int, str], None]
SERIES_MONTHS = 12
NO_GESTURE = "no_gesture"
# A Month runs from 1900-01 to 9998-12. A report reads the 13 months before its own (the
# series and the rollover carry into its first month) and ends where the next one starts.
FIRST_REPORT_MONTH, LAST_REPORT_MONTH = Month(1901, 2), Month(9998, 11)
# From this many incidents in the report month its groups run beside the other statements
# (``store.side_read``); below it the second thread cost as much as it saved (measured on a
# 2-core VM: 170 incidents 2 ms slower, 510 even, 1,700 about 10 ms faster, of 33).
SIDE_READ_MIN_INCIDENTS = 500


def check_reportable(month: Month) -> None:
    """Refuse, with the range in the message, a month too early or late to report on."""
    if not FIRST_REPORT_MONTH <= month <= LAST_REPORT_MONTH:
        raise ValidationError(f"Reports cover the months {FIRST_REPORT_MONTH} to "
                              f"{LAST_REPORT_MONTH}; {month} is outside them.", "month")


@dataclass(frozen=True)
class Outcomes:
    """How a group of incidents ended (SPEC §5); ``retention`` excludes pending/anonymous."""

    incidents: int
    retained: int
    lost: int
    pending: int
    anonymous: int
    retention: Rate


@dataclass(frozen=True)
class Breakdown:
    """One row of the by-category / by-kind / by-severity tables.

    ``key`` is the category name, the gesture kind (``no_gesture`` for incidents without a
    non-voided gesture) or the severity. Spend and value are the non-voided gestures on these
    incidents.
    """

    key: str
    spend_minor: int
    value_minor: int
    outcomes: Outcomes


@dataclass(frozen=True)
class EmployeeFigures:
    """One row of the per-employee table. ``allowance_minor`` includes any rollover carry and
    is ``None`` for no limit (then ``remaining_minor`` is ``None`` too)."""

    id: int
    name: str
    role: str
    active: bool
    allowance_minor: int | None
    carry_minor: int
    spent_minor: int
    remaining_minor: int | None
    incidents: int
    gestures: int
    escalations: int
    retained: int


@dataclass(frozen=True)
class MonthPoint:
    """One month of the 12-month series."""

    month: str
    spend_minor: int
    budget_minor: int
    outcomes: Outcomes


@dataclass(frozen=True)
class Figures:
    """Everything the monthly report says, as of ``as_of`` (naive UTC).

    Money is in minor units of ``currency``; shares are 0..1 or ``None`` when undefined.
    ``provisional`` is true while retention windows of the month's incidents are open.
    """

    business: str
    currency: str
    locale: str
    timezone: str
    month: str
    as_of: datetime
    retention_days: int
    avg_customer_value_minor: int | None
    incidents: int
    gestures: int
    spend_minor: int
    budget_minor: int
    outcomes: Outcomes
    retained_customers: int
    cost_per_retained_minor: int | None
    value_kept_minor: int | None
    roi: float | None
    escalations: int
    escalated_incidents: int
    front_line_share: float | None
    median_resolution_minutes: float | None
    proactive: int
    proactive_share: float | None
    followups_counted: int
    followups_on_time: int
    followups_on_time_share: float | None
    employees: tuple[EmployeeFigures, ...]
    by_category: tuple[Breakdown, ...]
    by_kind: tuple[Breakdown, ...]
    by_severity: tuple[Breakdown, ...]
    months: tuple[MonthPoint, ...]

    @property
    def provisional(self) -> bool:
        return self.outcomes.pending > 0


def _outcomes(counts: dict[str, int]) -> Outcomes:
    retained, lost = counts.get("retained", 0), counts.get("lost", 0)
    return Outcomes(incidents=sum(counts.values()), retained=retained, lost=lost,
                    pending=counts.get("pending", 0), anonymous=counts.get("anonymous", 0),
                    retention=retention(retained, lost))


class _Group:
    """Accumulates outcome counts, spend and value of one table row."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)
        self.spend = 0
        self.value = 0

    def add(self, outcome: str, n: int, spend: int, value: int) -> None:
        self.counts[outcome] += n
        self.spend += spend
        self.value += value

    def breakdown(self, key: str) -> Breakdown:
        return Breakdown(key, self.spend, self.value, _outcomes(self.counts))


def _budgets(history: list[tuple[int, int | None]], keys: list[int]) -> list[Budget]:
    """The budget in force in each month of ``keys`` (ascending ``YYYYMM``): the latest
    change at or before it (SPEC §4). One walk of the history (sorted by month)."""
    budgets = []
    budget, index = NO_BUDGET, 0
    for key in keys:
        while index < len(history) and history[index][0] <= key:
            budget = Budget(history[index][1], None)
            index += 1
        budgets.append(budget)
    return budgets


def _allowances(history: list[tuple[int, int | None]], keys: list[int],
                spent: list[int], rollover: bool) -> list[tuple[int | None, int]]:
    """Per month of ``keys`` after the first: the allowance in force (with rollover carry
    when on) and the carry itself; ``spent`` is the spend in each of those months."""
    budgets = _budgets(history, keys)
    if not rollover:
        return [(effective_allowance(budget, 0), 0) for budget in budgets[1:]]
    out = []
    for index in range(1, len(keys)):
        carry = rollover_carry(budgets[index - 1], spent[index - 1], budgets[index])
        out.append((effective_allowance(budgets[index], carry), carry))
    return out


def compute(month: Month, *, now: datetime | None = None,
            progress: Progress | None = None) -> Figures:
    """The figures of ``month`` as of ``now`` (default: the clock), on the open database.

    Args:
        progress: called as ``progress(done, total, label)`` after each query family.

    Raises:
        ValidationError: ``month`` is outside the reportable range.
    """
    check_reportable(month)
    settings = ledger.settings_row()
    if settings is None:
        raise StorageError("This database has no business set up.")
    month_queries.check_moments_placeable()
    tz = zone(settings["timezone"])
    if now is None:
        as_of = datetime.now(UTC).replace(tzinfo=None)
    else:
        as_of = now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now
    today = local_date(as_of, tz)
    rollover = bool(settings["rollover"])
    months = [month]
    for _ in range(SERIES_MONTHS):  # the series plus the month before it (rollover carry)
        months.insert(0, months[0].previous())
    bounds = (*(month_range_utc(m, tz)[0] for m in months), month_range_utc(month, tz)[1])
    window = int(settings["retention_days"])
    steps = 4

    def step(done: int, label: str) -> None:
        if progress is not None:
            progress(done, steps, label)

    report_period = Period(bounds[-2:], tz, window, today)
    # The report month's groups, the longest statement, run on a second connection
    # meanwhile, once the month is big enough to gain from it.
    big = month_queries.incidents_between(*bounds[-2:]) >= SIDE_READ_MIN_INCIDENTS
    with month_queries.roomy_cache(), SideRead(
            lambda: month_queries.month_outcomes(report_period),
            setup=month_queries.widen_cache, beside=big) as groups_read:
        step(0, "Retention outcomes")
        # The series' months before the report month; its own outcomes are the totals.
        series_rows = month_queries.series_outcomes(Period(bounds[1:-1], tz, window, today))
        step(1, "Spend per employee")
        # Without rollover no figure needs the month before the series: skip its gestures.
        first = 0 if rollover else 1
        gesture_rows = [(m + first, e, n, s) for m, e, n, s in
                        month_queries.gesture_totals(bounds[first:])]
        approved = month_queries.escalations(bounds[-2], bounds[-1])
        step(2, "Budgets")
        people = month_queries.employees()
        history: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
        for employee_id, effective, allowance in month_queries.budget_changes():
            history[employee_id].append((effective, allowance))
        category_names = month_queries.categories()
        step(3, "Follow-ups")
        last_day = month.next().first_day().toordinal() - 1
        counted, on_time = month_queries.followups_on_time(
            month.first_day(), datetime.fromordinal(last_day).date(), today, tz)
        month_groups = groups_read.result()
    step(4, "Done")

    # Per employee: spend in each month of `months`, and gestures in the report month.
    spent_by: dict[int, list[int]] = {}
    gestures_by: dict[int, int] = defaultdict(int)
    for m, e, n, s in gesture_rows:
        if e not in spent_by:
            spent_by[e] = [0] * len(months)
        spent_by[e][m] = s
        if m == SERIES_MONTHS:
            gestures_by[e] = n
    series_counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m, outcome, n in series_rows:
        series_counts[m][outcome] += n
    totals: dict[str, int] = defaultdict(int)
    with_gesture: dict[str, int] = defaultdict(int)
    retained_customers = retained_spend = proactive = escalated = 0
    groups: dict[str, dict[Any, _Group]] = {f: defaultdict(_Group) for f in
                                            ("category", "severity", "kind", "employee")}
    for family, key, outcome, n, a, b, c in month_groups.rows:
        n, a, b = int(n), int(a or 0), int(b or 0)
        if family == "total":
            totals[outcome] += n
            proactive += a
            if outcome == "retained":
                retained_customers = b
        elif family == "g:total":
            with_gesture[outcome] += n
            escalated += int(c or 0)
            if outcome == "retained":
                retained_spend = a
        elif family.startswith("g:"):  # spend and value of a category/severity row
            groups[family[2:]][key].add(outcome, 0, a, b)
        else:  # incident counts; for kinds also their spend and value
            groups[family][key].add(outcome, n, a, b)
    series_counts[SERIES_MONTHS - 1] = totals
    for outcome, n in totals.items():  # incidents without a non-voided gesture
        if n > with_gesture[outcome]:
            groups["kind"][None].add(outcome, n - with_gesture[outcome], 0, 0)

    report_index = SERIES_MONTHS  # index of `month` in `months`
    employees: list[EmployeeFigures] = []
    month_spend = [0] * len(months)
    budget = [0] * len(months)
    keys = [m.key() for m in months]
    nothing = [0] * len(months)
    for employee_id, name, role, active in people:
        spent = spent_by.get(employee_id, nothing)
        allowances = _allowances(history[employee_id], keys, spent, rollover)
        for index in range(1, len(months)):
            month_spend[index] += spent[index]
            if active or spent[index]:
                budget[index] += allowances[index - 1][0] or 0
        n = gestures_by.get(employee_id, 0)
        counts = groups["employee"].get(employee_id)
        incidents = sum(counts.counts.values()) if counts else 0
        if not active and not n and not incidents:
            continue
        allowance, carry = allowances[report_index - 1]
        employees.append(EmployeeFigures(
            id=employee_id, name=name, role=role, active=active, allowance_minor=allowance,
            carry_minor=carry, spent_minor=spent[report_index],
            remaining_minor=None if allowance is None else allowance - spent[report_index],
            incidents=incidents, gestures=n, escalations=approved.get(employee_id, 0),
            retained=counts.counts.get("retained", 0) if counts else 0))

    points = [MonthPoint(str(months[index]), month_spend[index], budget[index],
                         _outcomes(series_counts[index - 1])) for index in range(1, len(months))]
    current = points[-1]

    outcomes = _outcomes(totals)
    avg_value = settings["avg_customer_value_minor"]
    value_kept = None if avg_value is None else retained_customers * int(avg_value)
    kinds = groups["kind"]
    by_kind = [kinds[k].breakdown(k) for k in GESTURE_KINDS if k in kinds]
    by_kind.append((kinds[None] if None in kinds else _Group()).breakdown(NO_GESTURE))
    return Figures(
        business=settings["name"], currency=settings["currency"], locale=settings["locale"],
        timezone=settings["timezone"], month=str(month), as_of=as_of,
        retention_days=window,
        avg_customer_value_minor=None if avg_value is None else int(avg_value),
        incidents=outcomes.incidents,
        gestures=sum(gestures_by.values()),
        spend_minor=current.spend_minor,
        budget_minor=sum(e.allowance_minor or 0 for e in employees),
        outcomes=outcomes, retained_customers=retained_customers,
        cost_per_retained_minor=(divide_round(retained_spend, retained_customers)
                                 if retained_customers else None),
        value_kept_minor=value_kept,
        roi=None if value_kept is None or current.spend_minor == 0
        else (value_kept - current.spend_minor) / current.spend_minor,
        escalations=sum(e.escalations for e in employees),
        escalated_incidents=escalated,
        front_line_share=share(outcomes.incidents - escalated, outcomes.incidents),
        median_resolution_minutes=month_groups.median_resolution_minutes,
        proactive=proactive, proactive_share=share(proactive, outcomes.incidents),
        followups_counted=counted, followups_on_time=on_time,
        followups_on_time_share=share(on_time, counted),
        employees=tuple(employees),
        by_category=tuple(sorted((g.breakdown(category_names.get(int(k), str(k)))
                                  for k, g in groups["category"].items()),
                                 key=lambda b: (-b.outcomes.incidents, b.key))),
        by_kind=tuple(by_kind),
        by_severity=tuple(groups["severity"][s].breakdown(s) for s in SEVERITIES),
        months=tuple(points))
