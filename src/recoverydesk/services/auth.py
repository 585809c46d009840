"""Sign-in with PIN, lockout, owner approvals and recovery-key PIN resets (SPEC §4).

Lockouts live in the employee row, so every till sees them. The slow hash is computed outside
the write transaction (it would hold the write lock for tens of milliseconds); the outcome is
then applied inside one, re-reading the row.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from recoverydesk.core import pins
from recoverydesk.core.domain import LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES
from recoverydesk.errors import AuthenticationError, LockedOut, NotFound, PermissionDenied
from recoverydesk.services import _base, audit_log, team
from recoverydesk.services.types import SignedIn
from recoverydesk.store.models import Employee


def _locked_message(name: str, until: datetime, at: datetime) -> str:
    minutes = max(1, -(-int((until - at).total_seconds()) // 60))
    return (f"{name} is locked after {LOCKOUT_ATTEMPTS} wrong PINs; try again in "
            f"{minutes} minute{'s' if minutes != 1 else ''}.")


def _check_pin(employee: Employee, pin: str, at: datetime, action: str,
               subject_id: int | None = None) -> None:
    """Verify ``pin`` for ``employee``, counting failures toward the lockout.

    Must be called outside a transaction: on a wrong PIN the failure is committed in its own
    transaction before the error is raised, so it survives whatever the caller rolls back.
    ``action`` names the audit action ("sign_in" or "approval").
    """
    if employee.locked_until is not None and employee.locked_until > at:
        with _base.write():
            audit_log.append(employee.id, f"{action}.locked_out", "employee", employee.id,
                             {"subject": subject_id} if subject_id else {}, at)
        raise LockedOut(_locked_message(employee.name, employee.locked_until, at),
                        employee.locked_until)
    correct = pins.verify_secret(pin, employee.pin_hash)
    with _base.write():
        fresh = Employee.get_by_id(employee.id)
        if correct:
            if fresh.failed_pins or fresh.locked_until:
                Employee.update(failed_pins=0, locked_until=None).where(
                    Employee.id == employee.id).execute()
            return
        failures = fresh.failed_pins + 1
        if fresh.locked_until is not None and fresh.locked_until <= at:
            failures = 1  # the previous lock has run out: a fresh count starts
        locked_until = at + timedelta(minutes=LOCKOUT_MINUTES) if failures >= LOCKOUT_ATTEMPTS \
            else None
        Employee.update(failed_pins=0 if locked_until else failures,
                        locked_until=locked_until).where(Employee.id == employee.id).execute()
        details: dict[str, object] = {"failures": failures}
        if subject_id:
            details["subject"] = subject_id
        audit_log.append(employee.id, f"{action}.failed", "employee", employee.id, details, at)
    if locked_until is not None:
        raise LockedOut(_locked_message(employee.name, locked_until, at), locked_until)
    left = LOCKOUT_ATTEMPTS - failures
    raise AuthenticationError(f"Wrong PIN. {left} more wrong PIN{'s' if left != 1 else ''} "
                              f"and {employee.name} is locked for {LOCKOUT_MINUTES} minutes.")


def sign_in(employee_id: int, pin: str, now: datetime | None = None) -> SignedIn:
    """Check an employee's PIN at the till.

    Raises:
        AuthenticationError: wrong PIN (audited, counts toward the lockout).
        LockedOut: five wrong PINs in a row; the lock lasts five minutes.
        PermissionDenied / NotFound: inactive or unknown employee.
    """
    at = _base.utcnow(now)
    employee = _base.active_employee(employee_id)
    _check_pin(employee, pin, at, "sign_in")
    return SignedIn(employee.id, employee.name, employee.role)


def verify_approver(approver_id: int, pin: str, spender_id: int, at: datetime) -> Employee:
    """An owner approving someone else's over-limit spend with their PIN.

    Runs before the spend's transaction; a wrong PIN counts toward the approver's lockout.
    """
    approver = Employee.get_or_none(Employee.id == approver_id)
    if approver is None:
        raise NotFound("The approving owner does not exist.")
    if not approver.active or approver.role != "owner":
        raise PermissionDenied(f"{approver.name} is not an active owner and cannot approve.")
    if approver.id == spender_id:
        raise PermissionDenied("Nobody approves their own spend: another owner must approve.")
    _check_pin(approver, pin, at, "approval", subject_id=spender_id)
    return approver


def owner_for_reset(employee_name: str) -> Employee:
    """The active owner called ``employee_name`` who has a recovery key, so a reset can ask
    for the key and the new PIN only once it is known to be possible.

    Raises:
        NotFound: nobody by that name is an owner with a key.
        PermissionDenied: that owner is no longer active.
    """
    employee = team.find_by_name(employee_name)
    if employee is None or employee.role != "owner" or not employee.recovery_key_hash:
        raise NotFound(f"There is no owner called '{employee_name}'.")
    if not employee.active:
        raise PermissionDenied(f"{employee.name} is no longer active.")
    return employee


def reset_pin_with_key(employee_name: str, recovery_key: str, new_pin: str,
                       now: datetime | None = None) -> str:
    """An owner who forgot their PIN sets a new one with their recovery key.

    The used key is replaced; the new key is returned (shown once). Both the use and any
    failed attempt are audited.
    """
    pins.validate_pin(new_pin, "new_pin")
    at = _base.utcnow(now)
    employee = owner_for_reset(employee_name)
    key = pins.normalize_recovery_key(recovery_key)
    assert employee.recovery_key_hash is not None  # owner_for_reset made sure
    if not pins.verify_secret(key, employee.recovery_key_hash):
        with _base.write():
            audit_log.append(None, "recovery_key.failed", "employee", employee.id, {}, at)
        raise AuthenticationError("That recovery key is not right for this owner.")
    new_key = pins.new_recovery_key()
    cost = _base.settings().pin_cost
    pin_hash, key_hash = pins.hash_secret(new_pin, cost), pins.hash_secret(new_key, cost)
    with _base.write():
        Employee.update(pin_hash=pin_hash, recovery_key_hash=key_hash, failed_pins=0,
                        locked_until=None).where(Employee.id == employee.id).execute()
        audit_log.append(employee.id, "recovery_key.used", "employee", employee.id, {}, at)
    return new_key


def confirm_owner(owner_id: int, pin: str, now: datetime | None = None) -> None:
    """An owner types their PIN again to confirm a sensitive step (a PIN reset, a restore).

    A wrong PIN is audited and counts toward the owner's lockout, like a sign-in.
    """
    at = _base.utcnow(now)
    owner = _base.require_owner(owner_id)
    _check_pin(owner, pin, at, "owner_confirm")


def reset_pin(owner_id: int, owner_pin: str, employee_id: int, new_pin: str,
              now: datetime | None = None) -> None:
    """An owner sets someone's new PIN, confirming with their own PIN (SPEC §7 Team).

    The new PIN is checked first, so a typo in it costs no lockout attempt.
    """
    pins.validate_pin(new_pin, "new_pin")
    confirm_owner(owner_id, owner_pin, now)
    team.set_pin(owner_id, employee_id, new_pin, now)
