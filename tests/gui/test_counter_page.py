"""The counter page: the budget bar and line, entries today, and the shell around it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from recoverydesk.services import business, catalog, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import Approval, GestureInput
from recoverydesk.store.db import database
from recoverydesk.store.models import Gesture, Incident
from tests.conftest import OWNER_PIN, Shop
from tests.gui.conftest import make_window, sign_in


def _incident() -> recoveries.IncidentInput:
    return recoveries.IncidentInput(catalog.list_categories()[0].id, "Earlier today")


def test_the_budget_bar_and_line_show_spent_allowance_and_what_is_left(
        qtbot: QtBot, shop: Shop) -> None:
    """A quarter spent fills a quarter of the bar; the line says spent of allowance and what
    is left, and the per-incident limit beside it."""
    anna = shop.staff("Anna", 10000, 4000, pin="2468")
    recoveries.log_recovery(anna, _incident(), gesture=GestureInput("refund", 2500))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    page = window.counter_page.ui
    assert page.budget_bar.value() == page.budget_bar.maximum() // 4
    assert page.budget_label.text() == "25,00\xa0€ spent of 100,00\xa0€: <b>75,00\xa0€ left</b>"
    assert page.limit_label.text() == "Up to 40,00\xa0€ per incident without approval"
    assert window.counter_page.ui.entries_tree.topLevelItem(0).text(3) == "25,00\xa0€"


def test_approved_spend_past_the_allowance_shows_as_over(qtbot: QtBot, shop: Shop) -> None:
    """Owner-approved spend beyond the allowance fills the bar and says how much over."""
    anna = shop.staff("Anna", 1000, 1000, pin="2468")
    recoveries.log_recovery(anna, _incident(), gesture=GestureInput("refund", 1500),
                            approval=Approval(shop.owner_id, OWNER_PIN))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    page = window.counter_page.ui
    assert page.budget_bar.value() == page.budget_bar.maximum()
    assert page.budget_bar.property("over") is True
    assert "<b>5,00\xa0€ over</b>" in page.budget_label.text()
    assert page.entries_tree.topLevelItem(0).text(3) == "15,00\xa0€ (approved)"


def test_an_owner_without_limits_sees_no_allowance(qtbot: QtBot, shop: Shop) -> None:
    """An owner with no budget limits sees their spend and "no monthly limit"."""
    boss = shop.staff("Boss", None, None, pin="9753", role="owner")
    recoveries.log_recovery(boss, _incident(), gesture=GestureInput("gift", 12345))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Boss", "9753")
    page = window.counter_page.ui
    assert page.budget_label.text() == "123,45\xa0€ spent this month: no monthly limit"
    assert page.limit_label.text() == "No per-incident limit"
    assert page.entries_group.title() == "My entries today: 1"


@pytest.mark.sqlite_only
def test_a_spend_edited_behind_the_apps_back_darkens_only_what_reads_it(
        qtbot: QtBot, shop: Shop, message_boxes: list[str]) -> None:
    """A cost typed as a word into the file: Anna still signs in (that used to fail with a
    message box), the budget line and her entries say why they cannot be shown, the typed
    cost's preview says it instead of a box per key, a gesture cannot be saved, and an
    incident without one still can."""
    anna = shop.staff("Anna", 10000, 4000, pin="2468")
    recoveries.log_recovery(anna, _incident(), gesture=GestureInput("refund", 2500))
    database.execute_sql("UPDATE gesture SET cost_minor = 'lots'")
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    assert window.person is not None and window.pages.currentWidget() is window.counter_page
    page = window.counter_page
    assert page.ui.budget_label.text().startswith(
        "The budget cannot be shown. An amount among the employee's gestures of the month is "
        "not a whole number of minor units")
    assert page.ui.budget_label.property("role") == "error"
    assert page.ui.limit_label.text() == ""
    assert page.entries_failure.text().startswith("An amount among the gestures of incident")
    assert not page.entries_failure.isHidden() and page.ui.entries_tree.topLevelItemCount() == 0
    assert page.followups_failure.isHidden()

    dialog = window.open_log_dialog()
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.description_edit, "Cold soup")
    qtbot.keyClicks(dialog.ui.cost_edit, "5")
    assert dialog.ui.preview_label.text().startswith("An amount among the employee's gestures")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.ui.general_error.text().startswith("An amount among the employee's gestures")
    dialog.ui.cost_edit.clear()
    dialog.save()
    assert not dialog.isVisible()
    assert message_boxes == []
    assert Incident.select().count() == 2 and Gesture.select().count() == 1


@pytest.mark.sqlite_only
def test_a_due_date_edited_into_no_date_empties_only_the_follow_ups(
        qtbot: QtBot, shop: Shop, message_boxes: list[str]) -> None:
    """An impossible due date (it sorts as overdue): the follow-ups list says why it is
    empty and drops its stale counts; the budget and entries show as usual."""
    anna = shop.staff("Anna", 10000, 4000, pin="2468")
    recoveries.log_recovery(anna, _incident(), new_customer=CustomerInput(name="Zofia"),
                            gesture=GestureInput("refund", 2500))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    page = window.counter_page
    database.execute_sql("UPDATE follow_up SET due_on = '2026-02-30'")
    page.refresh()
    assert page.followups_failure.text().startswith(
        "A stored follow up has a date that is not a calendar date in due_on ('2026-02-30')")
    assert page.ui.followups_tree.topLevelItemCount() == 0
    assert page.ui.followups_label.text() == ""
    assert page.ui.followups_group.title() == "Follow-ups due"
    assert page.ui.budget_label.text().startswith("25,00\xa0€ spent of 100,00\xa0€")
    assert page.entries_failure.isHidden() and page.ui.entries_tree.topLevelItemCount() == 1
    assert message_boxes == []


def test_an_overdue_follow_up_is_marked_as_on_the_follow_ups_page(
        qtbot: QtBot, shop: Shop) -> None:
    """The counter listed an overdue follow-up like one due today; the Follow-ups page says
    "· overdue". Here it says so too, in bold."""
    anna = shop.staff("Anna", 10000, 4000, pin="2468")
    delay = business.get_settings().followup_delay_days
    now = datetime.now(UTC)
    for name, days_ago in (("Zofia", delay + 3), ("Øyvind", delay)):
        recoveries.log_recovery(anna, _incident(), new_customer=CustomerInput(name=name),
                                now=now - timedelta(days=days_ago))
    window = make_window(qtbot)
    sign_in(qtbot, window, "Anna", "2468")
    tree = window.counter_page.ui.followups_tree
    rows = {tree.topLevelItem(i).text(1): tree.topLevelItem(i) for i in range(2)}
    assert rows["Zofia"].text(0).endswith(" · overdue") and rows["Zofia"].font(0).bold()
    assert rows["Øyvind"].text(0) == "today" and not rows["Øyvind"].font(0).bold()
