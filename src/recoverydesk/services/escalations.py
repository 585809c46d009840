"""Over-limit spends an owner approved, per employee (SPEC §4, §7 Team and Reports).

Each approval is an escalation: the owner sees who keeps needing one, and so who needs a
bigger budget. Voided gestures are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from peewee import JOIN, fn

from recoverydesk.core.months import Month, month_range_utc
from recoverydesk.services import _base
from recoverydesk.store.models import Employee, Gesture, Void


@dataclass(frozen=True)
class Escalations:
    employee_id: int
    employee: str
    count: int
    approved_minor: int  # cost of the approved gestures


def escalations_in_month(viewer_id: int, month: Month) -> list[Escalations]:
    """Approved over-limit gestures of the month per employee, most first (owners only)."""
    _base.require_owner(viewer_id)
    start, end = month_range_utc(month, _base.settings().tz)
    count = fn.COUNT(Gesture.id)
    rows = (Gesture.select(Employee.id.alias("employee_id"), Employee.name.alias("employee"),
                           count.alias("count"), fn.SUM(Gesture.cost_minor).alias("approved"))
            .join(Employee, on=(Gesture.employee == Employee.id))
            .join_from(Gesture, Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
            .where((Gesture.created_at >= start) & (Gesture.created_at < end)
                   & Gesture.approved_by.is_null(False) & Void.id.is_null())
            .group_by(Employee.id, Employee.name)
            .order_by(count.desc(), Employee.name).dicts())
    return [Escalations(r["employee_id"], r["employee"], int(r["count"]), int(r["approved"]))
            for r in cast(list[dict[str, Any]], list(rows))]
