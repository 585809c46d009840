"""The Audit log page's read side: filter and page over the chain (SPEC §7 Audit log).

Read-only and owners only. Rows come newest first; the chain itself is verified by
``audit_log.verify_chain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from peewee import JOIN

from recoverydesk.core.domain import fold_text
from recoverydesk.core.months import day_start_utc
from recoverydesk.errors import ValidationError
from recoverydesk.services import _base, audit_log
from recoverydesk.store.models import AuditEntry, Employee
from recoverydesk.store.search import contains

MAX_PAGE = 500


@dataclass(frozen=True)
class AuditFilter:
    """``since``/``until`` are business-local dates, both included; empty means any."""

    since: date | None = None
    until: date | None = None
    actor_id: int | None = None
    action: str = ""  # an action ("gesture.void") or its family ("gesture")
    text: str = ""  # in the action, the entity or the details
    up_to_seq: int | None = None  # this entry and older ones (to show a broken entry first)


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime | str  # naive UTC; text as stored if edited by hand into no moment
    actor: str  # "" for the system (set-up) or an unknown id
    action: str
    entity: str
    entity_id: int | None
    details: str  # the stored JSON, as hashed


@dataclass(frozen=True)
class AuditPage:
    total: int
    rows: list[AuditRow]


def audit_actions() -> list[str]:
    """Every action recorded so far, for the page's action picker."""
    query = AuditEntry.select(AuditEntry.action).distinct().order_by(AuditEntry.action)
    return [row.action for row in query]


def _day_start(day: date, tz: ZoneInfo, days_later: int = 0) -> datetime | None:
    """The first moment, in UTC, of ``days_later`` days after ``day``; None past the ends
    of the calendar (before year 1, after 9999), which bound nothing: every entry is
    inside. A "To" of 31 December 9999 was an unexpected error at every filter change."""
    try:
        return day_start_utc(day + timedelta(days=days_later), tz)
    except OverflowError:
        return None


def list_audit(viewer_id: int, wanted: AuditFilter, offset: int = 0,
               limit: int = 100) -> AuditPage:
    """Matching entries, newest first, one page at a time (owners only)."""
    _base.require_owner(viewer_id)
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"A page holds 1 to {MAX_PAGE} entries.", "limit")
    if wanted.since and wanted.until and wanted.since > wanted.until:
        raise ValidationError("The first day is after the last day.", "since")
    tz = _base.settings().tz
    query = (AuditEntry.select(AuditEntry.seq, AuditEntry.at, Employee.name.alias("actor_name"),
                               AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id,
                               AuditEntry.details)
             .join(Employee, JOIN.LEFT_OUTER, on=(AuditEntry.actor == Employee.id)))
    start = _day_start(wanted.since, tz) if wanted.since else None
    end = _day_start(wanted.until, tz, days_later=1) if wanted.until else None
    if start is not None:
        query = query.where(AuditEntry.at >= start)
    if end is not None:
        query = query.where(AuditEntry.at < end)
    if wanted.actor_id is not None:
        query = query.where(AuditEntry.actor == wanted.actor_id)
    if wanted.up_to_seq is not None:
        query = query.where(AuditEntry.seq <= wanted.up_to_seq)
    action = wanted.action.strip()
    if action:
        query = query.where((AuditEntry.action == action)
                            | AuditEntry.action.startswith(action + "."))
    text = fold_text(wanted.text.strip())
    if len(text) > 100:
        raise ValidationError("The search text is too long: at most 100 characters.", "text")
    if text:
        # Details are JSON with ensure_ascii off, so any script is searchable as typed.
        query = query.where(contains(AuditEntry.action, text)
                            | contains(AuditEntry.entity, text)
                            | contains(AuditEntry.details, text))
    total = query.count()
    rows = cast(list[dict[str, Any]], list(
        query.order_by(AuditEntry.seq.desc()).offset(offset).limit(limit).dicts()))
    return AuditPage(int(total), [
        AuditRow(r["seq"], r["at"], r["actor_name"] or "", r["action"], r["entity"],
                 r["entity_id"], r["details"]) for r in rows])


@dataclass(frozen=True)
class ChainCheck:
    """The chain verified: ``broken_seq`` is the first entry that fails (``None`` when the
    chain is intact) and ``broken`` that entry as listed, when it still exists (a removed
    entry has no row to show)."""

    entries: int
    broken_seq: int | None
    broken: AuditRow | None
    message: str

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def check_chain(viewer_id: int) -> ChainCheck:
    """Recompute the whole hash chain (owners only) and name the first broken entry."""
    _base.require_owner(viewer_id)
    report = audit_log.verify_chain()
    if report.first_broken is None:
        return ChainCheck(report.entries, None, None, report.message)
    found = list_audit(viewer_id, AuditFilter(up_to_seq=report.first_broken), limit=1).rows
    broken = found[0] if found and found[0].seq == report.first_broken else None
    return ChainCheck(report.entries, report.first_broken, broken, report.message)
