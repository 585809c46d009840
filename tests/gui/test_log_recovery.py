"""The "Log a recovery" dialog driven through real widgets and keys on a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recoverydesk.gui.dialogs.log_recovery import LogRecoveryDialog
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.services import catalog, counter, customers, recoveries, team
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import Customer, Gesture, Incident
from tests.conftest import OWNER_PIN, Shop
from tests.gui.conftest import Keyboard, commit_ime, make_window, sign_in, type_unicode

ANNA_PIN = "2468"


@pytest.fixture
def counter_window(qtbot: QtBot, shop: Shop) -> tuple[MainWindow, int]:
    """Anna (150 € a month, 50 € per incident) signed in at the counter; two presets."""
    catalog.add_preset(shop.owner_id, "Free coffee", "free_item", 350)
    catalog.add_preset(shop.owner_id, "Dessert on the house", "free_item", 700, 1200)
    anna = shop.staff("Anna", 15000, 5000, pin=ANNA_PIN)
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    assert window.pages.currentWidget() is window.counter_page
    return window, anna


def open_dialog(qtbot: QtBot, window: MainWindow) -> LogRecoveryDialog:
    qtbot.keyClick(window.counter_page.ui.log_button, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier)
    dialog = window.log_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def saved_gestures() -> list[Gesture]:
    return list(Gesture.select().order_by(Gesture.id))


def test_a_preset_recovery_takes_three_key_presses_plus_the_description(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """From the counter: Ctrl+N, the description, Alt+1 for the first preset, Ctrl+Enter.
    Every key event the test sends is counted: 3 presses (target: at most 8) plus the text.
    The counter shows the entry and the lower remaining budget at once."""
    window, anna = counter_window
    keys = Keyboard(qtbot)
    window.counter_page.ui.log_button.setFocus()

    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.log_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.description_edit)
    keys.text("Soup was cold")
    keys.press(Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert "Within your budget: 146,50" in dialog.ui.preview_label.text()
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert keys.presses == 3
    assert window.log_dialog is None
    [gesture] = saved_gestures()
    assert (gesture.cost_minor, gesture.kind, gesture.description) == (350, "free_item",
                                                                      "Free coffee")
    assert gesture.incident.description == "Soup was cold"
    assert gesture.approved_by_id is None
    assert window.counter_page.ui.entries_tree.topLevelItemCount() == 1
    assert "146,50\xa0€ left" in window.counter_page.ui.budget_label.text()
    assert [e.cost_minor for e in counter.my_entries_today(anna)] == [350]


def test_digit_keys_pick_presets_in_the_list_and_enter_saves(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """With the preset list focused, 2 picks the second preset (its value too); Enter there
    saves once, through the default button."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Waited 20 minutes")
    dialog.ui.preset_list.setFocus()
    qtbot.keyClick(dialog.ui.preset_list, Qt.Key.Key_2)
    assert dialog.ui.cost_edit.text() == "7,00"
    assert dialog.ui.value_edit.text() == "12,00"
    qtbot.keyClick(dialog.ui.preset_list, Qt.Key.Key_Return)
    assert window.log_dialog is None
    [gesture] = saved_gestures()
    assert (gesture.cost_minor, gesture.value_minor) == (700, 1200)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert open_dialog(qtbot, window) is not dialog  # Ctrl+N works again right away


