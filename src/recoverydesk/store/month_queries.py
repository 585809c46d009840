"""Aggregate SQL behind a month's report figures (SPEC §5, §6): one grouped statement per
figure family, so the cost grows with the months asked for, not with the whole history.

Retention outcomes come from each incident's own columns (its first return and "lost" mark
in days, kept by ``store.returns``) compared with the window and the "as of" day, so no
visit or customer is looked up per incident. The statements are the same on SQLite and
PostgreSQL except for the few expressions ``store.month_sql`` spells per engine (local dates,
minutes between moments, typed literals).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

from recoverydesk.core.domain import SEVERITIES
from recoverydesk.core.months import day_start_utc
from recoverydesk.errors import StorageError
from recoverydesk.store.db import database, is_postgres
from recoverydesk.store.month_sql import (
    count_true,
    local_date_sql,
    minutes_between,
    moment_literal,
    sql_moment,
)
from recoverydesk.store.stored_values import (
    EDITED_OUTSIDE,
    stored_amount,
    stored_integer,
    stored_sum,
)

REPORT_CACHE_KIB = 65_536
REPORT_MMAP_BYTES = 1 << 30


@contextmanager
def roomy_cache(kib: int = REPORT_CACHE_KIB) -> Iterator[None]:
    """A larger page cache, in-memory temporary tables and memory-mapped reads while a
    report reads, restored afterwards. The month statements touch far more pages than
    SQLite's default 2 MiB cache holds (a year of index ranges, the month's rows, grouped
    temporary tables); mapped, the pages the system already caches are read in place instead
    of being copied into SQLite's cache one by one (about a tenth of a 1M-incident report).
    The till's own connection settings stay as they were. PostgreSQL sizes its buffers
    itself."""
    if is_postgres():
        yield
        return
    saved = {name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
             for name in ("cache_size", "temp_store", "mmap_size")}
    widen_cache(kib)
    try:
        yield
    finally:
        for name, value in saved.items():
            database.execute_sql(f"PRAGMA {name} = {int(value)}")


def widen_cache(kib: int = REPORT_CACHE_KIB) -> None:
    """:func:`roomy_cache`'s settings, kept: for a connection closed after its report."""
    if is_postgres():
        return
    database.execute_sql(f"PRAGMA cache_size = {-int(kib)}")
    database.execute_sql("PRAGMA temp_store = 2")
    database.execute_sql(f"PRAGMA mmap_size = {REPORT_MMAP_BYTES}")


def placeholders(sql: str) -> str:
    """``sql`` written with ``?`` placeholders in the open database's parameter style."""
    return sql.replace("?", database.param)


