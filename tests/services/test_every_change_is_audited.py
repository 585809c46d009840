"""Every transaction the app commits that changes business data also appends to the audit
log (SPEC §3, §9).

Beyond the audit trail itself, the reports rely on it: ``store.side_read`` takes the same
audit head in two snapshots as proof that no commit came between them. So this watches the
SQL itself (SQLite's trace callback) while a demo business is built through the services
and while the services the demo does not use run, and names any transaction that wrote
without an audit entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest

from recoverydesk.core.months import Month
from recoverydesk.errors import AuthenticationError
from recoverydesk.services import (
    auth,
    business,
    catalog,
    customer_records,
    customers,
    incidents,
    recoveries,
    team,
)
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.demo import build_demo
from recoverydesk.services.types import GestureInput
from recoverydesk.store import db as store_db
from tests.conftest import OWNER_PIN, T0, make_shop

# Only a schema migration (it records its step in schema_version) writes without an entry
# of its own: an upgrade is audited once it is done (business.open_business).
MIGRATION = "schema_version"
_WRITE = re.compile(r'\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)'
                    r'\s+"?(\w+)"?', re.IGNORECASE)


@dataclass
class Transaction:
    first: str
    tables: set[str] = field(default_factory=set)
    audited: bool = False


@dataclass
class Watch:
    """The write transactions seen on the connections opened while it watches."""

    done: list[Transaction] = field(default_factory=list)
    open: Transaction | None = None

    def statement(self, sql: str) -> None:
        word = sql.lstrip()[:8].upper()
        if word.startswith("BEGIN"):
            self.open = Transaction(sql.strip()[:80])
        elif word.startswith(("COMMIT", "END")):
            if self.open is not None:
                self.done.append(self.open)
            self.open = None
        elif word.startswith("ROLLBACK"):
            self.open = None
        elif match := _WRITE.match(sql):
            transaction = self.open or Transaction("(no BEGIN) " + sql.strip()[:80])
            if match.group(1) == "audit_entry":
                transaction.audited = True
            else:
                transaction.tables.add(match.group(1))
            if self.open is None:
                self.done.append(transaction)

    def unaudited(self) -> list[Transaction]:
        return [t for t in self.done
                if t.tables - {"audit_head"} and MIGRATION not in t.tables and not t.audited]


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch) -> Iterator[Watch]:
    seen = Watch()
    connect = store_db.connect

    def watched_connect(*args: object, **kwargs: object) -> object:
        opened = connect(*args, **kwargs)  # type: ignore[arg-type]
        opened.connection().set_trace_callback(seen.statement)
        return opened

    monkeypatch.setattr(store_db, "connect", watched_connect)
    yield seen


def test_building_the_demo_audits_every_change(watch: Watch, tmp_path: Path) -> None:
    """Set-up, staff, budgets, recoveries, gestures, approvals, voids, follow-ups, return
    visits, lost marks and an erasure, as the demo writes them."""
    build_demo(tmp_path / "demo.db", months=3, end_month=Month(2026, 10),
               today=date(2026, 11, 20), pin_cost=4)
    assert len(watch.done) > 300
    assert watch.unaudited() == []


def test_the_services_the_demo_leaves_out_audit_every_change(watch: Watch,
                                                            tmp_path: Path) -> None:
    shop = make_shop(tmp_path / "shop.db")
    try:
        anna = team.add_employee(shop.owner_id, "Anna", "staff", "1234", now=T0).id
        team.set_budget(shop.owner_id, anna, Month(2026, 3), 5000, 3000, now=T0)
        first = customers.add_customer(shop.owner_id, CustomerInput(name="Åsa Berg"), now=T0)
        second = customers.add_customer(shop.owner_id, CustomerInput(name="Asa Berg"), now=T0)
        logged = recoveries.log_recovery(anna, shop.incident(), customer_id=first,
                                         gesture=GestureInput("gift", 500), now=T0)
        recoveries.add_gesture(anna, logged.incident_id, GestureInput("refund", 200), now=T0)
        incidents.correct_incident(shop.owner_id, logged.incident_id, description="Cold tea",
                                   customer_id=second, now=T0)
        incidents.resolve_incident(anna, logged.incident_id, "satisfied", now=T0)
        incidents.add_followup(anna, logged.incident_id, T0.date() + timedelta(days=9), now=T0)
        customer_records.update_customer(shop.owner_id, first,
                                         CustomerInput(name="Åsa Berg", phone="+46 70 1"),
                                         now=T0)
        customer_records.merge_customers(shop.owner_id, first, second, now=T0)
        category = catalog.add_category(shop.owner_id, "Spa", now=T0)
        catalog.update_category(shop.owner_id, category, active=False, now=T0)
        business.update_settings(shop.owner_id, now=T0, retention_days=60, rollover=True)
        auth.sign_in(anna, "1234", now=T0)
        with pytest.raises(AuthenticationError):
            auth.sign_in(anna, "9999", now=T0)
        auth.reset_pin(shop.owner_id, OWNER_PIN, anna, "4321", now=T0)
        team.set_pin(shop.owner_id, anna, "5678", now=T0)
        team.set_active(shop.owner_id, anna, False, now=T0)
    finally:
        business.close_business()
    assert len(watch.done) > 15
    assert watch.unaudited() == []
