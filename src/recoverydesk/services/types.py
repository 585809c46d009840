"""Plain records the services return; screens and the CLI never see peewee models.

The records of the work after signing in (recoveries, customers, the counter, follow-ups,
checks, restores and copies, the Team page) are defined in ``work_types`` and load on their
first use here (PEP 562 ``__getattr__``): every start imports this module before the sign-in
window shows, and each frozen dataclass costs about half a millisecond to create
(benchmarks/startup.py). Import them from here as any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for the type checker; at run time __getattr__ below finds them
    from recoverydesk.services.work_types import (  # noqa: F401  (re-exported)
        Approval,
        CopyResult,
        CounterEntry,
        CustomerHistory,
        CustomerInfo,
        CustomerMatch,
        FollowUpDue,
        FollowUpsDue,
        GestureInput,
        GestureLogged,
        Problem,
        RecoveryLogged,
        RestoreResult,
        TeamMember,
    )

_WORK_TYPES = frozenset({
    "Approval", "CopyResult", "CounterEntry", "CustomerHistory", "CustomerInfo",
    "CustomerMatch", "FollowUpDue", "FollowUpsDue", "GestureInput", "GestureLogged", "Problem",
    "RecoveryLogged", "RestoreResult", "TeamMember",
})


def __getattr__(name: str) -> Any:
    if name in _WORK_TYPES:
        from recoverydesk.services import work_types

        value = getattr(work_types, name)
        globals()[name] = value  # found directly from now on
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
class BusinessInfo:
    name: str
    currency: str
    locale: str
    timezone: str
    created_at: datetime


@dataclass(frozen=True)
class BackupInfo:
    """One backup file; ``at`` is when it was made (naive UTC)."""

    path: Path
    at: datetime
    size: int


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