def _rows(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    return list(database.execute_sql(placeholders(sql), tuple(params)).fetchall())


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


def window_closed_before(period: Period) -> datetime:
    """Incidents reported before this naive UTC moment have their window closed: their local
    date ``d`` has ``d + W`` before the "as of" day."""
    return day_start_utc(period.today - timedelta(days=period.retention_days), period.tz)


def _outcome_conditions(period: Period, a: str) -> tuple[str, str]:
    """SQL conditions on the incident row ``a`` (columns kept by ``store.returns``):
    retained, and lost-if-not-retained (SPEC §5). Retained: the first return after its date
    is within the window and not after a "lost" mark made on or after its date. Lost: so
    marked, or the window has closed. A customer is known when either can hold."""
    w = int(period.retention_days)
    retained = (f"{a}.first_return_days <= {w} AND ({a}.lost_days IS NULL "
                f"OR {a}.first_return_days <= {a}.lost_days)")
    lost = (f"{a}.customer_id IS NOT NULL AND ({a}.lost_days IS NOT NULL "
            f"OR {a}.reported_at < {moment_literal(window_closed_before(period))})")
    return retained, lost


def outcome_sql(period: Period, alias: str = "i") -> str:
    """SPEC §5's outcome of the incident row ``alias``, from its own columns."""
    retained, lost = _outcome_conditions(period, alias)
    return (f"CASE WHEN {alias}.customer_id IS NULL THEN 'anonymous' WHEN {retained} THEN "
            f"'retained' WHEN {lost} THEN 'lost' ELSE 'pending' END")


def outcome_ctes(period: Period, columns: str = "", materialize_o: bool = False) -> str:
    """A CTE ``o``: the period's incidents with ``cust``, ``outcome`` (SPEC §5) and
    ``columns`` (over ``incident i``). Parameters: start, end."""
    return f"""o AS {"" if materialize_o else "NOT "}MATERIALIZED (
        SELECT i.customer_id AS cust, {outcome_sql(period)} AS outcome{columns}
        FROM incident i WHERE i.reported_at >= ? AND i.reported_at < ?
    )"""


def period_range(period: Period) -> tuple[str, str]:
    return sql_moment(period.bounds[0]), sql_moment(period.bounds[-1])


def series_outcomes(period: Period) -> list[tuple[int, str, int]]:
    """``(month index, outcome, incidents)`` for every month of the period, in one statement
    counted from the covering index on (reported_at, customer_id, first_return_days,
    lost_days) without reading the table.

    One aggregate branch per month, not a ``GROUP BY`` over a months join: SQLite does not
    know the join yields rows month by month and would sort every incident of the year,
    while each branch reads its month's index range once.
    """
    retained, lost = _outcome_conditions(period, "i")
    closed = window_closed_before(period)
    # Pending: known, neither retained nor lost. Before ``closed`` no window is open, so
    # there every known incident not retained is lost and the last column need not be
    # computed row by row.
    pending = (f"COALESCE(SUM(CASE WHEN i.customer_id IS NULL OR {retained} OR {lost} THEN 0 "
               "ELSE 1 END), 0)")
    branches = [
        f"SELECT {k}, COUNT(*), COUNT(i.customer_id), {count_true(retained)}, "
        f"{pending if hi > closed else 0} FROM incident i "
        f"WHERE i.reported_at >= {moment_literal(lo)} AND i.reported_at < {moment_literal(hi)}"
        for k, (lo, hi) in enumerate(pairwise(period.bounds))]
    out: list[tuple[int, str, int]] = []
    for m, total, known, kept, open_ in _rows(" UNION ALL ".join(branches), ()):
        counts = {"retained": int(kept), "pending": int(open_),
                  "lost": int(known) - int(kept) - int(open_),
                  "anonymous": int(total) - int(known)}
        out.extend((int(m), outcome, n) for outcome, n in counts.items() if n)
    return out


OUTCOMES = ("retained", "lost", "pending", "anonymous")  # their codes are the positions


def outcome_code_sql(period: Period, alias: str = "i") -> str:
    """:func:`outcome_sql` as the position of the outcome in :data:`OUTCOMES`."""
    retained, lost = _outcome_conditions(period, alias)
    return (f"CASE WHEN {alias}.customer_id IS NULL THEN 3 WHEN {retained} THEN 0 "
            f"WHEN {lost} THEN 1 ELSE 2 END")


def _severity_code_sql(column: str) -> str:
    """The position of the severity in :data:`SEVERITIES`; one past the end for any other
    text (none is stored: the services accept only these)."""
    whens = " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(SEVERITIES))
    return f"CASE {column} {whens} ELSE {len(SEVERITIES)} END"


@dataclass(frozen=True)
class MonthGroups:
    """:func:`month_outcomes`' answer."""

    rows: list[tuple[Any, ...]]  # (family, key, outcome, n, a, b, c)
    median_resolution_minutes: float | None


def month_outcomes(period: Period) -> MonthGroups:
    """The period's incidents (one month) grouped per table of the report, and the median
    minutes from report to resolution over those resolved so far (None if none is).

    Rows ``(family, key, outcome, n, a, b, c)``. Counted over incidents: ``total`` (a =
    proactive, b = distinct customers, for ``retained`` only), ``category`` (key = category
    id), ``severity``, ``employee`` (key = reporter id). Summed over their non-voided
    gestures (n = incidents with one, a = cost, b = value, c = incidents with an approved
    one): ``g:total``, ``g:category``, ``g:severity`` and ``kind`` (an incident counts under
    each kind it used).

    Each grouping pass sorts its rows, so SQL groups incidents per (category, severity,
    outcome) and per (reporter, outcome), gestures per (category, severity, outcome) and per
    (kind, outcome); the families are summed from those few rows here. Outcomes and
    severities are small integer codes and each group's key one integer (or one text for
    kinds): sorting one integer costs far less than sorting several texts.

    The median is taken from the same materialised incidents (the middle one or two of their
    sorted minutes; LIMIT/OFFSET lets the sort keep only the lower half), so the month's rows
    are read once.
    """
    sev_count, out_count = len(SEVERITIES) + 1, len(OUTCOMES)
    no_median = "CAST(NULL AS NUMERIC)"  # typed: PostgreSQL would take a bare NULL for text
    sql = f"""
    WITH o AS MATERIALIZED (
        SELECT i.id AS id, i.customer_id AS cust, {outcome_code_sql(period)} AS outcome,
               i.category_id AS cat, {_severity_code_sql("i.severity")} AS sev,
               i.reported_by_id AS emp, i.proactive AS pro,
               {minutes_between("i.reported_at", "i.resolved_at")} AS mins
        FROM incident i WHERE i.reported_at >= ? AND i.reported_at < ?
    ), n AS (SELECT COUNT(mins) AS cnt FROM o), g AS MATERIALIZED (
        SELECT o.id AS id, o.outcome AS outcome, o.cat AS cat, o.sev AS sev, g.kind AS kind,
               g.cost_minor AS cost, COALESCE(g.value_minor, 0) AS value,
               CASE WHEN g.approved_by_id IS NOT NULL THEN o.id END AS approved
        FROM o CROSS JOIN gesture g
        WHERE g.incident_id = o.id
          AND NOT EXISTS (SELECT 1 FROM void v WHERE v.gesture_id = g.id)
    )
    SELECT 'i', (cat * {sev_count} + sev) * {out_count} + outcome, NULL, COUNT(*),
           {count_true("pro")}, 0, 0, {no_median}
      FROM o GROUP BY 2
    UNION ALL
    SELECT 'e', emp * {out_count} + outcome, NULL, COUNT(*), 0, 0, 0, {no_median} FROM o GROUP BY 2
    UNION ALL
    SELECT 'c', 0, NULL, COUNT(DISTINCT cust), 0, 0, 0, (
        SELECT AVG(mins) FROM (
            SELECT mins FROM o WHERE mins IS NOT NULL ORDER BY mins
            LIMIT (SELECT 2 - cnt + 2 * (cnt / 2) FROM n)
            OFFSET (SELECT (cnt - 1) / 2 FROM n)) AS middle)
      FROM o WHERE outcome = 0
    UNION ALL
    SELECT 'g', (cat * {sev_count} + sev) * {out_count} + outcome, NULL, COUNT(DISTINCT id),
           SUM(cost), SUM(value), COUNT(DISTINCT approved), {no_median} FROM g GROUP BY 2
    UNION ALL
    SELECT 'k', outcome, kind, COUNT(DISTINCT id), SUM(cost), SUM(value), 0, {no_median}
      FROM g GROUP BY kind, outcome
    """
    sums: dict[tuple[str, Any, str], list[int]] = {}

    def add(family: str, key: Any, outcome: str, n: int, a: int = 0, b: int = 0,
            c: int = 0) -> None:
        total = sums.get((family, key, outcome))
        if total is None:
            sums[(family, key, outcome)] = [n, a, b, c]
        else:
            total[0] += n
            total[1] += a
            total[2] += b
            total[3] += c

    median = None
    for kind, code, text, n, a, b, c, middle in _rows(sql, period_range(period)):
        code, n, c = int(code), int(n), int(c or 0)
        a, b = stored_sum(a, "the month's gestures"), stored_sum(b, "the month's gestures")
        rest, outcome_code = divmod(code, out_count)
        outcome = OUTCOMES[outcome_code]
        cat, sev = divmod(rest, sev_count)
        severity = SEVERITIES[sev] if sev < len(SEVERITIES) else "other"
        if kind == "i":
            add("total", None, outcome, n, a)
            add("category", cat, outcome, n)
            add("severity", severity, outcome, n)
        elif kind == "e":
            add("employee", rest, outcome, n)
        elif kind == "c":
            add("total", None, "retained", 0, 0, n)
            # julianday() is a double: round away its noise (35.9999998 minutes is 36.0).
            median = None if middle is None else round(float(middle), 1)
        elif kind == "g":
            add("g:total", None, outcome, n, a, b, c)
            add("g:category", cat, outcome, n, a, b)
            add("g:severity", severity, outcome, n, a, b)
        else:
            add("kind", text, OUTCOMES[code], n, a, b)
    return MonthGroups([(family, key, outcome, *values)
                        for (family, key, outcome), values in sums.items()], median)


def _months_values(bounds: Sequence[datetime]) -> str:
    return ", ".join(f"({k}, {moment_literal(lo)}, {moment_literal(hi)})"
                     for k, (lo, hi) in enumerate(pairwise(bounds)))


def gesture_totals(bounds: Sequence[datetime]) -> list[tuple[int, int, int, int]]:
    """Non-voided gestures per (month index, employee): ``(m, employee, count, spend)``,
    each gesture in the month of its own moment (SPEC §4); the count for the last month only
    (0 for the others).

    One range scan per employee and month over the covering (employee, created_at, cost)
    index the budget check uses, minus the voided gestures, found per employee from the
    void's own copy of the gesture's spender, moment and cost (another covering index).
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
    # Each voided gesture of the period finds its month with one look-up in ``months``
    # (joining every void to every month and filtering cost twice as much).
    voided = f"""{months}
    SELECT x.k, x.employee_id, SUM(x.cost), COUNT(*) FROM (
        SELECT (SELECT mo.k FROM months mo WHERE v.gesture_created_at >= mo.lo
                AND v.gesture_created_at < mo.hi) AS k, e.id AS employee_id,
               v.gesture_cost_minor AS cost
        FROM employee e CROSS JOIN void v
        WHERE v.gesture_employee_id = e.id AND v.gesture_created_at >= ?
          AND v.gesture_created_at < ?) AS x
    GROUP BY x.k, x.employee_id
    """
    what = "the gestures of the report's months"
    totals = {(int(m), int(e)): (int(n), stored_sum(s, what)) for m, e, s, n in _rows(sql, ())}
    for m, e, s, n in _rows(voided, (sql_moment(bounds[0]), sql_moment(bounds[-1]))):
        count, spend = totals[(int(m), int(e))]
        totals[(int(m), int(e))] = (count - (int(n) if m == last else 0),
                                    spend - stored_sum(s, "the voids of the report's months"))
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
    changes = []
    for ident, e, m, a in _rows("SELECT id, employee_id, effective_month, allowance_minor "
                                "FROM budget_change ORDER BY employee_id, effective_month", ()):
        row = f"Budget change {ident}"
        changes.append((int(e), stored_integer(m, row, "a month that is not YYYYMM"),
                        None if a is None else stored_amount(a, row)))
    return changes


def employees() -> list[tuple[int, str, str, bool]]:
    """``(id, name, role, active)`` of everyone, by name."""
    return [(int(i), n, r, bool(a)) for i, n, r, a in _rows(
        "SELECT id, name, role, active FROM employee ORDER BY name", ())]


def categories() -> dict[int, str]:
    return {int(i): n for i, n in _rows("SELECT id, name FROM category", ())}


def followups_on_time(first: date, last: date, today: date, tz: ZoneInfo) -> tuple[int, int]:
    """``(counted, on_time)`` over follow-ups due from ``first`` to ``last`` (local dates).

    Counted: those done, and those whose due date has passed (``< today``): one still due
    today may yet be done on time. On time: done by the end of the local due date.
    """
    start = datetime.combine(first, datetime.min.time()) - timedelta(days=2)
    end = datetime.combine(last, datetime.min.time()) + timedelta(days=3)
    done_day = local_date_sql("f.done_at", tz, start, end)
    sql = f"""
    SELECT COUNT(*), {count_true(f"f.done_at IS NOT NULL AND {done_day} <= f.due_on")}
    FROM follow_up f WHERE f.due_on >= ? AND f.due_on <= ?
      AND (f.done_at IS NOT NULL OR f.due_on < ?)
    """
    row = _rows(sql, (first.isoformat(), last.isoformat(), today.isoformat()))[0]
    return int(row[0]), int(row[1])


def incidents_between(start: datetime, end: datetime) -> int:
    """Incidents reported in ``[start, end)``, counted in the reported_at index."""
    sql = "SELECT COUNT(*) FROM incident WHERE reported_at >= ? AND reported_at < ?"
    return int(_rows(sql, (sql_moment(start), sql_moment(end)))[0][0])


def count_incidents() -> int:
    """``SELECT COUNT(*)`` over incidents (the benchmarks' floor)."""
    return int(_rows("SELECT COUNT(*) FROM incident", ())[0][0])


# The moment columns that place a row in a month. Stored moments start with the year's
# digits; text that does not (words sort after '9', a sign or a space before '0', numbers
# before any text) falls outside every month, so an edit like that would drop a spend or an
# incident from every report without a word. Each is a seek or two in the column's index
# (the void table's is small enough to scan).
_TIMELESS_SQL = " UNION ALL ".join(
    f"SELECT * FROM (SELECT '{label}', id, {column} FROM {table} "
    f"WHERE {column} < '0' OR {column} >= ':' LIMIT 1)"
    for label, table, column in (("Gesture", "gesture", "created_at"),
                                 ("Incident", "incident", "reported_at"),
                                 ("Void", "void", "gesture_created_at")))


def check_moments_placeable() -> None:
    """Refuse a history in which a gesture, incident or void has a moment no month holds.

    Raises:
        StorageError: names the first such row and points to ``check`` (SQLite only:
            PostgreSQL's timestamp columns cannot hold such text).
    """
    if is_postgres():
        return
    for label, ident, value in _rows(_TIMELESS_SQL, ()):
        raise StorageError(f"{label} {ident} has a moment that is not a date and time "
                           f"({value!r}), so no month holds it: {EDITED_OUTSIDE}")
