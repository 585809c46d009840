"""The start's first look (``services.start_snapshot``, ``store.first_look``): the sign-in
window's facts read straight from the file, or None whenever the ordinary open must look."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from recoverydesk.services import business, start_snapshot, team
from recoverydesk.store import first_look, migrations
from tests.conftest import Shop

pytestmark = pytest.mark.sqlite_only


def _folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_first_look_lists_who_the_services_list_and_changes_nothing(shop: Shop) -> None:
    """Active people only, in the services' order, any script; the business name and theme;
    and the file and its folder are byte for byte as they were."""
    for name in ("Zofia Żółć", "Иван Петров", "王小明", "Ørjan Øberg"):
        shop.staff(name, 10000, 2000)
    gone = shop.staff("Gone Person", 10000, 2000)
    team.set_active(shop.owner_id, gone, False)
    business.update_settings(shop.owner_id, theme="dark")
    expected = [(e.id, e.name) for e in team.list_employees()]
    business.close_business()
    before = _folder_state(shop.path.parent)
    snapshot = start_snapshot.peek(str(shop.path))
    assert snapshot is not None
    assert snapshot.name == "Café Zażółć" and snapshot.theme == "dark"
    assert list(snapshot.people) == expected
    assert "Gone Person" not in [name for _id, name in snapshot.people]
    assert _folder_state(shop.path.parent) == before


@pytest.mark.parametrize("content", [b"", b"shopping list\n",
                                     b"SQLite format 3\x00" + b"\x00" * 90])
def test_anything_but_a_business_file_gets_no_first_look(tmp_path: Path, content: bytes) -> None:
    """Empty, text, or a broken SQLite header: None (the ordinary open explains it)."""
    path = tmp_path / "odd.db"
    path.write_bytes(content)
    assert start_snapshot.peek(str(path)) is None
    assert path.read_bytes() == content


def test_a_missing_file_or_a_server_gets_no_first_look(tmp_path: Path) -> None:
    """A missing file is not created; a PostgreSQL URL is never looked at here."""
    assert start_snapshot.peek(str(tmp_path / "missing.db")) is None
    assert list(tmp_path.iterdir()) == []
    assert start_snapshot.peek("postgresql://till:secret@localhost/shop") is None


def test_an_older_schema_is_left_to_the_ordinary_open(shop: Shop) -> None:
    """A file one schema step behind must be migrated (with its backup) first: None."""
    business.close_business()
    with closing(sqlite3.connect(shop.path)) as con, con:
        con.execute("DELETE FROM schema_version WHERE version = ?",
                    (migrations.LATEST_VERSION,))
    assert start_snapshot.peek(str(shop.path)) is None


def test_another_programs_sqlite_file_gets_no_first_look(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE notes (text TEXT)")
    assert start_snapshot.peek(str(path)) is None


def test_the_first_look_reads_the_schema_the_migrations_make() -> None:
    """``store.first_look`` cannot import the migrations (they bring peewee): its version
    number is held to theirs here."""
    assert first_look.SCHEMA_VERSION == migrations.LATEST_VERSION
