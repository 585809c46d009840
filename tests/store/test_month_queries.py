"""The SQL that turns stored UTC moments into business-local dates and month buckets."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from recoverydesk.core.months import local_date, zone
from recoverydesk.store.month_sql import local_date_sql, offset_segments

ZONES = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
         "Pacific/Chatham", "UTC")


@pytest.mark.parametrize("name", ZONES)
def test_local_date_sql_matches_zoneinfo_every_half_hour_for_a_year(name: str) -> None:
    """Across both daylight-saving changes, SQL gives the same local date as Python."""
    tz = zone(name)
    start, end = datetime(2025, 12, 31, 0, 0), datetime(2027, 1, 2, 0, 0)
    expression = local_date_sql("t", tz, start, end)
    moments = [start + timedelta(minutes=30 * k + 7) for k in range(int(
        (end - start).total_seconds() // 1800))]
    with sqlite3.connect(":memory:") as raw:
        raw.execute("CREATE TABLE m (t TEXT)")
        raw.executemany("INSERT INTO m VALUES (?)", ((str(m),) for m in moments))
        got = [row[0] for row in raw.execute(f"SELECT {expression} FROM m ORDER BY rowid")]
    assert got == [local_date(m, tz).isoformat() for m in moments]


def test_berlin_has_two_offset_changes_in_2026() -> None:
    """The walk finds the transitions to the second (01:00 UTC on the last Sundays)."""
    segments = offset_segments(zone("Europe/Berlin"), datetime(2026, 1, 1),
                               datetime(2027, 1, 1))
    assert segments == [(datetime(2026, 1, 1), 3600), (datetime(2026, 3, 29, 1), 7200),
                        (datetime(2026, 10, 25, 1), 3600)]
