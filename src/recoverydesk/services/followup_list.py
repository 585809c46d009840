"""The Follow-ups page's list (SPEC §7 Follow-ups): overdue and due today first, then
upcoming, every one open.

"Due" is the counter's own definition (:func:`counter.open_due_by`, :func:`counter.due_counts`)
so the page and the counter's "Follow-ups due" never disagree; days are business-local.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from peewee import JOIN

from recoverydesk.core.months import local_date
from recoverydesk.services import _base, counter
from recoverydesk.store.models import Customer, Employee, FollowUp, Incident

LIST_LIMIT = 500


@dataclass(frozen=True)
class FollowUpItem:
    """One open follow-up. ``when`` is "overdue", "today" or "upcoming"."""

    followup_id: int
    incident_id: int
    due_on: date  # business-local
    when: str
    customer_id: int | None  # None: anonymous incident (no "came back" possible)
    customer_name: str
    customer_phone: str
    customer_email: str
    description: str
    logged_by: str


@dataclass(frozen=True)
class FollowUpList:
    """All counts, and the first :data:`LIST_LIMIT` follow-ups in the page's order."""

    today: date
    due_today: int
    overdue: int
    upcoming: int
    items: tuple[FollowUpItem, ...]

    @property
    def due(self) -> int:
        """The counter's number: due today plus overdue."""
        return self.due_today + self.overdue


def open_followups(now: datetime | None = None, limit: int = LIST_LIMIT) -> FollowUpList:
    """Open follow-ups: overdue and due today (oldest due first), then upcoming (soonest
    first). Done ones are left out."""
    settings = _base.settings()
    today = local_date(_base.utcnow(now), settings.tz)
    due_today, overdue = counter.due_counts(today)
    is_open = FollowUp.done_at.is_null()
    upcoming = int(FollowUp.select().where(is_open & ~counter.open_due_by(today)).count())
    rows = (FollowUp.select(FollowUp.id, FollowUp.due_on, Incident.id.alias("incident"),
                            Incident.description, Customer.id.alias("customer"),
                            Customer.name, Customer.phone, Customer.email,
                            Employee.name.alias("logged_by"))
            .join(Incident, on=(FollowUp.incident == Incident.id))
            .join(Customer, JOIN.LEFT_OUTER, on=(Incident.customer == Customer.id))
            .join_from(Incident, Employee, on=(Incident.reported_by == Employee.id))
            .where(is_open).order_by(FollowUp.due_on, FollowUp.id)
            .limit(max(1, limit)).dicts())
    items = tuple(
        FollowUpItem(
            followup_id=r["id"], incident_id=r["incident"], due_on=r["due_on"],
            when="overdue" if r["due_on"] < today else "today" if r["due_on"] == today
            else "upcoming",
            customer_id=r["customer"], customer_name=r["name"] or "",
            customer_phone=r["phone"] or "", customer_email=r["email"] or "",
            description=r["description"], logged_by=r["logged_by"])
        for r in cast(list[dict[str, Any]], list(rows)))
    return FollowUpList(today, due_today, overdue, upcoming, items)
