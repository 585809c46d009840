"""The window's clock: the one place pages and dialogs read "now" from.

Tests (and screenshot scripts) set a fixed moment with :func:`set_now`, so due dates, the
10-minute void window and "came back today" can be checked at any hour of any day.
"""

from __future__ import annotations

from datetime import UTC, datetime

_fixed: datetime | None = None


def now() -> datetime:
    """The fixed moment if one is set, else the wall clock (aware, UTC)."""
    return _fixed if _fixed is not None else datetime.now(UTC)


def set_now(moment: datetime | None) -> None:
    """Fix the clock at an aware ``moment``; ``None`` goes back to the wall clock."""
    if moment is not None and moment.tzinfo is None:
        raise ValueError("set_now needs an aware datetime")
    global _fixed
    _fixed = moment
