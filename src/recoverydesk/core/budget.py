"""Budget rules of SPEC §4 as plain functions over integers (minor units).

The services read the figures (allowance in force, spent this month, this employee's total on
the incident) inside one write transaction and ask :func:`check_spend` whether a gesture is
within limits; nothing here touches the database or the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Limit(StrEnum):
    MONTHLY_ALLOWANCE = "monthly_allowance"
    PER_INCIDENT = "per_incident_limit"


LIMIT_LABELS = {
    Limit.MONTHLY_ALLOWANCE: "monthly allowance",
    Limit.PER_INCIDENT: "per-incident limit",
}


@dataclass(frozen=True)
class Budget:
    """An employee's budget for a month. ``None`` means no limit (owners only)."""

    allowance: int | None
    per_incident_limit: int | None


NO_BUDGET = Budget(allowance=0, per_incident_limit=0)
"""Before any budget is set an employee can spend nothing without approval."""


@dataclass(frozen=True)
class Overage:
    """One limit a gesture would pass: which, its size, and by how much."""

    limit: Limit
    limit_amount: int
    over_by: int


@dataclass(frozen=True)
class SpendCheck:
    """The verdict on one proposed gesture.

    ``remaining_*`` are ``None`` when the allowance is unlimited.
    """

    cost: int
    allowance: int | None
    spent_before: int
    remaining_before: int | None
    remaining_after: int | None
    incident_total_after: int
    per_incident_limit: int | None
    overages: tuple[Overage, ...]

    @property
    def within_limits(self) -> bool:
        return not self.overages


def rollover_carry(previous: Budget | None, previous_spent: int, current: Budget) -> int:
    """Unused allowance carried from last month into this one (SPEC §4).

    Never negative, at most one month's allowance, and only from last month's own allowance
    (what last month itself carried in does not carry again). No carry to or from "no limit".
    """
    if previous is None or previous.allowance is None or current.allowance is None:
        return 0
    unused = previous.allowance - previous_spent
    return max(0, min(unused, current.allowance))


def effective_allowance(budget: Budget, carry: int) -> int | None:
    return None if budget.allowance is None else budget.allowance + carry


def check_spend(*, allowance: int | None, spent: int, per_incident_limit: int | None,
                incident_total: int, cost: int) -> SpendCheck:
    """Is ``cost`` within the remaining allowance and the per-incident limit?

    Args:
        allowance: this month's allowance including any rollover; ``None`` = no limit.
        spent: the employee's non-voided spend this month, approved spend included.
        per_incident_limit: ``None`` = no limit.
        incident_total: the employee's non-voided spend on this incident so far (any month).
        cost: the proposed gesture's cost, ``>= 0``.
    """
    if cost < 0:
        raise ValueError("cost must not be negative")
    overages: list[Overage] = []
    remaining_before = None if allowance is None else allowance - spent
    if remaining_before is not None and allowance is not None and cost > remaining_before:
        overages.append(Overage(Limit.MONTHLY_ALLOWANCE, allowance, cost - remaining_before))
    total_after = incident_total + cost
    if per_incident_limit is not None and total_after > per_incident_limit:
        overages.append(Overage(Limit.PER_INCIDENT, per_incident_limit,
                                total_after - per_incident_limit))
    return SpendCheck(
        cost=cost,
        allowance=allowance,
        spent_before=spent,
        remaining_before=remaining_before,
        remaining_after=None if remaining_before is None else remaining_before - cost,
        incident_total_after=total_after,
        per_incident_limit=per_incident_limit,
        overages=tuple(overages),
    )
