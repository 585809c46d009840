"""Schema versions: the frozen v1 schema, migrating a v1 file after a backup (SPEC §9)."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from recoverydesk.core.months import Month
from recoverydesk.paths import default_backup_folder
from recoverydesk.services import audit_log, backups, business, team
from recoverydesk.services.check import run_check
from recoverydesk.store import migrations
from recoverydesk.store.db import database
from recoverydesk.store.models import AuditEntry, Gesture, SchemaVersion, Void
from tests.retention_oracle import expected_facts, stored_facts

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


def _indexes(path: Path) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    with closing(sqlite3.connect(path)) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = "
                                            "'table' AND name NOT LIKE 'sqlite_%'")]
        return {t: sorted((i[1], tuple(c[2] for c in con.execute(f"PRAGMA index_info({i[1]})")))
                          for i in con.execute(f"PRAGMA index_list({t})"))
                for t in tables}


def _assert_schema_of_a_fresh_file(path: Path, tmp_path: Path) -> None:
    """The migrated file has the columns and indexes of a file set up today."""
    business.setup_business(tmp_path / "fresh.db", name="Fresh", currency="EUR",
                            locale="de_DE", timezone="Europe/Berlin", owner_name="O",
                            owner_pin="4711", pin_cost=4)
    business.close_business()
    assert _columns(path) == _columns(tmp_path / "fresh.db")
    assert _indexes(path) == _indexes(tmp_path / "fresh.db")


def _old_file(v1_file: Path, version: int) -> Path:
    """The v1 fixture taken to schema ``version`` exactly, as that release left it."""
    db = SqliteDatabase(str(v1_file))
    database.initialize(db)
    try:
        for step in range(2, version + 1):
            with db.atomic():
                migrations.STEPS[step - 1](db)
                SchemaVersion.create(version=step, applied_at=datetime(2026, 4, 1))
    finally:
        db.close()
        database.initialize(None)
    return v1_file


def _v2_file(v1_file: Path) -> Path:
    return _old_file(v1_file, 2)


def test_a_v2_file_migrates_to_v3_with_each_incidents_retention_facts(
        v1_file: Path, tmp_path: Path) -> None:
    """Step 3 backfills every incident's first return and lost mark (in days from its
    Berlin date, 23:30 UTC being the next day there) and swaps in the month index; the
    result equals SPEC §5 worked out from the raw rows, and a fresh file's schema."""
    path = _v2_file(v1_file)
    with closing(sqlite3.connect(path)) as con, con:
        con.executemany("INSERT INTO customer (id, name, phone, email, notes, lost_on, "
                        "created_at) VALUES (?, ?, '', '', '', ?, '2026-03-01 09:00:00')",
                        [(2, "Kept", None), (3, "Gone", "2026-03-20"), (4, "Late", None)])
        con.executemany("INSERT INTO incident (id, reported_at, reported_by_id, category_id, "
                        "description, severity, proactive, customer_id, status) "
                        "VALUES (?, ?, 1, 4, 'v2', 'minor', 0, ?, 'open')",
                        [(3, "2026-03-10 11:00:00", 2), (4, "2026-03-10 23:30:00", 2),
                         (5, "2026-03-12 10:00:00", 3), (6, "2026-03-12 10:00:00", 4)])
        con.executemany("INSERT INTO return_visit (customer_id, visited_on, recorded_at, "
                        "recorded_by_id) VALUES (?, ?, '2026-04-01 09:00:00', 1)",
                        [(2, "2026-03-11"), (2, "2026-03-15"), (3, "2026-03-25"),
                         (4, "2026-03-12")])
    business.open_business(path)
    try:
        assert migrations.current_version(database.obj) == migrations.LATEST_VERSION
        facts = stored_facts()
        assert facts == expected_facts()
        assert {k: facts[k] for k in (1, 2, 3, 4, 5, 6)} == {
            1: (None, None), 2: (None, None), 3: (1, None), 4: (4, None), 5: (13, 8),
            6: (None, None)}
        # Incidents 3-6, the visits and Gone's lost date were written straight into the file
        # above, with no audit entry, which check reports; everything else, the stored
        # retention facts included, is sound.
        problems = run_check()
        assert [p for p in problems
                if p.check not in ("incidents", "visits", "lost dates")] == []
        assert sorted(p.message for p in problems) == sorted([
            *(f"incident {n} has no audit entry" for n in (3, 4, 5, 6)),
            "return visit 1 (customer 2, 2026-03-11) has no audit entry",
            "return visit 2 (customer 2, 2026-03-15) has no audit entry",
            "return visit 3 (customer 3, 2026-03-25) has no audit entry",
            "return visit 4 (customer 4, 2026-03-12) has no audit entry",
            "customer 3: lost date is 2026-03-20 but the audit log says none"])
    finally:
        business.close_business()
    _assert_schema_of_a_fresh_file(path, tmp_path)


def test_a_v3_file_migrates_to_v4_with_each_voids_copy_of_its_gesture(
        v1_file: Path, tmp_path: Path) -> None:
    """Step 4 copies each voided gesture's employee, moment and cost onto its void (the
    budget subtracts them from there); the budget then reads as before and the schema
    equals a fresh file's."""
    path = _old_file(v1_file, 3)
    with closing(sqlite3.connect(path)) as con, con:
        gestures = con.execute("SELECT id, employee_id, created_at, cost_minor FROM gesture "
                               "ORDER BY id").fetchall()
        voided = {r[0] for r in con.execute("SELECT gesture_id FROM void")}
        incident = con.execute("SELECT id FROM incident LIMIT 1").fetchone()[0]
        con.execute("INSERT INTO gesture (incident_id, employee_id, kind, description, "
                    "cost_minor, created_at) VALUES (?, 1, 'gift', '', 777, "
                    "'2026-03-31 22:30:00')", (incident,))
        late = con.execute("SELECT MAX(id) FROM gesture").fetchone()[0]
        con.execute("INSERT INTO void (gesture_id, voided_by_id, voided_at, reason) "
                    "VALUES (?, 1, '2026-04-02 08:00:00', 'v3')", (late,))
    assert voided, "the fixture has a void to carry over"
    business.open_business(path)
    try:
        assert migrations.current_version(database.obj) == migrations.LATEST_VERSION
        copies = {v.gesture_id: (v.gesture_employee_id, str(v.gesture_created_at),
                                 v.gesture_cost_minor) for v in Void.select()}
        expected = {g: (e, at, c) for g, e, at, c in gestures if g in voided}
        expected[late] = (1, "2026-03-31 22:30:00", 777)
        assert copies == expected
        # The late gesture is April in Berlin; voided, it counts in no month.
        spent = {(employee, str(month)): team.spent_in_month(employee, month)
                 for employee in (1, 2) for month in (Month(2026, 3), Month(2026, 4))}
        assert spent == {(1, "2026-03"): 0, (1, "2026-04"): 0,
                         (2, "2026-03"): sum(c for g, e, at, c in gestures
                                             if e == 2 and g not in voided),
                         (2, "2026-04"): 0}
        assert spent[(2, "2026-03")] > 0
    finally:
        business.close_business()
    _assert_schema_of_a_fresh_file(path, tmp_path)
