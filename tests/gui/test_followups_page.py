"""The Follow-ups page on a real SQLite file: its order, marking done with outcome, note and
"came back", agreement with the counter, and due dates turning at Berlin's midnight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recoverydesk.gui.main_window import MainWindow
from recoverydesk.services import incidents, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.store.db import database
from recoverydesk.store.models import FollowUp, ReturnVisit
from tests.conftest import T0, Shop
from tests.gui.conftest import make_window, sign_in, type_unicode

ANNA_PIN = "2468"


def counter_due(window: MainWindow) -> str:
    window.counter_nav_button.click()
    return window.counter_page.ui.followups_group.title()


def test_due_ones_first_then_upcoming_and_marking_done_records_the_visit(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """Overdue, today, then upcoming; the page and the counter give the same due count.
    Marking the overdue one done as "happy" with a note and "came back" stores all three and
    a return visit today; both counts drop by one."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    ids = []
    for n, name in enumerate(("Zofia", "王小明", "Åsa")):  # due the 13th, 14th, 15th
        logged = recoveries.log_recovery(anna, shop.incident(f"Case {n}"), now=T0 + timedelta(
            days=n), new_customer=CustomerInput(name=name))
        ids.append(logged.followup_id)
    gui_clock(datetime(2026, 3, 14, 9, 0, tzinfo=UTC))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    assert counter_due(window) == "Follow-ups due: 2"
    window.followups_nav_button.click()
    page = window.followups_page
    tree = page.ui.followups_tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [r.text(1) for r in rows] == ["Zofia", "王小明", "Åsa"]
    assert rows[0].text(0).endswith("overdue") and rows[1].text(0) == "today"
    # Rows as tall as the Incidents table's, to be read at the counter (they were 18 px).
    assert tree.visualItemRect(rows[0]).height() >= 28
    assert rows[2].text(0).endswith("upcoming")
    assert page.ui.summary_label.text().startswith("<b>2 due</b> (1 overdue, 1 today)")

    page.select_followup(ids[0])
    page.ui.outcome_combo.setCurrentIndex(page.ui.outcome_combo.findData("happy"))
    page.ui.note_edit.setFocus()
    type_unicode(page.ui.note_edit, "Przyszła z mamą")
    page.ui.came_back_check.setChecked(True)
    page.ui.done_button.click()

    done = FollowUp.get_by_id(ids[0])
    assert (done.outcome, done.note, done.done_by_id) == ("happy", "Przyszła z mamą", anna)
    [visit] = list(ReturnVisit.select())
    assert (visit.visited_on, visit.followup_id) == (date(2026, 3, 14), ids[0])
    assert page.ui.followups_tree.topLevelItemCount() == 2
    assert "Done: Zofia." in page.ui.message_label.text()
    assert counter_due(window) == "Follow-ups due: 1"


def test_due_states_turn_at_berlin_midnight_on_the_page_and_the_counter(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """Due on the 14th: upcoming at 23:59 Berlin on the 13th (22:59 UTC), due today one
    minute later although UTC is still on the 13th, overdue at 00:00 on the 15th; the
    counter's count follows the same clock."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    recoveries.log_recovery(anna, shop.incident("Soup"), new_customer=CustomerInput(
        name="Guest"), now=datetime(2026, 3, 11, 9, 0, tzinfo=UTC))
    gui_clock(datetime(2026, 3, 13, 22, 59, tzinfo=UTC))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    seen = []
    for moment in (datetime(2026, 3, 13, 22, 59, tzinfo=UTC),
                   datetime(2026, 3, 13, 23, 0, tzinfo=UTC),
                   datetime(2026, 3, 14, 23, 0, tzinfo=UTC)):
        gui_clock(moment)
        due = counter_due(window)
        window.followups_nav_button.click()
        first = window.followups_page.ui.followups_tree.topLevelItem(0)
        seen.append((first.text(0).split(" · ")[-1], due))
    assert seen == [("upcoming", "Follow-ups due: 0"), ("today", "Follow-ups due: 1"),
                    ("overdue", "Follow-ups due: 1")]


def test_an_anonymous_incident_cannot_record_a_visit_and_a_refusal_is_said_in_place(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """Without a customer "came back" is disabled; a note with a control character is
    refused next to the button and the follow-up stays open."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    logged = recoveries.log_recovery(anna, shop.incident("No name given"), now=T0)
    followup = incidents.add_followup(anna, logged.incident_id, date(2026, 3, 10), now=T0)
    gui_clock(T0)
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    window.followups_nav_button.click()
    page = window.followups_page
    assert page.ui.followups_tree.topLevelItem(0).text(1) == "(no customer)"
    assert not page.ui.came_back_check.isEnabled()
    page.ui.note_edit.setText("bad \x07 bell")
    page.ui.done_button.click()
    assert "control character" in page.ui.message_label.text()
    assert FollowUp.get_by_id(followup).done_at is None


def test_alt_keys_reach_each_page_and_the_counter_button_comes_back_checked(
        qtbot: QtBot, shop: Shop) -> None:
    """Alt+I, Alt+F and Alt+U open Incidents, Follow-ups and Customers; one navigation
    button is checked at a time; signing in again starts at the counter."""
    shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    for key, page, button in ((Qt.Key.Key_I, "incidents_page", window.incidents_nav_button),
                              (Qt.Key.Key_F, "followups_page", window.followups_nav_button),
                              (Qt.Key.Key_U, "customers_page", window.customers_nav_button)):
        qtbot.keyClick(QApplication.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda page=page: window.pages.currentWidget()
                        is getattr(window, page))  # the button's shortcut animates a click
        assert [b for b in window.nav_group.buttons() if b.isChecked()] == [button]
    window.sign_out()
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    assert window.pages.currentWidget() is window.counter_page
    assert window.counter_nav_button.isChecked()


@pytest.mark.sqlite_only
def test_a_list_that_cannot_be_read_is_said_on_the_page(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None],
        message_boxes: list[str]) -> None:
    """A due date typed as a word into the file: the page says why its list is empty,
    with nothing to mark done, instead of a message box at every visit."""
    anna = shop.staff("Anna", 10000, 4000, pin=ANNA_PIN)
    recoveries.log_recovery(anna, shop.incident("Cold soup"), now=T0,
                            new_customer=CustomerInput(name="Zofia"))
    database.execute_sql("UPDATE follow_up SET due_on = 'soon'")
    gui_clock(datetime(2026, 3, 14, 9, 0, tzinfo=UTC))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", ANNA_PIN)
    window.followups_nav_button.click()
    page = window.followups_page
    assert page.ui.message_label.text().startswith(
        "A stored follow up has a date that is not a calendar date in due_on ('soon')")
    assert not page.ui.message_label.isHidden()
    assert page.ui.followups_tree.topLevelItemCount() == 0
    assert not page.ui.done_group.isEnabled()
    assert message_boxes == []
