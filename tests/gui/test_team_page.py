"""The Team page (owners only): employees with this month's use, adding and deactivating
people, budgets from a chosen month, PIN resets confirmed with the owner's PIN."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from recoverydesk.core.months import Month
from recoverydesk.gui.main_window import MainWindow
from recoverydesk.gui.pages.team_page import TeamPage
from recoverydesk.services import recoveries, reports, team
from recoverydesk.services.types import GestureInput
from recoverydesk.store.db import database
from recoverydesk.store.models import AuditEntry, BudgetChange
from tests.conftest import OWNER_PIN, T0, Shop
from tests.gui.conftest import make_window, sign_in


def owner_team_page(qtbot: QtBot) -> tuple[MainWindow, TeamPage]:
    window = make_window(qtbot)
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    qtbot.mouseClick(window.team_nav_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.team_page
    return window, window.team_page


def audit_count(action: str) -> int:
    return int(AuditEntry.select().where(AuditEntry.action == action).count())


def tree_row(page: TeamPage, name: str) -> list[str]:
    tree = page.ui.team_tree
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        assert item is not None
        if item.text(0) == name:
            return [item.text(c) for c in range(7)]
    raise AssertionError(f"{name} is not listed")


def test_staff_never_see_or_reach_team_and_settings(qtbot: QtBot, shop: Shop) -> None:
    """The owner-only buttons are hidden for staff (and their shortcuts do nothing); they
    appear for an owner and hide again when staff sign in after them."""
    shop.staff("Anna", 10000, 4000, pin="2468")
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    assert not window.team_nav_button.isVisible()
    assert not window.settings_nav_button.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_T,
                   Qt.KeyboardModifier.AltModifier)
    qtbot.wait(300)  # a shortcut's animated click would have landed by now
    window.show_team()
    window.show_settings()
    assert window.pages.currentWidget() is window.counter_page
    assert window._team_page is None and window._settings_page is None
    window.sign_out()
    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    assert window.team_nav_button.isVisible() and window.settings_nav_button.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window._settings_page)
    window.sign_out()
    sign_in(qtbot, window, "Anna", "2468")
    assert not window.team_nav_button.isVisible()
    window.show_settings()
    assert window.pages.currentWidget() is window.counter_page


def test_the_list_shows_allowance_limit_spent_remaining_and_a_use_bar(
        qtbot: QtBot, shop: Shop) -> None:
    """Each employee's row holds this month's figures in the business currency; the use bar
    is filled by the share spent."""
    anna = shop.staff("Anna", 10000, 4000, pin="2468")
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("refund", 2500))
    shop.staff("Boss", None, None, pin="9753", role="owner")
    _window, page = owner_team_page(qtbot)
    assert tree_row(page, "Anna") == ["Anna", "Staff", "yes", "100,00\xa0€", "40,00\xa0€",
                                      "25,00\xa0€", "75,00\xa0€"]
    assert tree_row(page, "Boss")[3:7] == ["no limit", "no limit", "0,00\xa0€", "no limit"]
    page.select("Anna")
    item = page.ui.team_tree.currentItem()
    bar = page.ui.team_tree.itemWidget(item, 7)
    assert bar.value() == bar.maximum() // 4


def test_add_an_employee_and_bad_input_is_said_in_place(qtbot: QtBot, shop: Shop) -> None:
    """Mismatched PINs, a short PIN, an empty or taken name each get a message next to the
    field and add nobody; good input adds them (audited) and they can sign in."""
    window, page = owner_team_page(qtbot)
    ui = page.ui
    before = len(team.list_employees(include_inactive=True))

    def attempt(name: str, pin: str, again: str) -> None:
        for edit, text in ((ui.new_name_edit, name), (ui.new_pin_edit, pin),
                           (ui.new_pin_again_edit, again)):
            edit.setText(text)
        qtbot.mouseClick(ui.add_button, Qt.MouseButton.LeftButton)

    attempt("Bruno", "1357", "1358")
    assert "differ" in ui.new_pin_message.text() and ui.new_pin_message.isVisible()
    attempt("Bruno", "12", "12")
    assert ui.new_pin_message.text() == "A PIN has 4 to 8 digits."
    attempt("   ", "1357", "1357")
    assert ui.new_name_message.isVisible() and ui.new_name_message.text()
    attempt("olga owner", "1357", "1357")
    assert "already an employee" in ui.new_name_message.text()
    assert len(team.list_employees(include_inactive=True)) == before
    attempt("Bruno", "1357", "1357")
    assert not ui.new_pin_message.isVisible() and not ui.new_name_message.isVisible()
    assert "Bruno was added" in ui.add_message.text()
    assert page.selected() is not None and page.selected().name == "Bruno"
    assert audit_count("employee.add") == before + 1
    window.sign_out()
    sign_in(qtbot, window, "Bruno", "1357")
    assert window.person is not None and window.person.name == "Bruno"


def test_deactivate_reactivate_and_the_last_owner_is_kept(qtbot: QtBot, shop: Shop) -> None:
    """Deactivating takes someone off the sign-in list (audited); the last active owner
    cannot be deactivated, said in place."""
    shop.staff("Anna", 10000, 4000, pin="2468")
    _window, page = owner_team_page(qtbot)
    page.select("Anna")
    qtbot.mouseClick(page.ui.active_button, Qt.MouseButton.LeftButton)
    assert tree_row(page, "Anna")[2] == "no"
    assert "no longer sign in" in page.ui.active_message.text()
    assert [e.name for e in team.list_employees()] == ["Olga Owner"]
    assert audit_count("employee.deactivate") == 1
    assert page.ui.active_button.text() == "Re&activate"
    qtbot.mouseClick(page.ui.active_button, Qt.MouseButton.LeftButton)
    assert tree_row(page, "Anna")[2] == "yes"
    page.select("Olga Owner")
    qtbot.mouseClick(page.ui.active_button, Qt.MouseButton.LeftButton)
    assert page.ui.active_message.text() == "The last active owner cannot be deactivated."
    assert page.ui.active_message.property("role") == "error"
    assert tree_row(page, "Olga Owner")[2] == "yes"


def test_budget_from_next_month_leaves_this_month_unchanged(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """Raising Anna's budget from next month (the default) keeps this month's report
    figures, her counter bar and line, and her Team row as they were; next month has the new
    allowance, and the history lists both changes."""
    gui_clock(T0)
    anna = shop.staff("Anna", 10000, 4000, pin="2468")
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("refund", 2500),
                            now=T0)
    march = Month(2026, 3)
    figures_before = reports.month_figures(march, now=T0)
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    counter = window.counter_page.ui
    bar_before, line_before = counter.budget_bar.value(), counter.budget_label.text()
    window.sign_out()

    sign_in(qtbot, window, "Olga Owner", OWNER_PIN)
    window.show_team()
    page = window.team_page
    row_before = tree_row(page, "Anna")
    page.select("Anna")
    assert page.ui.from_month_combo.currentData() == "2026-04"  # next month by default
    page.ui.allowance_edit.setText("200")
    page.ui.limit_edit.setText("60,50")
    qtbot.mouseClick(page.ui.budget_button, Qt.MouseButton.LeftButton)
    assert "in force from April 2026" in page.ui.budget_message.text()
    entry = (AuditEntry.select().where(AuditEntry.action == "budget.set")
             .order_by(AuditEntry.seq.desc()).get())
    assert (entry.actor, entry.entity_id) == (shop.owner_id, anna)
    assert json.loads(entry.details)["from_month"] == "2026-04"

    assert tree_row(page, "Anna") == row_before
    assert reports.month_figures(march, now=T0) == figures_before
    april = team.budget_status(anna, Month(2026, 4))
    assert (april.allowance_minor, april.per_incident_limit_minor) == (20000, 6050)
    history = page.ui.history_tree
    assert [(history.topLevelItem(i).text(1), history.topLevelItem(i).text(3))
            for i in range(history.topLevelItemCount())] == [
        ("200,00\xa0€", "planned"), ("100,00\xa0€", "in force now")]
    window.sign_out()
    sign_in(qtbot, window, "Anna", "2468")
    assert (counter.budget_bar.value(), counter.budget_label.text()) == (bar_before,
                                                                           line_before)


def test_bad_budget_amounts_are_refused_in_place(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """Letters, a negative amount, too many decimals or an empty field each get a message
    under that field, and no budget change is written."""
    gui_clock(T0)
    shop.staff("Anna", 10000, 4000, pin="2468")
    _window, page = owner_team_page(qtbot)
    page.select("Anna")
    changes = BudgetChange.select().count()
    for allowance, limit in (("abc", "10"), ("-5", "10"), ("12,345", "10"), ("50", ""),
                             ("9999999999", "1")):
        page.ui.allowance_edit.setText(allowance)
        page.ui.limit_edit.setText(limit)
        qtbot.mouseClick(page.ui.budget_button, Qt.MouseButton.LeftButton)
        shown = [label for label in (page.ui.allowance_message, page.ui.limit_message)
                 if label.isVisible()]
        assert shown and all(label.text() for label in shown), (allowance, limit)
        assert page.ui.limit_message.isVisible() == (limit == "")
    assert BudgetChange.select().count() == changes


def test_an_owner_may_have_no_limit_but_staff_may_not(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """"No limit" is offered for owners only."""
    gui_clock(T0)
    shop.staff("Anna", 10000, 4000, pin="2468")
    boss = shop.staff("Boss", 5000, 5000, pin="9753", role="owner")
    _window, page = owner_team_page(qtbot)
    page.select("Anna")
    assert page.ui.no_limit_check.isHidden()
    page.select("Boss")
    assert not page.ui.no_limit_check.isHidden()
    page.ui.no_limit_check.setChecked(True)
    qtbot.mouseClick(page.ui.budget_button, Qt.MouseButton.LeftButton)
    status = team.budget_status(boss, Month(2026, 4))
    assert (status.allowance_minor, status.per_incident_limit_minor) == (None, None)


def test_pin_reset_asks_the_owners_pin(qtbot: QtBot, shop: Shop) -> None:
    """A wrong owner PIN is refused in place and changes nothing; the right one sets the new
    PIN, which then signs in (the old one no longer does)."""
    shop.staff("Anna", 10000, 4000, pin="2468")
    window, page = owner_team_page(qtbot)
    ui = page.ui
    page.select("Anna")
    ui.reset_pin_edit.setText("97531")
    ui.reset_pin_again_edit.setText("97530")
    ui.owner_pin_edit.setText(OWNER_PIN)
    qtbot.mouseClick(ui.reset_pin_button, Qt.MouseButton.LeftButton)
    assert "differ" in ui.reset_pin_message.text()
    ui.reset_pin_again_edit.setText("97531")
    ui.owner_pin_edit.setText("0000")
    qtbot.mouseClick(ui.reset_pin_button, Qt.MouseButton.LeftButton)
    assert ui.owner_pin_message.text().startswith("Wrong PIN.")
    assert ui.owner_pin_edit.text() == ""
    assert audit_count("employee.pin_change") == 0
    ui.owner_pin_edit.setText(OWNER_PIN)
    qtbot.mouseClick(ui.reset_pin_button, Qt.MouseButton.LeftButton)
    assert ui.owner_pin_message.text() == "Anna has a new PIN."
    assert audit_count("employee.pin_change") == 1
    window.sign_out()
    sign_in(qtbot, window, "Anna", "2468")
    assert window.person is None
    sign_in(qtbot, window, "Anna", "97531")
    assert window.person is not None and window.person.name == "Anna"


@pytest.mark.sqlite_only
def test_a_team_that_cannot_be_read_is_said_under_the_month(
        qtbot: QtBot, shop: Shop, message_boxes: list[str],
        gui_clock: Callable[[datetime], None]) -> None:
    """A cost typed as a word into the file: the Team page says why its list is empty,
    instead of a message box at every visit; once mended, a refresh lists everyone."""
    gui_clock(T0)
    anna = shop.staff("Anna", 10000, 4000)
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 500), now=T0)
    database.execute_sql("UPDATE gesture SET cost_minor = 'lots'")
    _window, page = owner_team_page(qtbot)
    assert page.list_failure.text().startswith(
        "An amount among the employee's gestures of the month is not a whole number")
    assert not page.list_failure.isHidden()
    assert page.ui.team_tree.topLevelItemCount() == 0 and message_boxes == []
    database.execute_sql("UPDATE gesture SET cost_minor = 500")
    page.refresh()
    assert page.list_failure.isHidden() and page.ui.team_tree.topLevelItemCount() == 2


def test_a_new_hire_gets_this_months_budget_and_old_messages_go(
        qtbot: QtBot, shop: Shop, gui_clock: Callable[[datetime], None]) -> None:
    """Three things an owner met hiring mid-month:
    - "أميرة was added." showed right-aligned as ".was added أميرة" (Qt took the line's
      direction from the name's first letter);
    - the budget form offered next month, so the new hire had 0,00 left this month;
    - an earlier "Saved: in force from …" stayed up beside the next action's errors."""
    gui_clock(T0)
    shop.staff("Anna", 10000, 4000, pin="2468")
    _window, page = owner_team_page(qtbot)
    ui = page.ui
    page.select("Anna")
    ui.allowance_edit.setText("120")
    qtbot.mouseClick(ui.budget_button, Qt.MouseButton.LeftButton)
    assert "Saved" in ui.budget_message.text()

    ui.new_name_edit.setText("أميرة حداد")
    for edit in (ui.new_pin_edit, ui.new_pin_again_edit):
        edit.setText("13")
    qtbot.mouseClick(ui.add_button, Qt.MouseButton.LeftButton)
    assert ui.new_pin_message.isVisible() and not ui.budget_message.isVisible()

    for edit in (ui.new_pin_edit, ui.new_pin_again_edit):
        edit.setText("1357")
    ui.new_name_edit.setText("أميرة حداد")
    qtbot.mouseClick(ui.add_button, Qt.MouseButton.LeftButton)
    said = ui.add_message.text()
    assert said == "\u200eأميرة حداد was added. Set their budget on the right."

    assert page.selected() is not None and page.selected().name == "أميرة حداد"
    assert ui.from_month_combo.currentData() == "2026-03"  # this month: nothing yet
    ui.allowance_edit.setText("80")
    ui.limit_edit.setText("20")
    qtbot.mouseClick(ui.budget_button, Qt.MouseButton.LeftButton)
    hired = page.selected()
    assert hired is not None
    status = team.budget_status(hired.id, Month(2026, 3))
    assert (status.allowance_minor, status.per_incident_limit_minor) == (8000, 2000)
    page.select("Anna")  # someone with a budget: changes go from next month, as before
    assert ui.from_month_combo.currentData() == "2026-04"
