"""What the sign-in window shows before the business is opened (see ``store.first_look``).

Light on purpose: the start imports this module before anything else of the services, so it
brings neither peewee nor the other services.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from recoverydesk.store import first_look
from recoverydesk.store.targets import is_other_url, is_postgres_url


@dataclass(frozen=True)
class StartSnapshot:
    name: str  # the business
    theme: str
    people: tuple[tuple[int, str], ...]  # (employee id, name) of the active ones, by name


def needs_first_run(target: str) -> bool:
    """No database yet: an SQLite file that does not exist (the default one on a new
    machine, or ``--db NEW.db``). An address of another server (``mysql://…``) is no new
    file: the ordinary open refuses it and says why."""
    if is_postgres_url(target) or is_other_url(target):
        return False
    return not Path(target).expanduser().exists()


def peek(target: str) -> StartSnapshot | None:
    """The sign-in window's facts read from an SQLite business file of the current schema;
    None for PostgreSQL and for anything the ordinary open must look at first."""
    if is_postgres_url(target):
        return None
    found = first_look.peek(Path(target).expanduser())
    if found is None:
        return None
    name, theme, people = found
    return StartSnapshot(name, theme, tuple(people))
