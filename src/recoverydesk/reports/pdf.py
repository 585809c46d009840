"""The monthly PDF report (SPEC §6) from a :class:`Figures` and the month's incident list.

reportlab platypus: a header and a "page X of Y" footer on every page (the page states are kept
until the end so the total is known), the key figures, the per-employee table, the charts, the
breakdowns with their Wilson intervals, and the incident list. Text cells are Paragraphs, so
long names and descriptions wrap inside their column instead of running over it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from recoverydesk.core.months import zone
from recoverydesk.reports import charts
from recoverydesk.reports.figures import Breakdown, Figures
from recoverydesk.reports.fonts import (
    FontSet,
    needs_shaping,
    right_to_left,
    unicode_fonts,
    visual_words,
)
from recoverydesk.reports.formatting import FigureFormats
from recoverydesk.reports.lines import shorten, wrap_lines
from recoverydesk.reports.tables import TailTable
from recoverydesk.store.month_lists import IncidentLine

PAPERS = {"a4": A4, "letter": LETTER}
MARGIN = 16 * mm
INK, MUTED, RULE, BAND = (colors.HexColor(c) for c in
                          ("#1b2631", "#6b7785", "#d5dbe1", "#f2f5f7"))
WARN = colors.HexColor("#9a5b00")
KIND_LABELS = {"refund": "Refund", "replacement": "Replacement", "discount": "Discount",
               "free_item": "Free item", "upgrade": "Upgrade", "gift": "Gift",
               "other": "Other", "no_gesture": "No gesture"}
OUTCOME_LABELS = {"retained": "Retained", "lost": "Lost", "pending": "Pending",
                  "anonymous": "Anonymous"}
MAX_DESCRIPTION = 160
Progress = Callable[[int, int, str], None]


class _Styles:
    def __init__(self, fonts: FontSet) -> None:
        base = ParagraphStyle("base", fontName=fonts.regular, fontSize=8.5, leading=11,
                              textColor=INK)
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=7.5, leading=9.5)
        self.muted = ParagraphStyle("muted", self.small, textColor=MUTED)
        self.num = ParagraphStyle("num", self.small, alignment=TA_RIGHT)
        self.head = ParagraphStyle("head", self.small, fontName=fonts.bold, textColor=MUTED)
        self.head_num = ParagraphStyle("head_num", self.head, alignment=TA_RIGHT)
        self.title = ParagraphStyle("title", base, fontName=fonts.bold, fontSize=20,
                                    leading=24)
        self.subtitle = ParagraphStyle("subtitle", base, fontSize=11, leading=15,
                                       textColor=MUTED)
        self.h2 = ParagraphStyle("h2", base, fontName=fonts.bold, fontSize=12, leading=15,
                                 spaceBefore=12, spaceAfter=5)
        self.warn = ParagraphStyle("warn", base, textColor=WARN, fontName=fonts.bold)
        self.label = ParagraphStyle("label", base, textColor=MUTED)
        self.value = ParagraphStyle("value", base, fontName=fonts.bold, fontSize=9.5,
                                    leading=12, alignment=TA_RIGHT)


class _ShapedParagraph(Paragraph):
    """A paragraph in a script that is shaped (Arabic, Hebrew, Devanagari, Thai...): broken
    into lines for the width it gets by ``lines.wrap_lines`` (between clusters, where
    reportlab would break a long word anywhere), each line shaped on its own; right-to-left
    text gets each line's words in visual order (``fonts.visual_words``), the lines kept
    top to bottom (reportlab would draw the words in typed order)."""

    def __init__(self, text: str, style: ParagraphStyle, fonts: FontSet) -> None:
        self._logical, self._fonts = text, fonts
        self._bold = style.fontName == fonts.bold
        self._rtl = right_to_left(text)
        super().__init__(fonts.markup(text, self._bold), style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        style = self.style
        # A little short: a line reportlab broke again would lose its order or clusters.
        width = (availWidth - style.leftIndent - style.rightIndent) * 0.95
        lines = wrap_lines(self._fonts, self._logical, style.fontSize, width, self._bold)
        if self._rtl:
            lines = [" ".join(visual_words(line, rtl=True)) for line in lines]
        visual = "<br/>".join(self._fonts.markup(line, self._bold) for line in lines)
        super().__init__(visual, style)
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        return size


class _Report(FigureFormats):
    """Builds the flowables; knows the figures, fonts and formats, not the database."""

    def __init__(self, figures: Figures, fonts: FontSet, width: float) -> None:
        super().__init__(figures)
        self.fonts = fonts
        self.s = _Styles(fonts)
        self.width = width
        self.tz = zone(figures.timezone)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        style = style or self.s.small
        if needs_shaping(text):  # Arabic, Hebrew, Indic...: joined letters, right order
            style = ParagraphStyle(f"{style.name}-shaped", style, shaping=1)
            return _ShapedParagraph(text, style, self.fonts)
        return Paragraph(self.fonts.markup(text, style.fontName == self.fonts.bold), style)

    def n(self, text: str) -> Paragraph:
        return Paragraph(self.fonts.markup(text), self.s.num)

    # -- building blocks
    def table(self, header: Sequence[str], rows: list[list[Any]], fractions: Sequence[float],
              numeric: Iterable[int], total: list[Any] | None = None) -> Table:
        """A banded table; columns in ``numeric`` get right-aligned headers."""
        right = set(numeric)
        head = [Paragraph(self.fonts.markup(h, bold=True), self.s.head_num if i in right
                          else self.s.head) for i, h in enumerate(header)]
        data = [head, *rows] + ([total] if total else [])
        widths = [self.width * w / sum(fractions) for w in fractions]
        table = TailTable(data, colWidths=widths, repeatRows=1)
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        style += [("BACKGROUND", (0, i), (-1, i), BAND) for i in range(2, len(data), 2)
                  if not (total and i == len(data) - 1)]
        if total:
            style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
        table.setStyle(TableStyle(style))
        return table

    def header(self) -> list[Any]:
        f = self.f
        local = f.as_of.replace(tzinfo=UTC).astimezone(self.tz)
        items: list[Any] = [
            self.p(f.business, self.s.title),
            self.p(f"Service recovery report — {f.month}", self.s.subtitle),
            self.p(f"Figures as of {local:%Y-%m-%d %H:%M} ({f.timezone}); generated from the "
                   f"database at that moment. Retention window: {f.retention_days} days.",
                   self.s.muted),
        ]
        if f.provisional:
            items += [Spacer(1, 4), self.p(
                f"Provisional: {f.outcomes.pending} of the month's incidents with a known "
                f"customer are still inside their {f.retention_days}-day window, so the "
                "retention figures will change.", self.s.warn)]
        return items

    def key_figures(self) -> list[Any]:
        f, o = self.f, self.f.outcomes
        used = self.pct(f.spend_minor / f.budget_minor) if f.budget_minor else "–"
        known = o.incidents - o.anonymous
        minutes = f.median_resolution_minutes
        rate = o.retention
        interval = ("–" if rate.low is None or rate.high is None
                    else f"{self.pct(rate.low)}–{self.pct(rate.high)}")
        pairs = [
            ("Incidents", str(f.incidents)), ("Gestures", str(f.gestures)),
            ("Spend", self.money(f.spend_minor)), ("Total budget", self.money(f.budget_minor)),
            ("Retained / lost", f"{o.retained} / {o.lost}"),
            ("Pending / anonymous", f"{o.pending} / {o.anonymous}"),
            ("Retention rate", self.pct(rate.value)),
            ("95 % interval", f"{interval} (n = {rate.n})"),
            ("Cost per retained customer", self.money(f.cost_per_retained_minor)),
            ("Known customers", f"{known} of {o.incidents}"),
            ("Estimated value kept", self.money(f.value_kept_minor)
             if f.value_kept_minor is not None else "not set"),
            ("Return on spend (ROI)", self.pct(f.roi)),
            ("Resolved at the front line (goal > 95 %)", self.pct(f.front_line_share)),
            ("Median time to resolution", _duration(minutes)),
            ("Noticed by us first (proactive)", self.pct(f.proactive_share)),
            ("Follow-ups done on time", f"{self.pct(f.followups_on_time_share)} "
                                        f"({f.followups_on_time} of {f.followups_counted})"),
            ("Escalations (owner approved)", str(f.escalations)), ("Budget used", used),
        ]
        rows = []
        for i in range(0, len(pairs), 2):
            row: list[Any] = []
            for label, value in pairs[i:i + 2]:
                row += [self.p(label, self.s.label), self.p(value, self.s.value)]
            rows.append(row)
        quarter = self.width / 4
        table = Table(rows, colWidths=[quarter * 0.95, quarter * 1.05] * 2)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (1, 0), (1, -1), 14),
        ]))
        return [Paragraph("Key figures", self.s.h2), table]

    def employees(self) -> list[Any]:
        f = self.f
        rows = [[self.p(e.name + ("" if e.active else " (inactive)")),
                 self.n("no limit" if e.allowance_minor is None else self.money(
                     e.allowance_minor)),
                 self.n(self.money(e.spent_minor)), self.n(self.money(e.remaining_minor)),
                 self.n(str(e.incidents)), self.n(str(e.gestures)),
                 self.n(str(e.escalations)), self.n(str(e.retained))] for e in f.employees]
        total = [self.p("Total", self.s.head), self.n(self.money(f.budget_minor)),
                 self.n(self.money(sum(e.spent_minor for e in f.employees))), self.n(""),
                 self.n(str(sum(e.incidents for e in f.employees))),
                 self.n(str(sum(e.gestures for e in f.employees))),
                 self.n(str(sum(e.escalations for e in f.employees))),
                 self.n(str(sum(e.retained for e in f.employees)))]
        table = self.table(["Employee", "Allowance", "Spent", "Remaining", "Incidents",
                            "Gestures", "Escalations", "Retained"], rows,
                           (2.4, 1.6, 1.5, 1.6, 1.3, 1.3, 1.5, 1.3), range(1, 8), total)
        note = self.p("Allowance includes any rollover; incidents and retained count the "
                      "incidents each person logged, spend the gestures each person made.",
                      self.s.muted)
        return [Paragraph("Per employee", self.s.h2), table, Spacer(1, 3), note]

    def breakdown(self, title: str, rows: Sequence[Breakdown], label: Callable[[str], str],
                  note: Paragraph | None = None) -> list[Any]:
        data = [[self.p(label(b.key)), self.n(str(b.outcomes.incidents)),
                 self.n(self.money(b.spend_minor)), self.n(self.money(b.value_minor)),
                 self.n(f"{b.outcomes.retained} / {b.outcomes.lost}"),
                 self.n(f"{b.outcomes.pending} / {b.outcomes.anonymous}"),
                 self.n(self.rate(b.outcomes.retention))] for b in rows]
        if not data:
            data = [[self.p("None this month.", self.s.muted), *[""] * 6]]
        table = self.table([title, "Incidents", "Spend", "Value to customers",
                            "Retained / lost", "Pending / anon.",
                            "Retention (95 % interval)"], data,
                           (2.3, 1.2, 1.4, 1.5, 1.3, 1.3, 3.2), range(1, 7))
        extra = [Spacer(1, 3), note] if note is not None else []
        return [KeepTogether([Paragraph(f"By {title.lower()}", self.s.h2), table, *extra])]

    def incident_list(self, incidents: Iterable[IncidentLine]) -> list[Any]:
        rows = []
        for line in incidents:
            local = line.reported_at.replace(tzinfo=UTC).astimezone(self.tz)
            customer = ("anonymous" if line.customer is None
                        else line.customer or "(erased)")
            what = shorten(line.description, MAX_DESCRIPTION)
            kinds = ", ".join(KIND_LABELS.get(k, k) for k in line.kinds.split(",") if k)
            rows.append([
                self.p(f"{local:%d.%m %H:%M}"), self.p(line.employee),
                [self.p(line.category, ParagraphStyle("cat", self.s.small,
                                                      fontName=self.fonts.bold)),
                 self.p(what, self.s.muted)],
                self.p(customer), self.p(kinds or "–"), self.n(self.money(line.cost_minor)),
                self.p(OUTCOME_LABELS.get(line.outcome, line.outcome))])
        if not rows:
            return [Paragraph("Incidents of the month", self.s.h2),
                    self.p("No incidents were logged in this month.", self.s.body)]
        table = self.table(["Date", "Employee", "Category and what happened", "Customer",
                            "Gestures", "Cost", "Outcome"], rows,
                           (1.0, 1.7, 3.3, 1.8, 1.7, 1.7, 1.6), (5,))
        return [Paragraph(f"Incidents of the month ({len(rows)})", self.s.h2), table]


def _duration(minutes: float | None) -> str:
    if minutes is None:
        return "– (none resolved)"
    whole = round(minutes)
    if whole < 60:
        return f"{whole} min"
    hours, rest = divmod(whole, 60)
    return f"{hours} h {rest} min" if hours < 48 else f"{hours / 24:.1f} days"


def _page_canvas(report: _Report, paper: tuple[float, float]) -> type[Canvas]:
    """A canvas that keeps each page until the end, then draws header and footer with the
    total page count ("page X of Y")."""
    f = report.f
    local = f.as_of.replace(tzinfo=UTC).astimezone(report.tz)
    stamp = f"As of {local:%Y-%m-%d %H:%M} {f.timezone}" + (
        " · provisional" if f.provisional else "")
    styles = report.s

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = paper
            inner = width - 2 * MARGIN
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, height - MARGIN + 4, width - MARGIN, height - MARGIN + 4)
            self.line(MARGIN, MARGIN - 6, width - MARGIN, MARGIN - 6)
            for text, style, y, right in (
                    (f.business, styles.muted, height - MARGIN + 8, False),
                    (f"Recovery report {f.month}", styles.muted, height - MARGIN + 8, True),
                    (stamp, styles.muted, MARGIN - 16, False),
                    (f"page {number} of {total}", styles.muted, MARGIN - 16, True)):
                para = report.p(text, ParagraphStyle("deco", style,
                                                     alignment=TA_RIGHT if right else 0))
                para.wrapOn(self, inner * 0.6, 20)
                para.drawOn(self, MARGIN + (inner * 0.4 if right else 0), y)

    return PagedCanvas


def write_report(figures: Figures, incidents: Iterable[IncidentLine], out: BinaryIO, *,
                 paper: str = "a4", fonts: FontSet | None = None,
                 progress: Progress | None = None) -> None:
    """Write the report PDF to the binary stream ``out``.

    Args:
        paper: ``a4`` or ``letter``.
        fonts: the shipped Unicode fonts unless given (the benchmark passes built-ins).
        progress: ``progress(done, total, label)`` after each part.
    """
    size = PAPERS[paper]
    fonts = fonts or unicode_fonts()
    steps = 5

    def step(done: int, label: str) -> None:
        if progress is not None:
            progress(done, steps, label)

    report = _Report(figures, fonts, size[0] - 2 * MARGIN)
    step(0, "Key figures")
    story: list[Any] = [*report.header(), *report.key_figures(), *report.employees()]
    step(1, "Charts")
    story += [KeepTogether([Paragraph("Spend against allowance", report.s.h2),
                            charts.employee_chart(figures, fonts, report.width,
                                                  report.money)]),
              KeepTogether([Paragraph("The last twelve months", report.s.h2),
                            charts.series_chart(figures, fonts, report.width,
                                                report.money)])]
    step(2, "Breakdowns")
    story += report.breakdown("Category", figures.by_category, lambda k: k)
    story += report.breakdown("Gesture kind", figures.by_kind, lambda k: KIND_LABELS.get(k, k))
    story += report.breakdown("Severity", figures.by_severity, lambda k: k.capitalize(),
                              note=report.p(
                                  "Category, kind and severity rows count the month's "
                                  "incidents; spend and value are the non-voided gestures on "
                                  "them. An incident with several kinds of gesture counts "
                                  "under each kind.", report.s.muted))
    step(3, "Incident list")
    story += report.incident_list(incidents)
    step(4, "Laying out pages")
    document = SimpleDocTemplate(
        out, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 6,
        bottomMargin=MARGIN + 4, title=f"{figures.business} — recovery report {figures.month}",
        author=figures.business, subject="Service recovery report", creator="RecoveryDesk")
    document.build(story, canvasmaker=_page_canvas(report, size))
    step(5, "Done")
