"""The Reports page on a real SQLite file: its figures are the CLI's, its PDF is the CLI's,
Save PDF can be cancelled without leaving a file, Print writes the report through QPrinter,
Export CSV is the CLI's export, escalations per employee, and staff never reach it."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from babel.numbers import format_percent
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from recoverydesk.cli import main
from recoverydesk.core.money import format_money
from recoverydesk.core.months import Month
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.pages.reports_page import ReportsPage
from recoverydesk.reports import serialize
from recoverydesk.services import _base, business, customers, recoveries, reports, team
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import Approval, GestureInput
from recoverydesk.store.db import database
from tests.conftest import OWNER_PIN, T0, Shop
from tests.gui.conftest import make_window, sign_in

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # the clock of the window and of the CLI


def _money(minor: int) -> str:
    return format_money(minor, "EUR", "de_DE")


@pytest.fixture
def month_data(shop: Shop) -> dict[str, int]:
    """March 2026: Anna (allowance 10 €, limit 5 €) and 王小明 (50 €, limit 5 €) log five
    recoveries, two approved past the per-incident limit (by 1 € and by 4 €), one customer
    came back; February has one gesture so the series has two months."""
    feb = datetime(2026, 2, 2, 9, tzinfo=UTC)
    anna = team.add_employee(shop.owner_id, "Anna Łucja", "staff", "1234", now=feb).id
    wang = team.add_employee(shop.owner_id, "王小明", "staff", "1234", now=feb).id
    team.set_budget(shop.owner_id, anna, Month(2026, 2), 1_000, 500, now=feb)
    team.set_budget(shop.owner_id, wang, Month(2026, 2), 5_000, 500, now=feb)
    owner = Approval(shop.owner_id, OWNER_PIN)
    recoveries.log_recovery(anna, shop.incident("February"), gesture=GestureInput("gift", 200),
                            now=T0 - timedelta(days=20))
    first = recoveries.log_recovery(anna, shop.incident(), new_customer=CustomerInput(
        name="Åsa"), gesture=GestureInput("free_item", 350), now=T0)
    recoveries.log_recovery(anna, shop.incident("Late table"),
                            gesture=GestureInput("gift", 600), approval=owner,
                            now=T0 + timedelta(hours=1))
    recoveries.log_recovery(wang, shop.incident("Broken cup"),
                            gesture=GestureInput("refund", 900), approval=owner,
                            now=T0 + timedelta(hours=2))
    recoveries.log_recovery(wang, shop.incident("Noise"), new_customer=CustomerInput(
        name="Zoë"), gesture=GestureInput("discount", 200), now=T0 + timedelta(hours=3))
    recoveries.log_recovery(wang, shop.incident("Nothing given"), now=T0 + timedelta(hours=4))
    assert first.customer_id is not None
    customers.record_return_visit(anna, first.customer_id, visited_on=date(2026, 3, 15),
                                  now=datetime(2026, 3, 15, 10, tzinfo=UTC))
    return {"anna": anna, "wang": wang}


@pytest.fixture
def cli(shop: Shop, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> Callable[..., str]:
    """Run ``recoverydesk ARGS --db shop`` through ``main`` with the same fixed "now" as the
    window (the clock is the one thing mocked); the business is reopened afterwards."""
    real = _base.utcnow
    monkeypatch.setattr(_base, "utcnow", lambda now=None: real(NOW if now is None else now))

    def run(*args: str) -> str:
        business.close_business()
        try:
            capsys.readouterr()
            assert main([*args, "--db", shop.target]) == 0
            return capsys.readouterr().out
        finally:
            business.open_business(shop.target)
    return run


@pytest.fixture
def window(qtbot: QtBot, shop: Shop, month_data: dict[str, int],
           gui_clock: Callable[[datetime], None]) -> Iterator[MainWindow]:
    gui_clock(NOW)
    made = make_window(qtbot)
    yield made
    for page in (made._reports_page,):
        if page is not None:
            for task in (page.figures_task, page.file_task):
                if task is not None:
                    task.cancel()
    from recoverydesk.gui.workers import wait_for_workers

    wait_for_workers()


def _open_reports(qtbot: QtBot, window: MainWindow) -> ReportsPage:
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    assert window.reports_nav_button.isVisible()
    qtbot.mouseClick(window.reports_nav_button, Qt.MouseButton.LeftButton)
    page = window.reports_page
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.figures is not None and page.figures_task is None,
                    timeout=10_000)
    return page


def _choose_month(qtbot: QtBot, page: ReportsPage, month: str) -> None:
    page.select_month(Month.parse(month))
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.month == month
                    and page.figures_task is None, timeout=10_000)


def _pdf_pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(path).pages]


def test_figures_on_the_page_equal_stats_json(qtbot: QtBot, window: MainWindow,
                                              cli: Callable[..., str]) -> None:
    """For this month (the default) and an earlier one, every figure the page holds equals
    ``recoverydesk stats --json`` at the same moment, and each key figure on screen shows
    that number in the business's locale and currency."""
    expected = {m: json.loads(cli("stats", "--month", m, "--json"))
                for m in ("2026-03", "2026-02")}
    page = _open_reports(qtbot, window)
    for month in ("2026-03", "2026-02"):
        if month != "2026-03":
            _choose_month(qtbot, page, month)
        assert page.figures is not None and page.figures.month == month
        data = expected[month]
        assert serialize.to_dict(page.figures) == data
        shown = {key: label.text() for key, label in page.figure_labels.items()}
        assert shown["incidents"] == str(data["incidents"])
        assert shown["gestures"] == str(data["gestures"])
        assert shown["spend"] == (f"{_money(data['spend_minor'])} / "
                                  f"{_money(data['budget_minor'])}")
        assert shown["retained_lost"] == f"{data['retained']} / {data['lost']}"
        assert shown["pending_anonymous"] == f"{data['pending']} / {data['anonymous']}"
        assert shown["escalations"] == str(data["escalations"])
        assert shown["followups"].endswith(
            f"({data['followups_on_time']} / {data['followups_counted']})")
        for key, share in (("front_line", "front_line_share"), ("proactive",
                                                                 "proactive_share")):
            value = data[share]
            assert shown[key] == ("–" if value is None
                                  else format_percent(value, locale="de_DE"))
        rate = data["retention_rate"]
        if rate is None:
            assert "n = 0" in shown["retention"]
        else:
            assert shown["retention"] == (
                f"{format_percent(rate, locale='de_DE')} "
                f"({format_percent(data['retention_rate_low'], locale='de_DE')}–"
                f"{format_percent(data['retention_rate_high'], locale='de_DE')}, "
                f"n = {data['retention_rate_sample_size']})")
        cost = data["cost_per_retained_minor"]
        assert shown["cost_per_retained"] == ("–" if cost is None else _money(cost))
        assert ("provisional" in page.ui.as_of_label.text()) == data["provisional"]
    march = expected["2026-03"]
    assert (march["incidents"], march["escalations"], march["retained"]) == (5, 2, 1)
    assert march["provisional"] is True  # Zoë's and the others' windows are open


