"""The signed-out start page, driven through real widgets on a real database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from recoverydesk.gui.main_window import MainWindow
from recoverydesk.services import business
from tests.conftest import OWNER_PIN, Shop


def make_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(business.business_info())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def select(window: MainWindow, name: str) -> None:
    items = window.start_page.people_list.findItems(name, Qt.MatchFlag.MatchExactly)
    window.start_page.people_list.setCurrentItem(items[0])


def test_start_page_lists_active_people_and_the_business(qtbot: QtBot, shop: Shop) -> None:
    shop.staff("Łucja Zażółć", 1000, 500)
    window = make_window(qtbot)
    names = [window.start_page.people_list.item(i).text()
             for i in range(window.start_page.people_list.count())]
    assert names == ["Olga Owner", "Łucja Zażółć"]
    assert "Café Zażółć" in window.windowTitle()


def test_wrong_pin_says_so_in_place_and_right_pin_signs_in(qtbot: QtBot, shop: Shop) -> None:
    shop.staff("Anna", 15000, 5000, pin="2468")
    window = make_window(qtbot)
    select(window, "Anna")
    qtbot.keyClicks(window.start_page.pin_edit, "1111")
    qtbot.keyClick(window.start_page.pin_edit, Qt.Key.Key_Return)
    assert "Wrong PIN" in window.start_page.message_label.text()
    assert window.pages.currentWidget() is window.start_page
    assert window.start_page.pin_edit.text() == ""

    qtbot.keyClicks(window.start_page.pin_edit, "2468")
    qtbot.keyClick(window.start_page.pin_edit, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.signed_in_page
    assert "Anna" in window.signed_in_page.greeting_label.text()
    assert "150,00\xa0€" in window.signed_in_page.budget_label.text()
    qtbot.mouseClick(window.signed_in_page.sign_out_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.start_page


def test_the_pin_field_takes_digits_only(qtbot: QtBot, shop: Shop) -> None:
    window = make_window(qtbot)
    qtbot.keyClicks(window.start_page.pin_edit, "12ab34'; --")
    assert window.start_page.pin_edit.text() == "1234"
    select(window, "Olga Owner")
    window.start_page.pin_edit.clear()
    qtbot.keyClicks(window.start_page.pin_edit, OWNER_PIN)
    qtbot.mouseClick(window.start_page.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.signed_in_page
