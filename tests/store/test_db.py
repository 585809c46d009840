"""Opening SQLite files: pragmas, schema version, refusal of newer schemas."""

from __future__ import annotations

import sqlite3

import pytest

from recoverydesk.errors import StorageError
from recoverydesk.services import business
from recoverydesk.store import migrations
from recoverydesk.store.db import database
from tests.conftest import Shop


@pytest.mark.sqlite_only
def test_every_connection_gets_the_ledger_pragmas(shop: Shop) -> None:
    """WAL, foreign keys on, synchronous FULL, a busy timeout, freed bytes zeroed (SPEC §9)."""
    read = {name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout",
                         "secure_delete")}
    assert read == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2,
                    "busy_timeout": 10000, "secure_delete": 1}


def test_a_new_file_gets_every_migration_step_with_its_version_row(shop: Shop) -> None:
    rows = database.execute_sql("SELECT version FROM schema_version").fetchall()
    assert rows == [(v,) for v in range(1, migrations.LATEST_VERSION + 1)]


@pytest.mark.sqlite_only
def test_a_file_from_a_newer_version_is_refused_naming_both_versions(shop: Shop) -> None:
    business.close_business()
    with sqlite3.connect(shop.path) as raw:
        raw.execute("INSERT INTO schema_version (version, applied_at) VALUES (7, '2030-01-01')")
    with pytest.raises(StorageError, match=rf"schema version 7.*up to schema version "
                       rf"{migrations.LATEST_VERSION}"):
        business.open_business(shop.path)


def test_foreign_keys_are_enforced(shop: Shop) -> None:
    from peewee import IntegrityError
    with pytest.raises(IntegrityError):
        database.execute_sql("INSERT INTO gesture (incident_id, employee_id, kind, description,"
                             " cost_minor, created_at) VALUES (999, 999, 'gift', '', 1, "
                             "'2026-01-01')")