def test_over_the_limit_an_owner_approves_with_their_pin_in_the_same_dialog(
        qtbot: QtBot, counter_window: tuple[MainWindow, int], shop: Shop) -> None:
    """A cost past the per-incident limit shows "needs owner approval" with the amount over
    while typing; the owner picks their name and types their PIN; Enter saves it approved."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Dress ruined by red wine")
    dialog.ui.kind_combo.setCurrentIndex(dialog.ui.kind_combo.findData("replacement"))
    type_unicode(dialog.ui.gesture_note_edit, "Nowa sukienka, новое платье")
    qtbot.keyClicks(dialog.ui.cost_edit, "80")
    assert "over your per-incident limit by 30,00" in dialog.ui.preview_label.text()
    assert dialog.ui.approval_group.isVisible()
    assert dialog.ui.owner_combo.currentText() == "Olga Owner"

    qtbot.keyClick(dialog.ui.cost_edit, Qt.Key.Key_Return)  # no PIN yet: asked for, in place
    assert "types their PIN" in dialog.ui.approval_error.text()
    assert saved_gestures() == []

    qtbot.keyClicks(dialog.ui.owner_pin_edit, OWNER_PIN)
    qtbot.keyClick(dialog.ui.owner_pin_edit, Qt.Key.Key_Return)
    [gesture] = saved_gestures()
    assert (gesture.cost_minor, gesture.approved_by_id) == (8000, shop.owner_id)
    assert (gesture.kind, gesture.description) == ("replacement",
                                                   "Nowa sukienka, новое платье")
    assert "(approved)" in window.counter_page.ui.entries_tree.topLevelItem(0).text(3)


def test_a_wrong_owner_pin_is_refused_in_place_and_counts_toward_the_lockout(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """A wrong approver PIN saves nothing, says so next to the PIN (with the attempts left
    before that owner is locked) and keeps everything typed; the fifth locks the owner, and
    then even their right PIN is refused in place with the time left."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Lost luggage")
    qtbot.keyClicks(dialog.ui.cost_edit, "60")
    for attempt in (1, 2, 3, 4):
        qtbot.keyClicks(dialog.ui.owner_pin_edit, "9999")
        qtbot.keyClick(dialog.ui.owner_pin_edit, Qt.Key.Key_Return)
        assert f"{5 - attempt} more wrong PIN" in dialog.ui.approval_error.text()
    assert dialog.isVisible() and dialog.ui.owner_pin_edit.text() == ""
    assert dialog.ui.description_edit.toPlainText() == "Lost luggage"
    assert saved_gestures() == [] and Incident.select().count() == 0
    for pin in ("9999", OWNER_PIN):
        qtbot.keyClicks(dialog.ui.owner_pin_edit, pin)
        qtbot.keyClick(dialog.ui.owner_pin_edit, Qt.Key.Key_Return)
        assert "try again in 5 minutes" in dialog.ui.approval_error.text()
    assert dialog.isVisible() and Incident.select().count() == 0


def test_the_approval_box_goes_when_the_cost_is_no_longer_an_amount(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """Past the limit the owner's box opened; typing letters after the amount left it open
    beside "Type the cost as an amount", asking an owner to approve nothing."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.cost_edit, "999")
    assert dialog.ui.approval_group.isVisible()
    qtbot.keyClicks(dialog.ui.cost_edit, "abc")
    assert "Type the cost as an amount" in dialog.ui.preview_label.text()
    assert not dialog.ui.approval_group.isVisible()
    for _ in range(3):
        qtbot.keyClick(dialog.ui.cost_edit, Qt.Key.Key_Backspace)
    assert dialog.ui.approval_group.isVisible()  # an amount over the limit again


def test_a_refused_cost_is_said_once_and_typing_brings_the_preview_back(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """At save, "-1" was said twice: in red under the field, and as the preview's general
    hint beside it. Now the red line alone; editing the cost clears it and the live preview
    takes over."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Soup was cold")
    qtbot.keyClicks(dialog.ui.cost_edit, "-1")
    assert "Type the cost as an amount" in dialog.ui.preview_label.text()
    qtbot.keyClick(dialog.ui.cost_edit, Qt.Key.Key_Return)
    assert dialog.ui.cost_error.text().startswith("Amounts cannot be negative")
    assert not dialog.ui.preview_label.isVisible()
    dialog.ui.cost_edit.selectAll()
    qtbot.keyClicks(dialog.ui.cost_edit, "3")
    assert dialog.ui.cost_error.text() == ""
    assert dialog.ui.preview_label.isVisible()
    assert dialog.ui.preview_label.text().startswith("Within your budget")
    assert Incident.select().count() == 0


def test_over_the_monthly_allowance_names_that_limit(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """After spending most of the month, the preview names the monthly allowance."""
    window, anna = counter_window
    for _ in range(3):
        recoveries.log_recovery(anna, earlier_incident(), gesture=GestureInput("refund", 4500))
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.cost_edit, "20")
    assert "over your monthly allowance by 5,00" in dialog.ui.preview_label.text()
    dialog.ui.cost_edit.clear()
    qtbot.keyClicks(dialog.ui.cost_edit, "15")
    assert "Within your budget: 0,00" in dialog.ui.preview_label.text()
    assert not dialog.ui.approval_group.isVisible()


def earlier_incident() -> recoveries.IncidentInput:
    return recoveries.IncidentInput(category_id=catalog.list_categories()[0].id,
                                    description="Earlier today")


