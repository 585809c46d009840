"""Budget consistency for ``check``: no gesture without an approval went past a limit.

The audit log is replayed in its own order (the sequence is the commit order, one chain head
for every writer), tracking each employee's budgets as they were set, their month's spend and
their total per incident, with voids taken off when they were made. Every gesture written
without an approval must have been within the limits in force at that moment; one that was
not means two tills spent the same money (or a check was bypassed). The money check already
compares these audited facts with the gesture and void rows.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from recoverydesk.core.budget import (
    NO_BUDGET,
    Budget,
    check_spend,
    effective_allowance,
    rollover_carry,
)
from recoverydesk.core.months import Month, month_of
from recoverydesk.services import audit_reading
from recoverydesk.services._base import Settings
from recoverydesk.services.audit_reading import LogEntry
from recoverydesk.services.types import Problem
from recoverydesk.store.models import AuditEntry


def _in_force(changes: dict[int, Budget], month_key: int) -> Budget:
    keys = [k for k in changes if k <= month_key]
    return changes[max(keys)] if keys else NO_BUDGET


class _Replay:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.budgets: dict[int, dict[int, Budget]] = defaultdict(dict)
        self.spent: dict[tuple[int, int], int] = defaultdict(int)  # (employee, month key)
        self.on_incident: dict[tuple[int, int], int] = defaultdict(int)  # (employee, incident)
        self.live: dict[int, tuple[int, int, int, int]] = {}  # gesture -> emp, month, inc, cost
        self.problems: list[Problem] = []

    def budget_set(self, employee: int, details: dict[str, Any]) -> None:
        new = details["new"]
        month = Month.parse(details["from_month"]).key()
        budget = Budget(new["allowance"], new["per_incident_limit"])
        # Checked here: a text amount would fail only at a later gesture, named wrongly.
        if any(v is not None and type(v) is not int for v in (budget.allowance,
                                                              budget.per_incident_limit)):
            raise TypeError("a budget amount that is no whole number")
        self.budgets[employee][month] = budget

    def gesture(self, seq: int, month: Month, facts: dict[str, Any]) -> None:
        employee, incident, cost = facts["employee"], facts["incident"], facts["cost"]
        key = month.key()
        if facts.get("approved_by") is None:
            budget = _in_force(self.budgets[employee], key)
            carry = 0
            if self.settings.rollover:
                previous = month.previous().key()
                carry = rollover_carry(_in_force(self.budgets[employee], previous),
                                       self.spent[(employee, previous)], budget)
            check = check_spend(allowance=effective_allowance(budget, carry),
                                spent=self.spent[(employee, key)],
                                per_incident_limit=budget.per_incident_limit,
                                incident_total=self.on_incident[(employee, incident)], cost=cost)
            for overage in check.overages:
                self.problems.append(Problem(
                    "budget", f"gesture {facts['id']} (audit entry {seq}) has no approval but "
                              f"went past the {overage.limit.value.replace('_', ' ')} of "
                              f"employee {employee} by {overage.over_by} minor units"))
        self.spent[(employee, key)] += cost
        self.on_incident[(employee, incident)] += cost
        self.live[facts["id"]] = (employee, key, incident, cost)

    def void(self, gesture_id: int) -> None:
        gone = self.live.pop(gesture_id, None)
        if gone is not None:
            employee, key, incident, cost = gone
            self.spent[(employee, key)] -= cost
            self.on_incident[(employee, incident)] -= cost


def budget_problems(settings: Settings) -> list[Problem]:
    replay = _Replay(settings)

    def handle(entry: LogEntry) -> None:
        if entry.action == "budget.set":
            replay.budget_set(entry.entity, entry.details)
            return
        month = month_of(entry.at, settings.tz)
        for facts in entry.details.get("gestures", []):
            replay.gesture(entry.seq, month, facts)
        for facts in entry.details.get("voids", []):
            replay.void(facts["gesture"])

    unreadable = audit_reading.replay((AuditEntry.action == "budget.set")
                                      | AuditEntry.details.contains('"gestures"')
                                      | AuditEntry.details.contains('"voids"'), handle)
    return unreadable + replay.problems
