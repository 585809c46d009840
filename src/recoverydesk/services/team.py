"""Employees and their dated budgets (SPEC §3, §4)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from peewee import JOIN

from recoverydesk.core import pins
from recoverydesk.core.budget import NO_BUDGET, Budget, effective_allowance, rollover_carry
from recoverydesk.core.domain import MAX_NAME, ROLES, choose, clean_text
from recoverydesk.core.months import Month, month_of, month_range_utc
from recoverydesk.errors import NotFound, PermissionDenied, ValidationError
from recoverydesk.services import _base, audit_log
from recoverydesk.services.catalog import check_amount
from recoverydesk.services.types import BudgetInfo, BudgetStatus, EmployeeInfo, NewEmployee
from recoverydesk.store import ledger
from recoverydesk.store.models import BudgetChange, Employee, Gesture, Void

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo  # core.months imports it when a zone is made


def create_employee(actor_id: int | None, name: str, role: str, pin: str,
                    at: datetime, recovery_key: str | None = None) -> NewEmployee:
    """Insert an employee inside the caller's transaction; owners get a recovery key
    (``recovery_key`` if one was made and shown beforehand, else a new one)."""
    name = clean_text(name, "name", max_len=MAX_NAME)
    choose(role, ROLES, "role")
    pins.validate_pin(pin)
    if recovery_key is not None:
        if role != "owner":
            raise ValidationError("Only owners have a recovery key.", "recovery_key")
        pins.check_recovery_key(recovery_key)
    if find_by_name(name) is not None:
        raise ValidationError(f"There is already an employee called '{name}'.", "name")
    cost = _base.settings().pin_cost
    key = (recovery_key or pins.new_recovery_key()) if role == "owner" else None
    employee = Employee.create(
        name=name, role=role, pin_hash=pins.hash_secret(pin, cost),
        recovery_key_hash=pins.hash_secret(key, cost) if key else None, created_at=at)
    audit_log.append(actor_id, "employee.add", "employee", employee.id,
                     {"name": name, "role": role}, at)
    return NewEmployee(id=int(employee.id), recovery_key=key)


def add_employee(actor_id: int, name: str, role: str, pin: str,
                 now: datetime | None = None) -> NewEmployee:
    """Add staff or an owner (owners only). An owner's recovery key is returned once."""
    with _base.write():
        _base.require_owner(actor_id)
        return create_employee(actor_id, name, role, pin, _base.utcnow(now))


def set_active(actor_id: int, employee_id: int, active: bool,
               now: datetime | None = None) -> None:
    """Deactivate (or reactivate) an employee; people are never deleted while referenced."""
    at = _base.utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        employee = _get(employee_id)
        if employee.active == active:
            return
        if not active and employee.role == "owner" and _active_owner_count() == 1:
            raise PermissionDenied("The last active owner cannot be deactivated.")
        Employee.update(active=active).where(Employee.id == employee_id).execute()
        audit_log.append(actor_id, "employee.activate" if active else "employee.deactivate",
                         "employee", employee_id, {}, at)


def set_pin(actor_id: int, employee_id: int, new_pin: str, now: datetime | None = None) -> None:
    """An owner sets someone's PIN (or their own); clears any lockout."""
    pins.validate_pin(new_pin, "new_pin")
    at = _base.utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        _get(employee_id)
        digest = pins.hash_secret(new_pin, _base.settings().pin_cost)
        Employee.update(pin_hash=digest, failed_pins=0, locked_until=None).where(
            Employee.id == employee_id).execute()
        audit_log.append(actor_id, "employee.pin_change", "employee", employee_id, {}, at)


def list_employees(include_inactive: bool = False) -> list[EmployeeInfo]:
    query = Employee.select().order_by(Employee.name)
    if not include_inactive:
        query = query.where(Employee.active == True)  # noqa: E712
    return [EmployeeInfo(e.id, e.name, e.role, e.active) for e in query]


def employee_by_name(name: str) -> EmployeeInfo:
    employee = find_by_name(name)
    if employee is None:
        raise NotFound(f"There is no employee called '{name}'.")
    return EmployeeInfo(employee.id, employee.name, employee.role, employee.active)


