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


PG_URL = os.environ.get("RECOVERYDESK_TEST_PG")  # tools/dev.py test starts a server and sets it
PG_SKIP = ("PostgreSQL tests need a server: set RECOVERYDESK_TEST_PG=postgresql://user:password@"
           "host/database (tools/dev.py test starts a throw-away one)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses a database (the ``engine`` fixture, through ``shop``) runs on
    SQLite and on PostgreSQL, except SQLite-file tests (``sqlite_only``) and the GUI, whose
    pages only call the services that are tested on both."""
    if "engine" not in metafunc.fixturenames:
        return
    sqlite_only = (metafunc.definition.get_closest_marker("sqlite_only") is not None
                   or "gui" in metafunc.definition.path.parts)
    metafunc.parametrize("engine", ["sqlite"] if sqlite_only else ["sqlite", "postgresql"],
                         indirect=True)


def reset_postgres(url: str) -> None:
    """An empty database for the next test: dropping the schema is faster than a new db."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute("DROP SCHEMA public CASCADE")
        con.execute("CREATE SCHEMA public")


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    engine_name: str = getattr(request, "param", "sqlite")
    if engine_name == "postgresql" and not PG_URL:
        pytest.skip(PG_SKIP)
    return engine_name


@pytest.fixture
def db_target(engine: str, tmp_path: Path) -> str:
    """Where a test's business lives: a new SQLite file, or the emptied PostgreSQL database."""
    if engine == "postgresql":
        assert PG_URL is not None
        reset_postgres(PG_URL)
        return PG_URL
    return str(tmp_path / "shop.db")


@dataclass
class Shop:
    """A freshly set-up business, open; helpers to add staff with budgets.

    ``target`` is what ``open_business`` takes on either engine; ``path`` is the SQLite file.
    """

    target: str
    owner_id: int
    recovery_key: str
    category_id: int

    @property
    def path(self) -> Path:
        assert not self.target.startswith("postgresql:"), "an SQLite-file test: sqlite_only"
        return Path(self.target)

    def staff(self, name: str, allowance: int | None, limit: int | None, pin: str = "1234",
              role: str = "staff", month: Month = Month(2026, 3)) -> int:
        employee = team.add_employee(self.owner_id, name, role, pin, now=T0)
        team.set_budget(self.owner_id, employee.id, month, allowance, limit, now=T0)
        return employee.id

    def incident(self, description: str = "Cold soup") -> IncidentInput:
        return IncidentInput(category_id=self.category_id, description=description)


def one_line(text: str) -> str:
    """The only line of ``text`` (a command's stderr): errors are one line (SPEC §8)."""
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


def make_shop(path: Path | str, timezone: str = "Europe/Berlin", currency: str = "EUR",
              locale: str = "de_DE") -> Shop:
    result = business.setup_business(
        path, name="Café Zażółć", currency=currency, locale=locale, timezone=timezone,
        owner_name="Olga Owner", owner_pin=OWNER_PIN, pin_cost=TEST_PIN_COST,
        now=datetime(2026, 1, 2, 9, 0, tzinfo=UTC))
    category_id = catalog.list_categories()[0].id
    return Shop(str(path), result.owner_id, result.recovery_key, category_id)


def sql(text: str) -> str:
    """Raw SQL written with ``?`` placeholders, in the open database's parameter style."""
    from recoverydesk.store.db import database

    return text.replace("?", database.param)


@pytest.fixture(autouse=True)
def _user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default data, backup and log folders inside the test's tmp_path, never the real ones."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))


@pytest.fixture
def shop(db_target: str) -> Iterator[Shop]:
    """An open business (Europe/Berlin, EUR, de_DE) in ``tmp_path/shop.db`` or on PostgreSQL."""
    created = make_shop(db_target)
    yield created
    business.close_business()
