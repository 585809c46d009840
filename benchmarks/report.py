"""A month's report figures on big generated histories, and the PDF's build time.

Figures: a business with 50 staff and five years of history (incidents spread evenly, 65 %
with a known customer, about 1.1 gestures per incident, 1 % of gestures voided, a return
visit for about half of the known-customer incidents, a follow-up for each, one customer in
200 marked lost) is bulk-loaded with raw SQL, then each incident's retention facts are
computed as the services keep them, at 10 000, 100 000 and 1 000 000 incidents (loading is
not timed). Measured:
``reports.figures.compute`` for the last full month, the 12-month series included. Floor, same
file and connection: one ``SELECT COUNT(*) FROM incident``. Medians of several runs.

PDF: the demo business's last month, built with the shipped Unicode fonts against the same
report with reportlab's built-in Helvetica (fonts registered before timing).

    python benchmarks/report.py [--sizes 10000,100000,1000000] [--runs 7]
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from recoverydesk.core.months import Month, month_range_utc, zone
from recoverydesk.reports import figures
from recoverydesk.reports.fonts import BUILTIN, unicode_fonts
from recoverydesk.reports.pdf import write_report
from recoverydesk.services import business
from recoverydesk.services.demo import build_demo
from recoverydesk.store import month_lists, month_queries, returns
from recoverydesk.store.db import database
from recoverydesk.store.month_queries import Period

STAFF = 50
YEARS = 5
TARGET_MS = {1_000_000: 300.0, 100_000: 30.0}
PDF_TARGET = 1.5
KINDS = ("refund", "replacement", "discount", "free_item", "upgrade", "gift", "other")


def build(path: Path, incidents: int, end: datetime) -> None:
    """The business through the services, then history straight into the tables."""
    business.setup_business(path, name="Bench Hotel", currency="EUR", locale="de_DE",
                            timezone="Europe/Berlin", owner_name="Owner", owner_pin="1234",
                            pin_cost=4, now=end - timedelta(days=YEARS * 365 + 2))
    business.close_business()
    rng = random.Random(5)
    start = end - timedelta(days=YEARS * 365)
    span = (end - start).total_seconds()
    customers = max(100, incidents // 5)
    with sqlite3.connect(path) as raw:
        raw.executemany(
            "INSERT INTO employee (name, role, pin_hash, active, failed_pins, created_at) "
            "VALUES (?, 'staff', 'x', 1, 0, ?)",
            ((f"Staff {i}", str(start)) for i in range(STAFF)))
        staff = [r[0] for r in raw.execute("SELECT id FROM employee WHERE role = 'staff'")]
        first = Month.of(start.date()).key()
        raw.executemany(
            "INSERT INTO budget_change (employee_id, effective_month, allowance_minor, "
            "per_incident_limit_minor, set_at) VALUES (?, ?, ?, ?, ?)",
            [(e, first, 20_000, 5_000, str(start)) for e in staff]
            + [(e, first + 200, 25_000, 5_000, str(start)) for e in staff[::3]])
        raw.executemany("INSERT INTO customer (name, phone, email, notes, created_at) "
                        "VALUES (?, '', '', '', ?)",
                        ((f"Guest {i}", str(start)) for i in range(customers)))
        categories = [r[0] for r in raw.execute("SELECT id FROM category")]
        step = span / incidents
        incident_rows, gesture_rows, visit_rows, followup_rows = [], [], [], []
        for i in range(incidents):
            at = start + timedelta(seconds=i * step)
            customer = rng.randrange(1, customers + 1) if rng.random() < 0.65 else None
            resolved = at + timedelta(minutes=rng.randrange(5, 600))
            incident_rows.append((str(at), rng.choice(staff), rng.choice(categories),
                                  rng.choice(("minor", "minor", "major", "critical")),
                                  rng.random() < 0.3, customer, str(resolved)))
            for _ in range(1 if rng.random() < 0.9 else 2):
                gesture_rows.append((i + 1, rng.choice(staff), rng.choice(KINDS),
                                     rng.randrange(0, 4_000), str(at)))
            if customer is not None:
                due = (at + timedelta(days=3)).date()
                followup_rows.append((i + 1, str(due), str(at),
                                      str(at + timedelta(days=rng.randrange(1, 6)))))
                if rng.random() < 0.5:
                    visit_rows.append((customer, str((at + timedelta(
                        days=rng.randrange(1, 150))).date()), str(at)))
        raw.executemany(
            "INSERT INTO incident (reported_at, reported_by_id, category_id, description, "
            "severity, proactive, customer_id, status, resolved_at) "
            "VALUES (?, ?, ?, 'history', ?, ?, ?, 'resolved', ?)", incident_rows)
        raw.executemany(
            "INSERT INTO gesture (incident_id, employee_id, kind, description, cost_minor, "
            "created_at) VALUES (?, ?, ?, '', ?, ?)", gesture_rows)
        voided = rng.sample(range(1, len(gesture_rows) + 1), len(gesture_rows) // 100)
        raw.executemany(
            "INSERT INTO void (gesture_id, voided_by_id, voided_at, reason, gesture_employee_id, "
            "gesture_created_at, gesture_cost_minor) VALUES (?, 1, ?, 'bench', ?, ?, ?)",
            ((g, str(end), employee, at, cost) for g in voided
             for _incident, employee, _kind, cost, at in (gesture_rows[g - 1],)))
        raw.executemany("INSERT INTO return_visit (customer_id, visited_on, recorded_at, "
                        "recorded_by_id) VALUES (?, ?, ?, 1)", visit_rows)
        raw.executemany("INSERT INTO follow_up (incident_id, due_on, created_at, done_at, "
                        "note) VALUES (?, ?, ?, ?, '')", followup_rows)
        # One customer in 200 marked lost, half a year before the end.
        raw.execute("UPDATE customer SET lost_on = ? WHERE id % 200 = 0",
                    (str((end - timedelta(days=180)).date()),))
    # The retention facts the services keep beside each incident, for the rows written raw.
    business.open_business(path)
    with database.atomic():
        returns.refresh_all(zone("Europe/Berlin"))
    business.close_business()


def median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1e3


def bench_figures(size: int, runs: int, folder: Path) -> tuple[float, float]:
    end = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    path = folder / f"bench-{size}.db"
    t0 = time.perf_counter()
    build(path, size, end)
    load = time.perf_counter() - t0
    business.open_business(path)
    month = Month.of(end.date()).previous()
    figures.compute(month)  # warm the page cache, as a second report would find it
    month_queries.count_incidents()
    floor, service = [], []
    for _ in range(runs):  # alternate so machine noise hits both
        floor.append(median_ms(month_queries.count_incidents, 1))
        service.append(median_ms(lambda: figures.compute(month), 1))
    result = figures.compute(month)
    business.close_business()
    path.unlink()
    ms, floor_ms = statistics.median(service), statistics.median(floor)
    print(f"{size:>9,} incidents (loaded in {load:.0f} s): figures {ms:.1f} ms, "
          f"COUNT(*) floor {floor_ms:.1f} ms, {ms / floor_ms:.1f}x floor; "
          f"month {result.month}: {result.incidents} incidents, "
          f"{len(result.months)}-month series", flush=True)
    return ms, floor_ms


def bench_pdf(runs: int, folder: Path) -> float:
    path = folder / "demo.db"
    today = date.today()
    build_demo(path, months=12, end_month=Month.of(today).previous(), today=today, pin_cost=4)
    business.open_business(path)
    month = Month.of(today).previous()
    data = figures.compute(month)
    settings = business.get_settings()
    tz = zone(settings.timezone)
    now = datetime.now(UTC).replace(tzinfo=None)
    lines = list(month_lists.month_incidents(Period(
        month_range_utc(month, tz), tz, settings.retention_days, today)))
    business.close_business()
    unicode = unicode_fonts()  # registered once per process, outside the timing
    write_report(data, lines, io.BytesIO(), fonts=BUILTIN)
    write_report(data, lines, io.BytesIO(), fonts=unicode)
    plain, shipped = [], []
    for _ in range(runs):
        plain.append(median_ms(lambda: write_report(data, lines, io.BytesIO(),
                                                    fonts=BUILTIN), 1))
        shipped.append(median_ms(lambda: write_report(data, lines, io.BytesIO(),
                                                      fonts=unicode), 1))
    ratio = statistics.median(shipped) / statistics.median(plain)
    print(f"PDF of {month} ({len(lines)} incidents, as of {now:%Y-%m-%d}): Unicode fonts "
          f"{statistics.median(shipped):.0f} ms, Helvetica {statistics.median(plain):.0f} ms, "
          f"{ratio:.2f}x", flush=True)
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            results[size] = bench_figures(size, args.runs, Path(folder))
        pdf_ratio = bench_pdf(args.runs, Path(folder))
    parts = []
    for size, (ms, floor_ms) in results.items():
        target = TARGET_MS.get(size)
        label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"
        parts.append(f"{label} {ms:.0f} ms = {ms / floor_ms:.1f}x floor"
                     + (f" (target < {target:g} ms)" if target else ""))
    print(f"report: figures {'; '.join(parts)}; PDF {pdf_ratio:.2f}x Helvetica "
          f"(target <= {PDF_TARGET:g}x)")


if __name__ == "__main__":
    main()
