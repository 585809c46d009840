"""``recoverydesk check``: everything that can be verified about a business's data.

Each finding is a :class:`Problem`; an empty list means the file is sound. Beyond SQLite's own
checks and the hash chain, the money facts written in the audit log are compared with the live
gesture and void rows, so money edited behind the app's back is found even when the chain is
intact (an edit that also rewrote the log would break the chain). Finally the spends are
replayed in commit order: none without an approval may have passed a limit (SPEC §4). The
incident rows are compared with the log replayed the same way (``incident_replay``), and so
are the return visits and "lost" marks that retention counts from (``retention_replay``) and
the follow-ups that "done on time" counts (``followup_replay``). Last, each incident's stored
retention facts (first return, lost mark: ``store.returns``) are recomputed from the visits
and customers, since the month figures count from them. An audit entry edited into something
unreadable is named once and left out (``audit_reading``).
"""

from __future__ import annotations

import sqlite3
import sys
from typing import Any

from peewee import DatabaseError as PeeweeDatabaseError

from recoverydesk.core.months import Month
from recoverydesk.errors import StorageError
from recoverydesk.services import audit_reading
from recoverydesk.services._base import settings, snapshot
from recoverydesk.services.audit_log import verify_chain
from recoverydesk.services.audit_reading import LogEntry
from recoverydesk.services.budget_replay import budget_problems
from recoverydesk.services.followup_replay import followup_problems
from recoverydesk.services.incident_replay import incident_problems
from recoverydesk.services.retention_replay import retention_problems
from recoverydesk.services.types import Problem
from recoverydesk.store import returns
from recoverydesk.store.db import database
from recoverydesk.store.fields import as_stored, rows_as_stored
from recoverydesk.store.models import AuditEntry, BudgetChange, Gesture, Void

_GESTURE_FIELDS = {"incident": "incident", "employee": "employee", "kind": "kind",
                   "cost": "cost_minor", "value": "value_minor", "approved_by": "approved_by"}
_KIND = list(_GESTURE_FIELDS).index("kind")


def run_check() -> list[Problem]:
    """Every finding, all read from one snapshot: a recovery committed by a till halfway
    through would otherwise show as a gesture or incident without its audit entry. Values
    are read as stored: a moment or amount edited into nonsense is what check is to name."""
    problems: list[Problem] = []
    try:
        with snapshot(), as_stored():
            problems = _all_checks()
    except (PeeweeDatabaseError, sqlite3.DatabaseError):
        # On a damaged file SQLite may fail even to end the read: the findings stand.
        if not any(problem.check == "integrity" for problem in problems):
            raise
    return problems


def _all_checks() -> list[Problem]:
    problems = _sqlite_checks()
    if any(problem.check == "integrity" for problem in problems):
        # The other checks read every row, and a damaged page stops them half-way with the
        # engine's error: what SQLite found is the finding, and the cure is the backup.
        return [*problems, Problem("integrity", "the other checks were not run: the file is "
                                                "damaged; restore it from a backup")]
    chain = verify_chain()
    if not chain.intact:
        problems.append(Problem("audit chain", chain.message))
    problems.extend(_money_checks())
    problems.extend(_budget_row_checks())
    problems.extend(budget_problems(settings()))
    problems.extend(incident_problems())
    problems.extend(retention_problems())
    problems.extend(followup_problems())
    problems.extend(_retention_checks())
    return list(dict.fromkeys(problems))  # an unreadable entry is named once, not per check


def _retention_checks() -> list[Problem]:
    try:
        count, sample = returns.stale(settings().tz)
    except StorageError:  # a report moment typed as words; the incident check names it
        return [Problem("retention", "not recomputed: an incident's report moment is not a "
                                     "date and time")]
    problems = [Problem("retention", f"incident {ident}: stored first return after "
                                     f"{_days(stored_return)}, recomputed {_days(fresh_return)};"
                                     f" stored lost after {_days(stored_lost)}, recomputed "
                                     f"{_days(fresh_lost)}")
                for ident, stored_return, fresh_return, stored_lost, fresh_lost in sample]
    if count > len(sample):
        problems.append(Problem("retention", f"{count - len(sample)} more incidents have "
                                             "stale retention facts"))
    return problems


def _days(value: object) -> str:
    return "none" if value is None else f"{value} days"


def _sqlite_checks() -> list[Problem]:
    if "sqlite" not in type(database.obj).__name__.lower():
        return []
    problems: list[Problem] = []
    try:
        rows = database.execute_sql("PRAGMA integrity_check").fetchall()
    except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:  # rows come from the driver
        # Damaged past what the integrity check itself can read.
        return [Problem("integrity", f"SQLite cannot check the file: {exc}")]
    if [r[0] for r in rows] != ["ok"]:
        lines = [line for r in rows for line in str(r[0]).splitlines()
                 if line.strip() and not line.startswith("***")]  # "*** in database main"
        return [Problem("integrity", line) for line in lines[:20]]
    for table, rowid, parent, _ in database.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(Problem("foreign keys",
                                f"{table} row {rowid} refers to a missing {parent} row"))
    return problems


