"""What the Reports page shows of a month's figures: the key figures as text and the tables.

Formatting follows the business locale and currency (``core.money`` for amounts, Babel for
percentages), as the PDF does; nothing here computes a figure, it only shows ``Figures``.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from datetime import UTC

from babel.dates import format_date, format_datetime
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from recoverydesk.core.months import Month, zone
from recoverydesk.reports.figures import Breakdown, Figures
from recoverydesk.reports.formatting import FigureFormats
from recoverydesk.services.escalations import Escalations


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


class Formats(FigureFormats):
    """The PDF's money, percentages and rates (``reports.formatting``), and moments and
    month names, in the figures' own locale and currency."""

    def as_of(self) -> str:
        local = self.f.as_of.replace(tzinfo=UTC).astimezone(zone(self.f.timezone))
        return format_datetime(local, "short", locale=self.f.locale)

    def month_name(self, month: str) -> str:
        return month_name(month, self.f.locale)

    def short_month(self, month: str) -> str:
        return format_date(Month.parse(month).first_day(), "LLL", locale=self.f.locale)


def month_name(month: str, locale: str) -> str:
    """``November 2026`` in the locale, capitalised (``listopad 2026`` -> ``Listopad 2026``)."""
    name = format_date(Month.parse(month).first_day(), "LLLL y", locale=locale)
    return name[:1].upper() + name[1:]


def duration(minutes: float | None) -> str:
    if minutes is None:
        return _tr("– (none resolved)")
    whole = round(minutes)
    if whole < 60:
        return _tr("%d min") % whole
    hours, rest = divmod(whole, 60)
    return _tr("%d h %d min") % (hours, rest) if hours < 48 else _tr("%.1f days") % (hours / 24)


def key_figure_captions() -> list[tuple[str, str]]:
    """``(key, caption)`` of every key figure of SPEC §6, in reading order."""
    return [
        ("incidents", _tr("Incidents")), ("gestures", _tr("Gestures")),
        ("spend", _tr("Spend / total budget")), ("budget_used", _tr("Budget used")),
        ("retained_lost", _tr("Retained / lost")),
        ("pending_anonymous", _tr("Pending / anonymous")),
        ("retention", _tr("Retention rate (95 % range)")),
        ("cost_per_retained", _tr("Cost per retained customer")),
        ("value_kept", _tr("Estimated value kept")), ("roi", _tr("Return on spend (ROI)")),
        ("front_line", _tr("Resolved at the front line (goal > 95 %)")),
        ("escalations", _tr("Escalations (owner approved)")),
        ("median_resolution", _tr("Median time to resolution")),
        ("proactive", _tr("Noticed by us first (proactive)")),
        ("followups", _tr("Follow-ups done on time")),
    ]


def key_figure_values(f: Figures) -> dict[str, str]:
    """The key figures as shown, by the keys of :func:`key_figure_captions`."""
    fmt = Formats(f)
    o = f.outcomes
    return {
        "incidents": str(f.incidents), "gestures": str(f.gestures),
        "spend": f"{fmt.money(f.spend_minor)} / {fmt.money(f.budget_minor)}",
        "budget_used": fmt.pct(f.spend_minor / f.budget_minor) if f.budget_minor else "–",
        "retained_lost": f"{o.retained} / {o.lost}",
        "pending_anonymous": f"{o.pending} / {o.anonymous}",
        "retention": fmt.rate(o.retention),
        "cost_per_retained": fmt.money(f.cost_per_retained_minor),
        "value_kept": (fmt.money(f.value_kept_minor) if f.value_kept_minor is not None
                       else _tr("not set")),
        "roi": fmt.pct(f.roi), "front_line": fmt.pct(f.front_line_share),
        "escalations": str(f.escalations),
        "median_resolution": duration(f.median_resolution_minutes),
        "proactive": fmt.pct(f.proactive_share),
        "followups": f"{fmt.pct(f.followups_on_time_share)} ({f.followups_on_time} / "
                     f"{f.followups_counted})",
    }


