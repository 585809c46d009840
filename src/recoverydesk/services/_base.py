"""Plumbing shared by the services: clock, settings, transactions, actors. Internal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from recoverydesk.core import money
from recoverydesk.core.months import zone
from recoverydesk.errors import NotFound, PermissionDenied, StorageError
from recoverydesk.store import ledger
from recoverydesk.store.db import database, is_postgres
from recoverydesk.store.models import Employee

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo  # core.months imports it when a zone is made


def utcnow(now: datetime | None = None) -> datetime:
    """``now`` (tests and the demo pass one) or the wall clock, as naive UTC."""
    if now is None:
        return datetime.now(UTC).replace(tzinfo=None)
    if now.tzinfo is not None:
        return now.astimezone(UTC).replace(tzinfo=None)
    return now


@dataclass(frozen=True)
class Settings:
    """The business settings as the services use them (SPEC §3)."""

    name: str
    currency: str
    locale: str
    timezone: str
    retention_days: int
    followup_delay_days: int
    auto_signout_minutes: int
    avg_customer_value_minor: int | None
    backup_folder: str | None
    backup_keep: int
    rollover: bool
    theme: str
    pin_cost: int

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)

    def money(self, minor: int) -> str:
        return money.format_money(minor, self.currency, self.locale)


def settings() -> Settings:
    return settings_from_row(ledger.settings_row())


def settings_from_row(row: dict[str, Any] | None) -> Settings:
    if row is None:
        raise StorageError("This database has no business set up.")
    row["rollover"] = bool(row["rollover"])
    return Settings(**row)


@contextmanager
def write() -> Iterator[None]:
    """One write transaction (``BEGIN IMMEDIATE`` on SQLite): checks and writes inside it
    see no other writer, so a budget check stays true until its gesture is committed."""
    # The open database itself, not the proxy: every attribute through the proxy is a Python
    # call, and a transaction touches a dozen (half the cost of an empty one).
    with (database.obj or database).atomic():
        yield


@contextmanager
def snapshot() -> Iterator[None]:
    """One consistent view for reading much (``check``, a month's figures): every query
    inside sees the data as committed when the first one ran, while tills go on writing.
    A deferred transaction on SQLite (WAL keeps its snapshot, and it takes no write lock),
    repeatable read on PostgreSQL. Nothing is written inside it."""
    db = database.obj
    if db.in_transaction():  # already inside one (a caller's): it is the view
        yield
    elif is_postgres():
        with db.atomic():
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    else:
        with db.atomic(lock_type="DEFERRED"):
            yield


def active_employee(employee_id: int) -> Employee:
    employee = Employee.get_or_none(Employee.id == employee_id)
    if employee is None:
        raise NotFound(f"There is no employee with id {employee_id}.")
    if not employee.active:
        raise PermissionDenied(f"{employee.name} is no longer active.")
    return employee


def check_active(employee_id: int,
                 state: tuple[str, bool, str] | Literal[False] | None = False) -> str:
    """Like :func:`active_employee` without loading the row; returns the role.

    ``state`` is the ``(name, active, role)`` already read, if the caller has it.
    """
    if state is False:
        state = ledger.employee_state(employee_id)
    if state is None:
        raise NotFound(f"There is no employee with id {employee_id}.")
    name, active, role = state
    if not active:
        raise PermissionDenied(f"{name} is no longer active.")
    return role


def require_owner(actor_id: int) -> Employee:
    actor = active_employee(actor_id)
    if actor.role != "owner":
        raise PermissionDenied("Only an owner can do this.")
    return actor
