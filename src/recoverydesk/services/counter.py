"""What the counter page shows: my entries today and the follow-ups that are due (SPEC §7).

Read-only queries; each returns dataclasses so the page never sees a model.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from peewee import JOIN, Expression, fn

from recoverydesk.core.months import day_range_utc, local_date
from recoverydesk.services import _base
from recoverydesk.services.types import CounterEntry, FollowUpDue, FollowUpsDue
from recoverydesk.store.models import Category, Customer, FollowUp, Gesture, Incident, Void
from recoverydesk.store.stored_values import stored_sum

DUE_LIST_LIMIT = 50
ENTRIES_LIMIT = 200


def my_entries_today(employee_id: int, now: datetime | None = None) -> list[CounterEntry]:
    """Incidents ``employee_id`` logged today (business-local day), newest first, with the
    cost of their own non-voided gestures on each."""
    settings = _base.settings()
    start, end = day_range_utc(local_date(_base.utcnow(now), settings.tz), settings.tz)
    incidents: list[Any] = list(
        Incident.select(Incident, Category.name.alias("category_name"),
                        Customer.name.alias("customer_name"))
        .join(Category, on=(Incident.category == Category.id))
        .switch(Incident).join(Customer, JOIN.LEFT_OUTER, on=(Incident.customer == Customer.id))
        .where((Incident.reported_by == employee_id) & (Incident.reported_at >= start)
               & (Incident.reported_at < end))
        .order_by(Incident.reported_at.desc(), Incident.id.desc())
        .limit(ENTRIES_LIMIT).objects())
    spend: dict[int, tuple[int, bool]] = {}
    if incidents:
        rows: Any = (Gesture.select(Gesture.incident, fn.SUM(Gesture.cost_minor).coerce(False),
                               fn.COUNT(Gesture.approved_by))
                .join(Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
                .where(Gesture.incident.in_([i.id for i in incidents])
                       & (Gesture.employee == employee_id) & Void.id.is_null())
                .group_by(Gesture.incident).tuples())
        spend = {incident_id: (stored_sum(total, f"the gestures of incident {incident_id}"),
                               bool(approved))
                 for incident_id, total, approved in rows}
    return [CounterEntry(
        incident_id=i.id, reported_at=i.reported_at, category=i.category_name,
        description=i.description, customer_name=i.customer_name or "",
        cost_minor=spend.get(i.id, (0, False))[0], approved=spend.get(i.id, (0, False))[1])
        for i in incidents]


def open_due_by(day: date) -> Expression:
    """Open follow-ups due on ``day`` (business-local) or earlier: the counter's "due"."""
    result: Expression = FollowUp.done_at.is_null() & (FollowUp.due_on <= day)
    return result


def due_counts(today: date) -> tuple[int, int]:
    """How many open follow-ups are due ``today`` and how many are overdue."""
    open_due = open_due_by(today)
    overdue = FollowUp.select().where(open_due & (FollowUp.due_on < today)).count()
    due_today = FollowUp.select().where(open_due & (FollowUp.due_on == today)).count()
    return int(due_today), int(overdue)


def followups_due(now: datetime | None = None, limit: int = DUE_LIST_LIMIT) -> FollowUpsDue:
    """The business's open follow-ups due today and overdue: both counts, and the first
    ``limit`` of them, oldest due date first (the shop calls customers back together)."""
    settings = _base.settings()
    today = local_date(_base.utcnow(now), settings.tz)
    open_due = open_due_by(today)
    due_today, overdue = due_counts(today)
    rows: Any = (FollowUp.select(FollowUp.id, FollowUp.due_on, Incident.id, Incident.description,
                            Customer.name, Customer.phone)
            .join(Incident, on=(FollowUp.incident == Incident.id))
            .join(Customer, JOIN.LEFT_OUTER, on=(Incident.customer == Customer.id))
            .where(open_due).order_by(FollowUp.due_on, FollowUp.id).limit(limit).tuples())
    items = tuple(FollowUpDue(followup_id=fid, incident_id=iid, due_on=due,
                              overdue=due < today, customer_name=name or "",
                              customer_phone=phone or "", description=text)
                  for fid, due, iid, text, name, phone in rows)
    return FollowUpsDue(due_today=due_today, overdue=overdue, items=items)
