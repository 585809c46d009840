"""``recoverydesk copy``: move a business to another database, e.g. from SQLite to PostgreSQL.

Rows keep their ids, so the audit chain (which names ids and hashes a canonical form that does
not depend on the engine) verifies the same at the destination. The source must pass
``check`` first, and the copy is checked in its own transaction before it commits. The
destination must be empty. Rows are held in memory between the two databases, which suits a
shop's data (a few hundred MB at most).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peewee import AutoField

from recoverydesk.errors import StorageError
from recoverydesk.services import audit_log, business
from recoverydesk.services._base import snapshot
from recoverydesk.services.check import run_check
from recoverydesk.services.types import CopyResult
from recoverydesk.store import db, migrations
from recoverydesk.store.models import ALL_MODELS, AuditHead, BaseModel, SchemaVersion

_BATCH = 500
_COPIED = [m for m in ALL_MODELS if m is not SchemaVersion]
_COPIED_TABLES = {m._meta.table_name for m in _COPIED}


def _read_source(source: str) -> tuple[dict[type[BaseModel], list[dict[str, Any]]], str]:
    business.open_business(source)
    try:
        with snapshot():  # the rows copied are the rows checked, whatever a till writes
            # All of check, not only the chain: a row edited behind the app's back would be
            # carried to the server (or, typed as text into a number column, stop the copy
            # halfway with the server's own error).
            problems = run_check()
            if problems:
                more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
                raise StorageError(f"The source fails its check ({problems[0].check}: "
                                   f"{problems[0].message}{more}); run 'recoverydesk check' "
                                   "on it for the whole list. Nothing was copied.")
            rows = {model: list(model.select().order_by(*model._meta.get_primary_keys())
                                .dicts().iterator()) for model in _COPIED}
            head = AuditHead.get_by_id(1).hash
    finally:
        business.close_business()
    return rows, head


def _open_empty_destination(dest: str) -> None:
    if not db.is_postgres_url(dest):
        path = Path(dest).expanduser()
        if path.exists() and path.stat().st_size > 0:
            raise StorageError(f"{path} already exists; copy writes only into a new file.")
    database = db.connect(dest, create=True)
    try:
        # Empty: no schema yet, or RecoveryDesk's schema without a row in it (what a copy
        # that failed its verification leaves: its rows were rolled back, its schema not).
        # Looked at as it is: a business at an older version must not be migrated here.
        if migrations.current_version(database) != 0 and any(
                database.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()
                for table in sorted(set(database.get_tables()) & _COPIED_TABLES)):
            raise StorageError(f"{_shown(dest)} is not empty; copy writes only into an empty "
                               "database.")
        migrations.migrate(database)
    except Exception:
        db.close()
        raise


def _shown(target: str) -> str:
    return db.redacted(target) if db.is_postgres_url(target) else target


def _reset_sequences() -> None:
    """PostgreSQL: ids were inserted explicitly, so move each id sequence past them."""
    for model in _COPIED:
        pk = model._meta.primary_key
        if not isinstance(pk, AutoField):
            continue
        table, column = model._meta.table_name, pk.column_name
        db.database.execute_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
            f"COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {table}")


def _verify(rows: dict[type[BaseModel], list[dict[str, Any]]], head_hash: str) -> int:
    for model, copied in rows.items():
        if model.select().count() != len(copied):
            raise StorageError(f"The copy of table {model._meta.table_name} is incomplete.")
    chain = audit_log.verify_chain()
    if not chain.intact or AuditHead.get_by_id(1).hash != head_hash:
        raise StorageError(f"The copied audit chain does not verify ({chain.message}).")
    problems = run_check()
    if problems:
        raise StorageError(f"The copy fails its check ({problems[0].check}: "
                           f"{problems[0].message}).")
    return chain.entries


def copy_business(source: str, dest: str) -> CopyResult:
    """Copy every row of the business at ``source`` into the empty database ``dest``.

    Raises:
        StorageError: the source cannot be opened or fails its check; the destination is not
            empty; the copy does not verify (nothing is left: the server's transaction is
            rolled back, a new destination file removed).
    """
    if _shown(source) == _shown(dest):
        raise StorageError("The source and the destination are the same database.")
    rows, head_hash = _read_source(source)
    _open_empty_destination(dest)
    try:
        # Verified inside the copy's transaction: one that fails leaves the server empty,
        # so the copy can be run again (a new file is removed below).
        with db.database.atomic():
            for model, copied in rows.items():
                for start in range(0, len(copied), _BATCH):
                    model.insert_many(copied[start:start + _BATCH]).execute()
            if db.is_postgres():
                _reset_sequences()
            entries = _verify(rows, head_hash)
    except Exception:
        db.close()
        if not db.is_postgres_url(dest):
            for leftover in ("", "-wal", "-shm"):
                Path(f"{Path(dest).expanduser()}{leftover}").unlink(missing_ok=True)
        raise
    db.close()
    return CopyResult({m._meta.table_name: len(r) for m, r in rows.items()}, entries)
