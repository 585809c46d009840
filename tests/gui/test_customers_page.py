"""The Customers page on a real SQLite file: type-ahead, the card, edits, "came back today",
merging, a person's data export, and the owner's erasure checked in the raw file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from recoverydesk.core.months import Month
from recoverydesk.gui.dialogs import customer_dialogs
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.pages.customers_page import CustomersPage
from recoverydesk.services import customer_records, customers, incident_list, recoveries, team
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.db import database
from recoverydesk.store.models import AuditEntry, Customer, Incident, ReturnVisit
from tests.conftest import OWNER_PIN, T0, Shop
from tests.gui.conftest import commit_ime, make_window, sign_in, type_unicode

ANNA_PIN = "2468"
LUCJA = CustomerInput(name="Łucja Zażółć-Kwiatkowska", phone="+48 600 123 987",
                      email="lucja.kwiatkowska@example.pl", notes="Kolekcjonuje stare telefony")


@pytest.fixture
def people(shop: Shop, gui_clock: Callable[[datetime], None]) -> dict[str, int]:
    """Anna (staff); Łucja with two incidents and 12,50 € of gestures (one voided 3 €);
    王小明 with one incident. The clock stands an hour after."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    lucja = customers.add_customer(shop.owner_id, LUCJA, now=T0)
    wang = customers.add_customer(shop.owner_id, CustomerInput(name="王小明", phone="+86 10 5555"),
                                  now=T0)
    first = recoveries.log_recovery(anna, shop.incident("Cold soup"), customer_id=lucja,
                                    gesture=GestureInput("free_item", 1250), now=T0)
    second = recoveries.log_recovery(anna, shop.incident("Dirty cup"), customer_id=lucja,
                                     gesture=GestureInput("gift", 300), now=T0)
    assert second.gesture is not None
    recoveries.void_gesture(anna, second.gesture.gesture_id, "Typo", now=T0)
    recoveries.log_recovery(anna, shop.incident("Lost key"), customer_id=wang,
                            gesture=GestureInput("gift", 700), now=T0)
    gui_clock(T0 + timedelta(hours=1))
    return {"anna": anna, "lucja": lucja, "wang": wang, "first": first.incident_id}


def customers_page(qtbot: QtBot, name: str, pin: str) -> tuple[MainWindow, CustomersPage]:
    window = make_window(qtbot)
    sign_in(qtbot, window, name, pin)
    window.customers_nav_button.click()
    assert window.pages.currentWidget() is window.customers_page
    return window, window.customers_page


def find(qtbot: QtBot, page: CustomersPage, text: str, rows: int) -> None:
    page.ui.search_edit.clear()
    page.ui.search_edit.setFocus()
    type_unicode(page.ui.search_edit, text)
    qtbot.waitUntil(lambda: page.model.text == text and page.model.rowCount() == rows)


def test_type_ahead_finds_a_card_with_notes_history_spend_and_visits(
        qtbot: QtBot, people: dict[str, int]) -> None:
    """Typing part of a name in another case finds the person; the card shows the notes,
    both incidents with the non-voided spend, and "came back today" adds today's visit."""
    _window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    assert page.model.rowCount() == 2
    find(qtbot, page, "zażółć", 1)
    assert page.ui.count_label.text() == "1 customer"
    card = page.card
    assert card.card is not None and card.card.customer.id == people["lucja"]
    assert card.ui.notes_edit.toPlainText() == "Kolekcjonuje stare telefony"
    assert card.ui.summary_label.text() == "2 incidents, 12,50\xa0€ spent on them"
    assert card.ui.history_tree.topLevelItemCount() == 2
    assert card.ui.visits_label.text() == "No return visit recorded yet."
    find(qtbot, page, "600123", 1)  # phone digits without the spaces
    page.ui.search_edit.clear()
    commit_ime(page.ui.search_edit, "小明")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.rows[0].id
                    == people["wang"])
    assert page.card.card is not None and page.card.card.customer.id == people["wang"]

    page.card.ui.came_back_button.click()
    [visit] = list(ReturnVisit.select())
    assert (visit.customer_id, visit.visited_on) == (people["wang"], date(2026, 3, 10))
    assert page.card.ui.visits_label.text().startswith("Return visits: 10.03.2026")
    assert "recorded for today" in page.card.ui.message_label.text()
    page.card.ui.came_back_button.click()  # a second click the same day adds no visit
    assert ReturnVisit.select().count() == 1
    assert page.card.ui.message_label.text() == "Their return today is already recorded."
    assert page.card.ui.visits_label.text() == "Return visits: 10.03.2026"


