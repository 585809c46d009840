"""A first look at a business file with the standard library's ``sqlite3``, writing nothing.

The sign-in window needs three facts: the business name, the theme and who can sign in. The
start reads them here, paints the window, and only then imports peewee and opens the business
properly (migrations, checks), so a till shows its sign-in window sooner
(benchmarks/startup.py). Anything unusual is not handled here: the answer is then None and
the start takes the ordinary path, which says what is wrong.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

# The schema this code reads; tests hold it equal to store.migrations.LATEST_VERSION (that
# module imports peewee, which is what this one must not do).
SCHEMA_VERSION = 4


def peek(path: Path) -> tuple[str, str, list[tuple[int, str]]] | None:
    """``(business name, theme, [(id, name) of active people by name])``, or None.

    None for a missing file, anything that is not an SQLite file of the current schema with a
    business in it, and any error: an older schema is migrated by the ordinary open, a damaged
    or foreign file is explained by it. Nothing is created and the look writes nothing.
    """
    if not path.is_file():
        return None
    try:
        # Read-write mode (it never creates a file) with writes refused: a read-only
        # connection to a WAL-mode file would leave an empty -wal and a -shm behind, where
        # the last read-write one removes them as it closes.
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)) as conn:
            conn.execute("PRAGMA query_only = ON")
            (version,) = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            business = conn.execute("SELECT name, theme FROM business WHERE id = 1").fetchone()
            if version != SCHEMA_VERSION or business is None:
                return None
            # The same list and order as services.team.list_employees().
            people = conn.execute("SELECT id, name FROM employee WHERE active = 1 "
                                  "ORDER BY name").fetchall()
    except sqlite3.Error:
        return None
    return str(business[0]), str(business[1]), [(int(i), str(n)) for i, n in people]
