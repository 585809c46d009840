"""Aggregate SQL behind a month's report figures (SPEC §5, §6): one grouped statement per
figure family, so the cost grows with the months asked for, not with the whole history.

Moments are stored as naive UTC and dates as business-local ``YYYY-MM-DD``. Turning a stored
moment into its local date in SQL uses the zone's UTC offsets, which are constant between
daylight-saving transitions: :func:`local_date_sql` builds a ``CASE`` over the few transitions
of the period asked for (found with ``zoneinfo``), so no per-row Python is needed.

The SQL is SQLite's (``date(x, '+N seconds')``, ``julianday``); PostgreSQL would need its own
spelling of those three expressions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from recoverydesk.store.db import database


def _offset(tz: ZoneInfo, moment_utc: datetime) -> int:
    offset = moment_utc.replace(tzinfo=UTC).astimezone(tz).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


def offset_segments(tz: ZoneInfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """``[(from, offset_seconds), ...]`` of naive UTC moments: the zone's offset from each
    ``from`` until the next; the first entry starts at ``start``, and ``end`` bounds the walk.

    Offsets change at most a few times a year, so a day-by-day walk with a bisection at each
    change finds every transition to the second.
    """
    segments = [(start, _offset(tz, start))]
    day = start
    while day < end:
        nxt = min(day + timedelta(days=1), end)
        if _offset(tz, nxt) != segments[-1][1]:
            low, high = day, nxt  # offset(low) is the old one, offset(high) the new one
            while high - low > timedelta(seconds=1):
                mid = low + (high - low) / 2
                mid = mid.replace(microsecond=0)
                if mid <= low:
                    break
                if _offset(tz, mid) == segments[-1][1]:
                    low = mid
                else:
                    high = mid
            segments.append((high, _offset(tz, high)))
        day = nxt
    return segments


def _moment(value: datetime) -> str:
    """A naive UTC moment as the text peewee stores (for literals compared with columns)."""
    return value.isoformat(sep=" ")


def local_date_sql(column: str, tz: ZoneInfo, start: datetime, end: datetime) -> str:
    """SQL giving the business-local date (``YYYY-MM-DD``) of the naive UTC ``column``.

    Exact for moments in ``[start, end)``; outside it the nearest segment's offset is used.
    """
    segments = offset_segments(tz, start, end)
    if len(segments) == 1:
        return f"date({column}, '{segments[0][1]:+d} seconds')"
    parts = [f"WHEN {column} < '{_moment(boundary)}' THEN date({column}, '{offset:+d} seconds')"
             for (_, offset), (boundary, _) in pairwise(segments)]
    return f"CASE {' '.join(parts)} ELSE date({column}, '{segments[-1][1]:+d} seconds') END"


def bucket_sql(column: str, bounds: Sequence[datetime]) -> str:
    """SQL numbering the half-open ranges ``[bounds[k], bounds[k+1])`` as ``k``."""
    parts = [f"WHEN {column} < '{_moment(b)}' THEN {k}" for k, b in enumerate(bounds[1:])]
    return f"CASE {' '.join(parts)} END"


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    return list(database.execute_sql(sql, tuple(params)).fetchall())


@dataclass(frozen=True)
class Period:
    """The months a report reads: ``bounds`` are the naive UTC starts of consecutive local
    months plus the end of the last; the report month is the last range."""

    bounds: tuple[datetime, ...]
    tz: ZoneInfo
    retention_days: int
    today: date  # local date of the "as of" moment: windows up to it are open

    @property
    def months(self) -> int:
        return len(self.bounds) - 1


def _outcome_ctes(period: Period) -> str:
    """CTEs ending in ``o``: each incident of the period with its month index ``m`` and its
    SPEC §5 outcome. Parameters, in order: start, end, today."""
    lo, hi = period.bounds[0], period.bounds[-1]
    local_day = local_date_sql("i.reported_at", period.tz, lo, hi)
    month_index = bucket_sql("i.reported_at", period.bounds)
    window = f"'+{int(period.retention_days)} days'"
    return f"""inc AS NOT MATERIALIZED (
        SELECT i.id, i.customer_id AS cust, i.category_id AS cat, i.severity AS sev,
               i.reported_by_id AS emp, i.proactive AS pro, {local_day} AS d,
               {month_index} AS m
        FROM incident i WHERE i.reported_at >= ? AND i.reported_at < ?
    ), vis AS MATERIALIZED (
        SELECT inc.*, c.lost_on AS lost_on,
               (SELECT MIN(v.visited_on) FROM return_visit v
                 WHERE v.customer_id = inc.cust AND v.visited_on > inc.d
                   AND v.visited_on <= date(inc.d, {window})) AS fr
        FROM inc LEFT JOIN customer c ON c.id = inc.cust
    ), o AS MATERIALIZED (
        SELECT id, cust, cat, sev, emp, pro, m,
               CASE WHEN cust IS NULL THEN 'anonymous'
                    WHEN fr IS NOT NULL AND (lost_on IS NULL OR lost_on < d OR fr <= lost_on)
                         THEN 'retained'
                    WHEN lost_on IS NOT NULL AND lost_on >= d THEN 'lost'
                    WHEN date(d, {window}) < ? THEN 'lost'
                    ELSE 'pending' END AS outcome
        FROM vis
    )"""


def incident_outcomes(period: Period) -> list[tuple[Any, ...]]:
    """Retention outcomes (SPEC §5) of every incident in the period, grouped per family.

    Rows ``(family, key, outcome, incidents, spend, value, x1, x2)``:

    * ``series``: key = month index, per outcome;
    * for the last month only: ``total`` (x1 = distinct customers, x2 = escalated
      incidents; key = proactive incidents), ``category`` (key = category id),
      ``severity``, ``employee`` (key = reporter id), ``kind`` (key = gesture kind, NULL for
      incidents without a non-voided gesture; an incident counts under each kind it used).

    Spend and value are the non-voided gestures on those incidents (whatever their month).
    """
    lo, hi = period.bounds[0], period.bounds[-1]
    last = period.months - 1
    sql = f"""
    WITH {_outcome_ctes(period)}, gs AS MATERIALIZED (
        SELECT g.incident_id AS id, SUM(g.cost_minor) AS spend,
               SUM(COALESCE(g.value_minor, 0)) AS value,
               MAX(g.approved_by_id IS NOT NULL) AS escalated
        FROM gesture g LEFT JOIN void v ON v.gesture_id = g.id
        WHERE v.id IS NULL AND g.incident_id IN (SELECT id FROM o WHERE m = {last})
        GROUP BY g.incident_id
    ), mo AS MATERIALIZED (
        SELECT o.*, COALESCE(gs.spend, 0) AS spend, COALESCE(gs.value, 0) AS value,
               COALESCE(gs.escalated, 0) AS escalated, gs.id IS NOT NULL AS has_gesture
        FROM o LEFT JOIN gs ON gs.id = o.id WHERE o.m = {last}
    )
    SELECT 'series', m, outcome, COUNT(*), 0, 0, 0, 0 FROM o GROUP BY m, outcome
    UNION ALL
    SELECT 'total', SUM(pro), outcome, COUNT(*), SUM(spend), SUM(value),
           COUNT(DISTINCT cust), SUM(escalated) FROM mo GROUP BY outcome
    UNION ALL
    SELECT 'category', cat, outcome, COUNT(*), SUM(spend), SUM(value), 0, 0
      FROM mo GROUP BY cat, outcome
    UNION ALL
    SELECT 'severity', sev, outcome, COUNT(*), SUM(spend), SUM(value), 0, 0
      FROM mo GROUP BY sev, outcome
    UNION ALL
    SELECT 'employee', emp, outcome, COUNT(*), 0, 0, 0, 0 FROM mo GROUP BY emp, outcome
    UNION ALL
    SELECT 'kind', g.kind, mo.outcome, COUNT(DISTINCT mo.id), SUM(g.cost_minor),
           SUM(COALESCE(g.value_minor, 0)), 0, 0
      FROM mo JOIN gesture g ON g.incident_id = mo.id
      LEFT JOIN void v ON v.gesture_id = g.id
     WHERE v.id IS NULL GROUP BY g.kind, mo.outcome
    UNION ALL
    SELECT 'kind', NULL, outcome, COUNT(*), 0, 0, 0, 0 FROM mo WHERE NOT has_gesture
     GROUP BY outcome
    """
    return _rows(sql, (_moment(lo), _moment(hi), period.today.isoformat()))


def gesture_totals(bounds: Sequence[datetime]) -> list[tuple[int, int, int, int, int]]:
    """Non-voided gestures per (month index, employee): ``(m, employee, count, spend,
    approved)``, each gesture in the month of its own moment (SPEC §4)."""
    sql = f"""
    SELECT {bucket_sql('g.created_at', bounds)} AS m, g.employee_id, COUNT(*),
           SUM(g.cost_minor), SUM(g.approved_by_id IS NOT NULL)
    FROM gesture g LEFT JOIN void v ON v.gesture_id = g.id
    WHERE g.created_at >= ? AND g.created_at < ? AND v.id IS NULL
    GROUP BY m, g.employee_id
    """
    return [(int(m), int(e), int(n), int(s), int(a))
            for m, e, n, s, a in _rows(sql, (_moment(bounds[0]), _moment(bounds[-1])))]


def budget_changes() -> list[tuple[int, int, int | None]]:
    """Every budget change ``(employee, effective YYYYMM, allowance)``, oldest first.

    The history is a handful of rows per employee, so it is read whole.
    """
    return [(int(e), int(m), a) for e, m, a in _rows(
        "SELECT employee_id, effective_month, allowance_minor FROM budget_change "
        "ORDER BY employee_id, effective_month", ())]


def employees() -> list[tuple[int, str, str, bool]]:
    """``(id, name, role, active)`` of everyone, by name."""
    return [(int(i), n, r, bool(a)) for i, n, r, a in _rows(
        "SELECT id, name, role, active FROM employee ORDER BY name", ())]


def categories() -> dict[int, str]:
    return {int(i): n for i, n in _rows("SELECT id, name FROM category", ())}


def median_resolution_minutes(start: datetime, end: datetime) -> float | None:
    """Median minutes from report to resolution over incidents reported in ``[start, end)``
    and resolved so far; ``None`` if none is resolved."""
    sql = """
    SELECT AVG(mins) FROM (
        SELECT mins, ROW_NUMBER() OVER (ORDER BY mins) AS rn, COUNT(*) OVER () AS cnt FROM (
            SELECT (julianday(resolved_at) - julianday(reported_at)) * 1440.0 AS mins
            FROM incident WHERE reported_at >= ? AND reported_at < ?
              AND resolved_at IS NOT NULL))
    WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)
    """
    row = _rows(sql, (_moment(start), _moment(end)))
    return None if not row or row[0][0] is None else float(row[0][0])


def followups_on_time(first: date, last: date, today: date, tz: ZoneInfo) -> tuple[int, int]:
    """``(counted, on_time)`` over follow-ups due from ``first`` to ``last`` (local dates).

    Counted: those done, and those whose due date has passed (``< today``): one still due
    today may yet be done on time. On time: done by the end of the local due date.
    """
    start = datetime.combine(first, datetime.min.time()) - timedelta(days=2)
    end = datetime.combine(last, datetime.min.time()) + timedelta(days=3)
    done_day = local_date_sql("f.done_at", tz, start, end)
    sql = f"""
    SELECT COUNT(*), COALESCE(SUM(f.done_at IS NOT NULL AND {done_day} <= f.due_on), 0)
    FROM follow_up f WHERE f.due_on >= ? AND f.due_on <= ?
      AND (f.done_at IS NOT NULL OR f.due_on < ?)
    """
    row = _rows(sql, (first.isoformat(), last.isoformat(), today.isoformat()))[0]
    return int(row[0]), int(row[1])


@dataclass(frozen=True)
class IncidentLine:
    """One incident of the month for the report's list."""

    id: int
    reported_at: datetime
    employee: str
    category: str
    customer: str | None  # None: anonymous; "": erased
    severity: str
    kinds: str  # comma-separated kinds of its non-voided gestures
    cost_minor: int
    outcome: str  # retained | lost | pending | anonymous
    description: str


