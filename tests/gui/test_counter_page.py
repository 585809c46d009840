"""The counter page: the budget bar and line, entries today, and the shell around it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from recoverydesk.services import catalog, recoveries
from recoverydesk.services.types import Approval, GestureInput
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
