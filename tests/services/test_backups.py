"""Backups with SQLite's online backup API, rotation, the daily rule, restore (SPEC §9)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from recoverydesk.errors import SchemaTooNew, StorageError, UnreadableDatabase
from recoverydesk.services import backups, business, recoveries
from recoverydesk.services.check import run_check
from recoverydesk.services.restore import restore
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import AuditEntry, Gesture
from tests.conftest import T0, Shop

pytestmark = pytest.mark.sqlite_only  # backups and restores are of SQLite files


def _gestures_in(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(con.execute("SELECT count(*) FROM gesture").fetchone()[0])


def _spend(shop: Shop, employee: int, cost: int = 500) -> None:
    recoveries.log_recovery(employee, shop.incident(), gesture=GestureInput("gift", cost), now=T0)


def test_a_backup_holds_what_is_still_in_the_wal_and_is_audited(shop: Shop) -> None:
    """Committed spends not yet checkpointed into the main file are in the backup."""
    sam = shop.staff("Sam", 10_000, 10_000)
    for _ in range(3):
        _spend(shop, sam)
    assert Path(f"{shop.path}-wal").stat().st_size > 0
    made = backups.make_backup(reason="manual", now=T0)
    assert made.path.parent == backups.folder_for(None)
    assert _gestures_in(made.path) == 3
    last = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    assert (last.action, made.path.name in last.details) == ("backup.create", True)


def test_rotation_keeps_the_configured_number_newest_first(shop: Shop) -> None:
    business.update_settings(shop.owner_id, backup_keep=3, now=T0)
    made = [backups.make_backup(reason="daily", now=T0 + timedelta(days=d)) for d in range(5)]
    kept = backups.list_backups(shop.path, backups.folder_for(None))
    assert [b.path for b in kept] == [m.path for m in reversed(made[2:])]
    assert not made[0].path.exists() and not made[1].path.exists()


def test_the_backup_folder_setting_is_used(shop: Shop, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    business.update_settings(shop.owner_id, backup_folder=str(folder), now=T0)
    made = backups.make_backup(now=T0)
    assert made.path.parent == folder and backups.latest_backup(shop.path, folder) == made


def test_the_daily_backup_runs_at_most_once_per_business_day(shop: Shop) -> None:
    assert backups.backup_if_due(now=T0) is not None
    assert backups.backup_if_due(now=T0 + timedelta(hours=10)) is None  # 22:00 in Berlin
    assert backups.backup_if_due(now=T0 + timedelta(hours=13)) is not None  # next local day
    assert len(backups.list_backups(shop.path)) == 2


def test_a_copy_to_a_chosen_file_does_not_count_as_the_daily_backup(
        shop: Shop, tmp_path: Path) -> None:
    backups.make_backup(dest=tmp_path / "stick.db", now=T0)
    assert backups.backup_due(now=T0)


def test_restore_round_trip_keeps_the_replaced_file_and_passes_check(
        shop: Shop, tmp_path: Path) -> None:
    """Spends after the backup disappear; the file they were in is kept as a backup."""
    sam = shop.staff("Sam", 10_000, 10_000)
    _spend(shop, sam)
    saved = backups.make_backup(dest=tmp_path / "monday.db", now=T0)
    _spend(shop, sam)
    _spend(shop, sam)
    business.close_business()
    result = restore(shop.path, saved.path)
    assert result.previous is not None and _gestures_in(result.previous) == 3
    business.open_business(shop.path)
    assert Gesture.select().count() == 1 and run_check() == []
    last = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
    assert last.action == "backup.restore" and "monday.db" in last.details


@pytest.mark.parametrize(("content", "kind"), [
    (b"", "empty"), (b"just some notes\n", "text"), (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image"),
])
def test_restore_refuses_a_file_that_is_not_a_recoverydesk_database(
        shop: Shop, tmp_path: Path, content: bytes, kind: str) -> None:
    """Nothing is changed: the open business still has its data, no backup was taken."""
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(content)
    business.close_business()
    with pytest.raises(UnreadableDatabase) as caught:
        restore(shop.path, bogus)
    assert caught.value.kind == kind
    assert backups.list_backups(shop.path) == []
    business.open_business(shop.path)
    assert run_check() == []


def test_restore_refuses_another_programs_sqlite_file(shop: Shop, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as con:
        con.execute("CREATE TABLE notes (text)")
    business.close_business()
    with pytest.raises(UnreadableDatabase, match="not a RecoveryDesk database"):
        restore(shop.path, other)


def test_restore_refuses_a_backup_from_a_newer_version(shop: Shop, tmp_path: Path) -> None:
    newer = backups.make_backup(dest=tmp_path / "newer.db", now=T0).path
    with closing(sqlite3.connect(newer)) as con, con:
        con.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, '2030-01-01')")
    business.close_business()
    with pytest.raises(SchemaTooNew, match="schema version 99"):
        restore(shop.path, newer)


def test_a_damaged_file_is_moved_aside_and_replaced_by_the_backup(
        shop: Shop, tmp_path: Path) -> None:
    saved = backups.make_backup(now=T0)
    business.close_business()
    data = shop.path.read_bytes()
    shop.path.write_bytes(data[: len(data) // 3])
    with pytest.raises(UnreadableDatabase, match="cut short"):
        business.open_business(shop.path)
    result = restore(shop.path, saved.path)
    assert result.previous is not None and ".damaged-" in result.previous.name
    assert result.previous.stat().st_size == len(data) // 3
    business.open_business(shop.path)
    assert run_check() == []


def test_a_backup_cannot_overwrite_its_own_database(shop: Shop) -> None:
    with pytest.raises(StorageError, match="cannot overwrite"):
        backups.make_backup(dest=shop.path)


def test_a_backup_never_overwrites_an_existing_file(shop: Shop, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(b"someone else's file")
    with pytest.raises(StorageError, match="already exists"):
        backups.make_backup(dest=other)
    assert other.read_bytes() == b"someone else's file"
