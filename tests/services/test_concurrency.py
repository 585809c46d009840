"""Two OS processes on one SQLite file race to spend the last of one budget."""

from __future__ import annotations

import multiprocessing as mp
from typing import Any

from recoverydesk.core.months import Month
from recoverydesk.errors import OverLimit
from recoverydesk.services import business, recoveries, team
from recoverydesk.services.types import GestureInput
from tests.conftest import T0, Shop

ROUNDS = 40
LEFT = 1000  # what is left of each employee's allowance when a round starts


def _racer(path: str, employees: list[int], category_id: int, barrier: Any,
           results: Any) -> None:
    business.open_business(path)
    try:
        for employee_id in employees:
            barrier.wait(timeout=30)
            try:
                recoveries.log_recovery(
                    employee_id,
                    recoveries.IncidentInput(category_id=category_id, description="race"),
                    gesture=GestureInput("refund", LEFT), now=T0)
                results.put((employee_id, "spent"))
            except OverLimit:
                results.put((employee_id, "refused"))
    finally:
        business.close_business()


def test_two_processes_never_both_spend_the_last_euro(shop: Shop) -> None:
    """Each round both processes try to spend what is left; exactly one may succeed."""
    employees = [shop.staff(f"Racer {i}", 5000, 5000) for i in range(ROUNDS)]
    for employee_id in employees:  # spend all but the last 10,00 €
        recoveries.log_recovery(employee_id, shop.incident("warm-up"),
                                gesture=GestureInput("gift", 4000), now=T0)
    business.close_business()  # never let a child inherit the parent's connection

    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    racers = [ctx.Process(target=_racer, args=(shop.target, employees, shop.category_id,
                                               barrier, results)) for _ in range(2)]
    for racer in racers:
        racer.start()
    outcomes: dict[int, list[str]] = {e: [] for e in employees}
    for _ in range(2 * ROUNDS):
        employee_id, outcome = results.get(timeout=120)
        outcomes[employee_id].append(outcome)
    for racer in racers:
        racer.join(timeout=30)
        assert racer.exitcode == 0

    assert all(sorted(o) == ["refused", "spent"] for o in outcomes.values()), outcomes
    business.open_business(shop.target)
    for employee_id in employees:
        assert team.budget_status(employee_id, Month(2026, 3)).remaining_minor == 0