def set_budget(actor_id: int, employee_id: int, from_month: Month, allowance_minor: int | None,
               per_incident_limit_minor: int | None, now: datetime | None = None) -> None:
    """Set a budget in force from ``from_month`` on (owners only).

    Past months keep the budget they had: a change may start this month or later, never
    earlier. ``None`` (no limit) is for owners only.
    """
    at = _base.utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        employee = _get(employee_id)
        settings = _base.settings()
        if from_month < month_of(at, settings.tz):
            raise ValidationError("A budget change can start this month or later; past "
                                  "months keep the budget they had.", "month")
        for value, field in ((allowance_minor, "allowance"),
                             (per_incident_limit_minor, "per_incident_limit")):
            if value is None:
                if employee.role != "owner":
                    raise ValidationError("Only owners can have no limit.", field)
            else:
                check_amount(value, settings.currency, field)
        old = budget_for(employee_id, from_month)
        (BudgetChange.insert(employee=employee_id, effective_month=from_month.key(),
                             allowance_minor=allowance_minor,
                             per_incident_limit_minor=per_incident_limit_minor,
                             set_by=actor_id, set_at=at)
         .on_conflict(  # an upsert both engines speak (REPLACE is SQLite-only)
             conflict_target=[BudgetChange.employee, BudgetChange.effective_month],
             update={BudgetChange.allowance_minor: allowance_minor,
                     BudgetChange.per_incident_limit_minor: per_incident_limit_minor,
                     BudgetChange.set_by: actor_id, BudgetChange.set_at: at})
         .execute())
        audit_log.append(actor_id, "budget.set", "employee", employee_id, {
            "from_month": str(from_month),
            "old": {"allowance": old.allowance, "per_incident_limit": old.per_incident_limit},
            "new": {"allowance": allowance_minor, "per_incident_limit": per_incident_limit_minor},
        }, at)


def budget_for(employee_id: int, month: Month) -> Budget:
    """The budget in force in ``month``: the latest change effective at or before it."""
    row = ledger.budget_in_force(employee_id, month.key())
    return NO_BUDGET if row is None else Budget(*row)


def budget_history(employee_id: int) -> list[BudgetInfo]:
    rows = (BudgetChange.select().where(BudgetChange.employee == employee_id)
            .order_by(BudgetChange.effective_month))
    return [BudgetInfo(str(Month.from_key(r.effective_month)), r.allowance_minor,
                       r.per_incident_limit_minor) for r in rows]


def spent_in_month(employee_id: int, month: Month, tz: ZoneInfo | None = None) -> int:
    """Sum of the employee's non-voided gesture costs in the local month (SPEC §4)."""
    return ledger.spent_between(employee_id,
                                *month_range_utc(month, tz or _base.settings().tz))


def allowance_in_month(employee_id: int, month: Month, rollover: bool,
                       tz: ZoneInfo | None = None) -> tuple[Budget, int]:
    """The month's budget and the rollover carried into it (0 when rollover is off)."""
    budget = budget_for(employee_id, month)
    if not rollover:
        return budget, 0
    previous = month.previous()
    carry = rollover_carry(budget_for(employee_id, previous),
                           spent_in_month(employee_id, previous, tz), budget)
    return budget, carry


def budget_status(employee_id: int, month: Month) -> BudgetStatus:
    """Allowance, spend and remaining for the counter and the team page."""
    settings = _base.settings()
    budget, carry = allowance_in_month(employee_id, month, settings.rollover, settings.tz)
    allowance = effective_allowance(budget, carry)
    spent = spent_in_month(employee_id, month, settings.tz)
    start, end = month_range_utc(month, settings.tz)
    escalations = (Gesture.select().join(Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
                   .where((Gesture.employee == employee_id) & (Gesture.created_at >= start)
                          & (Gesture.created_at < end) & Gesture.approved_by.is_null(False)
                          & Void.id.is_null()).count())
    return BudgetStatus(
        employee_id=employee_id, month=str(month), allowance_minor=allowance, carry_minor=carry,
        per_incident_limit_minor=budget.per_incident_limit, spent_minor=spent,
        remaining_minor=None if allowance is None else allowance - spent,
        escalations=escalations)


def find_by_name(name: str) -> Employee | None:
    """Case-insensitive in every script (SQL ``LOWER`` folds ASCII only)."""
    wanted = name.strip().casefold()
    for employee in Employee.select():
        if employee.name.casefold() == wanted:
            return employee
    return None


def _get(employee_id: int) -> Employee:
    employee = Employee.get_or_none(Employee.id == employee_id)
    if employee is None:
        raise NotFound(f"There is no employee with id {employee_id}.")
    return employee


def _active_owner_count() -> int:
    return int(Employee.select().where((Employee.role == "owner")
                                       & (Employee.active == True)).count())  # noqa: E712
