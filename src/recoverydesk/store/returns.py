"""Each incident's retention facts, kept beside it so the month figures need no look-ups.

SPEC §5 decides an incident with a customer by two dates, both counted in whole days from the
incident's business-local date ``d``:

* ``first_return_days``: to the customer's first return visit dated after ``d`` (``NULL``:
  none yet, or no customer);
* ``lost_days``: to the customer's "lost" mark when it is on or after ``d`` (``NULL``
  otherwise).

Retained, lost and pending then compare these with the retention window from the settings
and with the "as of" day, which can change without touching a row. The values are derived
data: whatever can change them recomputes them in its own transaction (a return visit, a
"lost" mark, a customer corrected on an incident, two customer cards merged, the business
time zone changed, the schema migration), always with :func:`refresh` and the one SQL
expression below; ``recoverydesk check`` compares them with a fresh computation.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from recoverydesk.store.db import database, is_postgres
from recoverydesk.store.month_sql import days_between, local_date_sql
from recoverydesk.store.stored_values import stored_moment

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo  # core.months imports it when a zone is made


def _param(sql: str) -> str:
    return sql.replace("?", database.param)


def _span(where: str, params: tuple[Any, ...]) -> tuple[datetime, datetime] | None:
    """The first and last ``reported_at`` among the incidents ``where`` selects."""
    row = database.execute_sql(_param(
        f"SELECT MIN(reported_at), MAX(reported_at) FROM incident WHERE {where}"),
        params).fetchone()
    if row is None or row[0] is None:
        return None
    first, last = (stored_moment(v, "An incident") for v in row)
    # Whole years, so the zone's transitions are walked once per span and then cached.
    return datetime(first.year - 1, 12, 31), datetime(last.year + 1, 1, 2)


def _expressions(tz: ZoneInfo, span: tuple[datetime, datetime]) -> tuple[str, str]:
    """SQL for ``first_return_days`` and ``lost_days`` of the outer row ``incident``."""
    day = local_date_sql("incident.reported_at", tz, *span)
    first_return = (f"(SELECT {days_between(day, 'MIN(v.visited_on)')} FROM return_visit v "
                    f"WHERE v.customer_id = incident.customer_id AND v.visited_on > {day})")
    lost = (f"(SELECT {days_between(day, 'c.lost_on')} FROM customer c "
            f"WHERE c.id = incident.customer_id AND c.lost_on >= {day})")
    return first_return, lost


def refresh(tz: ZoneInfo, where: str, params: tuple[Any, ...] = ()) -> int:
    """Recompute both facts for the incidents ``where`` selects (SQL with ``?``
    placeholders, over the table ``incident``), inside the caller's transaction; returns how
    many incidents were looked at."""
    span = _span(where, params)
    if span is None:
        return 0
    first_return, lost = _expressions(tz, span)
    cursor = database.execute_sql(_param(
        f"UPDATE incident SET first_return_days = {first_return}, lost_days = {lost} "
        f"WHERE {where}"), params)
    return int(cursor.rowcount or 0)


def _lock_customer(customer_sql: str, params: tuple[Any, ...]) -> None:
    """PostgreSQL: lock the customer row first, so a visit recorded on one till and an
    incident moved to that customer on another recount one after the other (each recount
    then sees the other's committed rows). ``NO KEY UPDATE`` does not wait for the key-share
    locks the foreign keys of those very writes hold, so the two cannot deadlock. SQLite
    writers are serialised already."""
    if is_postgres():
        database.execute_sql(_param(f"SELECT id FROM customer WHERE id = ({customer_sql}) "
                                    "FOR NO KEY UPDATE"), params)


def refresh_customer(tz: ZoneInfo, customer_id: int) -> int:
    """After a return visit or a "lost" mark of this customer, or a merge into them."""
    _lock_customer("?", (customer_id,))
    return refresh(tz, "customer_id = ?", (customer_id,))


def refresh_incident(tz: ZoneInfo, incident_id: int) -> int:
    """After this incident's customer was corrected."""
    _lock_customer("SELECT customer_id FROM incident WHERE id = ?", (incident_id,))
    return refresh(tz, "id = ?", (incident_id,))


def refresh_all(tz: ZoneInfo) -> int:
    """Every incident: the migration's backfill, and a change of the business time zone
    (which moves incidents near midnight to another local date)."""
    return refresh(tz, "1 = 1")


def stale(tz: ZoneInfo, limit: int = 20) -> tuple[int, list[tuple[int, Any, Any, Any, Any]]]:
    """Incidents whose stored facts differ from a fresh computation: their count and the
    first ``limit`` as ``(id, stored first return, fresh, stored lost, fresh)``."""
    span = _span("1 = 1", ())
    if span is None:
        return 0, []
    first_return, lost = _expressions(tz, span)
    differs = "IS DISTINCT FROM" if is_postgres() else "IS NOT"
    sql = f"""
    SELECT id, first_return_days, fr, lost_days, lo FROM (
        SELECT id, first_return_days, lost_days, {first_return} AS fr, {lost} AS lo
        FROM incident) AS fresh
    WHERE first_return_days {differs} fr OR lost_days {differs} lo
    ORDER BY id
    """
    rows = [tuple(r) for r in database.execute_sql(sql).fetchall()]
    return len(rows), [(int(r[0]), r[1], r[2], r[3], r[4]) for r in rows[:limit]]
