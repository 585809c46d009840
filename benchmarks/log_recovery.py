"""Time to log one within-limit recovery through the services, against a raw-SQL floor.

Setup: a business whose file already holds 200 000 gestures (bulk-loaded over five years and
50 employees; the setup is not timed). Measured: ``services.recoveries.log_recovery`` with a
known customer and a gesture (incident + gesture + audit entry + follow-up, one transaction).
Floor, same file and pragmas (WAL, synchronous FULL): raw ``sqlite3`` doing BEGIN IMMEDIATE,
the indexed SUM of the employee's month, one INSERT, COMMIT. Both take turns over the 50
employees, as a shop's tills would. Blocks of the two alternate so machine noise hits both;
the verdict compares medians. For scale, not the verdict, it also times the recovery's own
statements in raw sqlite3, and all three again without the flush at commit (synchronous
NORMAL): what is left between service and statements there is the service's Python.

    python benchmarks/log_recovery.py [--gestures 200000] [--rounds 400]
"""

from __future__ import annotations

import argparse
import hashlib
import json
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
from recoverydesk.store import ledger
from recoverydesk.store.db import SQLITE_PRAGMAS, database

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


def time_same_sql(raw: sqlite3.Connection, staff: list[int], customer: int, category: int,
                  n: int) -> list[float]:
    """The statements one recovery runs, driven by raw ``sqlite3`` with no framework at all.

    Not the verdict: it shows how much of the service's time is SQL the recovery has to run
    (the context read, incident, gesture, follow-up, audit entry and head) and how much is
    Python around it. Kept in step with ``store/ledger.py`` by hand.
    """
    month = Month.of(datetime.now(UTC).date())
    start, end = (str(m) for m in month_range_utc(month, zone("Europe/Berlin")))
    samples = []
    for i in range(n):
        employee = staff[i % len(staff)]
        t0 = time.perf_counter()
        now = str(datetime.now(UTC).replace(tzinfo=None))
        raw.execute("BEGIN IMMEDIATE")
        head_seq, head_hash = raw.execute(
            ledger._CONTEXT_SQL, (category, customer, employee, start, end, employee, start,
                                  end, employee, employee, month.key())).fetchone()[-2:]
        incident = raw.execute(
            "INSERT INTO incident (reported_at, reported_by_id, category_id, description, "
            "severity, proactive, customer_id, status) VALUES (?, ?, ?, 'Cold soup', 'minor', "
            "0, ?, 'open')", (now, employee, category, customer)).lastrowid
        gesture = raw.execute(
            "INSERT INTO gesture (incident_id, employee_id, kind, description, cost_minor, "
            "value_minor, approved_by_id, created_at) VALUES (?, ?, 'free_item', '', 350, "
            "NULL, NULL, ?)", (incident, employee, now)).lastrowid
        followup = raw.execute("INSERT INTO follow_up (incident_id, due_on, created_at, note) "
                               "VALUES (?, '2026-12-01', ?, '')", (incident, now)).lastrowid
        details = json.dumps({"category": category, "customer": customer, "followup": {
            "due_on": "2026-12-01", "id": followup}, "gestures": [{
                "approved_by": None, "cost": 350, "employee": employee, "id": gesture,
                "incident": incident, "kind": "free_item", "value": None}],
            "proactive": False, "severity": "minor"}, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256((head_hash + now + details).encode()).hexdigest()
        raw.execute("INSERT INTO audit_entry (seq, at, actor, action, entity, entity_id, "
                    "details, prev_hash, hash) VALUES (?, ?, ?, 'recovery.log', 'incident', "
                    "?, ?, ?, ?)", (head_seq + 1, now, employee, incident, details, head_hash,
                                    digest))
        raw.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1",
                    (head_seq + 1, digest))
        raw.execute("COMMIT")
        samples.append(time.perf_counter() - t0)
    return samples


def measure(raw: sqlite3.Connection, staff: list[int], customer: int, category: int,
            rounds: int) -> tuple[float, float, float]:
    """Median ms of (service, floor, same statements), blocks of each taking turns."""
    service: list[float] = []
    floor: list[float] = []
    same_sql: list[float] = []
    block = 20
    time_service(staff, customer, category, block)  # warm caches, then measure
    time_floor(raw, staff, block)
    time_same_sql(raw, staff, customer, category, block)
    for _ in range(max(1, rounds // block)):
        floor += time_floor(raw, staff, block)
        service += time_service(staff, customer, category, block)
        same_sql += time_same_sql(raw, staff, customer, category, block)
    return (statistics.median(service) * 1e3, statistics.median(floor) * 1e3,
            statistics.median(same_sql) * 1e3)


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
        ms_service, ms_floor, ms_same_sql = measure(raw, staff, customer, category,
                                                    args.rounds)
        # The same again without the flush at commit, to show how much of the ratio is the
        # disk's flush (the floor flushes fewer pages) and how much the service's Python.
        for connection in (raw, database.connection()):
            connection.execute("PRAGMA synchronous = NORMAL")
        no_flush = measure(raw, staff, customer, category, args.rounds // 2)
        business.close_business()
        raw.close()
    print(f"service median {ms_service:.3f} ms, floor median {ms_floor:.3f} ms "
          f"(medians of {max(1, args.rounds // 20) * 20} samples each)")
    print(f"(for scale, not the verdict: the recovery's own statements in raw sqlite3, "
          f"{ms_same_sql:.3f} ms = {ms_same_sql / ms_floor:.1f}x floor; without the flush "
          f"at commit (synchronous = NORMAL) service {no_flush[0]:.3f} ms, statements "
          f"{no_flush[2]:.3f} ms, floor {no_flush[1]:.3f} ms)")
    ratio = ms_service / ms_floor
    print(f"log_recovery: {ratio:.1f}x floor (target <= {TARGET:g}x)")


if __name__ == "__main__":
    main()
