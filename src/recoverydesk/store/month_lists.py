"""The month's rows for the report's incident list and the CSV export, streamed from a cursor.

The retention outcome of each incident comes from the same SQL as the figures
(:mod:`recoverydesk.store.month_queries`), so the list and the totals always agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from recoverydesk.store.db import database
from recoverydesk.store.month_queries import Period, outcome_ctes, period_range, placeholders
from recoverydesk.store.month_sql import distinct_list, sql_moment
from recoverydesk.store.stored_values import stored_amount, stored_moment, stored_sum


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
    """The incidents of ``period`` (one month) with their outcome, oldest first, streamed
    from a cursor."""
    sql = f"""
    WITH {outcome_ctes(period, ", i.id AS id")}
    SELECT i.id, i.reported_at, e.name, c.name, i.customer_id, cu.name, i.severity,
           (SELECT {distinct_list("g.kind")} FROM gesture g
             WHERE g.incident_id = i.id
               AND NOT EXISTS (SELECT 1 FROM void v WHERE v.gesture_id = g.id)),
           (SELECT COALESCE(SUM(g.cost_minor), 0) FROM gesture g
             WHERE g.incident_id = i.id
               AND NOT EXISTS (SELECT 1 FROM void v WHERE v.gesture_id = g.id)),
           o.outcome, i.description
    FROM o JOIN incident i ON i.id = o.id JOIN employee e ON e.id = i.reported_by_id
    JOIN category c ON c.id = i.category_id LEFT JOIN customer cu ON cu.id = i.customer_id
    ORDER BY i.reported_at, i.id
    """
    for row in database.execute_sql(placeholders(sql), period_range(period)):
        (ident, at, employee, category, customer_id, customer, severity, kinds, cost, outcome,
         description) = row
        yield IncidentLine(
            id=int(ident), reported_at=stored_moment(at, f"Incident {ident}"),
            employee=employee, category=category,
            customer=None if customer_id is None else (customer or ""), severity=severity,
            kinds=kinds or "", cost_minor=stored_sum(cost, f"the gestures of incident {ident}"),
            outcome=outcome, description=description)


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
    sql = placeholders("""
    SELECT g.id, g.created_at, e.name, c.name, i.customer_id, cu.name, g.kind, g.description,
           g.cost_minor, g.value_minor, a.name, v.id IS NOT NULL
    FROM gesture g JOIN incident i ON i.id = g.incident_id
    JOIN employee e ON e.id = g.employee_id JOIN category c ON c.id = i.category_id
    LEFT JOIN customer cu ON cu.id = i.customer_id
    LEFT JOIN employee a ON a.id = g.approved_by_id
    LEFT JOIN void v ON v.gesture_id = g.id
    WHERE g.created_at >= ? AND g.created_at < ? ORDER BY g.created_at, g.id
    """)
    for row in database.execute_sql(sql, (sql_moment(start), sql_moment(end))):
        (ident, at, employee, category, customer_id, customer, kind, description, cost, value,
         approver, voided) = row
        yield GestureLine(
            id=int(ident), created_at=stored_moment(at, f"Gesture {ident}"),
            employee=employee, category=category,
            customer=None if customer_id is None else (customer or ""), kind=kind,
            description=description, cost_minor=stored_amount(cost, f"Gesture {ident}"),
            value_minor=None if value is None else stored_amount(value, f"Gesture {ident}"),
            approved_by=approver,
            voided=bool(voided))