def month_incidents(period: Period) -> Iterator[IncidentLine]:
    """The incidents of the period's last month with their outcome, oldest first, streamed
    from a cursor (``period`` may be that one month alone)."""
    last = period.months - 1
    sql = f"""
    WITH {_outcome_ctes(period)}
    SELECT i.id, i.reported_at, e.name, c.name, i.customer_id, cu.name, i.severity,
           (SELECT GROUP_CONCAT(DISTINCT g.kind) FROM gesture g
             LEFT JOIN void v ON v.gesture_id = g.id
             WHERE g.incident_id = i.id AND v.id IS NULL),
           (SELECT COALESCE(SUM(g.cost_minor), 0) FROM gesture g
             LEFT JOIN void v ON v.gesture_id = g.id
             WHERE g.incident_id = i.id AND v.id IS NULL),
           o.outcome, i.description
    FROM o JOIN incident i ON i.id = o.id JOIN employee e ON e.id = i.reported_by_id
    JOIN category c ON c.id = i.category_id LEFT JOIN customer cu ON cu.id = i.customer_id
    WHERE o.m = {last} ORDER BY i.reported_at, i.id
    """
    params = (_moment(period.bounds[0]), _moment(period.bounds[-1]), period.today.isoformat())
    for row in database.execute_sql(sql, params):
        (ident, at, employee, category, customer_id, customer, severity, kinds, cost, outcome,
         description) = row
        yield IncidentLine(
            id=int(ident), reported_at=_as_datetime(at), employee=employee, category=category,
            customer=None if customer_id is None else (customer or ""), severity=severity,
            kinds=kinds or "", cost_minor=int(cost), outcome=outcome, description=description)


