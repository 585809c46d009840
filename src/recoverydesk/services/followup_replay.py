"""Follow-up rows against the audit log, for ``check``.

"Follow-ups done on time" is a key figure of the report (SPEC §5): a due date moved later or
a completion moved earlier behind the app's back would make late calls look punctual. The
log is replayed in order: ``recovery.log`` with a customer writes a follow-up (its id and due
date, for the entry's incident), so does ``followup.add``, and ``followup.done`` completes one
(the entry's moment and author, and the outcome). No service deletes a follow-up or reopens
one.
"""

from __future__ import annotations

from recoverydesk.services import audit_reading
from recoverydesk.services.audit_reading import LogEntry, shown
from recoverydesk.services.types import Problem
from recoverydesk.store.fields import rows_as_stored
from recoverydesk.store.models import AuditEntry, FollowUp

# Compared fields, in this order in each replayed record (after the audit entry's number).
_FIELDS = ("incident", "due date", "done at", "done by", "outcome")


def _written(records: dict[int, list[object]], seq: int, followup: object, incident: object,
             due_on: object) -> None:
    if type(followup) is not int or type(incident) is not int or not isinstance(due_on, str):
        raise TypeError("a follow-up without its id, incident or due date")
    records[followup] = [seq, incident, due_on, None, None, None]


def followup_problems() -> list[Problem]:
    records: dict[int, list[object]] = {}

    def handle(entry: LogEntry) -> None:
        details = entry.details
        if entry.action == "recovery.log":
            written = details.get("followup")
            if written is not None:
                _written(records, entry.seq, written["id"], entry.entity, written["due_on"])
        elif entry.action == "followup.add":
            _written(records, entry.seq, entry.entity, details["incident"], details["due_on"])
        elif (record := records.get(entry.entity)) is not None:  # else: no entry, below
            record[0], record[3:] = entry.seq, [entry.at, entry.actor, details["outcome"]]

    problems = audit_reading.replay(AuditEntry.action.in_((
        "recovery.log", "followup.add", "followup.done")), handle)
    rows = FollowUp.select(FollowUp.id, FollowUp.incident, FollowUp.due_on, FollowUp.done_at,
                           FollowUp.done_by, FollowUp.outcome)
    for followup, incident, due_on, *done in rows_as_stored(rows):
        record = records.pop(followup, None)
        if record is None:
            problems.append(Problem("follow-ups", f"follow-up {followup} has no audit entry"))
            continue
        live = [incident, None if due_on is None else str(due_on), *done]
        for name, now, logged in zip(_FIELDS, live, record[1:], strict=True):
            if now != logged:
                problems.append(Problem(
                    "follow-ups", f"follow-up {followup}: {name} is {shown(now)} but the audit "
                                  f"log (to entry {record[0]}) says {shown(logged)}"))
    problems.extend(Problem("follow-ups", f"follow-up {followup} in audit entry {record[0]} is "
                                          "missing")
                    for followup, record in records.items())
    return problems
