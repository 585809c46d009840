"""Tills: recoveries per second with 1, 2 and 4 concurrent writers, on SQLite and PostgreSQL.

Each writer is its own process (a till) with its own employee, logging within-limit
recoveries (incident + gesture + audit entry, one transaction each) for a fixed time after a
common start. The floor is one writer on the same engine in the same run; the result is the
shop's total rate with 2 and 4 writers as a ratio to it. Every write appends to one audit
chain (its head row is locked by each writer), so writes serialise on both engines: the
target is that adding tills does not slow the shop down (>= 0.8x), not that it speeds it up.

    python benchmarks/tills.py [--seconds 3] [--pg URL]   # a scratch db: its schema is dropped
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time
from typing import Any

from _setup import scratch_business
from tests.workloads import NOW

from recoverydesk.core.months import Month
from recoverydesk.services import business, recoveries, team
from recoverydesk.services.recoveries import IncidentInput
from recoverydesk.services.types import GestureInput

WRITERS = (1, 2, 4)
TARGET = 0.8


def _till(target: str, employee: int, category: int, seconds: float, barrier: Any,
          results: Any) -> None:
    business.open_business(target)
    try:
        barrier.wait(timeout=60)
        count, deadline = 0, time.monotonic() + seconds
        while time.monotonic() < deadline:
            recoveries.log_recovery(employee, IncidentInput(category, "till"),
                                    gesture=GestureInput("gift", 1))
            count += 1
        results.put(count)
    finally:
        business.close_business()


def rate(engine: str, pg_url: str | None, writers: int, seconds: float) -> float:
    target, owner, category = scratch_business(engine, pg_url)
    employees = []
    for n in range(writers):
        employee = team.add_employee(owner, f"Till {n}", "staff", "1234", now=NOW).id
        team.set_budget(owner, employee, Month(2026, 3), 10_000_000, 10_000_000, now=NOW)
        employees.append(employee)
    business.close_business()
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(writers), ctx.Queue()
    tills = [ctx.Process(target=_till, args=(target, e, category, seconds, barrier, results))
             for e in employees]
    for till in tills:
        till.start()
    total = sum(results.get(timeout=120) for _ in tills)
    for till in tills:
        till.join()
    return total / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--pg", default=os.environ.get("RECOVERYDESK_TEST_PG"))
    args = parser.parse_args()
    engines = ["sqlite"] + (["postgresql"] if args.pg else [])
    if not args.pg:
        print("postgresql: skipped (no --pg URL or RECOVERYDESK_TEST_PG)")
    parts, worst = [], float("inf")
    for engine in engines:
        rates = {w: rate(engine, args.pg, w, args.seconds) for w in WRITERS}
        floor = rates[1]
        for writers, value in rates.items():
            print(f"{engine:10} {writers} writer(s): {value:8.1f} recoveries/s "
                  f"({value / floor:.2f}x one writer)", flush=True)
        ratios = "/".join(f"{rates[w] / floor:.2f}x" for w in WRITERS[1:])
        parts.append(f"{engine} 2/4 writers {ratios} of {floor:.0f}/s")
        worst = min(worst, *(rates[w] / floor for w in WRITERS[1:]))
    print(f"tills: {'; '.join(parts)} (target >= {TARGET}x) -> "
          f"{'OK' if worst >= TARGET else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