def test_bad_details_are_refused_next_to_their_field_and_nothing_is_saved(
        qtbot: QtBot, people: dict[str, int]) -> None:
    """A malformed e-mail and a phone of letters are said next to their fields and leave
    the card unchanged; a good edit is saved and audited by field name only. An overlong
    search is refused under the search field."""
    _window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    page.ui.search_edit.setText("x" * 101)
    page.ui.search_edit.returnPressed.emit()
    assert "too long" in page.ui.search_error.text() and page.ui.search_error.isVisible()
    find(qtbot, page, "łucja", 1)
    card = page.card
    card.ui.email_edit.setText("not an address")
    card.ui.save_details_button.click()
    assert "name@example.com" in card.field_errors["email"].text()
    card.ui.email_edit.setText(LUCJA.email)
    card.ui.phone_edit.setText("call me")
    card.ui.save_details_button.click()
    assert "digits" in card.field_errors["phone"].text()
    assert Customer.get_by_id(people["lucja"]).phone == LUCJA.phone

    card.ui.phone_edit.setText("+48 600 000 111")
    card.ui.save_details_button.click()
    assert card.ui.message_label.text() == "Saved."
    assert Customer.get_by_id(people["lucja"]).phone == "+48 600 000 111"
    entry = AuditEntry.select().where(AuditEntry.action == "customer.edit").get()
    assert json.loads(entry.details) == {"fields": ["phone"]}


def test_a_card_edited_out_of_the_search_leaves_no_other_row_highlighted(
        qtbot: QtBot, people: dict[str, int]) -> None:
    """After a save that made the card stop matching the search, the list highlighted the
    next customer while the card (and its buttons) stayed on the edited one."""
    _window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    find(qtbot, page, "6", 2)  # both phones have a 6
    assert page.select_customer(people["lucja"])
    page.card.ui.phone_edit.setText("+48 700 123 987")
    page.card.ui.save_details_button.click()
    assert page.card.ui.message_label.text() == "Saved."
    assert page.model.rowCount() == 1 and page.model.rows[0].id == people["wang"]
    assert page.card.card is not None and page.card.card.customer.id == people["lucja"]
    assert not page.table.selectionModel().hasSelection()


def test_the_next_person_starts_from_the_whole_list(
        qtbot: QtBot, people: dict[str, int]) -> None:
    """After Switch user, the page kept the previous person's search and open card."""
    window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    find(qtbot, page, "łucja", 1)
    window.sign_out()
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    window.customers_nav_button.click()
    assert page.ui.search_edit.text() == ""
    assert page.model.rowCount() == 2


def test_merging_two_cards_joins_their_history(
        qtbot: QtBot, shop: Shop, people: dict[str, int]) -> None:
    """A second card of Łucja (e-mail only, one incident) is merged into the first from the
    dialog: the incident moves, the duplicate card is gone, and the merge is audited."""
    duplicate = customers.add_customer(shop.owner_id, CustomerInput(email="lk@example.pl"),
                                       now=T0)
    moved = recoveries.log_recovery(people["anna"], shop.incident("Late taxi"),
                                    customer_id=duplicate, now=T0)
    _window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    find(qtbot, page, "Łucja", 1)
    page.card.ui.merge_button.click()
    dialog = page.card.dialog
    assert isinstance(dialog, customer_dialogs.MergeCustomerDialog)
    dialog.merge_button.click()
    assert dialog.isVisible() and "pick the other card" in dialog.error_label.text()
    type_unicode(dialog.search_edit, "lk@")
    assert dialog.matches_list.count() == 1
    dialog.merge_button.click()
    assert not dialog.isVisible()

    assert Incident.get_by_id(moved.incident_id).customer_id == people["lucja"]
    assert Customer.get_or_none(Customer.id == duplicate) is None
    assert page.card.card is not None and len(page.card.card.incidents) == 3
    assert AuditEntry.select().where(AuditEntry.action == "customer.merge").count() == 1


