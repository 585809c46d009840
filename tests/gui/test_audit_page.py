"""The Audit log page on a real SQLite file: the chain check says intact or names the first
entry edited behind the app's back (raw SQL) and selects it; filters narrow the list; the
detail shows the entry's JSON; more entries are fetched while scrolling."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.pages.audit_model import PAGE
from recoverydesk.gui.pages.audit_page import AuditPage
from recoverydesk.gui.workers import wait_for_workers
from recoverydesk.services import audit_view, recoveries
from recoverydesk.services.audit_view import AuditFilter
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.db import database
from tests.conftest import OWNER_PIN, T0, Shop, sql
from tests.gui.conftest import make_window, sign_in

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def logged(shop: Shop) -> dict[str, int]:
    """Anna logs three recoveries on 10 and 12 March (one with a new customer), Boris one."""
    anna = shop.staff("Anna", 10_000, 5_000)
    boris = shop.staff("Boris", 10_000, 5_000)
    recoveries.log_recovery(anna, shop.incident("Cold soup"), gesture=GestureInput("gift", 300),
                            now=T0)
    recoveries.log_recovery(anna, shop.incident("Wi-Fi down"),
                            new_customer=CustomerInput(name="Łucja"),
                            now=T0 + timedelta(days=2))
    recoveries.log_recovery(boris, shop.incident("Spilled tea"),
                            gesture=GestureInput("refund", 450), now=T0 + timedelta(days=2))
    return {"anna": anna, "boris": boris}


@pytest.fixture
def window(qtbot: QtBot, shop: Shop, logged: dict[str, int],
           gui_clock: Callable[[datetime], None]) -> Iterator[MainWindow]:
    gui_clock(NOW)
    made = make_window(qtbot)
    yield made
    wait_for_workers()


def _open_audit(qtbot: QtBot, window: MainWindow) -> AuditPage:
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    qtbot.mouseClick(window.audit_nav_button, Qt.MouseButton.LeftButton)
    page = window.audit_page
    assert window.pages.currentWidget() is page
    return page


def _check(qtbot: QtBot, page: AuditPage) -> str:
    qtbot.mouseClick(page.ui.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.chain_task is None, timeout=10_000)
    return page.ui.chain_label.text()


def _shown_seqs(page: AuditPage) -> list[int]:
    return [row.seq for row in page.model.rows]


def test_an_intact_chain_is_said_intact_with_its_size(qtbot: QtBot, window: MainWindow,
                                                      shop: Shop) -> None:
    """Check chain on an untouched file: "intact (N entries)", N being every entry."""
    page = _open_audit(qtbot, window)
    total = audit_view.list_audit(shop.owner_id, AuditFilter()).total
    assert total >= 8
    assert _check(qtbot, page) == f"Audit chain intact ({total} entries)."
    assert page.ui.count_label.text() == f"{total} entries"


def test_a_row_edited_with_raw_sql_is_reported_and_selected(qtbot: QtBot, window: MainWindow,
                                                            shop: Shop) -> None:
    """A gesture's cost rewritten in its audit entry with raw SQL: Check chain names that
    entry (number, when, action) and selects it at the top of the list."""
    page = _open_audit(qtbot, window)
    target = next(r for r in audit_view.list_audit(shop.owner_id, AuditFilter(
        action="recovery.log")).rows if '"cost":300' in r.details)
    database.execute_sql(sql("UPDATE audit_entry SET details = ? WHERE seq = ?"),
                         (target.details.replace('"cost":300', '"cost":30'), target.seq))
    said = _check(qtbot, page)
    when = page.model.when(target)
    assert f"entry #{target.seq} ({when}, recovery.log)" in said
    assert page.ui.chain_label.property("role") == "error"
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.row_at(i.row()).seq for i in selected] == [target.seq]  # type: ignore[union-attr]
    assert _shown_seqs(page)[0] == target.seq
    assert all(seq <= target.seq for seq in _shown_seqs(page))
    assert f"Entry #{target.seq}" in page.ui.detail_edit.toPlainText()
    page.apply_filter()  # any filter change shows the whole log again
    assert _shown_seqs(page)[0] > target.seq


def test_a_moment_edited_into_words_is_listed_as_stored_and_named(
        qtbot: QtBot, window: MainWindow, shop: Shop) -> None:
    """SQLite keeps any text in a date column: the tampered entry is listed with that text
    in its When column, and Check chain names it and shows it first."""
    target = audit_view.list_audit(shop.owner_id, AuditFilter(action="recovery.log")).rows[-1]
    database.execute_sql("UPDATE audit_entry SET at = 'last Tuesday' WHERE seq = ?",
                         (target.seq,))
    page = _open_audit(qtbot, window)
    row = page.model.row_of(target.seq)
    assert page.model.data(page.model.index(row, 1)) == "last Tuesday"
    said = _check(qtbot, page)
    assert f"entry #{target.seq} (last Tuesday, recovery.log) no longer matches" in said
    assert f"Entry #{target.seq}" in page.ui.detail_edit.toPlainText()


def test_filters_narrow_the_list(qtbot: QtBot, window: MainWindow, shop: Shop,
                                 logged: dict[str, int]) -> None:
    """Action (exact or family), employee, a range of days and free text each narrow the
    list to the matching entries, newest first."""
    page = _open_audit(qtbot, window)
    everything = len(_shown_seqs(page))
    combo = page.ui.action_combo
    combo.setCurrentIndex(combo.findData("customer.add"))
    combo.activated.emit(combo.currentIndex())
    assert [r.action for r in page.model.rows] == ["customer.add"]
    combo.setCurrentIndex(combo.findData("recovery.log"))
    combo.activated.emit(combo.currentIndex())
    assert [r.action for r in page.model.rows] == ["recovery.log"] * 3
    people = page.ui.employee_combo
    people.setCurrentIndex(people.findData(logged["anna"]))
    people.activated.emit(people.currentIndex())
    assert [r.actor for r in page.model.rows] == ["Anna", "Anna"]
    page.ui.since_edit.setDate(QDate(2026, 3, 12))
    assert len(page.model.rows) == 1 and page.model.rows[0].actor == "Anna"
    page.ui.until_edit.setDate(QDate(2026, 3, 11))
    assert "after the last day" in page.ui.filter_error.text()
    page.ui.until_edit.setDate(QDate(2026, 3, 12))
    assert page.ui.filter_error.text() == ""
    for edit in (page.ui.since_edit, page.ui.until_edit):
        edit.setDate(edit.minimumDate())  # "any day"
    combo.setCurrentIndex(0)
    people.setCurrentIndex(0)
    qtbot.keyClicks(page.ui.text_edit, "refund")
    qtbot.keyClick(page.ui.text_edit, Qt.Key.Key_Return)
    assert [r.actor for r in page.model.rows] == ["Boris"]
    page.ui.text_edit.clear()
    page.apply_filter()
    assert len(_shown_seqs(page)) == everything


def test_the_detail_shows_the_entry_and_its_json(qtbot: QtBot, window: MainWindow) -> None:
    """The picked entry's number, time, author, action and its payload, pretty-printed."""
    page = _open_audit(qtbot, window)
    row = next(i for i, r in enumerate(page.model.rows) if r.action == "recovery.log"
               and "refund" in r.details)
    page.table.selectRow(row)
    shown = page.ui.detail_edit.toPlainText()
    entry = page.model.rows[row]
    assert f"Entry #{entry.seq}" in shown and "Who: Boris" in shown
    payload = json.loads(shown[shown.index("{"):])
    assert payload == json.loads(entry.details)
    assert payload["gestures"][0]["cost"] == 450


def test_more_entries_are_fetched_while_scrolling(qtbot: QtBot, window: MainWindow,
                                                  shop: Shop,
                                                  logged: dict[str, int]) -> None:
    """A log longer than a page loads one page, and the next as the list scrolls down."""
    for minute in range(PAGE):
        recoveries.log_recovery(logged["boris"], shop.incident(f"Entry {minute}"),
                                now=T0 + timedelta(days=3, minutes=minute))
    page = _open_audit(qtbot, window)
    total = page.model.total
    assert total > PAGE and len(page.model.rows) == PAGE
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(page.model.rows) == total, timeout=5_000)
    assert _shown_seqs(page) == sorted(_shown_seqs(page), reverse=True)
