"""The command line when the disk or the file is at fault (SPEC §8, §9): a damaged page, a
table dropped behind the app's back, a full disk, a folder SQLite may not write in, a
device named as the demo's file, an unreadable server address, a moment edited into words.
Each is one sentence saying which, exit 1, and nothing written or removed."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from recoverydesk.cli import main
from recoverydesk.crashlog import unexpected_message
from recoverydesk.errors import StorageError
from recoverydesk.services import business, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store import files
from recoverydesk.store.engine_errors import engine_trouble
from tests.conftest import Shop, make_shop, one_line

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def shop_file(tmp_path: Path) -> Shop:
    """A closed shop with a dozen recoveries in March 2026, one of them voided."""
    shop = make_shop(tmp_path / "shop.db")
    anna = shop.staff("Anna", 100_000, 5_000)
    first = None
    for day in range(1, 13):
        logged = recoveries.log_recovery(
            anna, shop.incident(f"Cold soup {day}"), new_customer=CustomerInput(name=f"G{day}"),
            gesture=GestureInput("free_item", 100 + day),
            now=datetime(2026, 3, day, 11, tzinfo=UTC))
        first = first or logged
    assert first is not None and first.gesture is not None
    recoveries.void_gesture(shop.owner_id, first.gesture.gesture_id, "typo",
                            now=datetime(2026, 3, 1, 12, tzinfo=UTC))
    business.close_business()
    return shop


def _edit(path: Path, sql: str) -> None:
    with closing(sqlite3.connect(path)) as con:
        con.execute(sql)
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _damage(path: Path, name: str, tail: int | None = None) -> None:
    """Overwrite the first page of table or index ``name`` with 0xFF, as a failing disk
    might; with ``tail``, zero only its last ``tail`` bytes (SQLite's integrity check then
    lists what it finds, where a whole page lost stops the check itself)."""
    with closing(sqlite3.connect(path)) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                           (name,)).fetchone()[0]
    with path.open("r+b") as handle:
        if tail is None:
            handle.seek((root - 1) * page_size)
            handle.write(b"\xff" * page_size)
        else:
            handle.seek(root * page_size - tail)
            handle.write(bytes(tail))


@pytest.mark.parametrize(("name", "tail", "first"), [
    ("category_name", 60, "integrity: Fragmentation of "),
    ("gesture", None, "integrity: SQLite cannot check the file: database disk image is "
                      "malformed"),
])
def test_check_on_a_damaged_page_lists_what_sqlite_found_and_stops(
        shop_file: Shop, name: str, tail: int | None, first: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    """It crashed in the foreign key check, or when ending its read, with "Unexpected error
    (DatabaseError: database disk image is malformed)", never showing what it found."""
    path = Path(shop_file.target)
    _damage(path, name, tail)
    assert main(["check", "--db", str(path)]) == 1
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert lines[0].startswith(first), lines
    assert all(line.startswith("integrity: ") and "***" not in line for line in lines)
    assert lines[-1] == ("integrity: the other checks were not run: the file is damaged; "
                         "restore it from a backup")
    assert "problem(s)" in one_line(captured.err)


@pytest.mark.parametrize("command", [["stats"], ["report", "-o", "r.pdf"],
                                     ["export", "-o", "r.csv"]])
