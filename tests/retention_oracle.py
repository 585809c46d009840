"""SPEC §5 worked out in Python from the raw rows (incidents, return visits, customers),
independently of the SQL and of the facts ``store.returns`` keeps: what the tests compare
the stored facts and the month figures with."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from recoverydesk.core.months import Month, local_date, month_range_utc
from recoverydesk.services import _base
from recoverydesk.store.models import Customer, Incident, ReturnVisit


def _visits() -> dict[int, list[date]]:
    out: dict[int, list[date]] = {}
    for visit in ReturnVisit.select():
        out.setdefault(visit.customer_id, []).append(visit.visited_on)
    return out


def expected_facts() -> dict[int, tuple[int | None, int | None]]:
    """Per incident: days from its local date to the first return visit after it, and to
    the customer's lost mark when on or after it."""
    tz = _base.settings().tz
    visits = _visits()
    lost = {c.id: c.lost_on for c in Customer.select()}
    out: dict[int, tuple[int | None, int | None]] = {}
    for incident in Incident.select():
        if incident.customer_id is None:
            out[incident.id] = (None, None)
            continue
        day = local_date(incident.reported_at, tz)
        later = [v for v in visits.get(incident.customer_id, []) if v > day]
        lost_on = lost[incident.customer_id]
        out[incident.id] = ((min(later) - day).days if later else None,
                            (lost_on - day).days if lost_on and lost_on >= day else None)
    return out


def stored_facts() -> dict[int, tuple[int | None, int | None]]:
    return {i.id: (i.first_return_days, i.lost_days) for i in Incident.select()}


def incident_outcomes(month: Month, today: date) -> dict[int, str]:
    """Each incident reported in ``month`` and SPEC §5's word for it, as of ``today``."""
    settings = _base.settings()
    tz, window = settings.tz, settings.retention_days
    start, end = month_range_utc(month, tz)
    visits = _visits()
    lost = {c.id: c.lost_on for c in Customer.select()}
    out: dict[int, str] = {}
    for incident in Incident.select().where((Incident.reported_at >= start)
                                            & (Incident.reported_at < end)):
        if incident.customer_id is None:
            out[incident.id] = "anonymous"
            continue
        day = local_date(incident.reported_at, tz)
        inside = [v for v in visits.get(incident.customer_id, [])
                  if day < v <= day + timedelta(days=window)]
        lost_on = lost[incident.customer_id]
        if inside and (lost_on is None or lost_on < day or min(inside) <= lost_on):
            out[incident.id] = "retained"
        elif (lost_on is not None and lost_on >= day) or day + timedelta(days=window) < today:
            out[incident.id] = "lost"
        else:
            out[incident.id] = "pending"
    return out


def expected_outcomes(month: Month, today: date) -> Counter[str]:
    """Each incident reported in ``month`` classified by SPEC §5's words, as of ``today``."""
    return Counter(incident_outcomes(month, today).values())
