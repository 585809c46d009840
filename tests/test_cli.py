"""The command line through ``main(argv)``: exit codes and one-line errors (SPEC §8)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from recoverydesk.cli import main
from recoverydesk.services import auth, business, team
from tests.conftest import Shop, make_shop, one_line


@pytest.fixture
def shop_file(tmp_path: Path) -> Shop:
    """A business on disk, closed, so the CLI opens it like any other process."""
    created = make_shop(tmp_path / "shop.db")
    business.close_business()
    return created


def test_check_passes_on_a_sound_file_with_db_before_or_after(
        shop_file: Shop, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(shop_file.path), "check"]) == 0
    assert main(["check", "--db", str(shop_file.path)]) == 0
    assert "ok: 'Café Zażółć' passed" in capsys.readouterr().out


def test_check_fails_with_exit_1_when_money_was_edited(
        shop_file: Shop, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3
    with sqlite3.connect(shop_file.path) as raw:
        raw.execute("UPDATE audit_entry SET action = 'x' WHERE seq = 1")
    assert main(["check", "--db", str(shop_file.path)]) == 1
    captured = capsys.readouterr()
    assert "audit chain: audit entry 1" in captured.out
    assert one_line(captured.err).startswith("recoverydesk: check found 1 problem")


def test_two_different_databases_are_bad_usage(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """``--db A check --db B`` used B without a word; the same path twice is fine."""
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert main(["--db", a, "check", f"--db={b}"]) == 2
    assert one_line(capsys.readouterr().err).startswith(
        f"recoverydesk: --db is given twice, as {a} and {b}: give one database")
    assert main(["--db", a, "check", "--db", a]) == 1  # one database (not there: exit 1)
    assert "There is no RecoveryDesk database" in one_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [
    ["frobnicate"], ["check", "--bogus"], ["demo", "--months", "0", "--db", "x.db"],
    ["demo", "--end-month", "2026-13", "--db", "x.db"], ["demo", "--months", "soon"],
    ["backup", "-o", ""], ["backup", "-o", "-"], ["report", "--month", "2026-10", "-o", " "],
    ["export", "--month", "2026-10", "--output", ""],
])
def test_bad_arguments_exit_2_with_one_line(argv: list[str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert one_line(capsys.readouterr().err).startswith("recoverydesk: ")


@pytest.mark.parametrize(("argv", "says"), [
    (["stats", "--month", "0000-01"], "0000-01 is not a month RecoveryDesk can hold: use one "
                                      "from 1900-01 to 9998-12"),
    (["stats", "--month", "9999-12"], "9999-12 is not a month RecoveryDesk can hold"),
    (["demo", "--months", "3", "--end-month", "1900-01"],
     "A 3-month demo ending 1900-01 would start before 1900-01; choose a later end month."),
])
def test_a_month_out_of_range_is_named_as_typed_with_the_range(
        argv: list[str], says: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """They said "0-01 is not a month", and the demo named 1899-12, which nobody typed."""
    assert main([*argv, "--db", str(tmp_path / "x.db")]) == 2
    assert says in one_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/zero").is_char_device(), reason="needs /dev/zero")
def test_a_device_is_no_database(capsys: pytest.CaptureFixture[str]) -> None:
    """``--db /dev/zero`` once read as "is empty (0 bytes)"."""
    assert main(["check", "--db", "/dev/zero"]) == 1
    assert one_line(capsys.readouterr().err) == (
        "recoverydesk: /dev/zero is a device or a pipe, not a RecoveryDesk database.")


def test_demo_without_db_is_bad_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 2
    assert "--db PATH" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize(("content", "expected"), [
    (None, "There is no RecoveryDesk database"),
    (b"", "is empty"),
    (b"hello, I am a text file\n", "not a RecoveryDesk database"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "not a RecoveryDesk database"),
])
def test_files_that_are_not_ours_exit_1_with_one_line(
        tmp_path: Path, content: bytes | None, expected: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "shop.db"
    if content is not None:
        path.write_bytes(content)
    assert main(["check", "--db", str(path)]) == 1
    assert expected in one_line(capsys.readouterr().err)
    if content is not None:
        assert path.read_bytes() == content  # refused without being touched


def test_reset_pin_with_the_recovery_key(shop_file: Shop,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    answers = io.StringIO(f"{shop_file.recovery_key}\n9876\n9876\n")
    assert main(["reset-pin", "--employee", "Olga Owner", "--db", str(shop_file.path)],
                stdin=answers) == 0
    out = capsys.readouterr().out
    assert "no longer works" in out
    business.open_business(shop_file.path)
    try:
        assert auth.sign_in(shop_file.owner_id, "9876").is_owner
    finally:
        business.close_business()


def test_reset_pin_refuses_a_wrong_key_or_mismatched_pins(
        shop_file: Shop, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["reset-pin", "--employee", "Olga Owner", "--db", str(shop_file.path)]
    assert main(argv, stdin=io.StringIO("WRONG-KEY\n9876\n9876\n")) == 1
    assert "recovery key is not right" in one_line(capsys.readouterr().err)
    key = shop_file.recovery_key
    assert main(argv, stdin=io.StringIO(f"{key}\n9876\n6789\n")) == 2
    assert "differ" in one_line(capsys.readouterr().err)
    assert main(argv, stdin=io.StringIO(f"{key}\n98\n98\n")) == 2
    assert "4 to 8 digits" in one_line(capsys.readouterr().err)


@pytest.mark.parametrize("name", ["Nobody", "Sam Staff"])
def test_reset_pin_for_no_owner_says_so_before_asking_anything(
        shop_file: Shop, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped name is said at once, not after the key and the new PIN twice."""
    answers = io.StringIO("")  # nothing to read: asking would fail with "No input for"
    business.open_business(shop_file.path)
    try:
        team.add_employee(shop_file.owner_id, "Sam Staff", "staff", "4321")
    finally:
        business.close_business()
    assert main(["reset-pin", "--employee", name, "--db", str(shop_file.path)],
                stdin=answers) == 1
    assert one_line(capsys.readouterr().err) == (
        f"recoverydesk: There is no owner called '{name}'.")


