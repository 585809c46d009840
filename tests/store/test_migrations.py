"""Schema versions: the frozen v1 schema, migrating a v1 file after a backup (SPEC §9)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from recoverydesk.paths import default_backup_folder
from recoverydesk.services import audit_log, backups, business
from recoverydesk.services.check import run_check
from recoverydesk.store import migrations
from recoverydesk.store.db import database
from recoverydesk.store.models import AuditEntry, Gesture, Void

V1_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "v1_shop.db"


def _table_sql(path: Path) -> dict[str, str]:
    with closing(sqlite3.connect(path)) as con:
        return dict(con.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                                "AND name NOT LIKE 'sqlite_%'").fetchall())


def _columns(path: Path) -> dict[str, list[tuple[str, str, int]]]:
    with closing(sqlite3.connect(path)) as con:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted((r[1], r[2], r[3]) for r in con.execute(f"PRAGMA table_info({t})"))
                for t in tables}


@pytest.fixture
def v1_file(tmp_path: Path) -> Path:
    copy = tmp_path / "old.db"
    shutil.copyfile(V1_FIXTURE, copy)
    return copy


def test_step_1_still_creates_exactly_the_released_v1_schema(tmp_path: Path) -> None:
    """Step 1 alone gives the same CREATE statements as the first release wrote."""
    db = SqliteDatabase(str(tmp_path / "step1.db"))
    database.initialize(db)
    try:
        migrations.STEPS[0](db)
    finally:
        db.close()
        database.initialize(None)
    assert _table_sql(tmp_path / "step1.db") == _table_sql(V1_FIXTURE)


def test_the_fixture_is_schema_version_1() -> None:
    with closing(sqlite3.connect(f"{V1_FIXTURE.as_uri()}?mode=ro", uri=True)) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)


def test_a_v1_file_is_backed_up_then_migrated_with_its_data_intact(
        v1_file: Path, tmp_path: Path) -> None:
    """Opening a v1 file writes a v1 backup first, then migrates; data and chain survive."""
    business.open_business(v1_file)
    try:
        assert migrations.current_version(database.obj) == migrations.LATEST_VERSION
        assert Gesture.select().count() == 2 and Void.select().count() == 1
        assert run_check() == []
        entry = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
        assert entry.action == "schema.migrate"
        details = audit_log.record_of(entry).details
        assert details["from"] == 1 and details["to"] == migrations.LATEST_VERSION
    finally:
        business.close_business()
    saved = backups.list_backups(v1_file, default_backup_folder())
    assert [b.path.name for b in saved] == [details["backup"]]
    with closing(sqlite3.connect(saved[0].path)) as con:
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM gesture").fetchone() == (2,)
    business.setup_business(tmp_path / "fresh.db", name="Fresh", currency="EUR",
                            locale="de_DE", timezone="Europe/Berlin", owner_name="O",
                            owner_pin="4711", pin_cost=4)
    business.close_business()
    assert _columns(v1_file) == _columns(tmp_path / "fresh.db")


def test_a_current_file_is_not_backed_up_again_on_open(v1_file: Path) -> None:
    business.open_business(v1_file)
    business.close_business()
    business.open_business(v1_file)
    business.close_business()
    assert len(backups.list_backups(v1_file)) == 1
