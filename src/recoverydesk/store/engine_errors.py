"""Errors the database engine raises because of the machine or the file, in one sentence.

A full disk, a damaged page, a folder SQLite may not write in, or a table dropped behind the
app's back are no bugs of ours: people need to hear which of these it is and what to do, not
"Unexpected error". peewee re-raises driver errors as its own, with the driver's error as the
context, and a failed ROLLBACK can hide the real cause the same way, so the whole chain is
searched.
"""

from __future__ import annotations

import re
import sqlite3

_MISSING = re.compile(r"no such (table|column): (\S+)")
# SQLite may not write the file or beside it: the file itself may well be sound.
NOT_ALLOWED = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        todo += [current.__cause__, current.__context__]
    return seen


# In order: the most telling cause wins (a full disk before the failed rollback it led to).
# ``{0}`` is SQLite's own message.
_CAUSES = (
    (("SQLITE_FULL",),
     "The disk is full: nothing more was written. Free some space and try again."),
    (("SQLITE_CORRUPT", "SQLITE_NOTADB"),
     "The database is damaged ({0}). Run 'recoverydesk check' to see where, and restore it "
     "from a backup."),
    (NOT_ALLOWED,
     "The database cannot be written ({0}): SQLite writes to the file and creates files "
     "next to it, in the same folder. Check their permissions, or that the disk is not "
     "read-only."),
    (("SQLITE_IOERR",),
     "The disk failed while reading or writing the database ({0}). Check the disk, then run "
     "'recoverydesk check'."),
)


def engine_trouble(exc: BaseException) -> str | None:
    """What went wrong, if ``exc`` (or anything in its chain) is the disk's or the file's
    doing; otherwise None."""
    errors = [(getattr(e, "sqlite_errorname", None) or "", str(e)) for e in _chain(exc)
              if isinstance(e, sqlite3.Error)]
    for prefixes, sentence in _CAUSES:
        for name, text in errors:
            if name.startswith(prefixes):
                return sentence.format(text)
    for _, text in errors:
        missing = _MISSING.search(text)
        if missing:
            return (f"The database has no {missing.group(1)} {missing.group(2)}: it was "
                    "changed outside RecoveryDesk or is damaged. Run 'recoverydesk check', "
                    "and restore it from a backup.")
    return None
