"""The command line on unusable files, and backup / restore / copy (SPEC §8, §9)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from recoverydesk.cli import main
from recoverydesk.services import backups, business
from recoverydesk.store import migrations
from tests.conftest import Shop, make_shop, one_line

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def shop_file(tmp_path: Path) -> Shop:
    created = make_shop(tmp_path / "shop.db")
    business.close_business()
    return created


def _truncated(shop: Shop) -> Path:
    with closing(sqlite3.connect(shop.path)) as con:  # fold the WAL in, then cut the file
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = shop.path.read_bytes()
    shop.path.write_bytes(data[: len(data) // 2])
    return shop.path


def _make(kind: str, shop: Shop, tmp_path: Path) -> Path:
    if kind == "truncated":
        return _truncated(shop)
    path = tmp_path / f"{kind}.db"
    path.write_bytes({"zero-byte": b"", "text": "Einkaufsliste: Äpfel\n".encode(),
                      "png": Path(__file__).with_name("fixtures").joinpath("tiny.png")
                      .read_bytes()}[kind])
    return path


@pytest.mark.parametrize(("kind", "says"), [
    ("truncated", "is damaged: it is cut short"), ("zero-byte", "is empty (0 bytes)"),
    ("text", "is a text file"), ("png", "is a PNG image"),
])
@pytest.mark.parametrize("command", ["check", "backup", "reset-pin"])
def test_an_unusable_file_gives_one_line_saying_which_and_exit_1(
        shop_file: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        kind: str, says: str, command: str) -> None:
    """Every command that opens the file refuses it the same way and leaves it untouched."""
    path = _make(kind, shop_file, tmp_path)
    before = path.read_bytes()
    extra = ["--employee", "Olga Owner"] if command == "reset-pin" else []
    assert main([command, "--db", str(path), *extra]) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"recoverydesk: {path} {says}")
    assert path.read_bytes() == before  # the probe never writes


def test_a_newer_schema_is_refused_naming_both_versions(
        shop_file: Shop, capsys: pytest.CaptureFixture[str]) -> None:
    with closing(sqlite3.connect(shop_file.path)) as con, con:
        con.execute("INSERT INTO schema_version (version, applied_at) VALUES (9, '2030-01-01')")
    assert main(["check", "--db", str(shop_file.path)]) == 1
    line = one_line(capsys.readouterr().err)
    assert "schema version 9" in line
    assert f"up to schema version {migrations.LATEST_VERSION}" in line


def test_backup_then_restore_from_the_command_line(
        shop_file: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "copy.db"
    assert main(["backup", "--db", str(shop_file.path), "-o", str(out)]) == 0
    assert f"Backup written to {out}" in capsys.readouterr().out
    assert main(["backup", "--db", str(shop_file.path)]) == 0
    assert len(backups.list_backups(shop_file.path)) == 1
    capsys.readouterr()
    assert main(["restore", str(out), "--db", str(shop_file.path)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Restored 'Café Zażółć' from") and "check passed" in said
    assert len(backups.list_backups(shop_file.path)) == 2  # the file replaced is kept
    assert main(["check", "--db", str(shop_file.path)]) == 0
    # Read-only looks at a backup leave nothing beside it: a -wal and a -shm stayed next to
    # the file restored from, and next to the kept file after a failed restore.
    kept = [info.path for info in backups.list_backups(shop_file.path)]
    for backup in (out, *kept):
        assert not [p for p in backup.parent.iterdir()
                    if p.name.startswith(backup.name) and p != backup], backup


def test_restore_refuses_a_text_file_with_exit_1(
        shop_file: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    assert main(["restore", str(notes), "--db", str(shop_file.path)]) == 1
    assert one_line(capsys.readouterr().err).endswith("is a text file, not a RecoveryDesk "
                                                      "database.")


def test_restore_from_a_missing_file_is_one_line_and_changes_nothing(
        shop_file: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped backup name once failed as an unexpected error (FileNotFoundError)."""
    before = shop_file.path.read_bytes()
    missing = tmp_path / "shop-2026-11-01.db"
    assert main(["restore", str(missing), "--db", str(shop_file.path)]) == 1
    assert one_line(capsys.readouterr().err) == f"recoverydesk: There is no file at {missing}."
    assert shop_file.path.read_bytes() == before


def test_copy_to_a_new_sqlite_file_verifies_the_chain(
        shop_file: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "copy.db"
    assert main(["copy", "--from", str(shop_file.path), "--to", str(dest)]) == 0
    assert "the audit chain verifies at the destination" in capsys.readouterr().out
    assert main(["copy", "--from", str(shop_file.path), "--to", str(dest)]) == 1
    assert "already exists" in one_line(capsys.readouterr().err)