@pytest.mark.parametrize("typed, expected", [
    ("-5", "cannot be negative"),
    ("3,505", "decimals"),
    ("abc", "digits only"),
    ("1e5", "digits only"),
    ("99999999", "too large"),
    ("1; DROP TABLE gesture", "digits only"),
    ("💶", "digits only"),
    ("3.50.1", "separators"),
])
def test_a_bad_amount_gets_a_message_next_to_the_cost_and_saves_nothing(
        qtbot: QtBot, counter_window: tuple[MainWindow, int], typed: str,
        expected: str) -> None:
    """Amounts follow the money rules; a bad one is explained under the cost field, the
    dialog stays open and nothing is written."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Cold soup")
    type_unicode(dialog.ui.cost_edit, typed)
    assert dialog.ui.cost_edit.text() == typed
    qtbot.keyClick(dialog.ui.cost_edit, Qt.Key.Key_Return)
    assert expected in dialog.ui.cost_error.text()
    assert dialog.ui.cost_error.isVisible()
    assert dialog.isVisible() and Incident.select().count() == 0


def test_a_bad_worth_to_the_customer_is_explained_under_its_field(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """The optional value follows the same rules, and needs a cost beside it."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Cold soup")
    qtbot.keyClicks(dialog.ui.value_edit, "-2")
    qtbot.keyClick(dialog.ui.value_edit, Qt.Key.Key_Return)
    assert "cannot be negative" in dialog.ui.value_error.text()
    assert "Type the cost too" in dialog.ui.cost_error.text()
    assert Incident.select().count() == 0


