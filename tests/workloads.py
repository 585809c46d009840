"""Multi-process workloads shared by the race and crash tests and ``benchmarks/soak.py``.

Race: several processes wait at a barrier, then all spend against one employee's budget that
has only a little left; afterwards no employee's unapproved spend may pass the allowance.
Crash: a child logs recoveries in a loop and prints each confirmed incident id; the parent
kills it with SIGKILL at a random moment; every printed id must be in the database.

Run as ``python -m tests.workloads crash TARGET EMPLOYEE CATEGORY`` for the crash child.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from peewee import JOIN, fn

from recoverydesk.core.months import Month
from recoverydesk.errors import OverLimit
from recoverydesk.services import audit_log, business, recoveries, team
from recoverydesk.services.check import run_check
from recoverydesk.services.recoveries import IncidentInput
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import Gesture, Incident, Void

ROOT = Path(__file__).resolve().parents[1]
RACE_ALLOWANCE = 5000
RACE_LEFT = 1000  # what is left when the racers start
RACE_COST = 300  # so at most three of the racers fit in what is left
NOW = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)


# ------------------------------------------------------------------------------------ race


def prepare_race(owner_id: int, category_id: int, rounds: int, first: int = 0) -> list[int]:
    """One employee per round, each with ``RACE_LEFT`` of the allowance left (business open)."""
    employees = []
    for n in range(first, first + rounds):
        employee = team.add_employee(owner_id, f"Racer {n}", "staff", "1234", now=NOW).id
        team.set_budget(owner_id, employee, Month(2026, 3), RACE_ALLOWANCE, RACE_ALLOWANCE,
                        now=NOW)
        recoveries.log_recovery(employee, IncidentInput(category_id, "warm-up"),
                                gesture=GestureInput("gift", RACE_ALLOWANCE - RACE_LEFT),
                                now=NOW)
        employees.append(employee)
    return employees


def _racer(target: str, employees: list[int], category_id: int, barrier: Any,
           results: Any) -> None:
    business.open_business(target)
    try:
        for employee in employees:
            barrier.wait(timeout=60)
            try:
                recoveries.log_recovery(employee, IncidentInput(category_id, "race"),
                                        gesture=GestureInput("refund", RACE_COST), now=NOW)
                results.put((employee, "spent"))
            except OverLimit:
                results.put((employee, "refused"))
    finally:
        business.close_business()


def run_race(target: str, employees: list[int], category_id: int,
             processes: int = 8) -> dict[int, list[str]]:
    """Every process spends once per employee, all at the same moment; outcomes by employee.

    The business must be closed in the caller (no connection crosses a process boundary).
    """
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    racers = [ctx.Process(target=_racer, args=(target, employees, category_id, barrier,
                                                 results)) for _ in range(processes)]
    for racer in racers:
        racer.start()
    outcomes: dict[int, list[str]] = {e: [] for e in employees}
    try:
        for _ in range(processes * len(employees)):
            employee, outcome = results.get(timeout=120)
            outcomes[employee].append(outcome)
    finally:
        for racer in racers:
            racer.join(timeout=30)
            if racer.is_alive():
                racer.kill()
    if any(racer.exitcode != 0 for racer in racers):
        raise RuntimeError(f"a racer failed: exit codes {[r.exitcode for r in racers]}")
    return outcomes


def unapproved_spend(employee: int) -> int:
    """The employee's non-voided spend without an approval (business open)."""
    total = (Gesture.select(fn.COALESCE(fn.SUM(Gesture.cost_minor), 0))
             .join(Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
             .where((Gesture.employee == employee) & Gesture.approved_by.is_null()
                    & Void.id.is_null()).scalar())
    return int(total)


def race_violations(employees: list[int]) -> list[str]:
    """Employees whose unapproved spend passed the allowance, and chain or check failures."""
    found = [f"employee {e}: {unapproved_spend(e)} spent of {RACE_ALLOWANCE}"
             for e in employees if unapproved_spend(e) > RACE_ALLOWANCE]
    chain = audit_log.verify_chain()
    if not chain.intact:
        found.append(chain.message)
    found.extend(f"{p.check}: {p.message}" for p in run_check())
    return found


# ----------------------------------------------------------------------------------- crash


@dataclass
class KillResult:
    confirmed: list[int]  # incident ids the child printed before it was killed
    missing: list[int]  # of those, ids not in the database afterwards


def crash_child(target: str, employee: int, category_id: int) -> None:
    """Log recoveries until killed; print each id only after its commit returned."""
    business.open_business(target)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        logged = recoveries.log_recovery(employee, IncidentInput(category_id, f"crash {n}"),
                                         gesture=GestureInput("gift", 1))
        print(logged.incident_id, flush=True)


def kill_once(target: str, employee: int, category_id: int, rng: random.Random,
              max_delay: float = 0.4) -> list[int]:
    """Start a child, SIGKILL it at a random moment after it is ready; return printed ids."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.workloads", "crash", target, str(employee),
         str(category_id)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "src")])})
    assert child.stdout is not None
    if child.stdout.readline().strip() != "ready":
        child.kill()
        raise RuntimeError("the crash child did not start")
    time.sleep(rng.uniform(0.0, max_delay))
    child.send_signal(signal.SIGKILL)
    rest = child.stdout.read()  # what it printed before it died is still in the pipe
    child.wait()
    return [int(line) for line in rest.split() if line.strip().isdigit()]


def missing_incidents(ids: list[int]) -> list[int]:
    """Of ``ids``, those not in the open database."""
    present = {row.id for row in Incident.select(Incident.id).where(Incident.id.in_(ids))}
    return [i for i in ids if i not in present]


if __name__ == "__main__":
    if sys.argv[1:2] == ["crash"]:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        crash_child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
