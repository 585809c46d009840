"""The report's charts (reportlab graphics): spend against allowance per employee, and the
last twelve months' spend against budget and retention rate.

Amounts are plotted in minor units and labelled through ``money`` so nothing here turns money
into floats. Chart labels take no markup: fixed labels use the font set's chart font (Latin,
Cyrillic, CJK); employee names are drawn one by one, each in a font that has all its
characters and shaped when its script needs it (Arabic, Hebrew).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from recoverydesk.reports.figures import Figures
from recoverydesk.reports.fonts import FontSet, label_runs
from recoverydesk.reports.formatting import nice_max
from recoverydesk.reports.lines import shorten

SPENT = colors.HexColor("#1f6f8b")
ALLOWANCE = colors.HexColor("#c9d6df")
RATE = colors.HexColor("#d9822b")
GRID = colors.HexColor("#e4e7eb")
TEXT = colors.HexColor("#333333")
Money = Callable[[int], str]
MAX_EMPLOYEE_CHART = 600  # points: below a Letter page's frame with the heading above it


def _legend(fonts: FontSet, x: float, y: float, items: list[tuple[colors.Color, str]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = fonts.chart, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 90
    legend.colorNamePairs = items
    return legend


def employee_chart(figures: Figures, fonts: FontSet, width: float, money: Money) -> Drawing:
    """Horizontal bars per employee: allowance in force (light) and spent (dark)."""
    rows = list(reversed(figures.employees))  # first name at the top
    # Bars get thinner past ~34 people so the chart still fits one page (A4 or Letter).
    bar_height = min(16.0, (MAX_EMPLOYEE_CHART - 55) / max(len(rows), 1))
    height = max(80, bar_height * len(rows) + 55)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 120, 30
    chart.width, chart.height = width - 140, height - 55
    chart.data = [[e.allowance_minor or 0 for e in rows], [e.spent_minor for e in rows]]
    chart.bars[0].fillColor, chart.bars[1].fillColor = ALLOWANCE, SPENT
    chart.bars.strokeColor = None
    chart.barSpacing, chart.groupSpacing = 1, 5
    chart.categoryAxis.labels.visible = False  # the names follow, each in its own font
    chart.categoryAxis.strokeColor = GRID
    size = min(7.5, max(bar_height * 0.8, 3.0))
    step = chart.height / max(len(rows), 1)
    for index, employee in enumerate(rows):  # category 0 is the bottom one
        y = chart.y + (index + 0.5) * step - size * 0.35
        runs, label_width = label_runs(fonts, shorten(employee.name, 22), size)
        start = chart.x - 4 - label_width  # right-aligned on the axis
        for text, font, x in runs:
            drawing.add(String(start + x, y, text, fontName=font, fontSize=size,
                               fillColor=TEXT))
    top = nice_max(max([*chart.data[0], *chart.data[1], 0]))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.valueAxis.valueStep = top // 4 or 1
    chart.valueAxis.labelTextFormat = lambda v: money(int(v))
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = fonts.chart, 7
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, GRID
    drawing.add(chart)
    drawing.add(_legend(fonts, width - 200, height - 8,
                        [(ALLOWANCE, "Allowance (none shown: no limit)"), (SPENT, "Spent")]))
    return drawing


def series_chart(figures: Figures, fonts: FontSet, width: float, money: Money) -> Drawing:
    """Twelve months: spend and budget as bars, and the retention rate as a line above."""
    height = 250
    drawing = Drawing(width, height)
    labels = [p.month[2:].replace("-", "/") for p in figures.months]  # "25/11"
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 60, 25, width - 75, 110
    bars.data = [[p.budget_minor for p in figures.months],
                 [p.spend_minor for p in figures.months]]
    bars.bars[0].fillColor, bars.bars[1].fillColor = ALLOWANCE, SPENT
    bars.bars.strokeColor = None
    bars.barSpacing, bars.groupSpacing = 1, 6
    bars.categoryAxis.categoryNames = labels
    bars.categoryAxis.labels.fontName = fonts.chart
    bars.categoryAxis.labels.fontSize = 7
    bars.categoryAxis.strokeColor = GRID
    top = nice_max(max([*bars.data[0], *bars.data[1], 0]))
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, top
    bars.valueAxis.valueStep = top // 4 or 1
    bars.valueAxis.labelTextFormat = lambda v: money(int(v))
    bars.valueAxis.labels.fontName, bars.valueAxis.labels.fontSize = fonts.chart, 7
    bars.valueAxis.strokeColor = GRID
    bars.valueAxis.visibleGrid, bars.valueAxis.gridStrokeColor = True, GRID
    drawing.add(bars)
    drawing.add(_legend(fonts, width - 190, 148, [(ALLOWANCE, "Budget"), (SPENT, "Spend")]))

    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = 60, 170, width - 75, 65
    line.lines[0].strokeColor, line.lines[0].strokeWidth = RATE, 1.5
    rates = [p.outcomes.retention.value for p in figures.months]
    points = [None if r is None else round(r * 100) for r in rates]
    if all(point is None for point in points):  # reportlab cannot draw an empty line
        points = [0] * len(points)
        line.lines[0].strokeColor = None
        drawing.add(String(width / 2, 207, "No retained or lost customers in these months.",
                           fontName=fonts.chart, fontSize=8, fillColor=TEXT,
                           textAnchor="middle"))
    line.data = [points]
    line.joinedLines = 1
    line.lines[0].symbol = None
    line.categoryAxis.categoryNames = labels
    line.categoryAxis.labels.fontSize = 0.01  # the bars below carry the month labels
    line.categoryAxis.strokeColor = GRID
    line.valueAxis.valueMin, line.valueAxis.valueMax, line.valueAxis.valueStep = 0, 100, 25
    line.valueAxis.labelTextFormat = "%d %%"
    line.valueAxis.labels.fontName, line.valueAxis.labels.fontSize = fonts.chart, 7
    line.valueAxis.strokeColor = GRID
    line.valueAxis.visibleGrid, line.valueAxis.gridStrokeColor = True, GRID
    drawing.add(line)
    drawing.add(String(60, 242, "Retention rate (retained / (retained + lost))",
                       fontName=fonts.chart, fontSize=8, fillColor=TEXT))
    drawing.add(String(60, 140, "Spend and budget", fontName=fonts.chart, fontSize=8,
                       fillColor=TEXT))
    return drawing


