"""Sign-in, lockout, switching user and auto sign-out, through real widgets on a real
database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recoverydesk.services import counter
from tests.conftest import OWNER_PIN, Shop
from tests.gui.conftest import make_window, select_person, sign_in, type_unicode


def test_start_page_lists_active_people_and_the_business(qtbot: QtBot, shop: Shop) -> None:
    """Every active employee is listed by name (any script); the title names the business."""
    shop.staff("Łucja Zażółć", 1000, 500)
    window = make_window(qtbot)
    names = [window.start_page.people_list.item(i).text()
             for i in range(window.start_page.people_list.count())]
    assert names == ["Olga Owner", "Łucja Zażółć"]
    assert "Café Zażółć" in window.windowTitle()
    assert window.start_page.ui.business_label.text() == "Café Zażółć"


def test_wrong_pin_says_so_in_place_and_right_pin_opens_the_counter(qtbot: QtBot,
                                                                     shop: Shop) -> None:
    """A wrong PIN is said under the PIN field and cleared; the right one opens the counter
    with the person's budget; Switch user goes back to the start page."""
    shop.staff("Anna", 15000, 5000, pin="2468")
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "1111")
    assert "Wrong PIN" in window.start_page.message_label.text()
    assert window.start_page.message_label.isVisible()
    assert window.pages.currentWidget() is window.start_page
    assert window.start_page.pin_edit.text() == ""

    sign_in(qtbot, window, "Anna", "2468")
    assert window.pages.currentWidget() is window.counter_page
    assert window.counter_page.ui.greeting_label.text() == "Anna"
    assert "150,00\xa0€" in window.counter_page.ui.budget_label.text()
    assert window.person_label.text() == "Anna"
    assert "Signed in: Anna" in window.status_label.text()


def test_an_empty_pin_asks_for_it_without_counting_a_failure(qtbot: QtBot, shop: Shop) -> None:
    """Enter on an empty PIN asks for the PIN; it is not a wrong PIN."""
    shop.staff("Anna", 15000, 5000, pin="2468")
    window = make_window(qtbot)
    select_person(window, "Anna")
    qtbot.keyClick(window.start_page.pin_edit, Qt.Key.Key_Return)
    assert "Type your PIN" in window.start_page.message_label.text()
    sign_in(qtbot, window, "Anna", "1111")
    assert "4 more wrong PINs" in window.start_page.message_label.text()


def test_the_pin_field_takes_digits_only(qtbot: QtBot, shop: Shop) -> None:
    """Letters, quotes and non-Latin digits-lookalikes never reach the PIN."""
    window = make_window(qtbot)
    qtbot.keyClicks(window.start_page.pin_edit, "12ab34'; --")
    type_unicode(window.start_page.pin_edit, "ż漢")
    assert window.start_page.pin_edit.text() == "1234"
    select_person(window, "Olga Owner")
    window.start_page.pin_edit.clear()
    qtbot.keyClicks(window.start_page.pin_edit, OWNER_PIN)
    qtbot.mouseClick(window.start_page.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.counter_page


def test_five_wrong_pins_lock_with_the_time_left_even_for_the_right_pin(
        qtbot: QtBot, shop: Shop) -> None:
    """After five wrong PINs the page says the person is locked and for how long; the right
    PIN is then refused too, and nothing crashes."""
    shop.staff("Anna", 15000, 5000, pin="2468")
    window = make_window(qtbot)
    for _ in range(5):
        sign_in(qtbot, window, "Anna", "0000")
    message = window.start_page.message_label.text()
    assert "locked" in message and "try again in 5 minutes" in message
    sign_in(qtbot, window, "Anna", "2468")
    assert "locked" in window.start_page.message_label.text()
    assert window.pages.currentWidget() is window.start_page


def test_switch_user_is_one_click_and_the_next_person_sees_their_own_counter(
        qtbot: QtBot, shop: Shop) -> None:
    """Switch user returns to the start page at once; the next person sees their name and
    budget, not the previous person's."""
    shop.staff("Anna", 15000, 5000, pin="2468")
    shop.staff("Иван Петров", 8000, 2000, pin="1357")
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    assert window.switch_user_button.isVisible()
    qtbot.mouseClick(window.switch_user_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_page
    assert not window.log_action.isEnabled()
    sign_in(qtbot, window, "Иван Петров", "1357")
    assert window.counter_page.ui.greeting_label.text() == "Иван Петров"
    assert "80,00\xa0€" in window.counter_page.ui.budget_label.text()


def test_auto_sign_out_after_inactivity_closes_the_dialog_unsaved(qtbot: QtBot,
                                                                  shop: Shop) -> None:
    """With no key or mouse input for the inactivity time, the window signs out, and an
    open recovery dialog is closed without saving anything."""
    anna = shop.staff("Anna", 15000, 5000, pin="2468")
    window = make_window(qtbot, inactivity_ms=400)
    sign_in(qtbot, window, "Anna", "2468")
    dialog = window.open_log_dialog()
    assert dialog is not None
    results: list[int] = []
    dialog.finished.connect(results.append)
    dialog.ui.description_edit.setPlainText("Half-typed")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.start_page, timeout=3000)
    assert results == [0] and window.log_dialog is None  # rejected, then let go
    assert counter.my_entries_today(anna) == []
    assert window.status_label.text() == "Signed out"


def test_typing_keeps_the_session_alive(qtbot: QtBot, shop: Shop) -> None:
    """Each key press reaching the window (as real input does) restarts the countdown,
    in the recovery dialog too."""
    shop.staff("Anna", 15000, 5000, pin="2468")
    window = make_window(qtbot, inactivity_ms=1500)  # margin for a loaded machine
    sign_in(qtbot, window, "Anna", "2468")
    for _ in range(4):  # 4 × 300 ms + 4 × 300 ms > 1500 ms, never 1500 ms without a key
        qtbot.wait(300)
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
    dialog = window.open_log_dialog()
    assert dialog is not None
    for _ in range(4):
        qtbot.wait(300)
        qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert window.log_dialog is dialog
    assert window.pages.currentWidget() is window.counter_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.start_page, timeout=3000)
