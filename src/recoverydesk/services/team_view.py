"""The Team page's overview: every employee with this month's use (SPEC §7 Team)."""

from __future__ import annotations

from datetime import datetime

from recoverydesk.core.months import Month, month_of
from recoverydesk.services import _base, team
from recoverydesk.services.types import TeamMember


def current_month(now: datetime | None = None) -> Month:
    """The budget month in force now, in the business time zone."""
    return month_of(_base.utcnow(now), _base.settings().tz)


def team_overview(month: Month) -> list[TeamMember]:
    """Every employee (inactive ones too), by name, with ``month``'s budget status and the
    first budget change that starts after ``month``."""
    members = []
    for employee in team.list_employees(include_inactive=True):
        later = [b for b in team.budget_history(employee.id)
                 if Month.parse(b.effective_month) > month]
        members.append(TeamMember(
            id=employee.id, name=employee.name, role=employee.role, active=employee.active,
            status=team.budget_status(employee.id, month),
            planned=later[0] if later else None))
    return members
