"""Opening and closing the database behind the one ``database`` proxy all models use.

SQLite is the default: WAL so readers never block the till that writes, foreign keys on,
``synchronous=FULL`` so a confirmed spend survives a power cut, a busy timeout so a second till
waits instead of failing, and ``BEGIN IMMEDIATE`` for every transaction so a budget check and
its write can never interleave with another writer's (see SPEC §4).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from peewee import Database, DatabaseProxy, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from recoverydesk.errors import StorageError

database = DatabaseProxy()

BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL
    "busy_timeout": BUSY_TIMEOUT_MS,
    # Freed bytes are zeroed, so an erased or merged customer's data does not linger in the
    # file (SPEC §9). Debian's SQLite has this on by default; other builds do not.
    "secure_delete": 1,
}
_SQLITE_MAGIC = b"SQLite format 3\x00"


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def _check_existing_file(path: Path) -> None:
    """Refuse a file that is not a RecoveryDesk database before opening it for writing.

    The probe is read-only, so a stranger's file (or an empty one) is left exactly as it was:
    opening it normally would already switch it to WAL mode.
    """
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a RecoveryDesk database.")
    if path.stat().st_size == 0:
        raise StorageError(f"{path} is empty (0 bytes): it is not a RecoveryDesk database.")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_MAGIC))
    if header != _SQLITE_MAGIC:
        raise StorageError(f"{path} is not a RecoveryDesk database (not an SQLite file).")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as probe:
            tables = {row[0] for row in probe.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is damaged and cannot be read ({exc}).") from exc
    if "schema_version" not in tables:
        raise StorageError(f"{path} is an SQLite file but not a RecoveryDesk database.")


def connect(target: str | Path, *, create: bool = False) -> Database:
    """Connect the proxy to ``target`` (an SQLite path) and return the real database.

    Raises:
        StorageError: the file is missing (and ``create`` is false), is not a database, or
            cannot be opened; PostgreSQL URLs are not supported yet.
    """
    if is_postgres_url(target):
        raise StorageError("PostgreSQL databases are not supported by this version yet.")
    path = Path(target).expanduser()
    if not path.exists() and not create:
        raise StorageError(f"There is no RecoveryDesk database at {path}.")
    if path.exists() and not create:
        _check_existing_file(path)
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000,
                        lock_type="IMMEDIATE")
    # SQLite's LOWER folds ASCII only; searches fold every script with this instead. Stored
    # text is NFC already (core.domain.clean_text), so the C casefold alone is enough.
    db.register_function(str.casefold, "rd_fold", 1, deterministic=True)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:  # peewee wraps driver errors
        close()
        raise StorageError(f"{path} cannot be opened as a database ({exc}).") from exc
    return db


def close() -> None:
    """Close this thread's connection and detach the proxy."""
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
    database.initialize(None)


def is_sqlite() -> bool:
    """Whether the open database is SQLite (some SQL functions differ by engine)."""
    return isinstance(database.obj, SqliteDatabase)


def is_open() -> bool:
    return database.obj is not None
