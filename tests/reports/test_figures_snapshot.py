"""A month's figures are read from one snapshot while another till keeps logging."""

from __future__ import annotations

import multiprocessing
from datetime import timedelta

import pytest

from recoverydesk.core.months import Month
from recoverydesk.reports import figures as figures_module
from recoverydesk.services import _base, reports
from recoverydesk.store import ledger, month_queries
from recoverydesk.store.db import database
from tests.conftest import T0, Shop, sql
from tests.services.test_audit_and_check import _another_till_logs_a_recovery, populate


def test_totals_and_breakdowns_agree_when_a_till_logs_meanwhile(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another till commits a 1,00 € gift in the report month after the incidents were
    grouped and before the spend per employee is summed. Read without one snapshot, the
    categories' spend left it out and the employees' spend counted it."""
    kept, _ = populate(shop)
    anna = database.execute_sql(sql("SELECT employee_id FROM gesture WHERE id = ?"),
                                (kept,)).fetchone()[0]
    real_gesture_totals = month_queries.gesture_totals

    def another_till_then_gesture_totals(*args: object) -> object:
        till = multiprocessing.get_context("spawn").Process(
            target=_another_till_logs_a_recovery, args=(shop.target, anna, shop.category_id))
        till.start()
        till.join(timeout=60)
        assert till.exitcode == 0
        return real_gesture_totals(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(month_queries, "gesture_totals", another_till_then_gesture_totals)
    figures = reports.month_figures(Month(2026, 3), now=T0 + timedelta(hours=1))
    assert figures.spend_minor == 500  # the 9,00 € refund was voided; the new gift is later
    assert sum(e.spent_minor for e in figures.employees) == figures.spend_minor
    assert sum(b.spend_minor for b in figures.by_category) == figures.spend_minor
    monkeypatch.undo()
    after = reports.month_figures(Month(2026, 3), now=T0 + timedelta(hours=1))
    assert after.spend_minor == 600 and after.incidents == figures.incidents + 1


def _another_till_commits(shop: Shop, employee: int) -> None:
    till = multiprocessing.get_context("spawn").Process(
        target=_another_till_logs_a_recovery, args=(shop.target, employee, shop.category_id))
    till.start()
    till.join(timeout=60)
    assert till.exitcode == 0


def test_the_month_groups_read_beside_come_from_the_callers_snapshot(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report month's groups run on a second connection (``store.side_read``), whose
    snapshot starts later than the caller's. Here another till commits a 1,00 € gift in
    between: the side answer, which holds it, must give way to the caller's own read, or
    the month would count an incident and a spend that its employees' table lacks."""
    monkeypatch.setattr(figures_module, "SIDE_READ_MIN_INCIDENTS", 0)  # a month this small
    kept, _ = populate(shop)
    anna = database.execute_sql(sql("SELECT employee_id FROM gesture WHERE id = ?"),
                                (kept,)).fetchone()[0]
    as_of = T0 + timedelta(hours=1)
    before = reports.month_figures(Month(2026, 3), now=as_of)
    with _base.snapshot():
        assert ledger.settings_row() is not None  # the caller's snapshot starts here
        _another_till_commits(shop, anna)
        figures = figures_module.compute(Month(2026, 3), now=as_of)
    assert figures == before
    assert sum(e.spent_minor for e in figures.employees) == figures.spend_minor == 500
    assert sum(e.incidents for e in figures.employees) == figures.incidents
    after = reports.month_figures(Month(2026, 3), now=as_of)
    assert (after.incidents, after.spend_minor) == (before.incidents + 1, 600)
