"""One incident in full, for the Incidents page's detail pane (SPEC §7 Incidents).

Everything the pane shows comes back in one record: the incident, its gestures with any void
(who, when, why; the pane strikes voided ones through), its follow-ups and its customer, plus
what the person looking may do with it, so a screen never re-derives the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from peewee import JOIN

from recoverydesk.core.domain import VOID_OWN_WINDOW_MINUTES
from recoverydesk.errors import NotFound
from recoverydesk.services import _base
from recoverydesk.services.types import CustomerInfo
from recoverydesk.store.models import (
    Category,
    Customer,
    Employee,
    FollowUp,
    Gesture,
    Incident,
    Void,
)


@dataclass(frozen=True)
class VoidInfo:
    by: str
    at: datetime  # naive UTC
    reason: str


@dataclass(frozen=True)
class GestureLine:
    id: int
    created_at: datetime  # naive UTC
    employee_id: int
    employee: str
    kind: str
    description: str
    cost_minor: int
    value_minor: int | None
    approved_by: str | None  # the owner who approved it past a limit
    void: VoidInfo | None
    can_void: bool  # for the person asking: their own within 10 minutes, or an owner


@dataclass(frozen=True)
class FollowUpLine:
    id: int
    due_on: date  # business-local
    done_at: datetime | None  # naive UTC
    done_by: str | None
    outcome: str | None
    note: str


@dataclass(frozen=True)
class IncidentDetail:
    id: int
    reported_at: datetime  # naive UTC
    reported_by_id: int
    reported_by: str
    category_id: int
    category: str
    description: str
    severity: str
    proactive: bool
    status: str
    resolved_at: datetime | None
    reaction: str | None
    customer: CustomerInfo | None
    gestures: list[GestureLine]
    followups: list[FollowUpLine]
    spent_minor: int  # non-voided
    can_correct: bool  # its author or an owner

    @property
    def open_followups(self) -> list[FollowUpLine]:
        return [f for f in self.followups if f.done_at is None]


def incident_detail(incident_id: int, viewer_id: int,
                    now: datetime | None = None) -> IncidentDetail:
    """The incident as ``viewer_id`` sees it (what they may correct or void).

    Raises:
        NotFound: there is no such incident.
    """
    at = _base.utcnow(now)
    viewer = _base.active_employee(viewer_id)
    is_owner = viewer.role == "owner"
    row = Incident.get_or_none(Incident.id == incident_id)
    if row is None:
        raise NotFound(f"There is no incident with id {incident_id}.")
    reporter_name = Employee.get_by_id(row.reported_by_id).name
    category_name = Category.get_by_id(row.category_id).name
    gestures = _gestures(incident_id, viewer_id, is_owner, at)
    customer = None
    if row.customer_id is not None:
        person = Customer.get_by_id(row.customer_id)
        customer = CustomerInfo(person.id, person.name, person.phone, person.email,
                                person.notes, person.lost_on, person.erased_at is not None)
    return IncidentDetail(
        id=row.id, reported_at=row.reported_at, reported_by_id=row.reported_by_id,
        reported_by=reporter_name, category_id=row.category_id,
        category=category_name, description=row.description, severity=row.severity,
        proactive=bool(row.proactive), status=row.status, resolved_at=row.resolved_at,
        reaction=row.reaction, customer=customer, gestures=gestures,
        followups=_followups(incident_id),
        spent_minor=sum(g.cost_minor for g in gestures if g.void is None),
        can_correct=is_owner or row.reported_by_id == viewer_id)


def _gestures(incident_id: int, viewer_id: int, is_owner: bool,
              at: datetime) -> list[GestureLine]:
    spender, approver, voider = Employee.alias(), Employee.alias(), Employee.alias()
    query = (Gesture.select(Gesture.id, Gesture.created_at, Gesture.employee, Gesture.kind,
                            Gesture.description, Gesture.cost_minor, Gesture.value_minor,
                            spender.name.alias("spender_name"),
                            approver.name.alias("approver_name"), Void.voided_at,
                            Void.reason, voider.name.alias("voider_name"))
             .join_from(Gesture, spender, on=(Gesture.employee == spender.id))
             .join_from(Gesture, approver, JOIN.LEFT_OUTER,
                        on=(Gesture.approved_by == approver.id))
             .join_from(Gesture, Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
             .join_from(Void, voider, JOIN.LEFT_OUTER, on=(Void.voided_by == voider.id))
             .where(Gesture.incident == incident_id)
             .order_by(Gesture.created_at, Gesture.id).dicts())
    window = timedelta(minutes=VOID_OWN_WINDOW_MINUTES)
    lines = []
    for g in cast(list[dict[str, Any]], list(query)):
        void = (VoidInfo(g["voider_name"], g["voided_at"], g["reason"])
                if g["voided_at"] is not None else None)
        own_and_recent = g["employee"] == viewer_id and at - g["created_at"] <= window
        lines.append(GestureLine(
            id=g["id"], created_at=g["created_at"], employee_id=g["employee"],
            employee=g["spender_name"], kind=g["kind"], description=g["description"],
            cost_minor=g["cost_minor"], value_minor=g["value_minor"],
            approved_by=g["approver_name"], void=void,
            can_void=void is None and (is_owner or own_and_recent)))
    return lines


def _followups(incident_id: int) -> list[FollowUpLine]:
    query = (FollowUp.select(FollowUp.id, FollowUp.due_on, FollowUp.done_at, FollowUp.outcome,
                             FollowUp.note, Employee.name.alias("doer_name"))
             .join(Employee, JOIN.LEFT_OUTER, on=(FollowUp.done_by == Employee.id))
             .where(FollowUp.incident == incident_id)
             .order_by(FollowUp.due_on, FollowUp.id).dicts())
    return [FollowUpLine(f["id"], f["due_on"], f["done_at"], f["doer_name"], f["outcome"],
                         f["note"]) for f in cast(list[dict[str, Any]], list(query))]