def test_without_a_display_the_app_says_so_in_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("display detection applies to Linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 1
    assert "no display" in one_line(capsys.readouterr().err)


def test_unexpected_errors_are_logged_with_traceback_and_shown_in_one_line(
        shop_file: Shop, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "logs" / "recoverydesk.log"
    monkeypatch.setattr("recoverydesk.crashlog.log_file_path", lambda: log)

    def boom() -> list[object]:
        raise ZeroDivisionError("simulated")

    monkeypatch.setattr("recoverydesk.services.check.run_check", boom)
    assert main(["check", "--db", str(shop_file.path)]) == 1
    line = one_line(capsys.readouterr().err)
    assert "ZeroDivisionError" in line and str(log) in line
    assert "Traceback" in log.read_text()


def test_python_dash_m_and_help_load_no_qt() -> None:
    """``python -m recoverydesk --help`` works, and the core never imports PySide6."""
    code = ("import sys, runpy; sys.argv=['recoverydesk','--help'];\n"
            "import recoverydesk.cli, recoverydesk.services.recoveries,"
            " recoverydesk.services.check, recoverydesk.services.business,"
            " recoverydesk.core.money, recoverydesk.store.models\n"
            "assert 'PySide6' not in sys.modules, 'Qt loaded by the core'\n"
            "runpy.run_module('recoverydesk', run_name='__main__')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "reset-pin" in result.stdout


def test_another_programs_sqlite_file_is_refused_and_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
    before = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 1
    assert "not a RecoveryDesk database" in one_line(capsys.readouterr().err)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_demo_then_check_passes_and_an_existing_file_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``demo`` writes through the services, so ``check`` passes on what it wrote."""
    target = tmp_path / "demo.db"
    assert main(["demo", "--db", str(target), "--months", "2", "--end-month", "2026-10"]) == 0
    out = capsys.readouterr().out
    assert "Hotel Fjordlys" in out and "Łucja Zażółć (staff) PIN 3333" in out
    assert main(["--db", str(target), "check"]) == 0
    assert main(["demo", "--db", str(target)]) == 1
    assert "already exists" in one_line(capsys.readouterr().err)


def test_demo_goes_where_db_says_a_file_or_a_postgresql_server(
        db_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The target reaches the demo as typed: made a ``Path`` first, ``postgresql://…`` lost
    a slash and the demo became a local file in a folder called ``postgresql:``."""
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--db", db_target, "--months", "1", "--end-month", "2026-10"]) == 0
    assert main(["check", "--db", db_target]) == 0
    assert "passed" in capsys.readouterr().out
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(":")]


@pytest.mark.parametrize(("target", "says"), [
    ("mysql://shop/tills", "is neither a file path nor a postgresql:// address"),
    ("sqlite:///shop.db", "is neither a file path nor a postgresql:// address"),
    ("postgresql://till:secret@server:54x2/shop", "has a port that is not a number"),
])
@pytest.mark.parametrize("command", [["check"], ["demo", "--months", "1"]])
def test_an_address_that_is_no_database_is_one_line_and_makes_nothing(
        target: str, says: str, command: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Taken as a file path, ``mysql://shop/tills`` made folders ``mysql:/shop`` and a demo
    in them; a port that is no number failed as an unexpected error. The password is not
    repeated."""
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--db", target]) == 1
    line = one_line(capsys.readouterr().err)
    assert says in line and "secret" not in line
    assert list(tmp_path.iterdir()) == []
