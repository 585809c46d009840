"""Does the window stay responsive while the Reports page works on a big month?

Setup (not timed): the history of ``benchmarks/report.py`` (50 staff, five years) at
100 000 incidents, bulk-loaded. The Reports page, signed in as the owner, then loads the
last full month (figures and escalations in a worker) and saves its PDF (in a worker).
Measured: the longest gap between two ticks of a 5 ms timer on the GUI thread while that
work runs, i.e. the longest the window could not repaint or take a key. Floor, same
process: the longest gap of the same timer over an idle event loop for as long. For
contrast, the same figures computed on the GUI thread (what the page avoids) are timed too.

    python benchmarks/reports_page.py [--incidents 100000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for entry in (str(ROOT), str(ROOT / "src")):
    if entry not in sys.path:
        sys.path.insert(0, entry)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.report import build  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from recoverydesk.core.months import Month  # noqa: E402
from recoverydesk.gui import theme  # noqa: E402
from recoverydesk.gui.pages.reports_page import ReportsPage  # noqa: E402
from recoverydesk.services import auth, business, reports, team  # noqa: E402

TARGET_MS = 100.0
TICK_MS = 5


class StallMeter:
    """The longest gap between ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def run_until(self, app: QApplication, done: object, limit_s: float = 600) -> float:
        """Spin the event loop until ``done()``; return the longest gap in ms."""
        self.longest, self.last = 0.0, time.perf_counter()
        self.timer.start()
        end = time.perf_counter() + limit_s
        while not done() and time.perf_counter() < end:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.001)
        self.timer.stop()
        return self.longest * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    theme.register_resources()
    theme.apply_theme(app, "light")
    end = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        t0 = time.perf_counter()
        build(path, args.incidents, end)
        print(f"{args.incidents:,} incidents loaded in {time.perf_counter() - t0:.0f} s",
              flush=True)
        business.open_business(path)
        try:
            month = Month.of(end.date()).previous()
            t0 = time.perf_counter()
            reports.month_figures(month)  # warm the cache, as the page's first load would
            blocking_ms = (time.perf_counter() - t0) * 1e3
            page = ReportsPage()
            page.resize(1366, 680)
            page.show()
            owner = team.employee_by_name("Owner")
            page.show_person(auth.sign_in(owner.id, "1234"))
            meter = StallMeter()
            meter.run_until(app, lambda: page.figures_task is None)  # this month, first
            print(f"this month shown; figures on the GUI thread: {blocking_ms:.0f} ms",
                  flush=True)
            t0 = time.perf_counter()
            page.select_month(month)
            figures_stall = meter.run_until(app, lambda: page.figures_task is None)
            figures_s = time.perf_counter() - t0
            assert page.figures is not None and page.figures.month == str(month)
            print(f"{month} shown after {figures_s:.1f} s", flush=True)
            target = Path(folder) / "report.pdf"
            ReportsPage.ask_save_path = staticmethod(  # type: ignore[method-assign]
                lambda *_args: str(target))
            t0 = time.perf_counter()
            page.save_pdf()
            pdf_stall = meter.run_until(app, lambda: page.file_task is None)
            pdf_s = time.perf_counter() - t0
            assert target.exists(), page.ui.message_label.text()
            idle_until = time.perf_counter() + figures_s + pdf_s
            floor = meter.run_until(app, lambda: time.perf_counter() > idle_until)
            incidents = page.figures.incidents
        finally:
            business.close_business()
    worst = max(figures_stall, pdf_stall)
    print(f"month {month}: {incidents} incidents; figures in the worker {figures_s * 1e3:.0f} ms "
          f"(on the GUI thread they would block {blocking_ms:.0f} ms), longest stall "
          f"{figures_stall:.0f} ms; PDF {pdf_s * 1e3:.0f} ms, longest stall {pdf_stall:.0f} ms; "
          f"idle floor {floor:.0f} ms", flush=True)
    print(f"reports_page: longest GUI stall {worst:.0f} ms = {worst / max(floor, 1):.1f}x the "
          f"idle floor ({floor:.0f} ms) at {args.incidents // 1000}k incidents "
          f"(target <= {TARGET_MS:g} ms)")


if __name__ == "__main__":
    main()