def _money_checks() -> list[Problem]:
    # Per gesture a tuple of its logged facts in _GESTURE_FIELDS order, then the entry's
    # number and moment: a million gestures held as dicts took about a gigabyte.
    logged_gestures: dict[int, tuple[Any, ...]] = {}
    logged_voids: dict[int, tuple[int, Any]] = {}  # gesture -> (entry, voided by)

    def handle(entry: LogEntry) -> None:
        for facts in entry.details.get("gestures", []):
            values = [facts.get(key) for key in _GESTURE_FIELDS]
            if isinstance(values[_KIND], str):
                values[_KIND] = sys.intern(values[_KIND])  # a handful of kinds, shared
            logged_gestures[facts["id"]] = (*values, entry.seq, entry.at)
        for facts in entry.details.get("voids", []):
            logged_voids[facts["gesture"]] = (entry.seq, facts["by"])

    problems = audit_reading.replay(AuditEntry.details.contains('"gestures"')
                                    | AuditEntry.details.contains('"voids"'), handle)
    columns = [getattr(Gesture, attr) for attr in _GESTURE_FIELDS.values()]
    rows = Gesture.select(Gesture.id, *columns, Gesture.created_at)
    for gesture_id, *live in rows_as_stored(rows):
        logged = logged_gestures.pop(gesture_id, None)  # what is left was logged, not found
        if logged is None:
            problems.append(Problem("money", f"gesture {gesture_id} has no audit entry"))
            continue
        seq, at = logged[-2:]
        for key, now, audited in zip(_GESTURE_FIELDS, live[:-1], logged[:-2], strict=True):
            if now != audited:
                problems.append(Problem(
                    "money", f"gesture {gesture_id}: {key} is {now!r} but audit "
                             f"entry {seq} recorded {audited!r}"))
        # Written in the entry's transaction with its moment; the moment picks the budget
        # month, so a gesture moved in time moves its spend to another month.
        if live[-1] != at:
            problems.append(Problem(
                "money", f"gesture {gesture_id}: made at {live[-1]} but audit entry "
                         f"{seq} recorded {at}"))
    problems.extend(Problem("money", f"gesture {gid} in audit entry {logged[-2]} is missing")
                    for gid, logged in logged_gestures.items())

    voided: set[int] = set()
    void_rows = (Void.select(Void.gesture, Void.voided_by, Void.gesture_employee_id,
                             Void.gesture_created_at, Void.gesture_cost_minor, Gesture.employee,
                             Gesture.created_at, Gesture.cost_minor)
                 .join(Gesture, on=(Gesture.id == Void.gesture)))
    for gesture_id, voided_by, *copy_and_gesture in rows_as_stored(void_rows):
        voided.add(gesture_id)
        logged_void = logged_voids.get(gesture_id)
        if logged_void is None:
            problems.append(Problem("money", f"void of gesture {gesture_id} has no audit entry"))
        elif logged_void[1] != voided_by:
            problems.append(Problem("money", f"void of gesture {gesture_id}: voided by "
                                             "differs from its audit entry"))
        # The budget subtracts the void's copy of the gesture (schema v4), not the gesture.
        if copy_and_gesture[:3] != copy_and_gesture[3:]:
            problems.append(Problem("money", f"void of gesture {gesture_id}: its copy of the "
                                             "gesture's employee, time or cost differs from "
                                             "the gesture"))
    problems.extend(Problem("money", f"void of gesture {gid} in audit entry {seq} is "
                                     "missing (the spend counts again)")
                    for gid, (seq, _) in logged_voids.items() if gid not in voided)
    return problems


def _budget_row_checks() -> list[Problem]:
    """Each budget row against the last ``budget.set`` entry for its employee and month:
    the services enforce the rows, the replay below the audited values, so an allowance
    raised behind the app's back would otherwise pass until it was spent."""
    logged: dict[tuple[int, int], tuple[int, Any, Any]] = {}

    def handle(entry: LogEntry) -> None:
        new = entry.details["new"]
        logged[(entry.entity, Month.parse(entry.details["from_month"]).key())] = (
            entry.seq, new["allowance"], new["per_incident_limit"])

    problems = audit_reading.replay(AuditEntry.action == "budget.set", handle)
    seen: set[tuple[int, int]] = set()
    rows = BudgetChange.select(BudgetChange.employee, BudgetChange.effective_month,
                               BudgetChange.allowance_minor,
                               BudgetChange.per_incident_limit_minor)
    for employee, month_key, allowance, limit in rows_as_stored(rows):
        seen.add((employee, month_key))
        where = f"budget of employee {employee} from {Month.from_key(month_key)}"
        entry = logged.get((employee, month_key))
        if entry is None:
            problems.append(Problem("budget", f"{where} has no audit entry"))
            continue
        seq, logged_allowance, logged_limit = entry
        for name, live, audited in (("allowance", allowance, logged_allowance),
                                    ("per-incident limit", limit, logged_limit)):
            if live != audited:
                problems.append(Problem("budget", f"{where}: {name} is {live!r} but audit "
                                                  f"entry {seq} recorded {audited!r}"))
    problems.extend(Problem("budget", f"budget of employee {employee} from "
                                      f"{Month.from_key(key)} in audit entry {entry[0]} is "
                                      "missing")
                    for (employee, key), entry in logged.items() if (employee, key) not in seen)
    return problems
