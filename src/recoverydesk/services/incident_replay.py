"""Incident rows against the audit log, for ``check``.

The month figures count incidents by their report moment, reporter, category, severity and
customer (retention) and time them to their resolution, so an incident edited behind the
app's back changes the report as surely as an edited gesture changes the spend. The log is
replayed in order: ``recovery.log`` writes an incident (moment and reporter are the entry's),
``incident.correct`` changes fields, ``incident.resolve`` sets the resolution moment, and
``customer.merge`` moves every incident of the merged customer to the one kept.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from recoverydesk.services import audit_reading
from recoverydesk.services.audit_reading import LogEntry, shown
from recoverydesk.services.types import Problem
from recoverydesk.store.fields import rows_as_stored
from recoverydesk.store.models import AuditEntry, Incident

# Compared fields, in this order in each replayed record (after the audit entry's number).
_FIELDS = ("reported_at", "reported_by", "category", "severity", "proactive", "customer",
           "resolved_at")
_CORRECTABLE = {"category": 3, "severity": 4, "customer": 6}  # positions in a record


class _Replay:
    def __init__(self) -> None:
        # incident id -> [seq, reported_at, reported_by, category, severity, proactive,
        # customer, resolved_at]; a list per incident keeps a million of them affordable.
        self.records: dict[int, list[object]] = {}
        self.of_customer: dict[object, set[int]] = defaultdict(set)

    def logged(self, seq: int, at: datetime, actor: int | None, incident: int,
               details: dict[str, object]) -> None:
        customer = details.get("customer")
        self.records[incident] = [seq, at, actor, details.get("category"),
                                  details.get("severity"), details.get("proactive"), customer,
                                  None]
        self.of_customer[customer].add(incident)

    def corrected(self, seq: int, incident: int, details: dict[str, dict[str, object]]) -> None:
        record = self.records.get(incident)
        if record is None:
            return  # reported as missing its recovery.log entry when compared
        record[0] = seq
        for key, position in _CORRECTABLE.items():
            if key in details:
                if key == "customer":
                    self.of_customer[record[position]].discard(incident)
                    self.of_customer[details[key]["new"]].add(incident)
                record[position] = details[key]["new"]

    def resolved(self, seq: int, at: datetime, incident: int) -> None:
        record = self.records.get(incident)
        if record is not None:
            record[0], record[7] = seq, at

    def merged(self, seq: int, keep: int, duplicate: int) -> None:
        for incident in self.of_customer.pop(duplicate, set()):
            record = self.records[incident]
            record[0], record[6] = seq, keep
            self.of_customer[keep].add(incident)


def incident_problems() -> list[Problem]:
    replay = _Replay()

    def handle(entry: LogEntry) -> None:
        if entry.action == "recovery.log":
            replay.logged(entry.seq, entry.at, entry.actor, entry.entity, entry.details)
        elif entry.action == "incident.correct":
            replay.corrected(entry.seq, entry.entity, entry.details)
        elif entry.action == "incident.resolve":
            replay.resolved(entry.seq, entry.at, entry.entity)
        else:
            replay.merged(entry.seq, entry.entity, entry.details["merged"])

    problems = audit_reading.replay(AuditEntry.action.in_((
        "recovery.log", "incident.correct", "incident.resolve", "customer.merge")), handle)
    rows = Incident.select(Incident.id, Incident.reported_at, Incident.reported_by,
                           Incident.category, Incident.severity, Incident.proactive,
                           Incident.customer, Incident.resolved_at)
    for incident, *live in rows_as_stored(rows):
        record = replay.records.pop(incident, None)
        if record is None:
            problems.append(Problem("incidents", f"incident {incident} has no audit entry"))
            continue
        for name, now, audited in zip(_FIELDS, live, record[1:], strict=True):
            if now != audited:
                problems.append(Problem(
                    "incidents", f"incident {incident}: {name.replace('_', ' ')} is "
                                 f"{shown(now)} but the audit log (to entry {record[0]}) "
                                 f"says {shown(audited)}"))
    problems.extend(Problem("incidents", f"incident {incident} in audit entry {record[0]} is "
                                         "missing")
                    for incident, record in replay.records.items())
    return problems
