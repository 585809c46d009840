"""Restoring a business file from a backup (SPEC §9): the current file is kept first.

The business must be closed (the CLI and the recovery dialog close it). A readable current
file is backed up into the backup folder; a damaged one is moved aside next to itself. The
backup is then written into place with SQLite's online backup API, opened (migrating it if it
is older) and checked; if that check fails, the previous file is put back.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from recoverydesk.errors import StorageError, UnreadableDatabase
from recoverydesk.services import audit_log, backups, business
from recoverydesk.services._base import utcnow, write
from recoverydesk.services.check import run_check
from recoverydesk.services.types import RestoreResult
from recoverydesk.store import db
from recoverydesk.store.files import check_database_file

_SIDECARS = ("-wal", "-shm")


def _set_aside(path: Path) -> Path:
    """Move a damaged file (and its WAL files) aside, keeping it for inspection."""
    aside = path.with_name(f"{path.name}.damaged-{backups.now_stamp()}")
    path.replace(aside)
    for suffix in _SIDECARS:
        side = Path(f"{path}{suffix}")
        if side.exists():
            side.replace(Path(f"{aside}{suffix}"))
    return aside


def _keep_current(target: Path) -> Path | None:
    """Back up (or, if damaged, move aside) the file about to be replaced."""
    if not target.exists():
        return None
    try:
        check_database_file(target)
    except UnreadableDatabase:
        return _set_aside(target)
    business.open_business(target)
    try:
        return backups.make_backup(reason="before-restore", record=False).path
    finally:
        business.close_business()


def _write_into(source: Path, target: Path) -> None:
    """Online backup of ``source`` into ``target`` (SQLite replaces every page in place)."""
    try:
        with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src, \
                closing(sqlite3.connect(target)) as dst:
            src.backup(dst, pages=256)
    except sqlite3.Error as exc:
        raise StorageError(f"Writing {source} into {target} failed ({exc}).") from exc


def _put_back(previous: Path | None, target: Path) -> None:
    if previous is None:
        target.unlink(missing_ok=True)
    elif ".damaged-" in previous.name:
        previous.replace(target)
    else:
        _write_into(previous, target)


def restore(target: Path, source: Path, actor_id: int | None = None) -> RestoreResult:
    """Replace the business file ``target`` by the backup ``source``; ``actor_id`` is the
    owner who asked (from the app's Settings), recorded in the audit entry.

    Raises:
        UnreadableDatabase, SchemaTooNew: ``source`` is not a usable RecoveryDesk database
            (nothing is changed).
        StorageError: the restored file failed its check (the previous file is put back).
    """
    target, source = target.expanduser(), source.expanduser()
    if target.exists() and source.resolve() == target.resolve():
        raise StorageError("A file cannot be restored onto itself.")
    _, name = backups.inspect_file(source)
    previous = _keep_current(target)
    _write_into(source, target)
    try:
        business.open_business(target)
        problems = run_check()
        if problems:
            raise StorageError(f"The restored file failed its check ({problems[0].check}: "
                               f"{problems[0].message}); the previous file was put back.")
        with write():
            audit_log.append(actor_id, "backup.restore", "business", 1,
                             {"from": source.name,
                              "previous": previous.name if previous else None}, utcnow())
        entries = audit_log.verify_chain().entries
    except Exception:
        db.close()
        _put_back(previous, target)
        raise
    business.close_business()
    return RestoreResult(source, previous, name, entries)