def test_save_pdf_from_the_page_gives_the_cli_pages(
        qtbot: QtBot, window: MainWindow, cli: Callable[..., str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Save PDF (A4 and US Letter) writes the same pages as ``recoverydesk report`` on the
    same file as of the same moment: same page count, same text on every page."""
    for paper in ("a4", "letter"):
        cli("report", "--month", "2026-03", "--paper", paper, "-o",
            str(tmp_path / f"cli-{paper}.pdf"))
    page = _open_reports(qtbot, window)
    for paper in ("a4", "letter"):
        target = tmp_path / f"gui-{paper}"  # no suffix: the page adds ".pdf"
        monkeypatch.setattr(ReportsPage, "ask_save_path", staticmethod(
            lambda *_args, target=target: str(target)))
        page.ui.paper_combo.setCurrentIndex(page.ui.paper_combo.findData(paper))
        qtbot.mouseClick(page.ui.save_pdf_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.file_task is None, timeout=20_000)
        saved = target.with_suffix(".pdf")
        assert "Report saved" in page.ui.message_label.text()
        gui_pages, cli_pages = _pdf_pages(saved), _pdf_pages(tmp_path / f"cli-{paper}.pdf")
        assert len(gui_pages) == len(cli_pages) >= 1
        assert gui_pages == cli_pages
        width = PdfReader(saved).pages[0].mediabox.width
        assert round(float(width)) == (612 if paper == "letter" else 595)
    assert "Café Zażółć" in gui_pages[0] and "Anna Łucja" in "".join(gui_pages)


def test_cancelling_save_pdf_leaves_no_file(qtbot: QtBot, window: MainWindow,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancel, pressed while the PDF is being built, stops the worker; no file (and no
    temporary file) is left in the folder, and the page says so and can save again."""
    page = _open_reports(qtbot, window)
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(ReportsPage, "ask_save_path", staticmethod(lambda *_a: str(target)))
    halfway, go_on = threading.Event(), threading.Event()

    def hold_halfway(done: int, total: int, _label: str) -> None:
        """Runs in the worker: stop at the PDF stage until the test has pressed Cancel."""
        if done >= total // 2 and not halfway.is_set():
            halfway.set()
            go_on.wait(10)

    qtbot.mouseClick(page.ui.save_pdf_button, Qt.MouseButton.LeftButton)
    task = page.file_task
    assert task is not None
    task.signals.progress.connect(hold_halfway, Qt.ConnectionType.DirectConnection)
    qtbot.waitUntil(halfway.is_set, timeout=20_000)
    assert page.ui.cancel_button.isVisible()
    qtbot.mouseClick(page.ui.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: page.file_task is None, timeout=20_000)
    assert list(target.parent.iterdir()) == []
    assert "no file was written" in page.ui.message_label.text()
    assert page.ui.save_pdf_button.isEnabled() and not page.ui.cancel_button.isVisible()


def test_print_through_qprinter_to_a_pdf_file(qtbot: QtBot, window: MainWindow,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Print renders the report with Qt onto the printer the dialog returns; printed to a
    PDF file and read back it names the business, the month and the totals."""
    page = _open_reports(qtbot, window)
    output = tmp_path / "printed.pdf"

    def pdf_printer(_parent: object, paper: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        assert paper == "a4"  # de_DE: A4 preselected
        return printer

    monkeypatch.setattr(ReportsPage, "ask_printer", staticmethod(pdf_printer))
    qtbot.mouseClick(page.ui.print_button, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(_pdf_pages(output)).split())  # also no-break spaces -> " "

    def plain(shown: str) -> str:
        return " ".join(shown.split())

    figures = page.figures
    assert figures is not None
    assert "Café Zażółć" in text
    assert "März 2026" in text and "2026-03" in text
    assert plain(f"{_money(figures.spend_minor)} / {_money(figures.budget_minor)}") in text
    spent = {e.name: e.spent_minor for e in figures.employees}
    assert spent["Anna Łucja"] == 950 and spent["王小明"] == 1_100
    for name, minor in spent.items():
        assert f"{name} " in text and plain(_money(minor)) in text
    assert "Sent to the printer" in page.ui.message_label.text()


def test_export_csv_equals_the_cli_export(qtbot: QtBot, window: MainWindow,
                                          cli: Callable[..., str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Export CSV writes byte for byte what ``recoverydesk export`` writes for the month."""
    cli("export", "--month", "2026-03", "-o", str(tmp_path / "cli.csv"))
    page = _open_reports(qtbot, window)
    target = tmp_path / "gui.csv"
    monkeypatch.setattr(ReportsPage, "ask_save_path", staticmethod(lambda *_a: str(target)))
    qtbot.mouseClick(page.ui.export_csv_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.file_task is None, timeout=20_000)
    assert target.read_bytes() == (tmp_path / "cli.csv").read_bytes()
    assert "4 gestures exported" in page.ui.message_label.text()


def test_escalations_per_employee_match_the_approvals(qtbot: QtBot, window: MainWindow,
                                                      month_data: dict[str, int]) -> None:
    """The Escalations tab lists each employee's approved over-limit spends of the month:
    how many, what they cost, how far past the limit, and who approved them."""
    page = _open_reports(qtbot, window)
    table = page.ui.escalations_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert sorted(rows) == sorted([
        ["Anna Łucja", "1", _money(600), _money(100), "Olga Owner (1)"],
        ["王小明", "1", _money(900), _money(400), "Olga Owner (1)"]])
    employees = page.ui.employees_table
    by_name = {employees.item(r, 0).text(): employees.item(r, 6).text()
               for r in range(employees.rowCount())}
    assert by_name["Anna Łucja"] == "1" and by_name["王小明"] == "1"
    assert by_name["Total"] == "2"  # the total row, as in the PDF
    _choose_month(qtbot, page, "2026-02")
    assert page.ui.escalations_table.rowCount() == 0
    assert "No over-limit spends" in page.ui.escalations_hint.text()


def test_staff_cannot_reach_reports_or_the_audit_log(qtbot: QtBot, window: MainWindow,
                                                     shop: Shop) -> None:
    """Staff see no Reports or Audit log button, and their shortcuts do nothing; an owner
    signing in next sees both."""
    sign_in(qtbot, window, "Anna Łucja", "1234")
    assert window.person is not None and not window.person.is_owner
    assert not window.reports_nav_button.isVisible()
    assert not window.audit_nav_button.isVisible()
    for key in (Qt.Key.Key_R, Qt.Key.Key_L):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    window.show_reports()
    window.show_audit()
    assert window._reports_page is None and window._audit_page is None
    assert window.pages.currentWidget() is window.counter_page
    window.sign_out()
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    assert window.reports_nav_button.isVisible() and window.audit_nav_button.isVisible()


def test_a_pdf_into_a_missing_folder_is_refused_in_place(
        qtbot: QtBot, window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A target folder that does not exist: the page says it cannot write there, writes
    nothing, and stays ready to save again."""
    page = _open_reports(qtbot, window)
    target = tmp_path / "missing" / "report.pdf"
    monkeypatch.setattr(ReportsPage, "ask_save_path", staticmethod(lambda *_a: str(target)))
    qtbot.mouseClick(page.ui.save_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.file_task is None, timeout=20_000)
    assert "Cannot write to" in page.ui.message_label.text()
    assert page.ui.message_label.property("role") == "error"
    assert not target.parent.exists()
    assert page.ui.save_pdf_button.isEnabled()


def test_cancelling_a_months_figures_keeps_the_month_shown(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancel while another month's figures are computed: the page keeps showing the
    figures it had, the picker goes back to their month, and Print stays with them."""
    page = _open_reports(qtbot, window)
    started, go_on = threading.Event(), threading.Event()
    real_month_figures = reports.month_figures

    def held_month_figures(*args: Any, **kwargs: Any) -> Any:
        # The worker waits here, before its first step, until the test has pressed Cancel:
        # a hold attached once the task runs could come after the (small) month is done.
        started.set()
        go_on.wait(10)
        return real_month_figures(*args, **kwargs)

    monkeypatch.setattr(reports, "month_figures", held_month_figures)
    page.ui.month_combo.setCurrentIndex(page.ui.month_combo.findData("2026-02"))
    page.load()
    assert page.figures_task is not None
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert not page.ui.print_button.isEnabled()  # February's figures are not there yet
    qtbot.mouseClick(page.ui.cancel_button, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: page.figures_task is None, timeout=10_000)
    assert page.figures is not None and page.figures.month == "2026-03"
    assert page.ui.month_combo.currentData() == "2026-03"
    assert page.ui.print_button.isEnabled()


@pytest.mark.sqlite_only
def test_a_month_whose_figures_fail_shows_the_reason_and_no_other_months_figures(
        qtbot: QtBot, window: MainWindow) -> None:
    """A cost edited into a word behind the app's back: the refreshed page says so where
    the figures were, and shows none of the figures it had before (they were another
    state of the data), nor lets them be printed."""
    page = _open_reports(qtbot, window)
    assert page.figure_labels["incidents"].text() == "5"
    database.execute_sql("UPDATE gesture SET cost_minor = 'lots' WHERE id = "
                         "(SELECT max(id) FROM gesture)")
    page.refresh()
    qtbot.waitUntil(lambda: page.figures_task is None, timeout=10_000)
    # The first statement to meet the word names it: the spend per employee, here.
    assert page.ui.message_label.text().startswith(
        "An amount among the gestures of the report's months is not a whole number of minor "
        "units")
    assert "recoverydesk check" in page.ui.message_label.text()
    assert page.figures is None
    assert {label.text() for label in page.figure_labels.values()} == {"–"}
    assert page.ui.employees_table.rowCount() == 0 == page.ui.category_table.rowCount()
    assert page.employee_chart.figures is None and page.series_chart.figures is None
    assert page.ui.as_of_label.text() == ""
    assert not page.ui.print_button.isEnabled()
