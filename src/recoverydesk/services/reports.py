"""The monthly report use cases (SPEC §6, §8): figures, the PDF and the CSV export.

Each takes a Qt-free ``progress(done, total, label)`` callable so the window can show progress
from a worker; the CLI passes none. Reading only, from one snapshot (``_base.snapshot``, no
lock), which is let go before a PDF renders.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from recoverydesk.core.months import Month, local_date, month_range_utc
from recoverydesk.reports import figures as figures_module
from recoverydesk.reports.figures import Figures
from recoverydesk.services import _base
from recoverydesk.services.saving import save_file
from recoverydesk.store import month_lists, month_queries
from recoverydesk.store.month_queries import Period

Progress = Callable[[int, int, str], None]


def month_figures(month: Month, now: datetime | None = None,
                  progress: Progress | None = None) -> Figures:
    """The report figures of ``month`` as of ``now`` (default: the clock), read from one
    snapshot so that totals and breakdowns agree while the tills keep logging."""
    with _base.snapshot():
        return figures_module.compute(month, now=_base.utcnow(now), progress=progress)


def _one_month_period(month: Month, as_of: datetime) -> Period:
    settings = _base.settings()
    tz = settings.tz
    return Period(month_range_utc(month, tz), tz, settings.retention_days,
                  local_date(as_of, tz))


def _half(progress: Progress | None, offset: int) -> Progress | None:
    """Map a stage's own ``(done, total)`` onto half of a 0..10 scale starting at ``offset``."""
    if progress is None:
        return None
    report = progress

    def scaled(done: int, total: int, label: str) -> None:
        report(offset + done * 5 // max(total, 1), 10, label)
    return scaled


def build_pdf(month: Month, paper: str = "a4", now: datetime | None = None,
              progress: Progress | None = None) -> tuple[bytes, Figures]:
    """The monthly PDF as bytes, with the figures it shows."""
    from recoverydesk.reports.pdf import write_report  # reportlab only when needed

    as_of = _base.utcnow(now)
    with _base.snapshot():  # the figures and the incident list from the same data
        figures = figures_module.compute(month, now=as_of, progress=_half(progress, 0))
        incidents = list(month_lists.month_incidents(_one_month_period(month, as_of)))
    buffer = io.BytesIO()
    write_report(figures, incidents, buffer, paper=paper, progress=_half(progress, 5))
    if progress is not None:
        progress(10, 10, "Done")
    return buffer.getvalue(), figures


def save_pdf(month: Month, path: str | Path, paper: str = "a4", now: datetime | None = None,
             progress: Progress | None = None) -> Figures:
    """Write the monthly PDF to ``path`` (atomically) and return its figures."""
    data, figures = build_pdf(month, paper, now, progress)
    save_file(path, data)
    return figures


def export_csv(month: Month, target: str | Path | BinaryIO,
               progress: Progress | None = None) -> int:
    """Write the month's gestures as CSV to a path (atomically) or a binary stream; return
    the number of gesture rows."""
    from recoverydesk.reports.export import write_csv

    figures_module.check_reportable(month)
    settings = _base.settings()
    month_queries.check_moments_placeable()
    start, end = month_range_utc(month, settings.tz)
    text = io.StringIO(newline="")
    rows = write_csv(month_lists.month_gestures(start, end), text, settings.currency,
                     settings.tz, progress)
    data = text.getvalue().encode("utf-8")
    if isinstance(target, (str, Path)):
        save_file(target, data)
    else:
        target.write(data)
    if progress is not None:
        progress(rows, rows, "Done")
    return rows
