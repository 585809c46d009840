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
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from peewee import Database, DatabaseProxy, PostgresqlDatabase, Psycopg3Adapter, SqliteDatabase
from peewee import DatabaseError as PeeweeDatabaseError

from recoverydesk.errors import StorageError
from recoverydesk.store.files import check_database_file
from recoverydesk.store.targets import is_other_url, is_postgres_url

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


def is_postgres() -> bool:
    """Whether the open database is PostgreSQL (where row locks need ``FOR UPDATE``)."""
    return isinstance(database.obj, PostgresqlDatabase)


def redacted(url: str) -> str:
    """A PostgreSQL URL without its password, for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:  # unreadable (an IPv6 bracket not closed): show none of what may hold
        return f"{url.partition(':')[0]}://…"  # a password
    user = f"{unquote(parts.username)}@" if parts.username else ""
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
    # The port as typed (parts.port fails on one that is no number), after any "[v6]".
    port = parts.netloc.rpartition("@")[2].rpartition("]")[2].partition(":")[2]
    port = f":{port}" if port else ""
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


class LazyPsycopg3Adapter(Psycopg3Adapter):
    """peewee's psycopg 3 adapter, with psycopg imported when a server is first opened
    (``recoverydesk._peewee_import`` keeps it out of peewee's own import)."""

    def __init__(self) -> None:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb

        super().__init__()
        self.psycopg = psycopg
        self.json_type, self.jsonb_type = Json, Jsonb
        self.txn_idle = TransactionStatus.IDLE
        self.txn_inerror = TransactionStatus.INERROR
        self.txn_unknown = TransactionStatus.UNKNOWN
        self.txn_intrans = TransactionStatus.INTRANS

    def check_driver(self) -> None:
        """psycopg was imported in ``__init__``; an ImportError there names it."""

    def get_binary_type(self) -> Any:
        return self.psycopg.Binary

    def connect(self, db: PostgresqlDatabase, **params: Any) -> Any:
        encoding = getattr(db, "_encoding", None)
        if encoding:
            params.setdefault("client_encoding", encoding)
        if db.database.startswith("postgresql://"):
            params.setdefault("conninfo", db.database)
        else:
            params.setdefault("dbname", db.database)
        return self.psycopg.connect(**params)

    def server_side_cursor(self, conn: Any) -> Any:
        in_txn = self.txn_status(conn) == self.txn_intrans
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_txn)


class ServerDatabase(PostgresqlDatabase):
    # Whichever driver peewee thinks it found at import (none, as we import it), psycopg 3.
    psycopg2_adapter = LazyPsycopg3Adapter
    psycopg3_adapter = LazyPsycopg3Adapter


def _postgres(url: str) -> PostgresqlDatabase:
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # its text names the fault, never the password
        raise StorageError(f"{redacted(url)} is not a well-formed address ({exc}): use "
                           "postgresql://user:password@host:port/database, an IPv6 host in "
                           "brackets.") from None
    try:
        port = parts.port
    except ValueError:
        raise StorageError(f"{redacted(url)} has a port that is not a number from 1 to "
                           "65535.") from None
    name = unquote(parts.path.lstrip("/"))
    if not name:
        raise StorageError(f"{redacted(url)} names no database: use "
                           "postgresql://user:password@host/database.")
    return ServerDatabase(
        name, user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        host=parts.hostname or None, port=port,
        connect_timeout=10)


def connect(target: str | Path, *, create: bool = False) -> Database:
    """Connect the proxy to ``target`` (an SQLite path or a PostgreSQL URL); return the
    real database.

    Raises:
        StorageError: the file is missing (and ``create`` is false), is not a database, or
            cannot be opened; the server cannot be reached.
    """
    if is_other_url(target):
        raise StorageError(f"{redacted(str(target))} is neither a file path nor a postgresql:// "
                           "address: RecoveryDesk keeps its data in an SQLite file or on a "
                           "PostgreSQL server.")
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
    _run_closers()
    database.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        db.execute_sql("SELECT 1").fetchone()
    except (PeeweeDatabaseError, sqlite3.DatabaseError) as exc:  # peewee wraps driver errors
        close()
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StorageError(f"{where} cannot be opened as a database ({reason}).") from exc
    return db


_closers: list[Callable[[], None]] = []


def on_close(closer: Callable[[], None]) -> None:
    """Have ``closer`` run whenever a database is closed or another is opened (for
    connections held beside the callers' own, like ``store.side_read``'s)."""
    _closers.append(closer)


def _run_closers() -> None:
    for closer in _closers:
        closer()


def close() -> None:
    """Close this thread's connection and any held beside it, and detach the proxy."""
    _run_closers()
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