def test_a_damaged_page_met_by_a_report_says_the_file_is_damaged(
        shop_file: Shop, command: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    _damage(Path(shop_file.target), "gesture")
    assert main([*command, "--month", "2026-03", "--db", shop_file.target]) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith("recoverydesk: The database is damaged (")
    assert "recoverydesk check" in line and "Unexpected" not in line
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.csv").exists()


def test_a_dropped_table_is_named(shop_file: Shop, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(Path(shop_file.target), "DROP TABLE follow_up")
    assert main(["check", "--db", shop_file.target]) == 1
    line = one_line(capsys.readouterr().err)
    assert "The database has no table follow_up" in line and "Unexpected" not in line


def test_restore_of_a_damaged_backup_is_one_line_and_changes_nothing(
        shop_file: Shop, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The whole integrity report (68 lines on a real case) used to follow the message."""
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(Path(shop_file.target).read_bytes())
    _damage(damaged, "category_name", tail=60)
    before = Path(shop_file.target).read_bytes()
    assert main(["restore", str(damaged), "--db", shop_file.target]) == 1
    line = one_line(capsys.readouterr().err)
    assert "is damaged (integrity check: Fragmentation of " in line and " more)." in line
    assert Path(shop_file.target).read_bytes() == before


def test_a_full_disk_is_said_as_such() -> None:
    """SQLite's own "database or disk is full", reached through its page limit, and hidden
    behind a failed rollback as peewee and the demo met it on a full disk."""
    with closing(sqlite3.connect(":memory:")) as con:
        con.execute("CREATE TABLE t (x)")
        con.execute("PRAGMA max_page_count = 2")
        with pytest.raises(sqlite3.OperationalError) as full:
            con.executemany("INSERT INTO t VALUES (?)", ((b"x" * 4000,) for _ in range(10)))
    try:
        try:
            raise full.value
        except sqlite3.OperationalError:
            raise sqlite3.OperationalError("cannot rollback - no transaction is active")  # noqa: B904
    except sqlite3.OperationalError as outer:
        hidden = outer
    assert engine_trouble(hidden) == (
        "The disk is full: nothing more was written. Free some space and try again.")
    assert unexpected_message(hidden, None).startswith("The disk is full")
    assert engine_trouble(ZeroDivisionError("x")) is None
    assert unexpected_message(ZeroDivisionError("x"), None).startswith("Unexpected error")


def test_demo_refuses_a_pipe_and_leaves_it(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """``demo --db /dev/full`` failed half-way and then removed the device itself."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert main(["demo", "--db", str(pipe), "--months", "1"]) == 1
    assert "already exists" in one_line(capsys.readouterr().err)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_removing_a_half_made_database_spares_what_is_no_regular_file(tmp_path: Path) -> None:
    pipe = tmp_path / "x.db"
    os.mkfifo(pipe)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{pipe}{suffix}").write_bytes(b"half")
    files.remove_database_files(pipe)
    assert [p.name for p in tmp_path.iterdir()] == ["x.db"]


def _check_as(uid: int, path: Path) -> str:
    """``check_database_file`` as another user, in a forked child (run as root)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        os.close(read)
        try:
            os.setgid(uid)
            os.setuid(uid)
            files.check_database_file(path)
            said = "opened"
        except BaseException as exc:  # the child must answer and exit, whatever happened
            said = f"{type(exc).__name__}: {exc}"
        os.write(write, said.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as child:
        said = child.read()
    os.waitpid(pid, 0)
    return said


def test_a_folder_sqlite_may_not_write_in_is_not_called_damaged(
        shop_file: Shop, request: pytest.FixtureRequest) -> None:
    """A sound WAL file in a folder the user cannot write: "is damaged and cannot be read
    ...; restore it from a backup" sent people to a backup they did not need."""
    # Not under tmp_path: pytest keeps that in a folder only its user may enter.
    folder = Path(tempfile.mkdtemp(prefix="locked-"))
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    folder.chmod(0o755)
    path = folder / "shop.db"
    path.write_bytes(Path(shop_file.target).read_bytes())
    if os.geteuid() == 0:
        said = _check_as(65534, path)  # nobody: root may write anywhere
    else:
        folder.chmod(0o555)
        try:
            files.check_database_file(path)
            said = "opened"
        except StorageError as exc:
            said = f"{type(exc).__name__}: {exc}"
        finally:
            folder.chmod(0o755)
    assert said.startswith(f"StorageError: {path}: The database cannot be written ("), said
    assert "damaged" not in said and "backup" not in said


def test_an_unreadable_server_address_is_one_line_without_the_password(
        shop_file: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """An IPv6 host without its closing bracket was "Unexpected error (ValueError: Invalid
    IPv6 URL)"."""
    monkeypatch.chdir(tmp_path)
    url = "postgresql://till:s3cret@[::1/shop"
    for argv in (["check", "--db", url], ["copy", "--from", shop_file.target, "--to", url]):
        assert main(argv) == 1
        line = one_line(capsys.readouterr().err)
        assert line.startswith("recoverydesk: postgresql://… is not a well-formed address")
        assert "s3cret" not in line and "Unexpected" not in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.db"]


@pytest.mark.parametrize(("table", "column", "label"), [
    ("gesture", "created_at", "Gesture"), ("incident", "reported_at", "Incident"),
    ("void", "gesture_created_at", "Void"),
])
@pytest.mark.parametrize("command", [["stats"], ["report", "-o", "r.pdf"],
                                     ["export", "-o", "r.csv"]])
def test_a_moment_edited_into_words_stops_the_reports_instead_of_vanishing(
        shop_file: Shop, table: str, column: str, label: str, command: list[str],
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """'yesterday' sorts after every month, so the row fell out of every report: the spend
    shrank by its cost, without a word."""
    monkeypatch.chdir(tmp_path)
    _edit(Path(shop_file.target), f"UPDATE {table} SET {column} = 'yesterday' "
                                f"WHERE id = (SELECT max(id) FROM {table})")
    assert main([*command, "--month", "2026-03", "--db", shop_file.target]) == 1
    line = one_line(capsys.readouterr().err)
    assert f"{label} " in line and "'yesterday'" in line and "recoverydesk check" in line
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.csv").exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_a_backup_to_a_folder_that_cannot_be_made_says_why_in_words(
        shop_file: Shop, capsys: pytest.CaptureFixture[str]) -> None:
    """It said "[Errno 2] No such file or directory: '/proc/x'", from before its own
    message."""
    assert main(["backup", "--db", shop_file.target, "-o", "/proc/x/copy.db"]) == 1
    assert one_line(capsys.readouterr().err) == (
        "recoverydesk: The backup to /proc/x/copy.db failed (No such file or directory).")
