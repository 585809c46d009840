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
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from recoverydesk.store.db import database


def _offset(tz: ZoneInfo, moment_utc: datetime) -> int:
    offset = moment_utc.replace(tzinfo=UTC).astimezone(tz).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


@lru_cache(maxsize=64)
def offset_segments(tz: ZoneInfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """``[(from, offset_seconds), ...]`` of naive UTC moments: the zone's offset from each
    ``from`` until the next; the first entry starts at ``start``, and ``end`` bounds the walk.

    Offsets change at most a few times a year, so a day-by-day walk with a bisection at each
    change finds every transition to the second. Cached: a report asks for the same months
    again. Callers must not modify the returned list.
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


def sql_moment(value: datetime) -> str:
    """A naive UTC moment as the text peewee stores (for literals compared with columns)."""
    return value.isoformat(sep=" ")


def local_date_sql(column: str, tz: ZoneInfo, start: datetime, end: datetime) -> str:
    """SQL giving the business-local date (``YYYY-MM-DD``) of the naive UTC ``column``.

    Exact for moments in ``[start, end)``; outside it the nearest segment's offset is used.
    """
    segments = offset_segments(tz, start, end)
    if len(segments) == 1:
        return f"date({column}, '{segments[0][1]:+d} seconds')"
    parts = [f"WHEN {column} < '{sql_moment(boundary)}' THEN date({column}, '{offset:+d} seconds')"
             for (_, offset), (boundary, _) in pairwise(segments)]
    return f"CASE {' '.join(parts)} ELSE date({column}, '{segments[-1][1]:+d} seconds') END"


def bucket_sql(column: str, bounds: Sequence[datetime]) -> str:
    """SQL numbering the half-open ranges ``[bounds[k], bounds[k+1])`` as ``k``."""
    parts = [f"WHEN {column} < '{sql_moment(b)}' THEN {k}" for k, b in enumerate(bounds[1:])]
    return f"CASE {' '.join(parts)} END"


REPORT_CACHE_KIB = 65_536


@contextmanager
def roomy_cache(kib: int = REPORT_CACHE_KIB) -> Iterator[None]:
    """A larger page cache and in-memory temporary tables while a report reads, restored
    afterwards. The month statements touch far more pages than SQLite's default 2 MiB cache
    holds (visits and customers looked up per incident, grouped temporary tables); the till's
    own connection settings stay as they were."""
    cache = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    temp = database.execute_sql("PRAGMA temp_store").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = {-int(kib)}")
    database.execute_sql("PRAGMA temp_store = 2")
    try:
        yield
    finally:
        database.execute_sql(f"PRAGMA cache_size = {int(cache)}")
        database.execute_sql(f"PRAGMA temp_store = {int(temp)}")


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


def outcome_ctes(period: Period, columns: str = "", materialize_o: bool = False) -> str:
    """CTEs ending in ``o``: the period's incidents with ``m`` (month index), ``cust``,
    ``outcome`` (SPEC §5) and ``columns``. Parameters: start, end.

    Retained: a return visit after the local date ``d`` and at most W days after it, unless
    the customer was marked lost (on or after ``d``) before that visit. Lost: marked lost
    first, or the window closed (``d + W`` before today). Pending: otherwise. Anonymous: no
    customer. ``d`` and ``d + W`` are computed once per incident and stored (``x``), then one
    index look-up finds the first visit in the window (``y``). Customers marked lost are few,
    so over many months they are collected once (``lost``); for one month, looking each
    customer up is cheaper than reading every customer. The literals come from dates and
    integers, never from text a person typed.
    """
    lost_source = ("lost" if period.months > 1 else
                   "(SELECT id, lost_on FROM customer WHERE lost_on IS NOT NULL)")
    lo, hi = period.bounds[0], period.bounds[-1]
    window = f"'+{int(period.retention_days)} days'"
    today = f"'{period.today.isoformat()}'"
    return f"""lost AS MATERIALIZED (
        SELECT id, lost_on FROM customer WHERE lost_on IS NOT NULL
    ), x AS MATERIALIZED (
        SELECT *, date(d, {window}) AS e FROM (
            SELECT i.customer_id AS cust,
                   {local_date_sql("i.reported_at", period.tz, lo, hi)} AS d,
                   {bucket_sql("i.reported_at", period.bounds)} AS m{columns}
            FROM incident i WHERE i.reported_at >= ? AND i.reported_at < ?)
    ), y AS MATERIALIZED (
        SELECT x.*,
               CASE WHEN cust IS NOT NULL THEN (
                   SELECT MIN(v.visited_on) FROM return_visit v
                   WHERE v.customer_id = cust AND v.visited_on > d AND v.visited_on <= e)
               END AS fr,
               CASE WHEN cust IS NOT NULL THEN (
                   SELECT l.lost_on FROM {lost_source} l WHERE l.id = cust) END AS lost_on
        FROM x
    ), o AS {"" if materialize_o else "NOT "}MATERIALIZED (
        SELECT y.*,
               CASE WHEN cust IS NULL THEN 'anonymous'
                    WHEN fr IS NOT NULL AND (lost_on IS NULL OR lost_on < d OR fr <= lost_on)
                         THEN 'retained'
                    WHEN lost_on IS NOT NULL AND lost_on >= d THEN 'lost'
                    WHEN e < {today} THEN 'lost'
                    ELSE 'pending' END AS outcome
        FROM y
    )"""


def period_range(period: Period) -> tuple[str, str]:
    return sql_moment(period.bounds[0]), sql_moment(period.bounds[-1])


def series_outcomes(period: Period) -> list[tuple[int, str, int]]:
    """``(month index, outcome, incidents)`` for every month of the period: one pass over
    the period's incidents, one visit look-up per incident with a known customer."""
    sql = f"""
    WITH {outcome_ctes(period)}
    SELECT m, outcome, COUNT(*) FROM o GROUP BY 1, 2
    """
    return [(int(m), o, int(n)) for m, o, n in _rows(sql, period_range(period))]


def month_outcomes(period: Period) -> list[tuple[Any, ...]]:
    """The period's incidents (one month) grouped per table of the report.

    Rows ``(family, key, outcome, n, a, b, c)``. Counted over incidents: ``total`` (a =
    proactive, b = distinct customers), ``category`` (key = category id), ``severity``,
    ``employee`` (key = reporter id). Summed over their non-voided gestures (n = incidents
    with one, a = cost, b = value, c = incidents with an approved one): ``g:total``,
    ``g:category``, ``g:severity`` and ``kind`` (an incident counts under each kind it used).
    """
    columns = (", i.id AS id, i.category_id AS cat, i.severity AS sev, "
               "i.reported_by_id AS emp, i.proactive AS pro")
    sql = f"""
    WITH {outcome_ctes(period, columns, materialize_o=True)}, g AS MATERIALIZED (
        SELECT o.id AS id, o.outcome AS outcome, o.cat AS cat, o.sev AS sev, g.kind AS kind,
               g.cost_minor AS cost, COALESCE(g.value_minor, 0) AS value,
               CASE WHEN g.approved_by_id IS NOT NULL THEN o.id END AS approved
        FROM o CROSS JOIN gesture g
        WHERE g.incident_id = o.id
          AND NOT EXISTS (SELECT 1 FROM void v WHERE v.gesture_id = g.id)
    )
    SELECT 'total', NULL, outcome, COUNT(*), SUM(pro), COUNT(DISTINCT cust), 0
      FROM o GROUP BY outcome
    UNION ALL
    SELECT 'category', cat, outcome, COUNT(*), 0, 0, 0 FROM o GROUP BY cat, outcome
    UNION ALL
    SELECT 'severity', sev, outcome, COUNT(*), 0, 0, 0 FROM o GROUP BY sev, outcome
    UNION ALL
    SELECT 'employee', emp, outcome, COUNT(*), 0, 0, 0 FROM o GROUP BY emp, outcome
    UNION ALL
    SELECT 'g:total', NULL, outcome, COUNT(DISTINCT id), SUM(cost), SUM(value),
           COUNT(DISTINCT approved) FROM g GROUP BY outcome
    UNION ALL
    SELECT 'g:category', cat, outcome, COUNT(DISTINCT id), SUM(cost), SUM(value), 0
      FROM g GROUP BY cat, outcome
    UNION ALL
    SELECT 'g:severity', sev, outcome, COUNT(DISTINCT id), SUM(cost), SUM(value), 0
      FROM g GROUP BY sev, outcome
    UNION ALL
    SELECT 'kind', kind, outcome, COUNT(DISTINCT id), SUM(cost), SUM(value), 0
      FROM g GROUP BY kind, outcome
    """
    return _rows(sql, period_range(period))


def _months_values(bounds: Sequence[datetime]) -> str:
    return ", ".join(f"({k}, '{sql_moment(lo)}', '{sql_moment(hi)}')"
                     for k, (lo, hi) in enumerate(pairwise(bounds)))


def gesture_totals(bounds: Sequence[datetime]) -> list[tuple[int, int, int, int]]:
    """Non-voided gestures per (month index, employee): ``(m, employee, count, spend)``,
    each gesture in the month of its own moment (SPEC §4); the count for the last month only
    (0 for the others).

    One range scan per employee and month over the covering (employee, created_at, cost)
    index the budget check uses, minus the voided gestures (few) found from the void side.
    """
    last = len(bounds) - 2
    months = f"WITH months(k, lo, hi) AS (VALUES {_months_values(bounds)})"
    in_month = "g.employee_id = e.id AND g.created_at >= mo.lo AND g.created_at < mo.hi"
    sql = f"""{months}
    SELECT mo.k, e.id,
           (SELECT COALESCE(SUM(g.cost_minor), 0) FROM gesture g WHERE {in_month}),
           CASE WHEN mo.k = {last} THEN (SELECT COUNT(*) FROM gesture g WHERE {in_month})
                ELSE 0 END
    FROM employee e CROSS JOIN months mo
    """
    voided = f"""{months}
    SELECT mo.k, g.employee_id, SUM(g.cost_minor), COUNT(*)
    FROM void v CROSS JOIN gesture g CROSS JOIN months mo
    WHERE g.id = v.gesture_id AND g.created_at >= ? AND g.created_at >= mo.lo
      AND g.created_at < mo.hi
    GROUP BY mo.k, g.employee_id
    """
    totals = {(int(m), int(e)): (int(n), int(s)) for m, e, s, n in _rows(sql, ())}
    for m, e, s, n in _rows(voided, (sql_moment(bounds[0]),)):
        count, spend = totals[(int(m), int(e))]
        totals[(int(m), int(e))] = (count - (int(n) if m == last else 0), spend - int(s))
    return [(m, e, n, s) for (m, e), (n, s) in totals.items() if n or s]


def escalations(start: datetime, end: datetime) -> dict[int, int]:
    """Owner-approved, non-voided gestures made in ``[start, end)``, per employee."""
    sql = """
    SELECT g.employee_id, COUNT(*) FROM gesture g
    WHERE g.created_at >= ? AND g.created_at < ? AND g.approved_by_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM void v WHERE v.gesture_id = g.id)
    GROUP BY g.employee_id
    """
    return {int(e): int(n) for e, n in _rows(sql, (sql_moment(start), sql_moment(end)))}


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
    row = _rows(sql, (sql_moment(start), sql_moment(end)))
    # julianday() is a double: round away its noise (35.9999998 minutes is 36.0).
    return None if not row or row[0][0] is None else round(float(row[0][0]), 1)


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


def count_incidents() -> int:
    """``SELECT COUNT(*)`` over incidents (the benchmarks' floor)."""
    return int(_rows("SELECT COUNT(*) FROM incident", ())[0][0])
