"""Over-limit spends an owner approved, per employee (SPEC §4, §7 Team and Reports).

Each approval is an escalation: the owner sees who keeps needing one, and so who needs a
bigger budget. Voided gestures are not counted. How far past its limit a spend went is read
from the audit entry that recorded it (the gesture's money facts carry the overages), since
budgets can change after the fact.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, cast

from peewee import JOIN

from recoverydesk.core.months import Month, month_range_utc
from recoverydesk.services import _base
from recoverydesk.store.models import AuditEntry, Employee, Gesture, Void


@dataclass(frozen=True)
class Escalations:
    """One employee's approved over-limit spends in a month.

    ``over_minor`` sums, per gesture, the largest amount by which it passed a limit (the
    monthly allowance or the per-incident limit); ``approvers`` names who approved, with how
    many each, most first.
    """

    employee_id: int
    employee: str
    count: int
    approved_minor: int  # cost of the approved gestures
    over_minor: int = 0
    approvers: tuple[tuple[str, int], ...] = ()


def _overages(start: Any, end: Any) -> dict[int, int]:
    """Gesture id -> largest overage, from the month's audit entries of approved spends."""
    found: dict[int, int] = {}
    query = (AuditEntry.select(AuditEntry.details)
             .where((AuditEntry.at >= start) & (AuditEntry.at < end)
                    & AuditEntry.details.contains('"over"')))
    for (text,) in query.tuples().iterator():
        for facts in json.loads(text).get("gestures", []):
            over = facts.get("over")
            if over:
                found[int(facts["id"])] = max(int(v) for v in over.values())
    return found


def escalations_in_month(viewer_id: int, month: Month) -> list[Escalations]:
    """Approved over-limit gestures of the month per employee, most first (owners only)."""
    _base.require_owner(viewer_id)
    start, end = month_range_utc(month, _base.settings().tz)
    approver = Employee.alias()
    rows = (Gesture.select(Gesture.id, Gesture.cost_minor, Employee.id.alias("employee_id"),
                           Employee.name.alias("employee"), approver.name.alias("approver"))
            .join(Employee, on=(Gesture.employee == Employee.id))
            .join_from(Gesture, approver, on=(Gesture.approved_by == approver.id))
            .join_from(Gesture, Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
            .where((Gesture.created_at >= start) & (Gesture.created_at < end)
                   & Gesture.approved_by.is_null(False) & Void.id.is_null())
            .dicts())
    overages = _overages(start, end)
    names: dict[int, str] = {}
    counts: Counter[int] = Counter()
    approved: dict[int, int] = defaultdict(int)
    over: dict[int, int] = defaultdict(int)
    approvers: dict[int, Counter[str]] = defaultdict(Counter)
    for r in cast(list[dict[str, Any]], list(rows)):
        who = int(r["employee_id"])
        names[who] = r["employee"]
        counts[who] += 1
        approved[who] += int(r["cost_minor"])
        over[who] += overages.get(int(r["id"]), 0)
        approvers[who][r["approver"]] += 1
    result = [Escalations(who, names[who], counts[who], approved[who], over[who],
                          tuple(sorted(approvers[who].items(), key=lambda a: (-a[1], a[0]))))
              for who in counts]
    return sorted(result, key=lambda e: (-e.count, e.employee))
