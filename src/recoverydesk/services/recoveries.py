"""Logging recoveries and spending from the budget (SPEC §4): the ledger's write path.

Every spend goes through :func:`_evaluate` inside the same write transaction as its insert, so
the budget check and the write are one step; an approval PIN is checked before that
transaction opens (the slow hash must not hold the write lock, and a wrong PIN must count even
though the spend is refused).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from recoverydesk.core.budget import (
    NO_BUDGET,
    Budget,
    Limit,
    SpendCheck,
    check_spend,
    effective_allowance,
)
from recoverydesk.core.domain import (
    GESTURE_KINDS,
    MAX_DESCRIPTION,
    MAX_REASON,
    SEVERITIES,
    VOID_OWN_WINDOW_MINUTES,
    choose,
    clean_text,
)
from recoverydesk.core.months import local_date, month_of, month_range_utc, zone
from recoverydesk.errors import NotFound, OverLimit, PermissionDenied, ValidationError
from recoverydesk.services import _base, audit_log, auth, team
from recoverydesk.services._base import Settings
from recoverydesk.services.catalog import check_amount
from recoverydesk.services.customers import CustomerInput, create_customer
from recoverydesk.services.types import Approval, GestureInput, GestureLogged, RecoveryLogged
from recoverydesk.store import ledger
from recoverydesk.store.db import is_postgres
from recoverydesk.store.models import Gesture, Incident, Void


@dataclass(frozen=True)
class IncidentInput:
    """What happened, as typed at the counter."""

    category_id: int
    description: str
    severity: str = "minor"
    proactive: bool = False


def _clean_gesture(gesture: GestureInput, currency: str) -> GestureInput:
    choose(gesture.kind, GESTURE_KINDS, "kind")
    check_amount(gesture.cost_minor, currency, "cost")
    if gesture.value_minor is not None:
        check_amount(gesture.value_minor, currency, "value")
    description = clean_text(gesture.description, "gesture_description", max_len=MAX_DESCRIPTION,
                             required=False, label="gesture description", multiline=True)
    return GestureInput(gesture.kind, gesture.cost_minor, gesture.value_minor, description)


def _clean_incident(data: IncidentInput) -> IncidentInput:
    description = clean_text(data.description, "description", max_len=MAX_DESCRIPTION,
                             label="description of what happened", multiline=True)
    choose(data.severity, SEVERITIES, "severity")
    return IncidentInput(data.category_id, description, data.severity, bool(data.proactive))


def _evaluate(settings: Settings, employee_id: int, incident_id: int | None, cost: int,
              at: datetime) -> SpendCheck:
    month = month_of(at, settings.tz)
    tz = settings.tz
    budget, carry = team.allowance_in_month(employee_id, month, settings.rollover, tz)
    return check_spend(
        allowance=effective_allowance(budget, carry),
        spent=team.spent_in_month(employee_id, month, tz),
        per_incident_limit=budget.per_incident_limit,
        incident_total=ledger.incident_total(incident_id, employee_id) if incident_id else 0,
        cost=cost)


_last_zone: list[str] = ["UTC"]  # the business time zone seen by the previous recovery


def _evaluate_new_incident(settings: Settings, context: ledger.RecoveryContext, guess: str,
                           actor_id: int, cost: int, at: datetime) -> SpendCheck:
    """The budget check of a new incident's gesture, from the facts read with the context.

    Those facts are for the month of the time zone guessed before the settings were read;
    with another zone or rollover on, the general path reads again (same transaction).
    """
    if settings.timezone != guess or settings.rollover:
        return _evaluate(settings, actor_id, None, cost, at)
    budget = NO_BUDGET if context.budget is None else Budget(*context.budget)
    return check_spend(allowance=effective_allowance(budget, 0), spent=context.spent,
                       per_incident_limit=budget.per_incident_limit, incident_total=0,
                       cost=cost)


def over_limit_message(check: SpendCheck, settings: Settings) -> str:
    parts = []
    for overage in check.overages:
        if overage.limit is Limit.MONTHLY_ALLOWANCE:
            left = max(check.remaining_before or 0, 0)
            parts.append(f"over the monthly allowance by {settings.money(overage.over_by)} "
                         f"({settings.money(left)} left of {settings.money(overage.limit_amount)})")
        else:
            parts.append(f"over the per-incident limit by {settings.money(overage.over_by)} "
                         f"(limit {settings.money(overage.limit_amount)})")
    return "Needs owner approval: " + "; ".join(parts) + "."


def preview_gesture(employee_id: int, cost_minor: int, incident_id: int | None = None,
                    now: datetime | None = None) -> SpendCheck:
    """Would this spend be within limits right now? (For the live preview; writes nothing.)"""
    settings = _base.settings()
    check_amount(cost_minor, settings.currency, "cost")
    return _evaluate(settings, employee_id, incident_id, cost_minor, _base.utcnow(now))


def _check_customer(customer_id: int, state: bool | None) -> None:
    if state is None:
        raise NotFound(f"There is no customer with id {customer_id}.")
    if not state:
        raise ValidationError("This customer's data was erased; add them as a new customer.",
                              "customer")


def _approve(approval: Approval | None, spender_id: int, at: datetime) -> int | None:
    if approval is None:
        return None
    return int(auth.verify_approver(approval.approver_id, approval.pin, spender_id, at).id)


def _write_gesture(settings: Settings, employee_id: int, incident_id: int,
                   gesture: GestureInput, approver_id: int | None, at: datetime,
                   check: SpendCheck) -> tuple[int, dict[str, Any]]:
    """Insert one checked gesture; return its id and its money facts for the audit entry."""
    if not check.within_limits and approver_id is None:
        raise OverLimit(over_limit_message(check, settings), check)
    approved_by = approver_id if not check.within_limits else None
    gesture_id = ledger.insert_gesture(
        incident=incident_id, employee=employee_id, kind=gesture.kind,
        description=gesture.description, cost=gesture.cost_minor, value=gesture.value_minor,
        approved_by=approved_by, created_at=at)
    facts = {"id": gesture_id, "incident": incident_id, "employee": employee_id,
             "kind": gesture.kind, "cost": gesture.cost_minor, "value": gesture.value_minor,
             "approved_by": approved_by}
    if approved_by is not None:
        facts["over"] = {o.limit.value: o.over_by for o in check.overages}
    return gesture_id, facts


def log_recovery(actor_id: int, incident: IncidentInput, *, customer_id: int | None = None,
                 new_customer: CustomerInput | None = None, gesture: GestureInput | None = None,
                 approval: Approval | None = None, now: datetime | None = None) -> RecoveryLogged:
    """Log an incident with an optional customer and gesture, in one transaction.

    A customer (existing or new) gets a follow-up due after the settings' delay. Past a limit
    the call raises :class:`OverLimit` and writes nothing, unless ``approval`` names another,
    active owner with their right PIN.
    """
    at = _base.utcnow(now)
    incident = _clean_incident(incident)
    if customer_id is not None and new_customer is not None:
        raise ValidationError("Pick a customer or add a new one, not both.", "customer")
    approver_id = None
    if approval is not None and gesture is not None:
        _base.check_active(actor_id)  # an inactive spender gets no approval prompt
        approver_id = _approve(approval, actor_id, at)
    guess = _last_zone[0]
    guessed_tz = zone(guess)
    month = month_of(at, guessed_tz)
    with _base.write():
        if gesture is not None:
            ledger.lock_spender(actor_id)  # PostgreSQL: before any budget read (no-op on SQLite)
        context = ledger.recovery_context(actor_id, incident.category_id, customer_id,
                                          month.key(), *month_range_utc(month, guessed_tz))
        settings = _base.settings_from_row(context.settings if context else None)
        assert context is not None
        _last_zone[0] = settings.timezone
        _base.check_active(actor_id, context.actor)
        if not context.category_active:
            raise ValidationError("Choose a category.", "category")
        if customer_id is not None:
            _check_customer(customer_id, context.customer_usable)
        if gesture is not None:
            gesture = _clean_gesture(gesture, settings.currency)
        check = (_evaluate_new_incident(settings, context, guess, actor_id, gesture.cost_minor,
                                        at) if gesture is not None else None)
        if new_customer is not None:
            customer_id = create_customer(actor_id, new_customer, at)
        incident_id = ledger.insert_incident(
            reported_at=at, reported_by=actor_id, category=incident.category_id,
            description=incident.description, severity=incident.severity,
            proactive=incident.proactive, customer=customer_id)
        details: dict[str, Any] = {"category": incident.category_id,
                                   "severity": incident.severity,
                                   "proactive": incident.proactive, "customer": customer_id}
        logged = None
        if gesture is not None and check is not None:
            gesture_id, facts = _write_gesture(settings, actor_id, incident_id, gesture,
                                               approver_id, at, check)
            details["gestures"] = [facts]
            logged = GestureLogged(gesture_id, check, facts["approved_by"])
        followup_id = None
        if customer_id is not None:
            due = local_date(at, settings.tz) + timedelta(days=settings.followup_delay_days)
            followup_id = ledger.insert_followup(incident=incident_id, due_on=due,
                                                 created_at=at)
            details["followup"] = {"id": followup_id, "due_on": due.isoformat()}
        # A new customer's audit entry moved the head past the one read with the context;
        # on PostgreSQL the head must be read with its row lock (audit_log.append does).
        reuse_head = new_customer is None and not is_postgres()
        audit_log.append(actor_id, "recovery.log", "incident", incident_id, details, at,
                         head=context.audit_head if reuse_head else None)
    return RecoveryLogged(incident_id, logged, followup_id, customer_id)


def add_gesture(actor_id: int, incident_id: int, gesture: GestureInput,
                approval: Approval | None = None, now: datetime | None = None) -> GestureLogged:
    """Add a gesture to an existing incident under the same budget rules."""
    at = _base.utcnow(now)
    settings = _base.settings()
    _base.active_employee(actor_id)
    gesture = _clean_gesture(gesture, settings.currency)
    if not Incident.select().where(Incident.id == incident_id).exists():
        raise NotFound(f"There is no incident with id {incident_id}.")
    approver_id = _approve(approval, actor_id, at)
    with _base.write():
        ledger.lock_spender(actor_id)
        _base.active_employee(actor_id)
        check = _evaluate(settings, actor_id, incident_id, gesture.cost_minor, at)
        gesture_id, facts = _write_gesture(settings, actor_id, incident_id, gesture,
                                           approver_id, at, check)
        audit_log.append(actor_id, "gesture.add", "gesture", gesture_id,
                         {"gestures": [facts]}, at)
    return GestureLogged(gesture_id, check, facts["approved_by"])


def void_gesture(actor_id: int, gesture_id: int, reason: str,
                 now: datetime | None = None) -> int:
    """Void a gesture: its author within 10 minutes, otherwise an owner; a reason always.

    The voided cost stops counting in the gesture's own month.
    """
    reason = clean_text(reason, "reason", max_len=MAX_REASON, label="reason for the void")
    at = _base.utcnow(now)
    with _base.write():
        actor = _base.active_employee(actor_id)
        gesture = Gesture.get_or_none(Gesture.id == gesture_id)
        if gesture is None:
            raise NotFound(f"There is no gesture with id {gesture_id}.")
        if Void.select().where(Void.gesture == gesture_id).exists():
            raise ValidationError("This gesture is already voided.", "gesture")
        own_and_recent = (gesture.employee_id == actor.id
                          and at - gesture.created_at <= timedelta(minutes=VOID_OWN_WINDOW_MINUTES))
        if actor.role != "owner" and not own_and_recent:
            raise PermissionDenied(
                f"Only an owner can void this: staff can void their own gesture within "
                f"{VOID_OWN_WINDOW_MINUTES} minutes.")
        void = Void.create(gesture=gesture_id, voided_by=actor_id, voided_at=at, reason=reason,
                           gesture_employee_id=gesture.employee_id,
                           gesture_created_at=gesture.created_at,
                           gesture_cost_minor=gesture.cost_minor)
        audit_log.append(actor_id, "gesture.void", "gesture", gesture_id,
                         {"voids": [{"id": void.id, "gesture": gesture_id, "by": actor_id,
                                     "reason": reason}]}, at)
    return int(void.id)
