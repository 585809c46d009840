"""GUI test helpers: a themed main window on the ``shop`` database, counted key presses,
and typing non-Latin text the way RECIPES.md shows (``keyClicks`` is ASCII only)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from recoverydesk.gui import clock, theme
from recoverydesk.gui.errors import install_excepthook
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.services import business


@pytest.fixture(autouse=True)
def light_theme(qapp: QApplication) -> Iterator[None]:
    theme.register_resources()
    theme.apply_theme(qapp, "light")
    yield


def make_window(qtbot: QtBot, inactivity_ms: int | None = None) -> MainWindow:
    window = MainWindow(business.business_info(), inactivity_ms=inactivity_ms)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def select_person(window: MainWindow, name: str) -> None:
    items = window.start_page.people_list.findItems(name, Qt.MatchFlag.MatchExactly)
    window.start_page.people_list.setCurrentItem(items[0])


def sign_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    select_person(window, name)
    window.start_page.pin_edit.clear()
    qtbot.keyClicks(window.start_page.pin_edit, pin)
    qtbot.keyClick(window.start_page.pin_edit, Qt.Key.Key_Return)


class Keyboard:
    """Sends key presses to whatever has focus and counts them (one per key chord)."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.presses = 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has keyboard focus"
        return widget

    def press(self, key: Qt.Key,
              modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.presses += 1
        self.qtbot.keyClick(self.focused(), key, modifier)

    def text(self, text: str) -> None:
        """The description text itself: not counted (the check is "N keys plus the text")."""
        type_unicode(self.focused(), text)


def type_unicode(widget: QWidget, text: str) -> None:
    """Type any text, one key event per character (works for non-ASCII, unlike keyClicks)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def commit_ime(widget: QWidget, text: str) -> None:
    """What a Chinese (or any) input method does: commit a whole string at once."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The app's hook for errors escaping Qt code, installed for the test, with the text of
    each message box it would open recorded instead (a modal box would stop the test)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: shown.append(a[2])))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_excepthook()
    return shown


@pytest.fixture
def gui_clock() -> Iterator[Callable[[datetime], None]]:
    """Set the window's clock (``gui.clock``); back to the wall clock after the test."""
    yield clock.set_now
    clock.set_now(None)
