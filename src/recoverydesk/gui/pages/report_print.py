"""Printing the month's report with Qt: the same figures, tables and charts as the page,
laid out as one rich-text document onto any ``QPagedPaintDevice`` (a printer, or a PDF
file through ``QPrinter`` in tests).

The charts are painted in print colours into images at print resolution; the full list of
the month's incidents is in the saved PDF, not in the printout.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from recoverydesk.gui.pages.report_views import (
    Formats,
    all_breakdowns,
    employee_rows,
    escalation_rows,
    key_figures,
)
from recoverydesk.gui.widgets.report_charts import LIGHT, ChartWidget
from recoverydesk.reports.figures import Figures
from recoverydesk.services.escalations import Escalations

CHART_SIZE = (1600, 620)  # image pixels; drawn across the text width
BODY_POINTS = 8.0
DOC_MARGIN = 20  # QTextDocument's default page margin, in points (QTextFrame margin)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsPage", text)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='{'left' if i == 0 else 'right'}'>{escape(h)}</th>"
                   for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(
        f"<td align='{'left' if i == 0 else 'right'}'>{escape(cell)}</td>"
        for i, cell in enumerate(row)) + "</tr>" for row in rows)
    if not rows:
        body = f"<tr><td colspan='{len(header)}'><i>{escape(_tr('None this month.'))}</i></td></tr>"
    return (f"<table width='100%' cellspacing='0' cellpadding='3' border='0.5'>"
            f"<tr>{head}</tr>{body}</table>")


def _chart_image(chart: ChartWidget) -> QImage:
    image = QImage(*CHART_SIZE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        font = QFont(chart.font())
        font.setPixelSize(30)
        painter.setFont(font)
        chart.paint_on(painter, QRectF(8, 8, CHART_SIZE[0] - 16, CHART_SIZE[1] - 16), LIGHT)
    finally:
        painter.end()
    return image


def report_document(figures: Figures, escalations: Sequence[Escalations],
                    charts: Sequence[ChartWidget], text_width: float) -> QTextDocument:
    """The printable report: header, key figures, charts, tables and escalations, laid out
    for a text column ``text_width`` points wide."""
    fmt = Formats(figures)
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    parts = [f"<h1>{escape(figures.business)}</h1>",
             f"<h2>{escape(_tr('Service recovery report'))} — "
             f"{escape(fmt.month_name(figures.month))} ({escape(figures.month)})</h2>",
             f"<p>{escape(_tr('Figures as of %s (%s).') % (fmt.as_of(), figures.timezone))}"
             "</p>"]
    if figures.provisional:
        parts.append("<p><b>" + escape(_tr(
            "Provisional: %d incidents with a known customer are still inside their "
            "%d-day retention window.") % (figures.outcomes.pending, figures.retention_days))
            + "</b></p>")
    parts.append(f"<h3>{escape(_tr('Key figures'))}</h3>")
    parts.append(_table([_tr("Figure"), _tr("Value")],
                        [[caption, value] for _key, caption, value in key_figures(figures)]))
    for index, chart in enumerate(charts):
        name = f"chart-{index}.png"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                             _chart_image(chart))
        parts.append(f"<p><img src='{name}' width='{int(text_width)}'></p>")
    parts.append(f"<h3>{escape(_tr('Per employee'))}</h3>")
    parts.append(_table(*employee_rows(figures)))
    for header, rows in all_breakdowns(figures):
        parts.append(f"<h3>{escape(_tr('By %s') % header[0].lower())}</h3>")
        parts.append(_table(header, rows))
    parts.append(f"<h3>{escape(_tr('Escalations'))}</h3>")
    parts.append(_table(*escalation_rows(figures, escalations)))
    document.setHtml("".join(parts))
    return document


def print_report(printer: QPrinter, figures: Figures, escalations: Sequence[Escalations],
                 charts: Sequence[ChartWidget]) -> None:
    rect = printer.pageLayout().paintRectPoints()
    document = report_document(figures, escalations, charts, rect.width() - 2 * DOC_MARGIN)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(printer)
