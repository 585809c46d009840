"""The window fits a 1366×768 screen (issue 4) with every page an owner can open."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from recoverydesk.services import team
from tests.conftest import Shop
from tests.gui.conftest import make_window, sign_in

pytestmark = pytest.mark.sqlite_only


def test_an_owner_with_a_long_name_sees_every_page_at_1366_wide(qtbot: QtBot,
                                                                 shop: Shop) -> None:
    """Counter, Incidents, Follow-ups, Customers, Reports, Team, Settings and Audit log, the
    signed-in name and Switch user all fit in the top bar without widening the window."""
    team.add_employee(shop.owner_id, "Maximilian Łukasz-Øberg", "owner", "2580")
    window = make_window(qtbot)
    sign_in(qtbot, window, "Maximilian Łukasz-Øberg", "2580")
    qtbot.waitUntil(lambda: window.person is not None)
    assert all(button.isVisible() for button in window.owner_nav_buttons)
    assert window.minimumSizeHint().width() <= 1366
    window.resize(1366, 768)
    assert window.width() == 1366
    assert window.person_label.text().endswith("…")
    assert window.person_label.toolTip() == "Maximilian Łukasz-Øberg"
    assert "Maximilian Łukasz-Øberg" in window.status_label.text()