def test_staff_do_not_see_export_or_erase_and_an_owner_exports_a_person(
        qtbot: QtBot, people: dict[str, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Export and erase are hidden for staff; an owner saves the person's data to the file
    they pick, with their details and both incidents."""
    window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    assert page.card.ui.export_button.isHidden() and page.card.ui.erase_button.isHidden()
    window.sign_out()
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    window.customers_nav_button.click()
    find(qtbot, page, "łucja", 1)
    assert not page.card.ui.export_button.isHidden() and not page.card.ui.erase_button.isHidden()
    target = tmp_path / "łucja.json"
    monkeypatch.setattr(customer_dialogs, "ask_export_path", lambda _parent, _name: target)
    page.card.ui.export_button.click()

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == LUCJA.name
    assert data["customer"]["notes"] == LUCJA.notes
    assert len(data["incidents"]) == 2
    assert str(target) in page.card.ui.message_label.text()


def _file_bytes(path: Path) -> bytes:
    """The database file and its WAL, as they are on disk."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_an_owner_erases_a_person_the_file_keeps_no_old_value_and_money_stays(
        qtbot: QtBot, shop: Shop, people: dict[str, int]) -> None:
    """The erase dialog warns that earlier backups still hold the data; after "Erase" the
    raw database file and WAL hold none of the name, phone, e-mail or notes, the card reads
    "erased", and every money figure is what it was."""
    old_values = [v.encode() for v in (LUCJA.name, LUCJA.phone, LUCJA.email, LUCJA.notes)]
    assert all(v in _file_bytes(shop.path) for v in old_values)  # there before: a real check
    month = Month(2026, 3)
    spend_before = team.budget_status(people["anna"], month).spent_minor
    card_before = customer_records.customer_card(people["lucja"]).spent_minor
    costs_before = [r.cost_minor for r in incident_list.find_incidents(
        incident_list.IncidentFilter(month=month)).rows]

    _window, page = customers_page(qtbot, "Olga Owner", OWNER_PIN)
    find(qtbot, page, "Łucja", 1)
    page.card.ui.erase_button.click()
    dialog = page.card.dialog
    assert isinstance(dialog, customer_dialogs.EraseCustomerDialog)
    assert "Backups made before now still hold their data" in dialog.text_label.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
    dialog.erase_button.click()
    assert not dialog.isVisible()

    raw = _file_bytes(shop.path)
    for value in old_values:
        assert value not in raw, value
    assert team.budget_status(people["anna"], month).spent_minor == spend_before == 1950
    assert customer_records.customer_card(people["lucja"]).spent_minor == card_before == 1250
    assert [r.cost_minor for r in incident_list.find_incidents(
        incident_list.IncidentFilter(month=month)).rows] == costs_before
    assert page.card.ui.title_label.text() == (
        f"<b>Customer {people['lucja']}</b>: personal data erased")
    assert not page.card.ui.save_details_button.isEnabled()
    assert not page.card.ui.erase_button.isEnabled()
    entry = AuditEntry.select().where(AuditEntry.action == "customer.erase").get()
    assert (entry.entity_id, json.loads(entry.details)) == (people["lucja"], {})


def test_the_list_fetches_more_customers_as_it_scrolls(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """With 250 customers the list holds the first 100 and says 250; scrolling to the end
    fetches the rest a page at a time, each customer once."""
    for n in range(250):
        customers.add_customer(shop.owner_id, CustomerInput(name=f"Guest {n:03d}"), now=T0)
    shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    gui_clock(T0)
    _window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    assert (page.model.rowCount(), page.ui.count_label.text()) == (100, "250 customers")

    def scrolled_to_end() -> bool:
        page.table.scrollToBottom()
        return page.model.rowCount() == 250

    qtbot.waitUntil(scrolled_to_end, timeout=5000)
    names = [row.name for row in page.model.rows]
    assert names == [f"Guest {n:03d}" for n in range(250)]
    assert not page.model.canFetchMore()


@pytest.mark.sqlite_only
def test_a_card_that_cannot_be_read_says_why(qtbot: QtBot, people: dict[str, int]) -> None:
    """A gesture's value edited into a fraction behind the app's back: the card says why
    it cannot be shown instead of asking to pick a customer."""
    database.execute_sql("UPDATE gesture SET value_minor = 2.5 WHERE incident_id = ?",
                         (people["first"],))
    _window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    assert page.select_customer(people["lucja"])
    card = page.card
    assert card.card is None
    assert card.ui.title_label.text() == "This customer cannot be shown."
    assert card.ui.message_label.text().startswith("An amount among the gestures of incident")
    assert not card.ui.message_label.isHidden()
    assert page.select_customer(people["wang"])
    assert card.card is not None and card.ui.message_label.isHidden()


@pytest.mark.sqlite_only
def test_a_list_that_cannot_be_read_is_said_in_place(
        qtbot: QtBot, people: dict[str, int], message_boxes: list[str]) -> None:
    """A visit date typed as a word into the file: the search line says why, the list is
    empty rather than the previous search's, and no message box opens."""
    customers.record_return_visit(people["anna"], people["lucja"], now=T0)
    _window, page = customers_page(qtbot, "Anna", ANNA_PIN)
    assert page.model.rowCount() == 2
    database.execute_sql("UPDATE return_visit SET visited_on = 'soon'")
    page.search()
    assert page.ui.search_error.text().startswith(
        "A stored return visit has a date that is not a calendar date in visited_on ('soon')")
    assert page.model.rowCount() == 0
    assert message_boxes == []
