"""Records of the work after signing in, re-exported by ``services.types`` (import them
from there): kept apart so that the start, which imports ``types`` before the sign-in window
shows, does not create them (see that module)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recoverydesk.core.budget import SpendCheck
    from recoverydesk.services.types import BudgetInfo, BudgetStatus


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
