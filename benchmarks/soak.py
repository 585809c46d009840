"""Soak: many race rounds and many SIGKILLs; counts budget violations and lost recoveries.

Race rounds: 8 processes spend at once against one budget with a little left (as the race
test, many more rounds); a violation is an employee whose unapproved spend passed the
allowance, a broken audit chain or a ``check`` problem. Kills: a child logs recoveries and is
SIGKILLed at a random moment; a lost recovery is a printed (confirmed) id missing afterwards.

    python benchmarks/soak.py [--rounds 1000] [--kills 1000] [--engines sqlite,postgresql]
                              [--pg URL]   # a scratch database: its public schema is dropped

PostgreSQL runs when --pg (or RECOVERYDESK_TEST_PG) gives a server. Target: 0 and 0.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from _setup import scratch_business
from tests.workloads import (
    NOW,
    RACE_COST,
    RACE_LEFT,
    kill_once,
    missing_incidents,
    prepare_race,
    race_violations,
    run_race,
)

from recoverydesk.services import business

BATCH = 50  # race rounds per set of racer processes


def soak_races(target: str, owner: int, category: int, rounds: int) -> tuple[int, int]:
    """Returns (violations, rounds where fewer spends than fit were accepted)."""
    violations = short = 0
    for first in range(0, rounds, BATCH):
        employees = prepare_race(owner, category, min(BATCH, rounds - first), first)
        business.close_business()
        outcomes = run_race(target, employees, category)
        business.open_business(target)
        short += sum(o.count("spent") < RACE_LEFT // RACE_COST for o in outcomes.values())
        found = race_violations(employees)
        violations += len(found)
        for line in found[:5]:
            print(f"  violation: {line}")
        print(f"  race rounds {first + len(employees)}/{rounds}: {violations} violations",
              flush=True)
    return violations, short


def soak_kills(target: str, owner: int, category: int, kills: int) -> tuple[int, int]:
    """Returns (confirmed ids, lost ids)."""
    from recoverydesk.core.months import Month
    from recoverydesk.services import team

    employee = team.add_employee(owner, "Kim Killed", "staff", "1234", now=NOW).id
    team.set_budget(owner, employee, Month(2026, 3), 10_000_000, 10_000_000, now=NOW)
    business.close_business()
    rng = random.Random(1)
    confirmed: list[int] = []
    for n in range(1, kills + 1):
        confirmed += kill_once(target, employee, category, rng)
        if n % 100 == 0 or n == kills:
            print(f"  kills {n}/{kills}: {len(confirmed)} confirmed", flush=True)
    business.open_business(target)
    lost = missing_incidents(confirmed)
    return len(confirmed), len(lost)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg", default=os.environ.get("RECOVERYDESK_TEST_PG"))
    args = parser.parse_args()
    verdicts = []
    total_violations = total_lost = 0
    for engine in args.engines.split(","):
        if engine == "postgresql" and not args.pg:
            print("postgresql: skipped (no --pg URL or RECOVERYDESK_TEST_PG)")
            continue
        started = time.monotonic()
        target, owner, category = scratch_business(engine, args.pg)
        print(f"{engine}: {args.rounds} race rounds of 8 processes", flush=True)
        violations, short = soak_races(target, owner, category, args.rounds)
        print(f"{engine}: {args.kills} kills", flush=True)
        confirmed, lost = soak_kills(target, owner, category, args.kills)
        problems = len(race_violations([]))  # chain and check after everything
        business.close_business()
        violations += problems
        total_violations += violations
        total_lost += lost
        print(f"{engine}: {violations} violations in {args.rounds} rounds ({short} rounds "
              f"accepted fewer spends than fit), {lost} lost of {confirmed} confirmed in "
              f"{args.kills} kills, {time.monotonic() - started:.0f} s")
        verdicts.append(f"{engine} {violations} violations/{args.rounds} rounds, {lost} lost/"
                        f"{confirmed} confirmed in {args.kills} kills")
    print(f"soak: {'; '.join(verdicts)} (target 0 violations, 0 lost) -> "
          f"{'OK' if verdicts and total_violations == 0 and total_lost == 0 else 'FAIL'}")


if __name__ == "__main__":
    main()
