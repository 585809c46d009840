"""Return visits and "lost" marks against the audit log, for ``check``.

Retention (SPEC §5), the report's proof that the spending kept customers, is counted from
these rows: a visit added behind the app's back turns a lost customer into one kept, and a
lost date moved or removed changes which incidents count as lost. The log is replayed in
order: ``customer.return_visit`` writes a visit (its id, customer and local date), and so
does ``followup.done`` when the customer came back; ``customer.lost`` sets the customer's
lost date; ``customer.merge`` moves the duplicate's visits to the kept customer, gives it the
earlier of the two lost dates and deletes the duplicate. No service deletes a visit or
clears a lost date.
"""

from __future__ import annotations

from collections import defaultdict

from recoverydesk.services import audit_reading
from recoverydesk.services.audit_reading import LogEntry
from recoverydesk.services.types import Problem
from recoverydesk.store.fields import rows_as_stored
from recoverydesk.store.models import AuditEntry, Customer, ReturnVisit


class _Replay:
    def __init__(self) -> None:
        self.visits: dict[int, tuple[int, int, str]] = {}  # visit -> (entry, customer, day)
        self.of_customer: dict[int, set[int]] = defaultdict(set)
        self.lost: dict[int, tuple[int, str]] = {}  # customer -> (entry, lost date)

    def visited(self, seq: int, customer: object, visit: object, day: object) -> None:
        if type(customer) is not int or type(visit) is not int or not isinstance(day, str):
            raise TypeError("a visit without its id or date")
        self.visits[visit] = (seq, customer, day)
        self.of_customer[customer].add(visit)

    def marked_lost(self, seq: int, customer: int, details: dict[str, object]) -> None:
        day = details["lost_on"]
        if not isinstance(day, str):
            raise TypeError("a lost mark without its date")
        self.lost[customer] = (seq, day)

    def merged(self, seq: int, keep: int, duplicate: object) -> None:
        if type(duplicate) is not int:
            raise TypeError("a merge without the merged customer")
        for visit in self.of_customer.pop(duplicate, set()):
            _, _, day = self.visits[visit]
            self.visits[visit] = (seq, keep, day)
            self.of_customer[keep].add(visit)
        days = [mark for mark in (self.lost.get(keep), self.lost.pop(duplicate, None)) if mark]
        if days:  # ISO dates sort as dates
            self.lost[keep] = (seq, min(day for _, day in days))


def retention_problems() -> list[Problem]:
    replay = _Replay()

    def handle(entry: LogEntry) -> None:
        details, customer = entry.details, entry.entity
        if entry.action == "customer.return_visit":
            replay.visited(entry.seq, customer, details["visit"], details["visited_on"])
        elif entry.action == "followup.done":  # the customer's id is in the details here
            visit = details.get("return_visit")
            if visit is not None:
                replay.visited(entry.seq, visit["customer"], visit["id"], visit["visited_on"])
        elif entry.action == "customer.lost":
            replay.marked_lost(entry.seq, customer, details)
        else:
            replay.merged(entry.seq, customer, details["merged"])

    problems = audit_reading.replay(AuditEntry.action.in_((
        "customer.return_visit", "followup.done", "customer.lost", "customer.merge")), handle)
    rows = ReturnVisit.select(ReturnVisit.id, ReturnVisit.customer,
                              ReturnVisit.visited_on)
    for visit, customer, day in rows_as_stored(rows):
        logged = replay.visits.pop(visit, None)
        if logged is None:
            problems.append(Problem("visits", f"return visit {visit} (customer {customer}, "
                                              f"{day}) has no audit entry"))
            continue
        seq, logged_customer, logged_day = logged
        if (customer, str(day)) != (logged_customer, logged_day):
            problems.append(Problem(
                "visits", f"return visit {visit}: customer {customer} on {day}, but the "
                          f"audit log (to entry {seq}) says customer {logged_customer} on "
                          f"{logged_day}"))
    problems.extend(Problem("visits", f"return visit {visit} in audit entry {seq} is missing")
                    for visit, (seq, _, _) in replay.visits.items())

    for customer, lost_on in rows_as_stored(Customer.select(Customer.id, Customer.lost_on)):
        mark = replay.lost.get(customer)
        logged_lost = None if mark is None else mark[1]
        if (None if lost_on is None else str(lost_on)) != logged_lost:
            source = "the audit log" if mark is None else f"the audit log (to entry {mark[0]})"
            problems.append(Problem(
                "lost dates", f"customer {customer}: lost date is {lost_on or 'none'} but "
                              f"{source} says {logged_lost or 'none'}"))
    return problems
