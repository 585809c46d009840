"""The few SQL expressions the month queries spell differently on SQLite and PostgreSQL.

Moments are stored as naive UTC and calendar dates as business-local dates (text
``YYYY-MM-DD`` on SQLite, ``date`` on PostgreSQL). Turning a stored moment into its local
date in SQL uses the zone's UTC offsets, which are constant between daylight-saving
transitions: :func:`local_date_sql` builds a ``CASE`` over the few transitions of the period
asked for (found with ``zoneinfo``), so no per-row Python is needed. Every literal built here
comes from dates, moments and integers, never from text a person typed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from recoverydesk.store.db import is_postgres

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo  # core.months imports it when a zone is made


def _offset(tz: ZoneInfo, moment_utc: datetime) -> int:
    offset = moment_utc.replace(tzinfo=UTC).astimezone(tz).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


@lru_cache(maxsize=64)
def offset_segments(tz: ZoneInfo, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """``[(from, offset_seconds), ...]`` of naive UTC moments: the zone's offset from each
    ``from`` until the next; the first entry starts at ``start``, and ``end`` bounds the walk.

    Offsets change at most a few times a year, so a day-by-day walk with a bisection at each
    change finds every transition to the second. Cached: a report asks for the same months
    again. Callers must not modify the returned list.
    """
    segments = [(start, _offset(tz, start))]
    day = start
    while day < end:
        nxt = min(day + timedelta(days=1), end)
        if _offset(tz, nxt) != segments[-1][1]:
            low, high = day, nxt  # offset(low) is the old one, offset(high) the new one
            while high - low > timedelta(seconds=1):
                mid = low + (high - low) / 2
                mid = mid.replace(microsecond=0)
                if mid <= low:
                    break
                if _offset(tz, mid) == segments[-1][1]:
                    low = mid
                else:
                    high = mid
            segments.append((high, _offset(tz, high)))
        day = nxt
    return segments


def sql_moment(value: datetime) -> str:
    """A naive UTC moment as the text peewee stores (for parameters compared with columns)."""
    return value.isoformat(sep=" ")


def moment_literal(value: datetime) -> str:
    """A naive UTC moment as an SQL literal that compares with a stored moment, also where
    the literal's type cannot be inferred (``VALUES`` rows on PostgreSQL)."""
    text = f"'{sql_moment(value)}'"
    return f"{text}::timestamp" if is_postgres() else text


def _shifted_date(column: str, seconds: int) -> str:
    if is_postgres():
        return f"CAST({column} + INTERVAL '{seconds:d} seconds' AS date)"
    return f"date({column}, '{seconds:+d} seconds')"


def local_date_sql(column: str, tz: ZoneInfo, start: datetime, end: datetime) -> str:
    """SQL giving the business-local date of the naive UTC ``column`` (text ``YYYY-MM-DD``
    on SQLite, a ``date`` on PostgreSQL, so it compares with stored local dates).

    Exact for moments in ``[start, end)``; outside it the nearest segment's offset is used.
    """
    segments = offset_segments(tz, start, end)
    if len(segments) == 1:
        return _shifted_date(column, segments[0][1])
    parts = [f"WHEN {column} < {moment_literal(boundary)} THEN {_shifted_date(column, offset)}"
             for (_, offset), (boundary, _) in pairwise(segments)]
    return f"CASE {' '.join(parts)} ELSE {_shifted_date(column, segments[-1][1])} END"


def minutes_between(earlier: str, later: str) -> str:
    """Minutes (a float) from moment ``earlier`` to moment ``later``."""
    if is_postgres():
        return f"(EXTRACT(EPOCH FROM ({later} - {earlier})) / 60.0)"
    return f"((julianday({later}) - julianday({earlier})) * 1440.0)"


def count_true(condition: str) -> str:
    """How many rows of the group meet ``condition`` (booleans do not sum on PostgreSQL).

    An aggregate ``FILTER`` (SQLite 3.30+, PostgreSQL 9.4+) skips the other rows before the
    count, about a tenth quicker per row than summing a ``CASE``."""
    return f"COUNT(*) FILTER (WHERE {condition})"


def distinct_list(column: str) -> str:
    """The group's distinct values of ``column`` joined with commas, in no set order."""
    if is_postgres():
        return f"string_agg(DISTINCT {column}, ',')"
    return f"GROUP_CONCAT(DISTINCT {column})"


def days_between(earlier: str, later: str) -> str:
    """Whole days from the local date ``earlier`` to the local date ``later`` (an integer,
    ``NULL`` when either is)."""
    if is_postgres():
        return f"({later} - {earlier})"
    return f"CAST(ROUND(julianday({later}) - julianday({earlier})) AS INTEGER)"