@pytest.mark.parametrize("text, expected", [
    ("", "Enter the description of what happened"),
    ("   \n  ", "Enter the description of what happened"),
    ("x" * 10_000, "Too long: keep the description of what happened to 2000 characters at "
                   "most (now 10000)."),
])
def test_a_bad_description_gets_a_message_next_to_it_and_saves_nothing(
        qtbot: QtBot, counter_window: tuple[MainWindow, int], text: str,
        expected: str) -> None:
    """Empty or 10 000-character descriptions are refused under the field; the focus goes
    back to it."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    commit_ime(dialog.ui.description_edit, text)
    assert len(dialog.ui.description_edit.toPlainText()) == len(text)
    dialog.pick_preset(0)
    qtbot.keyClick(dialog.ui.cost_edit, Qt.Key.Key_Return)
    assert expected in dialog.ui.description_error.text()
    assert QApplication.focusWidget() is dialog.ui.description_edit
    assert Incident.select().count() == 0


def test_sql_looking_text_and_emoji_are_kept_exactly_as_typed(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """Text is never executed: SQL-looking text and emoji in the description are stored
    exactly and the tables are intact."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    text = "Robert'); DROP TABLE incident; -- 😡☕"
    type_unicode(dialog.ui.description_edit, text)
    qtbot.keyClick(dialog.ui.description_edit, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert [i.description for i in Incident.select()] == [text]


def test_non_latin_text_and_a_new_customer_added_inline(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """Polish, Cyrillic and Chinese typed key by key and through an input method are saved
    exactly; a new customer typed inline is created with the recovery and gets a follow-up
    after the settings' delay."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    type_unicode(dialog.ui.description_edit, "Zupa była zimna, суп холодный, ")
    commit_ime(dialog.ui.description_edit, "汤是冷的")
    commit_ime(dialog.ui.customer_edit, "王小明")
    qtbot.mouseClick(dialog.ui.new_customer_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.new_name_edit.text() == "王小明"
    qtbot.keyClicks(dialog.ui.new_phone_edit, "+86 10 5555")
    type_unicode(dialog.ui.new_notes_edit, "Lubi herbatę 🍵")
    qtbot.keyClick(dialog.ui.new_notes_edit, Qt.Key.Key_Return)

    [incident] = Incident.select()
    assert incident.description == "Zupa była zimna, суп холодный, 汤是冷的"
    customer = Customer.get_by_id(incident.customer_id)
    assert (customer.name, customer.phone, customer.notes) == ("王小明", "+86 10 5555",
                                                                "Lubi herbatę 🍵")
    [followup] = incident.followups
    assert (followup.due_on - incident.reported_at.date()).days in (3, 4)  # local day + 3


def test_type_ahead_picks_a_known_customer_and_shows_their_history(
        qtbot: QtBot, counter_window: tuple[MainWindow, int], shop: Shop) -> None:
    """Typing part of a name (non-Latin, any case) lists matches; ↓ and Enter pick one and
    show this year's incidents, cost and what delights them; the recovery is logged for
    that customer with a follow-up."""
    window, anna = counter_window
    known = customers.add_customer(shop.owner_id, CustomerInput(
        name="Łucja Zażółć", phone="+48 601 234 567", notes="Collects antique phones"))
    customers.add_customer(shop.owner_id, CustomerInput(name="Lucy Brown"))
    recoveries.log_recovery(anna, earlier_incident(), customer_id=known,
                            gesture=GestureInput("gift", 1250))
    dialog = open_dialog(qtbot, window)
    type_unicode(dialog.ui.description_edit, "Phone charger missing")
    type_unicode(dialog.ui.customer_edit, "łucja")
    matches = dialog.ui.customer_matches_list
    assert [matches.item(i).text().split("   ")[0] for i in range(matches.count())] == [
        "Łucja Zażółć"]
    qtbot.keyClick(dialog.ui.customer_edit, Qt.Key.Key_Down)
    qtbot.keyClick(matches, Qt.Key.Key_Return)
    history = dialog.ui.history_label.text()
    assert "1 incident and 1 gesture in" in history and "12,50" in history
    assert "Collects antique phones" in history
    assert dialog.ui.customer_edit.text() == "Łucja Zażółć"
    assert QApplication.focusWidget() is dialog.ui.preset_list

    qtbot.keyClick(dialog.ui.preset_list, Qt.Key.Key_1)
    qtbot.keyClick(dialog.ui.cost_edit, Qt.Key.Key_Return)
    latest = Incident.select().order_by(Incident.id.desc()).get()
    assert latest.customer_id == known and latest.followups.count() == 1


def test_a_name_typed_but_not_picked_is_explained_not_silently_dropped(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """Text in the customer field that is neither picked nor added as new is refused with
    a message under the field; nothing is saved."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Cold soup")
    qtbot.keyClicks(dialog.ui.customer_edit, "Nobody Known")
    assert "New customer" in dialog.ui.history_label.text()
    qtbot.keyClick(dialog.ui.customer_edit, Qt.Key.Key_Return)
    assert "Pick the customer" in dialog.ui.customer_error.text()
    assert Incident.select().count() == 0


def test_a_bad_new_customer_phone_is_explained_by_the_service_in_place(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """The service's check of a new customer's phone shows under the customer fields, and
    the whole recovery is not saved (one transaction)."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Cold soup")
    qtbot.mouseClick(dialog.ui.new_customer_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.ui.new_phone_edit, "call me maybe")
    dialog.pick_preset(0)
    qtbot.keyClick(dialog.ui.new_phone_edit, Qt.Key.Key_Return)
    assert "phone number has digits" in dialog.ui.customer_error.text()
    assert Incident.select().count() == 0 and Customer.select().count() == 0


def test_an_empty_new_customer_is_said_with_the_other_problems_at_once(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """The new customer was checked only by the service, after every other field was
    right: a person fixed the description and the worth, pressed Enter, and only then
    heard that the customer needs a name."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.ui.new_customer_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.ui.value_edit, "abc")
    qtbot.keyClick(dialog.ui.value_edit, Qt.Key.Key_Return)
    assert dialog.ui.description_error.text().startswith("Enter the description")
    assert dialog.ui.value_error.text()
    assert dialog.ui.customer_error.text() == "Enter the customer's name, phone or e-mail."
    assert Incident.select().count() == 0 and Customer.select().count() == 0


def test_escape_cancels_without_saving_and_ctrl_n_needs_a_signed_in_person(
        qtbot: QtBot, counter_window: tuple[MainWindow, int]) -> None:
    """Escape closes the dialog unsaved; after sign-out Ctrl+N opens nothing."""
    window, _anna = counter_window
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Never mind")
    qtbot.keyClick(dialog.ui.description_edit, Qt.Key.Key_Escape)
    assert window.log_dialog is None and Incident.select().count() == 0
    window.sign_out()
    qtbot.keyClick(window.start_page.pin_edit, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier)
    assert window.log_dialog is None


def test_the_counter_lists_follow_ups_due_today_and_overdue(
        qtbot: QtBot, shop: Shop) -> None:
    """Follow-ups due today and earlier appear on the counter with their counts."""
    anna = shop.staff("Anna", 15000, 5000, pin=ANNA_PIN)
    now = datetime.now(UTC)
    for days_ago, name in ((3, "Due today"), (5, "Overdue")):  # the delay is 3 days
        recoveries.log_recovery(anna, earlier_incident(),
                                new_customer=CustomerInput(name=name),
                                now=now - timedelta(days=days_ago))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    page = window.counter_page.ui
    assert page.followups_label.text().startswith("1 due today, 1 overdue")
    assert [page.followups_tree.topLevelItem(i).text(1)
            for i in range(page.followups_tree.topLevelItemCount())] == ["Overdue", "Due today"]
    assert team.budget_status(anna, _this_month()).spent_minor == 0


def _this_month() -> object:
    from recoverydesk.core.months import month_of
    from recoverydesk.services import business
    return month_of(datetime.now(UTC).replace(tzinfo=None), business.get_settings().tz)


def test_without_any_active_category_the_dialog_says_so_instead_of_failing(
        qtbot: QtBot, shop: Shop) -> None:
    """If an owner deactivated every category, saving explains it next to the fields."""
    from recoverydesk.store.models import Category  # set-up only: a state the API refuses
    Category.update(active=False).execute()
    shop.staff("Anna", 15000, 5000, pin=ANNA_PIN)
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.ui.description_edit, "Cold soup")
    qtbot.keyClick(dialog.ui.description_edit, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert "no category" in dialog.ui.description_error.text()
    assert Incident.select().count() == 0
