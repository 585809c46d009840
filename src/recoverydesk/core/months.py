"""Budget months and local dates in the business time zone.

Timestamps are stored as naive UTC datetimes; a month or a day is a range of them, computed here
from the business time zone so that every query is a plain indexed range scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from recoverydesk.errors import ValidationError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

# ``zoneinfo`` is imported where a zone is first made: with its search of the system's zone
# folders it is a few milliseconds of every start, before the sign-in window, which needs
# no time zone (benchmarks/startup.py).

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, e.g. ``Month(2026, 3)``; ``str()`` gives ``2026-03``."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1900 <= self.year <= 9998:
            raise ValidationError(f"{self.year:04d}-{self.month:02d} is not a month RecoveryDesk "
                                  "can hold: use one from 1900-01 to 9998-12.", field="month")

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read ``YYYY-MM``; anything else is a ValidationError saying the expected form."""
        match = _MONTH_RE.match(text.strip())
        if not match:
            raise ValidationError(f"'{text}' is not a month; use YYYY-MM, e.g. 2026-03.", "month")
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise ValidationError(f"'{text}' is not a month: the month must be 01 to 12.", "month")
        return cls(year, month)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def key(self) -> int:
        """A sortable integer (``202603``) used to store effective-from months."""
        return self.year * 100 + self.month

    @classmethod
    def from_key(cls, key: int) -> Month:
        return cls(key // 100, key % 100)


def zone(name: str) -> ZoneInfo:
    """The time zone called ``name``, or a ValidationError naming it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(f"Unknown time zone '{name}'; use a name like Europe/Berlin.",
                              "timezone") from exc


def known_zones() -> set[str]:
    from zoneinfo import available_timezones

    return available_timezones()


def utc_naive(moment: datetime) -> datetime:
    """An aware moment as the naive UTC datetime the database stores."""
    if moment.tzinfo is None:
        raise ValueError("aware datetime expected")
    return moment.astimezone(UTC).replace(tzinfo=None)


def local_date(moment_utc: datetime, tz: ZoneInfo) -> date:
    """The business-local calendar date of a stored (naive UTC) or aware moment."""
    if moment_utc.tzinfo is None:
        moment_utc = moment_utc.replace(tzinfo=UTC)
    return moment_utc.astimezone(tz).date()


def month_of(moment_utc: datetime, tz: ZoneInfo) -> Month:
    return Month.of(local_date(moment_utc, tz))


def day_start_utc(day: date, tz: ZoneInfo) -> datetime:
    """Naive UTC moment at which the local ``day`` begins (DST-safe: midnight local)."""
    return utc_naive(datetime(day.year, day.month, day.day, tzinfo=tz))


@lru_cache(maxsize=256)  # pure, and asked for on every spend's budget check
def month_range_utc(month: Month, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Half-open ``[start, end)`` of naive UTC moments covering the local month."""
    return day_start_utc(month.first_day(), tz), day_start_utc(month.next().first_day(), tz)


def day_range_utc(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    return day_start_utc(day, tz), day_start_utc(day + timedelta(days=1), tz)
