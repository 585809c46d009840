"""``stats``, ``report`` and ``export`` through ``main(argv)``: output, exit codes, errors."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from recoverydesk.cli import main
from recoverydesk.services import business, customers, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from tests.conftest import make_shop

KEYS = {"incidents", "gestures", "spend_minor", "budget_minor", "retained", "lost", "pending",
        "anonymous", "retention_rate", "retention_rate_low", "retention_rate_high",
        "retention_rate_sample_size", "cost_per_retained_minor", "value_kept_minor", "roi",
        "front_line_share", "median_resolution_minutes", "proactive_share",
        "followups_on_time_share", "employees", "by_category", "by_kind", "by_severity",
        "months", "business", "currency", "month", "as_of", "provisional"}


@pytest.fixture
def shop_path(db_target: str) -> str:
    """A closed shop with one recovery (3,50 € to a new customer) in March 2026: an SQLite
    file or the PostgreSQL test database (every test here runs on both)."""
    shop = make_shop(db_target)
    anna = shop.staff("Иван Петров", 10_000, 2_000)
    recoveries.log_recovery(anna, shop.incident(), new_customer=CustomerInput(name="Åsa"),
                            gesture=GestureInput("free_item", 350),
                            now=datetime(2026, 3, 10, 11, tzinfo=UTC))
    business.close_business()
    return shop.target


def test_stats_json_has_the_stable_keys(shop_path: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """JSON with every documented key; money in minor units; rates 0..1 or null."""
    assert main(["stats", "--month", "2026-03", "--json", "--db", str(shop_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= KEYS
    assert (data["incidents"], data["spend_minor"], data["currency"]) == (1, 350, "EUR")
    assert data["month"] == "2026-03" and data["business"] == "Café Zażółć"
    # Åsa never came back and her 90-day window closed long ago (the clock is real): lost.
    assert (data["lost"], data["retention_rate"], data["retention_rate_sample_size"]) == (
        1, 0.0, 1)
    assert data["employees"][0]["name"] in ("Olga Owner", "Иван Петров")
    assert {"retention_rate", "retention_rate_low", "retention_rate_high",
            "retention_rate_sample_size"} <= set(data["by_kind"][0])
    assert len(data["months"]) == 12


def utc_offset_hours() -> float:
    offset = datetime.now(ZoneInfo("Europe/Berlin")).utcoffset()
    assert offset is not None
    return offset.total_seconds() / 3600


def test_stats_text_and_an_empty_month(shop_path: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The text table names the business and month; a month with nothing is not an error."""
    assert main(["--db", str(shop_path), "stats", "--month", "2026-03"]) == 0
    out = capsys.readouterr().out
    assert "Café Zażółć — 2026-03" in out and "Иван Петров" in out
    # "As of" on the business's clock, and named: it used to be UTC, unlike the PDF.
    stamp = re.search(r"as of (\d{4}-\d\d-\d\d \d\d:\d\d) Europe/Berlin", out)
    assert stamp is not None
    shown = datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M")
    utc_now = datetime.now(UTC).replace(tzinfo=None)
    assert abs((shown - utc_now) - timedelta(hours=utc_offset_hours())) < timedelta(minutes=2)
    assert main(["--db", str(shop_path), "stats", "--month", "2019-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["incidents"] == 0


def test_stats_text_writes_figures_in_the_business_locale(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Percentages are grouped and spaced as the locale writes them, like the money beside
    them, and a share that is not all is never rounded up to 100 %."""
    shop = make_shop(tmp_path / "shop.db")
    business.update_settings(shop.owner_id, avg_customer_value_minor=20_000)
    anna = shop.staff("Anna", 100_000, 10_000)
    kept = None
    for day in range(1, 11):  # ten incidents at 1,00 € each, one customer comes back
        logged = recoveries.log_recovery(
            anna, shop.incident(), new_customer=CustomerInput(name=f"Guest {day}"),
            gesture=GestureInput("free_item", 100), now=datetime(2026, 3, day, 11, tzinfo=UTC))
        kept = kept or logged.customer_id
    assert kept is not None
    customers.record_return_visit(anna, kept, visited_on=date(2026, 3, 20),
                                  now=datetime(2026, 3, 20, 11, tzinfo=UTC))
    business.close_business()
    assert main(["--db", str(shop.target), "stats", "--month", "2026-03"]) == 0
    rows = (line.partition("  ") for line in capsys.readouterr().out.splitlines())
    lines = {label: value.strip() for label, _, value in rows}
    # One customer kept is worth 200,00 € against 10,00 € spent: ROI (200 - 10) / 10 = 1900 %.
    assert lines["ROI"] == "1.900\u00a0%"
    assert lines["Spend / budget"] == "10,00\u00a0€ / 1.000,00\u00a0€"
    # 1 of 10 retained, all ten windows long closed: 10 %, Wilson 95 % range 1.8 %–40.4 %.
    assert lines["Retention rate"] == "10\u00a0% (2\u00a0%–40\u00a0%, n = 10)"
    assert lines["Front line"] == "100\u00a0% (goal > 95\u00a0%)"


@pytest.mark.parametrize("month", ["2026-13", "soon", "2026-3", ""])
@pytest.mark.parametrize("command", ["stats", "report", "export"])
def test_a_bad_month_exits_2_with_one_line(shop_path: str, command: str, month: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--month", month, "--db", str(shop_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "month" in err[0]


@pytest.mark.parametrize("month", ["1900-01", "1901-01", "9998-12"])
@pytest.mark.parametrize("command", ["stats", "report", "export"])
def test_a_month_too_far_off_to_report_says_which_months_can_be(
        shop_path: str, command: str, month: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A report reads the 13 months before its own, so 1900-01 once failed with "1899-12 is
    not a month", a month nobody typed."""
    assert main([command, "--month", month, "--db", str(shop_path)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (f"recoverydesk: Reports cover the months 1901-02 to 9998-11; {month} is "
                    "outside them.")


@pytest.mark.parametrize("month", ["1901-02", "9998-11"])
def test_the_first_and_last_reportable_months_give_empty_reports(
        shop_path: str, month: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--month", month, "--json", "--db", str(shop_path)]) == 0
    assert json.loads(capsys.readouterr().out)["incidents"] == 0


def test_report_writes_a_pdf_on_letter(shop_path: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "march.pdf"
    target.parent.mkdir()
    assert main(["report", "--month", "2026-03", "-o", str(target), "--paper", "letter",
                 "--db", str(shop_path)]) == 0
    assert "written to" in capsys.readouterr().out
    reader = PdfReader(target)
    assert "Иван Петров" in "".join(p.extract_text() for p in reader.pages)
    assert round(float(reader.pages[0].mediabox.height)) == 792


def test_report_into_a_missing_folder_exits_1_with_one_line(
        shop_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nowhere" / "march.pdf"
    assert main(["report", "--month", "2026-03", "-o", str(target),
                 "--db", str(shop_path)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not target.exists()


def test_export_writes_utf8_csv(shop_path: str, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "march.csv"
    assert main(["export", "--month", "2026-03", "-o", str(target),
                 "--db", str(shop_path)]) == 0
    assert "1 gestures" in capsys.readouterr().out
    (row,) = csv.DictReader(target.open(encoding="utf-8", newline=""))
    assert (row["employee"], row["customer"], row["cost"]) == ("Иван Петров", "Åsa", "3.50")


def test_stats_loads_no_reportlab_or_qt(shop_path: str) -> None:
    """Heavy imports stay in the commands that need them."""
    code = ("import sys; from recoverydesk.cli import main;\n"
            f"assert main(['stats', '--month', '2026-03', '--db', {str(shop_path)!r}]) == 0\n"
            "assert 'reportlab' not in sys.modules and 'PySide6' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_report_to_standard_output_with_dash(shop_path: str, tmp_path: Path) -> None:
    """``report -o -`` wrote a file named "-" and said "written to -"; as with ``export`` it
    is standard output, here a PDF that reads back."""
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run([sys.executable, "-m", "recoverydesk", "report", "--month",
                             "2026-03", "-o", "-", "--db", str(shop_path)],
                            capture_output=True, cwd=work, check=False)
    assert (result.returncode, result.stderr) == (0, b"")
    assert list(work.iterdir()) == []
    (tmp_path / "out.pdf").write_bytes(result.stdout)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "out.pdf").pages)
    assert "Recovery report 2026-03" in text and "Åsa" in text


@pytest.mark.parametrize("command", [["stats", "--month", "2026-03", "--json"],
                                     ["export", "--month", "2026-03", "-o", "-"],
                                     ["report", "--month", "2026-03", "-o", "-"]])
def test_a_reader_that_stops_early_ends_the_command_quietly(
        shop_path: str, tmp_path: Path, command: list[str]) -> None:
    """``recoverydesk export ... -o - | head``: when the reader has gone, the command stops
    with exit 1, no message and nothing in the crash log (it is not an error of ours)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    result = subprocess.run([sys.executable, "-m", "recoverydesk", *command,
                             "--db", str(shop_path)], stdout=write_end, stderr=subprocess.PIPE,
                            text=True, env=env, check=False)
    os.close(write_end)
    assert (result.returncode, result.stderr) == (1, "")
    assert not (tmp_path / "state").exists()


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["stats", "--month", "2026-03"],
                                     ["export", "--month", "2026-03", "-o", "-"],
                                     ["report", "--month", "2026-03", "-o", "-"],
                                     ["--help"], ["stats", "--help"], ["--version"]])
def test_output_to_a_full_disk_is_one_line_and_no_crash_log(
        shop_path: str, tmp_path: Path, command: list[str]) -> None:
    """``recoverydesk stats ... > file`` on a full disk: one line that says so, exit 1.
    ``--help`` and ``--version`` said nothing and exited 0 (argparse drops the error)."""
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")}
    with Path("/dev/full").open("w") as full:
        result = subprocess.run([sys.executable, "-m", "recoverydesk", *command,
                                 "--db", str(shop_path)], stdout=full, stderr=subprocess.PIPE,
                                text=True, env=env, check=False)
    assert (result.returncode, result.stderr) == (
        1, "recoverydesk: cannot write the output: No space left on device.\n")
    assert not (tmp_path / "state").exists()


@pytest.mark.skipif(not Path("/dev/full").is_char_device() or os.geteuid() == 0,
                    reason="needs /dev/full, and a user who could not replace it should "
                           "this break (tests/services/test_saving.py covers it with a pipe)")
def test_a_report_into_a_device_is_written_into_it_not_over_it(
        shop_path: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o /dev/full`` once replaced the device with a file (as root); now the write goes
    into the device, which here says the disk is full."""
    assert main(["report", "--month", "2026-03", "-o", "/dev/full",
                 "--db", str(shop_path)]) == 1
    assert capsys.readouterr().err == ("recoverydesk: Cannot write /dev/full: No space left "
                                       "on device.\n")
    assert Path("/dev/full").is_char_device()
