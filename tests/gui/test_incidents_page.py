"""The Incidents page driven through real widgets on a real SQLite file: filters, sorting by
header click, the detail pane and its actions under the role rules."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from recoverydesk.gui.dialogs.add_gesture import AddGestureDialog
from recoverydesk.gui.dialogs.incident_edits import (
    CorrectIncidentDialog,
    FollowUpDialog,
    ResolveDialog,
    VoidGestureDialog,
)
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.pages.incidents_page import IncidentsPage
from recoverydesk.services import catalog, customers, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.db import database
from recoverydesk.store.models import AuditEntry, Gesture, Incident
from tests.conftest import OWNER_PIN, T0, Shop
from tests.gui.conftest import make_window, sign_in, type_unicode

ANNA_PIN, BERT_PIN = "2468", "1357"


@pytest.fixture
def cases(shop: Shop, gui_clock: Callable[[datetime], None]) -> dict[str, int]:
    """Anna (100 € a month, 40 € per incident) and Bert; four incidents in March, one in
    February. The window's clock stands two minutes after the March ones."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    bert = shop.staff("Bert", 10000, 4000, pin=BERT_PIN)
    categories = catalog.list_categories()
    other = categories[1].id
    lucja = customers.add_customer(shop.owner_id, CustomerInput(
        name="Łucja Zażółć", phone="+48 600 100 200", notes="Always orders oat milk"), now=T0)
    soup = recoveries.log_recovery(anna, shop.incident("Soup was cold"), customer_id=lucja,
                                   gesture=GestureInput("free_item", 500, None, "Free soup"),
                                   now=T0)
    lift = recoveries.log_recovery(bert, recoveries.IncidentInput(other, "Lift stuck"),
                                   gesture=GestureInput("gift", 2000), now=T0)
    noise = recoveries.log_recovery(bert, shop.incident("Noise at night"),
                                    gesture=GestureInput("discount", 1200), now=T0)
    quiet = recoveries.log_recovery(anna, shop.incident("Slow Wi-Fi"), now=T0)
    old = recoveries.log_recovery(anna, shop.incident("February case"),
                                  now=T0 - timedelta(days=30))
    gui_clock(T0 + timedelta(minutes=2))
    return {"anna": anna, "bert": bert, "soup": soup.incident_id, "lift": lift.incident_id,
            "noise": noise.incident_id, "quiet": quiet.incident_id, "old": old.incident_id,
            "lucja": lucja}


def incidents_page(qtbot: QtBot, name: str, pin: str) -> tuple[MainWindow, IncidentsPage]:
    window = make_window(qtbot)
    sign_in(qtbot, window, name, pin)
    window.incidents_nav_button.click()
    page = window.incidents_page
    assert window.pages.currentWidget() is page
    return window, page


def listed_ids(page: IncidentsPage) -> list[int]:
    return [page.model.data(page.model.index(r, 0), Qt.ItemDataRole.UserRole)
            for r in range(page.model.rowCount())]


