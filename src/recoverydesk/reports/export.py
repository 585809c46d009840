"""The month's gestures as CSV, one row each (SPEC §8, §9).

UTF-8 with a header; amounts are plain decimals with a dot and exactly the currency's
decimals (``12.50``, ``1250`` for JPY) so a spreadsheet sums them; the csv module quotes
commas, quotes and newlines; a text cell a spreadsheet would run as a formula (leading ``=``,
``+``, ``-``, ``@``, or a tab/carriage return) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import TextIO
from zoneinfo import ZoneInfo

from recoverydesk.core.money import format_plain
from recoverydesk.store.month_lists import GestureLine

HEADER = ("date", "time", "employee", "category", "customer", "kind", "description", "cost",
          "value", "currency", "approved_by", "voided")
ANONYMOUS = "anonymous"
ERASED = "(erased)"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PROGRESS_EVERY = 500


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character is escaped with ``'``."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_csv(lines: Iterable[GestureLine], out: TextIO, currency: str, tz: ZoneInfo,
              progress: Callable[[int, int, str], None] | None = None,
              total: int = 0) -> int:
    """Write the header and one row per gesture to ``out``; return the number of rows.

    ``out`` should be opened with ``newline=""`` (the csv module writes ``\\r\\n``).
    """
    writer = csv.writer(out)
    writer.writerow(HEADER)
    rows = 0
    for line in lines:
        local = line.created_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(tz)
        customer = ANONYMOUS if line.customer is None else (line.customer or ERASED)
        writer.writerow((
            local.date().isoformat(), local.strftime("%H:%M"), neutralise(line.employee),
            neutralise(line.category), neutralise(customer), line.kind,
            neutralise(line.description), format_plain(line.cost_minor, currency),
            "" if line.value_minor is None else format_plain(line.value_minor, currency),
            currency, neutralise(line.approved_by or ""), "yes" if line.voided else "no"))
        rows += 1
        if progress is not None and rows % PROGRESS_EVERY == 0:
            progress(rows, total, "Writing gestures")
    return rows
