"""Plain records the services return; screens and the CLI never see peewee models."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from recoverydesk.core.budget import SpendCheck


@dataclass(frozen=True)
class EmployeeInfo:
    id: int
    name: str
    role: str
    active: bool


@dataclass(frozen=True)
class SignedIn:
    """Who is at the till after a successful sign-in."""

    employee_id: int
    name: str
    role: str

    @property
    def is_owner(self) -> bool:
        return self.role == "owner"


@dataclass(frozen=True)
class SetupResult:
    """``recovery_key`` is shown once to print and keep; only its hash is stored."""

    owner_id: int
    recovery_key: str


@dataclass(frozen=True)
class NewEmployee:
    id: int
    recovery_key: str | None  # owners get one, shown once


@dataclass(frozen=True)
class BudgetInfo:
    """A budget change as kept in the history; ``None`` amounts mean no limit."""

    effective_month: str
    allowance_minor: int | None
    per_incident_limit_minor: int | None


@dataclass(frozen=True)
class BudgetStatus:
    """An employee's budget month: allowance (with rollover), spend and what is left."""

    employee_id: int
    month: str
    allowance_minor: int | None
    carry_minor: int
    per_incident_limit_minor: int | None
    spent_minor: int
    remaining_minor: int | None
    escalations: int


@dataclass(frozen=True)
class GestureInput:
    """A gesture to add: ``cost_minor`` in minor units, ``value_minor`` optional."""

    kind: str
    cost_minor: int
    value_minor: int | None = None
    description: str = ""


@dataclass(frozen=True)
class Approval:
    """An owner approving a spend past a limit, on the spot, with their PIN."""

    approver_id: int
    pin: str


@dataclass(frozen=True)
class GestureLogged:
    gesture_id: int
    check: SpendCheck
    approved_by: int | None


@dataclass(frozen=True)
class RecoveryLogged:
    incident_id: int
    gesture: GestureLogged | None
    followup_id: int | None
    customer_id: int | None  # also set when the customer was added with the recovery


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class PresetInfo:
    id: int
    label: str
    kind: str
    cost_minor: int
    value_minor: int | None
    active: bool


@dataclass(frozen=True)
class CustomerInfo:
    id: int
    name: str
    phone: str
    email: str
    notes: str
    lost_on: date | None
    erased: bool


@dataclass(frozen=True)
class Problem:
    """One finding of ``check``: which check found it and a sentence about it."""

    check: str
    message: str


@dataclass(frozen=True)
class BusinessInfo:
    name: str
    currency: str
    locale: str
    timezone: str
    created_at: datetime


@dataclass(frozen=True)
class CounterEntry:
    """One of my incidents logged today, as the counter page lists it."""

    incident_id: int
    reported_at: datetime  # naive UTC
    category: str
    description: str
    customer_name: str
    cost_minor: int  # my non-voided gestures on it
    approved: bool  # one of them went past a limit with an owner's approval


@dataclass(frozen=True)
class FollowUpDue:
    """An open follow-up due today or earlier."""

    followup_id: int
    incident_id: int
    due_on: date
    overdue: bool
    customer_name: str
    customer_phone: str
    description: str


@dataclass(frozen=True)
class FollowUpsDue:
    """Counts of all open follow-ups due today and overdue, and the first of them."""

    due_today: int
    overdue: int
    items: tuple[FollowUpDue, ...]


@dataclass(frozen=True)
class CustomerMatch:
    """A type-ahead hit: enough to tell two customers apart at the counter."""

    id: int
    name: str
    phone: str
    email: str


@dataclass(frozen=True)
class CustomerHistory:
    """A known customer at a glance (SPEC §7): this calendar year and the notes."""

    customer_id: int
    name: str
    year: int
    incidents: int
    gestures: int
    cost_minor: int  # non-voided gestures on their incidents this year
    last_incident_on: date | None
    notes: str


@dataclass(frozen=True)
class BackupInfo:
    """One backup file; ``at`` is when it was made (naive UTC)."""

    path: Path
    at: datetime
    size: int


@dataclass(frozen=True)
class RestoreResult:
    """``previous`` is where the file that was replaced now is (a backup, or the damaged file
    moved aside)."""

    restored_from: Path
    previous: Path | None
    business: str
    audit_entries: int


@dataclass(frozen=True)
class CopyResult:
    """What ``copy`` moved: rows per table, and the verified audit chain length."""

    rows: dict[str, int]
    audit_entries: int


@dataclass(frozen=True)
class TeamMember:
    """One employee on the Team page: who they are, their budget status this month and the
    budget change already planned for a later month (if any)."""

    id: int
    name: str
    role: str
    active: bool
    status: BudgetStatus
    planned: BudgetInfo | None


@dataclass(frozen=True)
class PresetPlan:
    """A gesture preset to create at first run; amounts in minor units."""

    label: str
    kind: str
    cost_minor: int
    value_minor: int | None = None


@dataclass(frozen=True)
class StaffPlan:
    """A person to add at first run with their budget from the setup month on (``None``
    amounts: no limit, owners only). An owner's ``recovery_key`` is made up front, like the
    first owner's, so it can be shown before anything is stored."""

    name: str
    role: str
    pin: str
    allowance_minor: int | None
    per_incident_limit_minor: int | None
    recovery_key: str | None = None


@dataclass(frozen=True)
class SetupPlan:
    """Everything the first-run wizard collected; ``recovery_key`` is the first owner's,
    shown to them before the business is created (only its hash is stored)."""

    name: str
    currency: str
    locale: str
    timezone: str
    owner_name: str
    owner_pin: str
    recovery_key: str
    categories: tuple[str, ...]
    presets: tuple[PresetPlan, ...] = ()
    staff: tuple[StaffPlan, ...] = ()