def key_figures(f: Figures) -> list[tuple[str, str, str]]:
    """``(key, caption, value)`` in reading order."""
    values = key_figure_values(f)
    return [(key, caption, values[key]) for key, caption in key_figure_captions()]


ROW_HEIGHT = 24
KIND_NAMES = {"refund": "Refund", "replacement": "Replacement", "discount": "Discount",
              "free_item": "Free item", "upgrade": "Upgrade", "gift": "Gift",
              "other": "Other", "no_gesture": "No gesture"}


def employee_rows(f: Figures) -> tuple[list[str], list[list[str]]]:
    fmt = Formats(f)
    header = [_tr("Employee"), _tr("Allowance"), _tr("Spent"), _tr("Remaining"),
              _tr("Incidents"), _tr("Gestures"), _tr("Escalations"), _tr("Retained")]
    rows = [[e.name + ("" if e.active else _tr(" (inactive)")),
             _tr("no limit") if e.allowance_minor is None else fmt.money(e.allowance_minor),
             fmt.money(e.spent_minor), fmt.money(e.remaining_minor), str(e.incidents),
             str(e.gestures), str(e.escalations), str(e.retained)] for e in f.employees]
    if rows:  # as the PDF: the total budget, and sums of the columns that add up
        people = f.employees
        rows.append([_tr("Total"), fmt.money(f.budget_minor),
                     fmt.money(sum(e.spent_minor for e in people)), "",
                     *(str(sum(getattr(e, name) for e in people))
                       for name in ("incidents", "gestures", "escalations", "retained"))])
    return header, rows


def breakdown_rows(f: Figures, title: str, rows: Sequence[Breakdown],
                   label: Callable[[str], str]) -> tuple[list[str], list[list[str]]]:
    fmt = Formats(f)
    header = [title, _tr("Incidents"), _tr("Spend"), _tr("Value to customers"),
              _tr("Retained / lost"), _tr("Pending / anon."), _tr("Retention (95 % range)")]
    return header, [[label(b.key), str(b.outcomes.incidents), fmt.money(b.spend_minor),
                     fmt.money(b.value_minor), f"{b.outcomes.retained} / {b.outcomes.lost}",
                     f"{b.outcomes.pending} / {b.outcomes.anonymous}",
                     fmt.rate(b.outcomes.retention)] for b in rows]


def all_breakdowns(f: Figures) -> list[tuple[list[str], list[list[str]]]]:
    return [
        breakdown_rows(f, _tr("Category"), f.by_category, lambda k: k),
        breakdown_rows(f, _tr("Gesture kind"), f.by_kind,
                       lambda k: _tr(KIND_NAMES.get(k, k))),
        breakdown_rows(f, _tr("Severity"), f.by_severity, lambda k: _tr(k.capitalize())),
    ]


def escalation_rows(f: Figures, found: Sequence[Escalations]
                    ) -> tuple[list[str], list[list[str]]]:
    fmt = Formats(f)
    header = [_tr("Employee"), _tr("Approvals"), _tr("Approved spend"),
              _tr("Over the limits by"), _tr("Approved by")]
    return header, [[e.employee, str(e.count), fmt.money(e.approved_minor),
                     fmt.money(e.over_minor),
                     ", ".join(f"{name} ({n})" for name, n in e.approvers)] for e in found]


def fill_table(table: QTableWidget, header: list[str], rows: list[list[str]],
               numeric: Container[int] | None = None) -> None:
    """Read-only table of text; ``numeric`` columns (default: all but the first) are
    right-aligned."""
    table.clear()
    table.setColumnCount(len(header))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(header)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if (c > 0) if numeric is None else (c in numeric):
                item.setTextAlignment(right)
            table.setItem(r, c, item)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header_view = table.horizontalHeader()
    header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def fit_height(table: QTableWidget) -> None:
    """As tall as its rows (several tables share a tab; none scrolls while there is room)."""
    header = table.horizontalHeader().sizeHint().height()
    table.setMaximumHeight(header + ROW_HEIGHT * max(table.rowCount(), 1)
                           + 2 * table.frameWidth() + 2)
