"""Shared fixtures: a real business in a real SQLite file in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from recoverydesk.core.months import Month
from recoverydesk.services import business, catalog, team
from recoverydesk.services.recoveries import IncidentInput

TEST_PIN_COST = 4  # scrypt N = 16: fast tests; the shop default is far slower
OWNER_PIN = "4711"
T0 = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)  # 12:00 in Berlin, mid-month


@dataclass
class Shop:
    """A freshly set-up business, open; helpers to add staff with budgets."""

    path: Path
    owner_id: int
    recovery_key: str
    category_id: int

    def staff(self, name: str, allowance: int | None, limit: int | None, pin: str = "1234",
              role: str = "staff", month: Month = Month(2026, 3)) -> int:
        employee = team.add_employee(self.owner_id, name, role, pin, now=T0)
        team.set_budget(self.owner_id, employee.id, month, allowance, limit, now=T0)
        return employee.id

    def incident(self, description: str = "Cold soup") -> IncidentInput:
        return IncidentInput(category_id=self.category_id, description=description)


def make_shop(path: Path, timezone: str = "Europe/Berlin", currency: str = "EUR",
              locale: str = "de_DE") -> Shop:
    result = business.setup_business(
        path, name="Café Zażółć", currency=currency, locale=locale, timezone=timezone,
        owner_name="Olga Owner", owner_pin=OWNER_PIN, pin_cost=TEST_PIN_COST,
        now=datetime(2026, 1, 2, 9, 0, tzinfo=UTC))
    category_id = catalog.list_categories()[0].id
    return Shop(path, result.owner_id, result.recovery_key, category_id)


@pytest.fixture(autouse=True)
def _user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default data, backup and log folders inside the test's tmp_path, never the real ones."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Shop]:
    """An open business (Europe/Berlin, EUR, de_DE) in ``tmp_path/shop.db``."""
    created = make_shop(tmp_path / "shop.db")
    yield created
    business.close_business()
