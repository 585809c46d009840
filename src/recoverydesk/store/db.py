"""Opening and closing the database behind the one ``database`` proxy all models use.

SQLite is the default: WAL so readers never block the till that writes, foreign keys on,
``synchronous=FULL`` so a confirmed spend survives a power cut, a busy timeout so a second till
waits instead of failing, and ``BEGIN IMMEDIATE`` for every transaction so a budget check and
its write can never interleave with another writer's (see SPEC §4).

PostgreSQL (``postgresql://user:password@host/database``) serves several tills; there the
writers serialise on row locks instead (``store.ledger.lock_spender`` and the audit head).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import Database, DatabaseProxy, PostgresqlDatabase, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from recoverydesk.errors import StorageError
from recoverydesk.store.files import check_database_file

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


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def is_postgres() -> bool:
    """Whether the open database is PostgreSQL (where row locks need ``FOR UPDATE``)."""
    return isinstance(database.obj, PostgresqlDatabase)


def redacted(url: str) -> str:
    """A PostgreSQL URL without its password, for messages."""
    parts = urlsplit(url)
    user = f"{unquote(parts.username)}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{user}{parts.hostname or ''}{port}{parts.path}"


def _postgres(url: str) -> PostgresqlDatabase:
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise StorageError(f"{redacted(url)} names no database: use "
                           "postgresql://user:password@host/database.")
    # psycopg 3 is the declared dependency; peewee would pick psycopg2 if it is also there.
    return PostgresqlDatabase(
        name, user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        host=parts.hostname or None, port=parts.port, prefer_psycopg3=True,
        connect_timeout=10)


def connect(target: str | Path, *, create: bool = False) -> Database:
    """Connect the proxy to ``target`` (an SQLite path or a PostgreSQL URL); return the
    real database.

    Raises:
        StorageError: the file is missing (and ``create`` is false), is not a database, or
            cannot be opened; the server cannot be reached.
    """
    if is_postgres_url(target):
        db: Database = _postgres(str(target))
        where = redacted(str(target))
    else:
        path = Path(target).expanduser()
        if not path.exists() and not create:
            raise StorageError(f"There is no RecoveryDesk database at {path}.")
        if path.exists() and not create:
            check_database_file(path)
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        db = SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000,
                            lock_type="IMMEDIATE")
        # SQLite's LOWER folds ASCII only; searches fold every script with this instead.
        # Stored text is NFC already (core.domain.clean_text), so the C casefold is enough.
        db.register_function(str.casefold, "rd_fold", 1, deterministic=True)
        where = str(path)
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1").fetchone()
    except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:  # peewee wraps driver errors
        close()
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StorageError(f"{where} cannot be opened as a database ({reason}).") from exc
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


def release_thread_connection() -> None:
    """Close the calling thread's own connection (a worker's), leaving the proxy attached."""
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