def choose(combo: QComboBox, data: object) -> None:
    """Pick an entry as a user does (``activated`` fires only for user choices)."""
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_filters_narrow_the_list_and_a_bad_search_is_said_in_place(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """The list opens on this month; employee, category, status and month filters narrow
    it; text typed in another script finds the customer's incident; an overlong search text
    is refused next to the filters and the list keeps what it showed."""
    _window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    march = {cases[k] for k in ("soup", "lift", "noise", "quiet")}
    assert set(listed_ids(page)) == march
    assert page.ui.count_label.text() == "4 incidents"

    choose(page.ui.employee_combo, cases["bert"])
    assert set(listed_ids(page)) == {cases["lift"], cases["noise"]}
    choose(page.ui.category_combo, catalog.list_categories()[1].id)
    assert listed_ids(page) == [cases["lift"]]
    choose(page.ui.employee_combo, None)
    choose(page.ui.category_combo, None)
    choose(page.ui.month_combo, "2026-02")
    assert listed_ids(page) == [cases["old"]]
    choose(page.ui.month_combo, None)
    choose(page.ui.status_combo, "open")
    assert len(listed_ids(page)) == 5

    page.ui.text_edit.setFocus()
    type_unicode(page.ui.text_edit, "ŁUCJA")
    qtbot.waitUntil(lambda: listed_ids(page) == [cases["soup"]])
    assert page.detail.detail is not None and page.detail.detail.id == cases["soup"]

    page.ui.text_edit.setText("x" * 101)
    page.ui.text_edit.returnPressed.emit()
    assert "too long" in page.ui.filter_error.text() and page.ui.filter_error.isVisible()
    assert listed_ids(page) == [cases["soup"]]


def test_clicking_a_header_sorts_the_list_and_again_reverses_it(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """A click on "Spent" sorts by the non-voided spend, a second click the other way."""
    _window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    header = page.table.horizontalHeader()
    spent_column = 6
    spent = {cases["soup"]: 500, cases["lift"]: 2000, cases["noise"]: 1200, cases["quiet"]: 0}
    orders = []
    for _ in range(2):
        x = header.sectionViewportPosition(spent_column) + header.sectionSize(spent_column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        costs = [spent[i] for i in listed_ids(page)]
        assert costs == sorted(costs, reverse=descending)
        orders.append(descending)
    assert orders[0] != orders[1]
    assert page.model.data(page.model.index(0, spent_column)) in ("", "20,00\xa0€")
    # "What happened" is not sorted: a click there moved the arrow, the rows stayed put.
    before, order = listed_ids(page), header.sortIndicatorOrder()
    text_column = spent_column + 1
    x = header.sectionViewportPosition(text_column) + header.sectionSize(text_column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (spent_column,
                                                                           order)
    assert listed_ids(page) == before


def test_adding_a_gesture_past_the_limit_needs_an_owner_pin_in_the_dialog(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """On Anna's incident 5 € are spent; 40 € more pass her 40 € per-incident limit: the
    preview says so, saving without or with a wrong owner PIN is refused in place, the right
    PIN saves it as approved and the detail pane shows it."""
    _window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    assert page.select_incident(cases["soup"])
    page.detail.ui.add_gesture_button.click()
    dialog = page.detail.dialog
    assert isinstance(dialog, AddGestureDialog)
    dialog.cost_edit.setText("40")
    assert "over your per-incident limit by 5,00" in dialog.preview_label.text()
    assert dialog.approval_group.isVisible()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "types their PIN" in dialog.approval_error.text()
    dialog.owner_pin_edit.setText("0000")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.approval_error.text()
    assert Gesture.select().where(Gesture.incident == cases["soup"]).count() == 1
    dialog.owner_pin_edit.setText(OWNER_PIN)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert not dialog.isVisible()
    detail = page.detail.detail
    assert detail is not None and [g.cost_minor for g in detail.gestures] == [500, 4000]
    assert detail.gestures[1].approved_by == "Olga Owner"
    assert page.detail.ui.gestures_tree.topLevelItem(1).text(4) == "Olga Owner"


def test_a_bad_amount_in_the_gesture_dialog_is_said_next_to_the_field(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """Negative, malformed and empty costs are refused next to the cost; nothing saved."""
    _window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    page.select_incident(cases["quiet"])
    page.detail.ui.add_gesture_button.click()
    dialog = page.detail.dialog
    assert isinstance(dialog, AddGestureDialog)
    for text in ("-5", "abc", "", "1,234"):
        dialog.cost_edit.setText(text)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert dialog.isVisible() and dialog.cost_error.text(), text
    assert Gesture.select().where(Gesture.incident == cases["quiet"]).count() == 0


def test_staff_void_their_own_gesture_within_ten_minutes_and_the_counter_gets_it_back(
        qtbot: QtBot, cases: dict[str, int], gui_clock: Callable[[datetime], None]) -> None:
    """Two minutes after her gesture Anna may void it: a missing reason is refused in the
    dialog, a reason voids it, the line is struck through with who and why, and the counter
    shows the 5 € back. Eleven minutes after, a gesture of hers is an owner's to void: the
    dialog asks for an owner's PIN, refuses none or a wrong one, and voids with the right one
    in the owner's name."""
    window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    page.select_incident(cases["soup"])
    pane = page.detail
    pane.ui.gestures_tree.setCurrentItem(pane.ui.gestures_tree.topLevelItem(0))
    assert pane.ui.void_button.isEnabled()
    pane.ui.void_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, VoidGestureDialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "Enter the reason" in dialog.error_label.text()
    type_unicode(dialog.reason_edit, "Wrong table — zła kwota")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()

    item = pane.ui.gestures_tree.topLevelItem(0)
    assert item.font(0).strikeOut()
    note = item.child(0).text(0)
    assert note.startswith("↳ Voided by Anna, 10.03.26, 12:02") and "zła kwota" in note
    window.counter_nav_button.click()
    assert "100,00\xa0€ left" in window.counter_page.ui.budget_label.text()

    logged = recoveries.add_gesture(cases["anna"], cases["quiet"],
                                    GestureInput("gift", 300), now=T0)
    gui_clock(T0 + timedelta(minutes=11))
    window.incidents_nav_button.click()
    page.select_incident(cases["quiet"])
    pane.ui.gestures_tree.setCurrentItem(pane.ui.gestures_tree.topLevelItem(0))
    assert "Only an owner can void" in pane.ui.message_label.text()
    pane.ui.void_button.click()
    owner_void = pane.dialog
    assert isinstance(owner_void, VoidGestureDialog) and owner_void.needs_owner
    owner_void.reason_edit.setText("Wrong guest")
    ok = owner_void.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert "types their PIN" in owner_void.error_label.text()
    owner_void.owner_pin_edit.setText("0000")
    ok.click()
    assert owner_void.isVisible() and owner_void.owner_pin_edit.text() == ""
    assert not Gesture.get_by_id(logged.gesture_id).voids.exists()
    owner_void.owner_pin_edit.setText(OWNER_PIN)
    ok.click()
    assert not owner_void.isVisible()
    [void] = list(Gesture.get_by_id(logged.gesture_id).voids)
    assert void.voided_by_id != cases["anna"] and void.reason == "Wrong guest"


def test_an_owner_voids_anyones_gesture_at_any_time(
        qtbot: QtBot, cases: dict[str, int], gui_clock: Callable[[datetime], None]) -> None:
    """A day later the owner voids Bert's gesture; Bert's counter shows the 20 € back."""
    gui_clock(T0 + timedelta(days=1))
    window, page = incidents_page(qtbot, "Olga Owner", OWNER_PIN)
    page.select_incident(cases["lift"])
    pane = page.detail
    pane.ui.gestures_tree.setCurrentItem(pane.ui.gestures_tree.topLevelItem(0))
    pane.ui.void_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, VoidGestureDialog)
    dialog.reason_edit.setText("Logged twice")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert pane.ui.gestures_tree.topLevelItem(0).font(0).strikeOut()
    window.sign_out()
    sign_in(qtbot, window, "Bert", BERT_PIN)
    assert "12,00\xa0€ spent of 100,00\xa0€" in window.counter_page.ui.budget_label.text()


def test_the_author_corrects_an_incident_and_each_change_is_audited_old_and_new(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """Bert cannot correct Anna's incident (no Correct button); Anna changes the text,
    severity and customer (removed), each audited with its old and new value."""
    window, page = incidents_page(qtbot, "Bert", BERT_PIN)
    page.select_incident(cases["soup"])
    assert page.detail.ui.correct_button.isHidden()
    window.sign_out()
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    window.incidents_nav_button.click()
    page.select_incident(cases["soup"])
    assert not page.detail.ui.correct_button.isHidden()
    page.detail.ui.correct_button.click()
    dialog = page.detail.dialog
    assert isinstance(dialog, CorrectIncidentDialog)
    dialog.description_edit.setPlainText("")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "Enter the description" in dialog.error_label.text()
    dialog.description_edit.setPlainText("Soup was cold; '; DROP TABLE incident; --")
    dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findData("major"))
    dialog.no_customer_check.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()

    row = Incident.get_by_id(cases["soup"])
    assert (row.description, row.severity, row.customer_id) == (
        "Soup was cold; '; DROP TABLE incident; --", "major", None)
    entry = AuditEntry.select().where(AuditEntry.action == "incident.correct").get()
    details = json.loads(entry.details)
    assert details["severity"] == {"old": "minor", "new": "major"}
    assert details["customer"] == {"old": cases["lucja"], "new": None}
    assert details["description"]["old"] == "Soup was cold"
    assert "anonymous" in page.detail.ui.customer_label.text()


def test_a_follow_up_in_the_past_is_refused_in_place_and_resolving_closes_it(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """A follow-up date before today is refused in the dialog, a later one is listed; the
    incident is resolved with the customer's reaction and cannot be resolved again."""
    _window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    page.select_incident(cases["quiet"])
    pane = page.detail
    pane.ui.followup_button.click()
    dialog = pane.dialog
    assert isinstance(dialog, FollowUpDialog)
    assert dialog.date_edit.date() == QDate(2026, 3, 13)  # today + the 3-day delay
    dialog.date_edit.setDate(QDate(2026, 3, 9))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "past" in dialog.error_label.text()
    dialog.date_edit.setDate(QDate(2026, 3, 20))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert pane.ui.followups_tree.topLevelItemCount() == 1
    assert pane.detail is not None and pane.detail.followups[0].due_on == date(2026, 3, 20)

    pane.ui.resolve_button.click()
    resolve = pane.dialog
    assert isinstance(resolve, ResolveDialog)
    resolve.reaction_combo.setCurrentIndex(resolve.reaction_combo.findData("delighted"))
    resolve.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert pane.detail is not None and pane.detail.status == "resolved"
    assert "customer delighted" in pane.ui.header_label.text()
    assert not pane.ui.resolve_button.isEnabled()
    row = page.model.row_of(cases["quiet"])
    assert page.model.data(page.model.index(row, 4)) == "resolved"


def test_the_list_reads_only_the_rows_it_shows(qtbot: QtBot, shop: Shop,
                                               gui_clock: Callable[[datetime], None]) -> None:
    """With 250 incidents the model holds every id but has read only the first block of
    rows; scrolling to the end reads the last block."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    for n in range(250):
        recoveries.log_recovery(anna, shop.incident(f"Case {n}"),
                                now=datetime(2026, 3, 2, tzinfo=UTC) + timedelta(minutes=n))
    gui_clock(T0)
    _window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    assert page.model.rowCount() == 250
    assert len(page.model._rows) <= 100
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.ids[-1] in page.model._rows)
    assert page.model.row_at(249) is not None
    assert page.model.row_at(249).description == "Case 0"  # type: ignore[union-attr]


def test_ctrl_n_on_the_incidents_page_adds_the_new_incident_to_the_list(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """A recovery logged with Ctrl+N while the Incidents page is open shows in its list at
    once."""
    window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    before = page.model.rowCount()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.log_dialog
    assert dialog is not None
    dialog.ui.description_edit.setPlainText("Spilled coffee")
    dialog.save()
    assert page.model.rowCount() == before + 1
    assert page.model.row_at(0) is not None
    assert page.model.row_at(0).description == "Spilled coffee"  # type: ignore[union-attr]


def test_signing_out_closes_an_open_page_dialog_without_saving(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """A half-typed correction is dropped when the person switches user: nothing saved."""
    window, page = incidents_page(qtbot, "Anna", ANNA_PIN)
    page.select_incident(cases["soup"])
    page.detail.ui.correct_button.click()
    dialog = page.detail.dialog
    assert isinstance(dialog, CorrectIncidentDialog)
    dialog.description_edit.setPlainText("Half typed")
    window.switch_user_button.click()
    assert not dialog.isVisible()
    assert Incident.get_by_id(cases["soup"]).description == "Soup was cold"
    assert window.pages.currentWidget() is window.start_page


def test_typing_in_a_page_dialog_keeps_the_session_alive(qtbot: QtBot, shop: Shop) -> None:
    """Key presses in an Incidents page dialog restart the inactivity countdown like those
    in the window; without them the window signs out and the dialog closes unsaved."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    logged = recoveries.log_recovery(anna, shop.incident("Soup"))
    window = make_window(qtbot, inactivity_ms=1500)  # margin for a loaded machine
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    window.incidents_nav_button.click()
    page = window.incidents_page
    page.select_incident(logged.incident_id)
    page.detail.ui.followup_button.click()
    dialog = page.detail.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    results: list[int] = []
    dialog.finished.connect(results.append)
    for _ in range(8):  # 8 × 300 ms > 1500 ms, never 1500 ms without a key
        qtbot.wait(300)
        qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_Shift)
    assert dialog.isVisible() and window.person is not None
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.start_page, timeout=3000)
    assert results == [0]  # rejected
    assert Incident.get_by_id(logged.incident_id).followups.count() == 0  # nothing saved


def test_an_owner_gives_an_anonymous_incident_its_customer_by_type_ahead(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """The owner corrects Anna's anonymous incident: typing part of the name lists the
    customer, a click picks them, OK saves; the audit has the old (none) and new id."""
    _window, page = incidents_page(qtbot, "Olga Owner", OWNER_PIN)
    page.select_incident(cases["quiet"])
    page.detail.ui.correct_button.click()
    dialog = page.detail.dialog
    assert isinstance(dialog, CorrectIncidentDialog)
    assert dialog.customer_label.text() == "none"
    type_unicode(dialog.customer_edit, "ŁUC")
    assert dialog.matches_list.count() == 1
    item = dialog.matches_list.item(0)
    assert item is not None
    dialog.matches_list.itemClicked.emit(item)
    assert dialog.customer_label.text() == "Łucja Zażółć"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert Incident.get_by_id(cases["quiet"]).customer_id == cases["lucja"]
    entry = AuditEntry.select().where(AuditEntry.action == "incident.correct").get()
    assert json.loads(entry.details) == {"customer": {"old": None, "new": cases["lucja"]}}
    assert entry.actor != cases["anna"]


@pytest.mark.sqlite_only
def test_an_incident_that_cannot_be_read_says_why_in_the_pane(
        qtbot: QtBot, cases: dict[str, int]) -> None:
    """A resolution moment typed as words behind the app's back: picking the incident shows
    the reason in the pane (the pane used to clear it and say "Pick an incident"), with its
    actions off; the next incident shows as before."""
    database.execute_sql("UPDATE incident SET resolved_at = 'soon' WHERE id = ?",
                         (cases["soup"],))
    _window, page = incidents_page(qtbot, "Olga Owner", OWNER_PIN)
    assert page.select_incident(cases["soup"])
    pane = page.detail
    assert pane.detail is None
    assert pane.ui.header_label.text() == "This incident cannot be shown."
    assert pane.ui.message_label.text().startswith(
        "A stored incident has a moment that is not a date and time in resolved_at ('soon')")
    assert not pane.ui.message_label.isHidden()
    assert not pane.ui.add_gesture_button.isEnabled()
    assert page.select_incident(cases["lift"])
    assert pane.detail is not None and pane.detail.id == cases["lift"]
    assert pane.ui.message_label.isHidden()


@pytest.mark.sqlite_only
def test_rows_that_cannot_be_read_are_said_once_above_the_list(
        qtbot: QtBot, cases: dict[str, int], message_boxes: list[str]) -> None:
    """A cost typed as a word into the file: the list used to raise inside the table's
    paint, one message box per paint (hundreds). Now the reason is said once above the list,
    that row stays blank while the others show, and once mended a refresh shows it too."""
    database.execute_sql("UPDATE gesture SET cost_minor = 'lots' WHERE incident_id = ?",
                         (cases["soup"],))
    _window, page = incidents_page(qtbot, "Olga Owner", OWNER_PIN)
    qtbot.waitUntil(lambda: page.ui.filter_error.text() != "")
    assert page.ui.filter_error.text() == (
        f"An amount among the gestures of incident {cases['soup']} is not a whole number of "
        "minor units: it was edited outside RecoveryDesk; `recoverydesk check` lists what "
        "changed.")
    soup = page.model.row_of(cases["soup"])
    assert page.model.rowCount() == 4 and page.model.row_at(soup) is None
    assert all(page.model.row_at(r) is not None for r in range(4) if r != soup)
    qtbot.wait(50)  # more paints: still nothing raised
    assert message_boxes == []
    database.execute_sql("UPDATE gesture SET cost_minor = 500 WHERE incident_id = ?",
                         (cases["soup"],))
    page.apply_filter()
    assert page.model.row_at(page.model.row_of(cases["soup"])) is not None
    qtbot.wait(50)
    assert page.ui.filter_error.isHidden() and message_boxes == []


def test_an_erased_customer_is_named_as_such_not_as_no_customer(
        qtbot: QtBot, shop: Shop, cases: dict[str, int]) -> None:
    """The list showed "—" for an erased customer, as for an anonymous incident."""
    customers.erase_customer(shop.owner_id, cases["lucja"], now=T0)
    _window, page = incidents_page(qtbot, "Olga Owner", OWNER_PIN)
    shown = {page.model.data(page.model.index(r, 0), Qt.ItemDataRole.UserRole):
             page.model.data(page.model.index(r, 5)) for r in range(page.model.rowCount())}
    assert shown[cases["soup"]] == f"Customer {cases['lucja']} (erased)"
    assert shown[cases["lift"]] == "—"
