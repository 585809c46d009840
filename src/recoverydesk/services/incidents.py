"""After the counter: corrections, resolution and follow-ups (SPEC §3)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from recoverydesk.core.domain import (
    FOLLOWUP_OUTCOMES,
    MAX_DESCRIPTION,
    MAX_NOTE,
    REACTIONS,
    SEVERITIES,
    choose,
    clean_text,
)
from recoverydesk.core.months import local_date
from recoverydesk.errors import NotFound, PermissionDenied, ValidationError
from recoverydesk.services import _base, audit_log
from recoverydesk.services.customers import usable_customer
from recoverydesk.store import returns
from recoverydesk.store.models import Category, Employee, FollowUp, Incident, ReturnVisit

_UNCHANGED: Any = object()
MAX_DAYS_AHEAD = 366


def _incident(incident_id: int) -> Incident:
    incident = Incident.get_or_none(Incident.id == incident_id)
    if incident is None:
        raise NotFound(f"There is no incident with id {incident_id}.")
    return incident


def _author_or_owner(actor: Employee, incident: Incident) -> None:
    if actor.role != "owner" and incident.reported_by_id != actor.id:
        raise PermissionDenied("Only the person who logged this incident or an owner can "
                               "correct it.")


def correct_incident(actor_id: int, incident_id: int, *, description: str = _UNCHANGED,
                     category_id: int = _UNCHANGED, severity: str = _UNCHANGED,
                     customer_id: int | None = _UNCHANGED, now: datetime | None = None) -> bool:
    """Correct an incident's text, category, severity or customer (author or owner).

    Each changed field is audited with its old and new value (customers by id only).
    Returns whether anything changed.
    """
    changes: dict[str, Any] = {}
    if description is not _UNCHANGED:
        changes["description"] = clean_text(description, "description",
                                            max_len=MAX_DESCRIPTION, multiline=True,
                                            label="description of what happened")
    if severity is not _UNCHANGED:
        changes["severity"] = choose(severity, SEVERITIES, "severity")
    at = _base.utcnow(now)
    with _base.write():
        actor = _base.active_employee(actor_id)
        incident = _incident(incident_id)
        _author_or_owner(actor, incident)
        if category_id is not _UNCHANGED:
            if not Category.select().where(Category.id == category_id).exists():
                raise ValidationError("Choose a category.", "category")
            changes["category"] = category_id
        if customer_id is not _UNCHANGED:
            if customer_id is not None:
                usable_customer(customer_id)
            changes["customer"] = customer_id
        old = {"description": incident.description, "severity": incident.severity,
               "category": incident.category_id, "customer": incident.customer_id}
        diff = {key: {"old": old[key], "new": value} for key, value in changes.items()
                if old[key] != value}
        if not diff:
            return False
        Incident.update(**{key: value["new"] for key, value in diff.items()}).where(
            Incident.id == incident_id).execute()
        if "customer" in diff:
            returns.refresh_incident(_base.settings().tz, incident_id)
        audit_log.append(actor_id, "incident.correct", "incident", incident_id, diff, at)
    return True


def resolve_incident(actor_id: int, incident_id: int, reaction: str,
                     now: datetime | None = None) -> None:
    """Close an incident with the customer's reaction at the end."""
    choose(reaction, REACTIONS, "reaction")
    at = _base.utcnow(now)
    with _base.write():
        _base.active_employee(actor_id)
        incident = _incident(incident_id)
        if incident.status == "resolved":
            raise ValidationError("This incident is already resolved.", "status")
        Incident.update(status="resolved", resolved_at=at, resolved_by=actor_id,
                        reaction=reaction).where(Incident.id == incident_id).execute()
        audit_log.append(actor_id, "incident.resolve", "incident", incident_id,
                         {"reaction": reaction}, at)


def add_followup(actor_id: int, incident_id: int, due_on: date,
                 now: datetime | None = None) -> int:
    """Schedule a follow-up on a local date from today up to a year ahead."""
    at = _base.utcnow(now)
    with _base.write():
        _base.active_employee(actor_id)
        _incident(incident_id)
        today = local_date(at, _base.settings().tz)
        if due_on < today:
            raise ValidationError("A follow-up cannot be due in the past.", "due_on")
        if due_on > today + timedelta(days=MAX_DAYS_AHEAD):
            raise ValidationError("A follow-up can be at most a year ahead.", "due_on")
        followup_id = int(FollowUp.insert(incident=incident_id, due_on=due_on,
                                          created_at=at).execute())
        audit_log.append(actor_id, "followup.add", "followup", followup_id,
                         {"incident": incident_id, "due_on": due_on.isoformat()}, at)
    return followup_id


def complete_followup(actor_id: int, followup_id: int, outcome: str, note: str = "",
                      came_back: bool = False, now: datetime | None = None) -> int | None:
    """Mark a follow-up done; ``came_back`` also records today's return visit.

    Returns the return visit's id when one was recorded.
    """
    choose(outcome, FOLLOWUP_OUTCOMES, "outcome")
    note = clean_text(note, "note", max_len=MAX_NOTE, required=False, multiline=True)
    at = _base.utcnow(now)
    with _base.write():
        _base.active_employee(actor_id)
        followup = FollowUp.get_or_none(FollowUp.id == followup_id)
        if followup is None:
            raise NotFound(f"There is no follow-up with id {followup_id}.")
        if followup.done_at is not None:
            raise ValidationError("This follow-up is already done.", "followup")
        customer_id = followup.incident.customer_id
        if came_back and customer_id is None:
            raise ValidationError("This incident has no customer to record a visit for.",
                                  "came_back")
        FollowUp.update(done_at=at, done_by=actor_id, outcome=outcome, note=note).where(
            FollowUp.id == followup_id).execute()
        visit_id = None
        details: dict[str, Any] = {"outcome": outcome}
        if came_back and customer_id is not None:
            tz = _base.settings().tz
            visited_on = local_date(at, tz)
            visit_id = int(ReturnVisit.insert(customer=customer_id, visited_on=visited_on,
                                              recorded_at=at, recorded_by=actor_id,
                                              followup=followup_id).execute())
            returns.refresh_customer(tz, customer_id)
            details["return_visit"] = {"id": visit_id, "customer": customer_id,
                                       "visited_on": visited_on.isoformat()}
        audit_log.append(actor_id, "followup.done", "followup", followup_id, details, at)
    return visit_id
