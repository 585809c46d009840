"""Filtering the incidents list over 100 000 incidents, against a bare indexed query.

Setup (not timed): a business with 20 staff, 5 000 customers and 100 000 incidents over five
years with about 1.2 gestures each, bulk-loaded. Measured: what the Incidents page does when a
filter changes, :func:`find_incidents` (the first page and the number of matches), for the
filters a shop uses (a month; a month and an employee; free text over everything; a month
sorted by money; open incidents). Floor, same file: the bare indexed query of one month's
newest 100 incidents. The same filters are then timed through the Incidents page's Qt model
(:class:`IncidentListModel`: the filter query, then the 30 rows a 1366×768 window shows, every
column's text, as the view asks for them). The verdict is the slowest of all, in
milliseconds and as a ratio.

    python benchmarks/incident_list.py [--incidents 100000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt

from recoverydesk.core.months import Month, month_range_utc, zone
from recoverydesk.services import business, catalog, team
from recoverydesk.services.incident_list import (
    IncidentFilter,
    SortKey,
    find_incidents,
)

TARGET_MS = 200
ROWS_ON_SCREEN = 30
STAFF = 20
CUSTOMERS = 5_000
NAMES = ("Łucja Zażółć", "Åsa Øberg", "Иван Петров", "王小明", "Siobhán O'Brien", "Anna Berg",
         "François Müller", "Amira Haddad")
STORIES = ("Cold soup at table {n}", "Dress damaged by the laundry, room {n}",
           "Keys locked in the car by the valet", "Wi-Fi down in room {n}",
           "Late booking confirmation", "Wrong order delivered to table {n}",
           # Half the stories are not plain ASCII: they take the slower, casefolded search.
           "Kald suppe på bord {n}", "Zimna zupa przy stoliku {n}, kelner przeprosił",
           "Не работает Wi-Fi в номере {n}", "Frühstück für Zimmer {n} vergessen",
           "冷汤 {n} 号桌", "Wrong bill for room {n}: charged twice, café closed")


def build(path: Path, incidents: int) -> tuple[list[int], Month]:
    """Create the business and bulk-load the history; return staff ids and a busy month."""
    setup = business.setup_business(path, name="Bench Hotel", currency="EUR", locale="de_DE",
                                     timezone="Europe/Berlin", owner_name="Owner",
                                     owner_pin="1234", pin_cost=4)
    staff = [team.add_employee(setup.owner_id, f"Staff {i:02d}", "staff", "1234").id
             for i in range(STAFF)]
    categories = [c.id for c in catalog.list_categories()]
    business.close_business()
    rng = random.Random(11)
    now = datetime.now(UTC).replace(tzinfo=None)
    start = now - timedelta(days=5 * 365)
    step = 5 * 365 * 86400 / incidents
    with sqlite3.connect(path) as raw:
        raw.executemany(
            "INSERT INTO customer (name, phone, email, notes, created_at) "
            "VALUES (?, ?, '', '', ?)",
            ((f"{rng.choice(NAMES)} {i}", f"+47 {rng.randrange(10**7, 10**8)}", str(start))
             for i in range(CUSTOMERS)))
        raw.executemany(
            "INSERT INTO incident (reported_at, reported_by_id, category_id, description, "
            "severity, proactive, customer_id, status) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
            ((str(start + timedelta(seconds=i * step)), rng.choice(staff),
              rng.choice(categories), rng.choice(STORIES).format(n=rng.randrange(1, 300)),
              rng.choice(("minor", "minor", "major", "critical")),
              rng.randrange(1, CUSTOMERS + 1) if rng.random() < 0.7 else None,
              "resolved" if rng.random() < 0.8 else "open") for i in range(incidents)))
        raw.executemany(
            "INSERT INTO gesture (incident_id, employee_id, kind, description, cost_minor, "
            "created_at) VALUES (?, ?, 'gift', '', ?, ?)",
            ((1 + int(i / 1.2), rng.choice(staff), rng.randrange(0, 5000),
              str(start + timedelta(seconds=i / 1.2 * step)))
             for i in range(int(incidents * 1.2))))
    busy = Month.of((now - timedelta(days=40)).date())
    return staff, busy


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm the page cache and the statement cache
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        action()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples) * 1e3


def _through_the_model(filters: dict[str, tuple[IncidentFilter, SortKey]],
                       repeat: int) -> dict[str, float]:
    """The page's path: the model re-queries, then the view reads the rows on screen."""
    from recoverydesk.gui.pages.incident_model import IncidentListModel

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    model = IncidentListModel(business.get_settings())
    timings = {}
    for label, (wanted, sort) in filters.items():
        def show(wanted: IncidentFilter = wanted, sort: SortKey = sort) -> int:
            model.sort_key = sort
            model.set_filter(wanted)
            for row in range(min(ROWS_ON_SCREEN, model.rowCount())):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            return model.rowCount()
        key = f"model: {label}"
        timings[key] = median_ms(show, repeat)
        print(f"{key:25s} {timings[key]:8.1f} ms  ({show():,} rows)")
    del app
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        t0 = time.perf_counter()
        staff, month = build(path, args.incidents)
        print(f"setup: {args.incidents:,} incidents in {time.perf_counter() - t0:.1f} s")
        start, end = (str(m) for m in month_range_utc(month, zone("Europe/Berlin")))
        raw = sqlite3.connect(path)
        floor = median_ms(lambda: raw.execute(
            "SELECT id, reported_at FROM incident WHERE reported_at >= ? AND reported_at < ? "
            "ORDER BY reported_at DESC LIMIT 100", (start, end)).fetchall(), args.repeat)
        raw.close()
        business.open_business(path)
        filters = {
            "month": (IncidentFilter(month=month), SortKey.REPORTED),
            "month + employee": (IncidentFilter(month=month, employee_id=staff[3]),
                                 SortKey.REPORTED),
            "text, all years": (IncidentFilter(text="øberg"), SortKey.REPORTED),
            "month by cost": (IncidentFilter(month=month), SortKey.COST),
            "open, all years": (IncidentFilter(status="open"), SortKey.REPORTED),
        }
        timings = {}
        for label, (wanted, sort) in filters.items():
            def show(wanted: IncidentFilter = wanted, sort: SortKey = sort) -> int:
                return find_incidents(wanted, sort, offset=0, limit=100).total
            timings[label] = median_ms(show, args.repeat)
            print(f"{label:18s} {timings[label]:8.1f} ms  ({show():,} rows)")
        timings.update(_through_the_model(filters, args.repeat))
        business.close_business()
    slowest = max(timings, key=timings.__getitem__)
    print(f"floor (one month's newest 100, bare indexed query): {floor:.2f} ms")
    print(f"incident_list: {timings[slowest] / floor:.0f}x floor, slowest '{slowest}' "
          f"{timings[slowest]:.0f} ms (target <= {TARGET_MS} ms)")


if __name__ == "__main__":
    main()
