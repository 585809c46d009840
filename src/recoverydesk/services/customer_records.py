"""The customer card: history at a glance, edits, merging duplicates and a person's data export.

SPEC §1 "Know your customers", §7 Customers, §9. Audit entries name customers by id only and
never hold a personal value, so an erasure leaves nothing of the person in the log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

from peewee import JOIN, Case, fn

from recoverydesk.core.months import local_date
from recoverydesk.errors import ValidationError
from recoverydesk.services import _base, audit_log
from recoverydesk.services.customers import CustomerInput, _get, usable_customer, validate_customer
from recoverydesk.services.saving import save_file
from recoverydesk.services.types import CustomerInfo
from recoverydesk.store import returns
from recoverydesk.store.models import (
    Category,
    Customer,
    Employee,
    FollowUp,
    Gesture,
    Incident,
    ReturnVisit,
    Void,
)
from recoverydesk.store.stored_values import stored_sum


@dataclass(frozen=True)
class CardIncident:
    """One incident on the card, with its non-voided spend and value to the customer."""

    id: int
    reported_on: date  # business-local
    category: str
    description: str
    status: str
    reaction: str | None
    cost_minor: int
    value_minor: int


@dataclass(frozen=True)
class CustomerCard:
    customer: CustomerInfo
    incidents: list[CardIncident]  # newest first
    visits: list[date]  # return visits, newest first
    spent_minor: int  # non-voided, on all their incidents

    @property
    def last_visit(self) -> date | None:
        return self.visits[0] if self.visits else None


def customer_card(customer_id: int) -> CustomerCard:
    """The card: details, notes, incident history with spend, and return visits."""
    person = _get(customer_id)
    tz = _base.settings().tz
    counts = Void.id.is_null()  # a voided gesture stays joined but adds nothing
    cost = fn.SUM(Case(None, [(counts, Gesture.cost_minor)], 0)).coerce(False)
    value = fn.SUM(Case(None, [(counts, Gesture.value_minor)], 0)).coerce(False)
    rows = (Incident.select(Incident.id, Incident.reported_at, Category.name.alias("category"),
                            Incident.description, Incident.status, Incident.reaction,
                            cost.alias("cost"), value.alias("value"))
            .join(Category, on=(Incident.category == Category.id))
            .join_from(Incident, Gesture, JOIN.LEFT_OUTER, on=(Gesture.incident == Incident.id))
            .join_from(Gesture, Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
            .where(Incident.customer == customer_id)
            .group_by(Incident.id, Category.name)
            .order_by(Incident.reported_at.desc(), Incident.id.desc()).dicts())
    history = []
    for r in cast(list[dict[str, Any]], list(rows)):
        gestures = f"the gestures of incident {r['id']}"
        history.append(CardIncident(
            r["id"], local_date(r["reported_at"], tz), r["category"], r["description"],
            r["status"], r["reaction"], stored_sum(r["cost"], gestures),
            stored_sum(r["value"], gestures)))
    visits = [v.visited_on for v in ReturnVisit.select(ReturnVisit.visited_on)
              .where(ReturnVisit.customer == customer_id)
              .order_by(ReturnVisit.visited_on.desc())]
    info = CustomerInfo(person.id, person.name, person.phone, person.email, person.notes,
                        person.lost_on, person.erased_at is not None)
    return CustomerCard(info, history, visits, sum(i.cost_minor for i in history))


def update_customer(actor_id: int, customer_id: int, data: CustomerInput,
                    now: datetime | None = None) -> list[str]:
    """Change a customer's details and notes; returns the names of the fields changed.

    Audited with the field names only: the values are personal data (SPEC §9).
    """
    data = validate_customer(data)
    at = _base.utcnow(now)
    with _base.write():
        _base.active_employee(actor_id)
        person = usable_customer(customer_id)
        new = {"name": data.name, "phone": data.phone, "email": data.email,
               "notes": data.notes}
        changed = sorted(k for k, v in new.items() if getattr(person, k) != v)
        if changed:
            Customer.update(**{k: new[k] for k in changed}).where(
                Customer.id == customer_id).execute()
            audit_log.append(actor_id, "customer.edit", "customer", customer_id,
                             {"fields": changed}, at)
    return changed


def merge_customers(actor_id: int, keep_id: int, duplicate_id: int,
                    now: datetime | None = None) -> CustomerCard:
    """Join two cards of the same person: ``duplicate_id``'s incidents and return visits move
    to ``keep_id``, its blank fields fill the kept card's empty ones, notes are joined, and
    the duplicate card is deleted (its bytes zeroed: ``secure_delete``, store.db). Audited by
    ids.
    """
    if keep_id == duplicate_id:
        raise ValidationError("Pick two different customers to merge.", "customer")
    at = _base.utcnow(now)
    with _base.write():
        _base.active_employee(actor_id)
        keep, duplicate = usable_customer(keep_id), usable_customer(duplicate_id)
        fields: dict[str, Any] = {
            field: getattr(keep, field) or getattr(duplicate, field)
            for field in ("name", "phone", "email")}
        notes = [n for n in (keep.notes, duplicate.notes) if n]
        fields["notes"] = "\n".join(dict.fromkeys(notes))[:2000]
        lost = [d for d in (keep.lost_on, duplicate.lost_on) if d is not None]
        fields["lost_on"] = min(lost) if lost else None
        moved_incidents = Incident.update(customer=keep_id).where(
            Incident.customer == duplicate_id).execute()
        moved_visits = ReturnVisit.update(customer=keep_id).where(
            ReturnVisit.customer == duplicate_id).execute()
        Customer.update(**fields).where(Customer.id == keep_id).execute()
        Customer.delete().where(Customer.id == duplicate_id).execute()
        returns.refresh_customer(_base.settings().tz, keep_id)
        audit_log.append(actor_id, "customer.merge", "customer", keep_id,
                         {"merged": duplicate_id, "incidents": int(moved_incidents),
                          "visits": int(moved_visits)}, at)
    return customer_card(keep_id)


def export_customer_data(actor_id: int, customer_id: int, path: Path,
                         now: datetime | None = None) -> Path:
    """Write everything held about one person to a JSON file (an access request, SPEC §9).

    Owners only. The file holds their details and notes, return visits, and every incident
    with its gestures (voids marked) and follow-ups; money in minor units plus the currency.
    """
    at = _base.utcnow(now)
    settings = _base.settings()
    _base.require_owner(actor_id)
    card = customer_card(customer_id)
    data = {
        "business": settings.name,
        "exported_at": at.isoformat(timespec="seconds") + "Z",
        "currency": settings.currency,
        "customer": {"id": card.customer.id, "name": card.customer.name,
                     "phone": card.customer.phone, "email": card.customer.email,
                     "notes": card.customer.notes,
                     "erased": card.customer.erased,
                     "marked_lost_on": _iso(card.customer.lost_on)},
        "return_visits": [_iso(v) for v in card.visits],
        "incidents": [_incident_export(i) for i in card.incidents],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2)
    save_file(path, (text + "\n").encode("utf-8"))
    with _base.write():
        audit_log.append(actor_id, "customer.export", "customer", customer_id, {}, at)
    return path


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _incident_export(incident: CardIncident) -> dict[str, Any]:
    gestures = (Gesture.select(Gesture.kind, Gesture.description, Gesture.cost_minor,
                               Gesture.value_minor, Void.id.alias("void_id"))
                .join(Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
                .where(Gesture.incident == incident.id).order_by(Gesture.id).dicts())
    followups = (FollowUp.select(FollowUp.due_on, FollowUp.outcome, FollowUp.note,
                                 Employee.name.alias("done_by"))
                 .join(Employee, JOIN.LEFT_OUTER, on=(FollowUp.done_by == Employee.id))
                 .where(FollowUp.incident == incident.id).order_by(FollowUp.id).dicts())
    return {
        "reported_on": incident.reported_on.isoformat(), "category": incident.category,
        "what_happened": incident.description, "status": incident.status,
        "reaction": incident.reaction,
        "gestures": [{"kind": g["kind"], "description": g["description"],
                      "cost_minor": g["cost_minor"], "value_minor": g["value_minor"],
                      "voided": g["void_id"] is not None}
                     for g in cast(list[dict[str, Any]], list(gestures))],
        "follow_ups": [{"due_on": f["due_on"].isoformat() if f["due_on"] else None,
                        "outcome": f["outcome"], "note": f["note"]}
                       for f in cast(list[dict[str, Any]], list(followups))],
    }
