"""Reading audit entries whose text may have been edited by hand, for ``check``.

``check`` exists for files changed behind the app's back, so an entry may hold anything: text
that is not JSON, a list where an object belongs, a key missing, a moment that is not one.
The chain check reports such an entry as altered or unreadable; the other checks leave its
facts out and say so, instead of stopping at it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

from peewee import Expression

from recoverydesk.errors import ValidationError
from recoverydesk.services.types import Problem
from recoverydesk.store.db import database
from recoverydesk.store.fields import moment_as_stored
from recoverydesk.store.models import AuditEntry

# What interpreting one hand-edited entry can raise: not JSON (ValueError), a value of the
# wrong type (TypeError, AttributeError on a list where an object was), a key missing, a
# month that is none (ValidationError from Month.parse).
MALFORMED = (ValueError, TypeError, KeyError, AttributeError, ValidationError)


class LogEntry(NamedTuple):
    seq: int
    at: datetime  # as stored: text SQLite kept if edited into no moment
    actor: int | None
    action: str
    entity_id: int | None
    details: Any  # parsed JSON: an object, unless edited into something else

    @property
    def entity(self) -> int:
        """The entity's id, which the replayed actions always record."""
        if type(self.entity_id) is not int:
            raise TypeError(f"an entry without its entity id: {self.entity_id!r}")
        return self.entity_id


def shown(value: object) -> str:
    """A live or logged value in a finding: moments as written, anything else as a literal
    (so text is quoted and None reads as None)."""
    return str(value) if isinstance(value, datetime) else repr(value)


def unreadable(seq: int, action: str) -> Problem:
    return Problem("audit log", f"audit entry {seq} ({action}) cannot be read; "
                                "its facts are left out of the other checks")


def replay(where: Expression, handle: Callable[[LogEntry], None]) -> list[Problem]:
    """Hand every entry ``where`` selects to ``handle``, in commit order, details parsed.

    An entry that cannot be parsed, or that ``handle`` cannot interpret (it raises one of
    :data:`MALFORMED`), is skipped and named in the returned findings.
    """
    problems: list[Problem] = []
    query = (AuditEntry.select(AuditEntry.seq, AuditEntry.at, AuditEntry.actor,
                               AuditEntry.action, AuditEntry.entity_id, AuditEntry.details)
             .where(where).order_by(AuditEntry.seq))
    # A plain cursor: peewee's per-row conversion was half of check's time.
    for seq, at, actor, action, entity_id, text in database.execute_sql(*query.sql()):
        try:
            handle(LogEntry(seq, moment_as_stored(at), actor, action, entity_id,
                            json.loads(text)))
        except MALFORMED:
            problems.append(unreadable(seq, action))
    return problems
