"""Backups and restores of an SQLite business file (SPEC §9).

Copies are made with SQLite's online backup API, never by copying the file: a file copy
misses what is still in the WAL and can catch a half-written page. Backups go into the backup
folder (business setting ``backup_folder``, else a folder in the user data folder) as
``<file stem>-<UTC time>-<reason>.db``, and the oldest beyond ``backup_keep`` are removed.
PostgreSQL is backed up on the server (``pg_dump``), not here.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path

from recoverydesk.core.months import local_date
from recoverydesk.errors import SchemaTooNew, StorageError, UnreadableDatabase
from recoverydesk.paths import default_backup_folder
from recoverydesk.services import _base, audit_log
from recoverydesk.services.types import BackupInfo
from recoverydesk.store import migrations
from recoverydesk.store.db import database, is_postgres
from recoverydesk.store.files import check_database_file
from recoverydesk.store.models import Business

Progress = Callable[[int, int], None]  # (pages done, pages in all)
_STAMP = "%Y%m%d-%H%M%S"
_PAGES_PER_STEP = 256


def folder_for(setting: str | None) -> Path:
    return Path(setting).expanduser() if setting else default_backup_folder()


def open_file_path() -> Path:
    """The SQLite file of the open business."""
    if is_postgres():
        raise StorageError("A PostgreSQL database is backed up on its server (pg_dump); "
                           "RecoveryDesk backs up SQLite files.")
    return Path(database.obj.database)


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(db_path.stem) + r"-(\d{8}-\d{6})(?:-[a-z0-9-]+)?\.db")


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """Backups of ``db_path`` in ``folder`` (default folder if None), newest first."""
    folder = folder or default_backup_folder()
    pattern = _pattern(db_path)
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            match = pattern.fullmatch(entry.name)
            if match and entry.is_file():
                at = datetime.strptime(match.group(1), _STAMP)
                found.append(BackupInfo(entry, at, entry.stat().st_size))
    return sorted(found, key=lambda b: (b.at, b.path.stat().st_mtime_ns), reverse=True)


def latest_backup(db_path: Path, folder: Path | None = None) -> BackupInfo | None:
    backups = list_backups(db_path, folder)
    return backups[0] if backups else None


def copy_database(source: sqlite3.Connection, dest: Path,
                  progress: Progress | None = None) -> None:
    """Online backup of ``source`` into a new file ``dest`` (written aside, then renamed)."""
    partial = dest.with_name(dest.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        dest.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(partial)) as target:
            source.backup(target, pages=_PAGES_PER_STEP, progress=(
                None if progress is None else
                lambda _status, remaining, total: progress(total - remaining, total)))
            # The copy carries the live file's WAL mark, so every later read-only look at it
            # (restore's checks) left an empty -wal and a -shm beside it: a backup is one
            # self-contained file, so it is kept in rollback-journal mode.
            target.execute("PRAGMA journal_mode = DELETE")
        partial.replace(dest)
    except (sqlite3.Error, OSError) as exc:
        with suppress(OSError):  # the folder itself may be what failed
            partial.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise StorageError(f"The backup to {dest} failed ({reason}).") from exc


def _backup_folder_setting() -> str | None:
    # Read raw: this also runs on an old schema, just before it is migrated.
    row = database.execute_sql("SELECT backup_folder FROM business WHERE id = 1").fetchone()
    return row[0] if row else None


def _new_name(folder: Path, db_path: Path, at: datetime, reason: str) -> Path:
    base = f"{db_path.stem}-{at.strftime(_STAMP)}-{reason}"
    candidate, n = folder / f"{base}.db", 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{base}-{n}.db"
    return candidate


def make_backup(*, reason: str = "manual", dest: Path | None = None, actor_id: int | None = None,
                progress: Progress | None = None, record: bool = True,
                now: datetime | None = None) -> BackupInfo:
    """Back up the open business now; rotate the folder; audit it (unless ``record`` is off,
    as before a migration, when the schema may still be old).

    ``dest`` writes one file there instead of into the backup folder (no rotation).
    """
    db_path = open_file_path()
    at = _base.utcnow(now)
    folder = folder_for(_backup_folder_setting())
    target = dest.expanduser() if dest is not None else _new_name(folder, db_path, at, reason)
    if target.resolve() == db_path.resolve():
        raise StorageError("A backup cannot overwrite the database it backs up.")
    if target.exists():  # never overwrite: the file might be another backup or database
        raise StorageError(f"{target} already exists; choose a new file for the backup.")
    copy_database(database.connection(), target, progress)
    if record:
        with _base.write():
            if dest is None:  # a copy elsewhere (a USB stick) is not the folder's daily one
                Business.update(last_backup_at=at).where(Business.id == 1).execute()
            audit_log.append(actor_id, "backup.create", "business", 1,
                             {"file": target.name, "reason": reason}, at)
    if dest is None:
        rotate(db_path, folder, _base.settings().backup_keep if record else None)
    return BackupInfo(target, at, target.stat().st_size)


def rotate(db_path: Path, folder: Path, keep: int | None) -> list[Path]:
    """Remove the oldest backups of ``db_path`` beyond ``keep``; return what was removed."""
    if keep is None:
        row = database.execute_sql("SELECT backup_keep FROM business WHERE id = 1").fetchone()
        keep = int(row[0]) if row else 14
    removed = [b.path for b in list_backups(db_path, folder)[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backup_due(now: datetime | None = None) -> bool:
    """True when no backup was made yet on this business-local calendar day."""
    if is_postgres():
        return False
    at = _base.utcnow(now)
    last = Business.get_by_id(1).last_backup_at
    tz = _base.settings().tz
    return last is None or local_date(last, tz) < local_date(at, tz)


def backup_if_due(progress: Progress | None = None,
                  now: datetime | None = None) -> BackupInfo | None:
    """The daily backup: made at most once per business day."""
    if not backup_due(now):
        return None
    return make_backup(reason="daily", progress=progress, now=now)


def inspect_file(path: Path) -> tuple[int, str]:
    """Check that ``path`` is a sound RecoveryDesk database; return (schema version, name).

    Raises:
        UnreadableDatabase: not ours, empty, damaged, or failing SQLite's integrity check.
        SchemaTooNew: written by a newer RecoveryDesk.
    """
    check_database_file(path)
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
            integrity = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0]
            row = con.execute("SELECT name FROM business WHERE id = 1").fetchone()
    except sqlite3.DatabaseError as exc:
        raise UnreadableDatabase(f"{path} is damaged and cannot be read ({exc}).", path,
                                 "damaged") from exc
    if integrity != ["ok"]:
        # SQLite's report runs to many lines ("*** in database main ***", then one per
        # finding): the message is one line with the first finding and how many there are.
        findings = [line.strip() for row in integrity for line in str(row).splitlines()
                    if line.strip() and not line.startswith("***")]
        more = f", and {len(findings) - 1} more" if len(findings) > 1 else ""
        raise UnreadableDatabase(f"{path} is damaged (integrity check: "
                                 f"{findings[0] if findings else integrity[0]}{more}).", path,
                                 "damaged")
    if version is None or row is None:
        raise UnreadableDatabase(f"{path} holds no RecoveryDesk business.", path, "foreign")
    if version > migrations.LATEST_VERSION:
        raise SchemaTooNew(
            f"{path} is from a newer RecoveryDesk (schema version {version}); this version "
            f"reads up to schema version {migrations.LATEST_VERSION}.", version,
            migrations.LATEST_VERSION)
    return int(version), str(row[0])


def now_stamp() -> str:
    return datetime.now(UTC).strftime(_STAMP)
