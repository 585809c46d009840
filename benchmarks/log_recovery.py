"""Time to log one within-limit recovery through the services, against a raw-SQL floor.

Setup: a business whose file already holds 200 000 gestures (bulk-loaded over five years and
50 employees; the setup is not timed). Measured: ``services.recoveries.log_recovery`` with a
known customer and a gesture (incident + gesture + audit entry + follow-up, one transaction).
Floor, same file and pragmas (WAL, synchronous FULL): raw ``sqlite3`` doing BEGIN IMMEDIATE,
the indexed SUM of the employee's month, one INSERT, COMMIT. Both take turns over the 50
employees, as a shop's tills would. Blocks of the two alternate so machine noise hits both;
the verdict compares medians.

    python benchmarks/log_recovery.py [--gestures 200000] [--rounds 400]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoverydesk.core.months import Month, month_range_utc, zone
from recoverydesk.services import business, catalog, customers, recoveries, team
from recoverydesk.services.types import GestureInput
from recoverydesk.store.db import SQLITE_PRAGMAS

TARGET = 2.5
STAFF = 50


def build(path: Path, gestures: int) -> tuple[list[int], int, int]:
    """Create the business and bulk-load history; return (staff ids, customer, category)."""
    setup = business.setup_business(path, name="Bench Café", currency="EUR", locale="de_DE",
                                    timezone="Europe/Berlin", owner_name="Owner",
                                    owner_pin="1234", pin_cost=4)
    now = datetime.now(UTC)
    month = Month(now.year, now.month)
    staff = [team.add_employee(setup.owner_id, f"Staff {i}", "staff", "1234").id
             for i in range(STAFF)]
    for employee_id in staff:
        team.set_budget(setup.owner_id, employee_id, month, 100_000_000, 100_000)
    customer = customers.add_customer(setup.owner_id, customers.CustomerInput(name="Åsa"))
    category = catalog.list_categories()[0].id
    business.close_business()

    rng = random.Random(7)
    start = now - timedelta(days=5 * 365)
    with sqlite3.connect(path) as raw:
        incidents = gestures // 2
        raw.executemany(
            "INSERT INTO incident (reported_at, reported_by_id, category_id, description, "
            "severity, proactive, status) VALUES (?, ?, ?, 'history', 'minor', 0, 'open')",
            ((str((start + timedelta(seconds=i * (5 * 365 * 86400 // incidents)))
                  .replace(tzinfo=None)), rng.choice(staff), category)
             for i in range(incidents)))
        raw.executemany(
            "INSERT INTO gesture (incident_id, employee_id, kind, description, cost_minor, "
            "created_at) VALUES (?, ?, 'gift', '', ?, ?)",
            ((i // 2 + 1, rng.choice(staff), rng.randrange(100, 5000),
              str((start + timedelta(seconds=i * (5 * 365 * 86400 // gestures)))
                  .replace(tzinfo=None))) for i in range(gestures)))
    return staff, customer, category


def time_service(staff: list[int], customer: int, category: int, n: int) -> list[float]:
    samples = []
    incident = recoveries.IncidentInput(category_id=category, description="Cold soup")
    gesture = GestureInput("free_item", 350)
    for i in range(n):
        employee = staff[i % len(staff)]
        t0 = time.perf_counter()
        recoveries.log_recovery(employee, incident, customer_id=customer, gesture=gesture)
        samples.append(time.perf_counter() - t0)
    return samples


def time_floor(raw: sqlite3.Connection, staff: list[int], n: int) -> list[float]:
    start, end = (str(m) for m in month_range_utc(Month.of(datetime.now(UTC).date()),
                                                 zone("Europe/Berlin")))
    samples = []
    for i in range(n):
        employee = staff[i % len(staff)]
        t0 = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("SELECT COALESCE(SUM(cost_minor), 0) FROM gesture WHERE employee_id = ? "
                    "AND created_at >= ? AND created_at < ?", (employee, start, end)).fetchone()
        raw.execute("INSERT INTO gesture (incident_id, employee_id, kind, description, "
                    "cost_minor, created_at) VALUES (1, ?, 'gift', '', 350, ?)",
                    (employee, str(datetime.now(UTC).replace(tzinfo=None))))
        raw.execute("COMMIT")
        samples.append(time.perf_counter() - t0)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gestures", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        t0 = time.perf_counter()
        staff, customer, category = build(path, args.gestures)
        print(f"setup: {args.gestures:,} gestures in {time.perf_counter() - t0:.1f} s")
        raw = sqlite3.connect(path, isolation_level=None)
        for key, value in SQLITE_PRAGMAS.items():
            raw.execute(f"PRAGMA {key} = {value}")
        business.open_business(path)
        service: list[float] = []
        floor: list[float] = []
        block = 20
        time_service(staff, customer, category, block)  # warm caches, then measure
        time_floor(raw, staff, block)
        for _ in range(max(1, args.rounds // block)):
            floor += time_floor(raw, staff, block)
            service += time_service(staff, customer, category, block)
        business.close_business()
        raw.close()
    ms_service, ms_floor = statistics.median(service) * 1e3, statistics.median(floor) * 1e3
    print(f"service median {ms_service:.3f} ms, floor median {ms_floor:.3f} ms "
          f"({len(service)} samples each)")
    ratio = ms_service / ms_floor
    print(f"log_recovery: {ratio:.1f}x floor (target <= {TARGET:g}x)")


if __name__ == "__main__":
    main()