@dataclass(frozen=True)
class GestureLine:
    """One gesture of the month for the CSV export."""

    id: int
    created_at: datetime
    employee: str
    category: str
    customer: str | None  # None: anonymous; "": erased
    kind: str
    description: str
    cost_minor: int
    value_minor: int | None
    approved_by: str | None
    voided: bool


def month_gestures(start: datetime, end: datetime) -> Iterator[GestureLine]:
    """Every gesture made in ``[start, end)`` (voided ones too, marked), oldest first."""
    sql = """
    SELECT g.id, g.created_at, e.name, c.name, i.customer_id, cu.name, g.kind, g.description,
           g.cost_minor, g.value_minor, a.name, v.id IS NOT NULL
    FROM gesture g JOIN incident i ON i.id = g.incident_id
    JOIN employee e ON e.id = g.employee_id JOIN category c ON c.id = i.category_id
    LEFT JOIN customer cu ON cu.id = i.customer_id
    LEFT JOIN employee a ON a.id = g.approved_by_id
    LEFT JOIN void v ON v.gesture_id = g.id
    WHERE g.created_at >= ? AND g.created_at < ? ORDER BY g.created_at, g.id
    """
    for row in database.execute_sql(sql, (_moment(start), _moment(end))):
        (ident, at, employee, category, customer_id, customer, kind, description, cost, value,
         approver, voided) = row
        yield GestureLine(
            id=int(ident), created_at=_as_datetime(at), employee=employee, category=category,
            customer=None if customer_id is None else (customer or ""), kind=kind,
            description=description, cost_minor=int(cost),
            value_minor=None if value is None else int(value), approved_by=approver,
            voided=bool(voided))


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def count_incidents() -> int:
    """``SELECT COUNT(*)`` over incidents (the benchmarks' floor)."""
    return int(_rows("SELECT COUNT(*) FROM incident", ())[0][0])
