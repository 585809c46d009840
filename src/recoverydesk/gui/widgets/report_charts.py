"""The report's two charts painted with QPainter, from the same Figures the PDF draws.

``paint_employee_chart`` (spend against allowance per employee) and ``paint_series_chart``
(the last twelve months' spend against budget, and the retention rate) draw into any
rectangle of any paint device, so the page's widgets and the printed report share them.
Colours come in a :class:`ChartColours`: the screen's follow the theme, print uses light.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from recoverydesk.reports.figures import Figures
from recoverydesk.reports.formatting import nice_max

Money = Callable[[int], str]


@dataclass(frozen=True)
class ChartColours:
    text: QColor
    muted: QColor
    grid: QColor
    spent: QColor
    allowance: QColor
    over: QColor
    rate: QColor


LIGHT = ChartColours(QColor("#1b2631"), QColor("#5b6570"), QColor("#dde2e7"),
                     QColor("#1f6f8b"), QColor("#c9d6df"), QColor("#b00020"),
                     QColor("#c46a12"))
DARK = ChartColours(QColor("#e8eaed"), QColor("#aab2bd"), QColor("#3a3f46"),
                    QColor("#4fb3d9"), QColor("#46535e"), QColor("#ff8a80"),
                    QColor("#ffb45e"))


def colours_for(palette: QPalette) -> ChartColours:
    """Dark colours on a dark window, light ones otherwise."""
    return DARK if palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5 else LIGHT


def _legend(painter: QPainter, x: float, top: float,
            items: list[tuple[QColor, str, bool]], colours: ChartColours) -> None:
    """Swatches (a line when the flag is set) with their labels, left to right, in a row
    one text line high starting at ``top``; sizes follow the font, so print scales too."""
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    for colour, label, is_line in items:
        if is_line:
            painter.setPen(QPen(colour, max(line / 7, 2.0)))
            painter.drawLine(QPointF(x, top + line / 2), QPointF(x + line, top + line / 2))
        else:
            painter.fillRect(QRectF(x, top + line * 0.2, line, line * 0.6), colour)
        painter.setPen(colours.text)
        painter.drawText(QPointF(x + line * 1.3, top + metrics.ascent()), label)
        x += line * 1.3 + metrics.horizontalAdvance(label) + line


def _title(painter: QPainter, rect: QRectF, text: str, colours: ChartColours) -> None:
    painter.setPen(colours.text)
    painter.drawText(QPointF(rect.left(), rect.top() + QFontMetricsF(painter.font()).ascent()),
                     text)


def paint_employee_chart(painter: QPainter, rect: QRectF, figures: Figures, money: Money,
                         colours: ChartColours, labels: dict[str, str]) -> None:
    """Horizontal bars per employee: allowance in force (light), spent (dark, red past the
    allowance). ``labels``: ``title``, ``spent``, ``allowance``, ``no_limit``, ``none``."""
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    _title(painter, rect, labels["title"], colours)
    _legend(painter, rect.left(), rect.top() + line * 1.3,
            [(colours.spent, labels["spent"], False),
             (colours.allowance, labels["allowance"], False)], colours)
    top = rect.top() + line * 3
    people = figures.employees
    if not people:
        painter.setPen(colours.muted)
        painter.drawText(QPointF(rect.left(), top + line), labels["none"])
        return
    name_width = min(rect.width() * 0.28, max(metrics.horizontalAdvance(e.name)
                                              for e in people) + 8)
    value_width = min(rect.width() * 0.3, max(
        metrics.horizontalAdvance(_employee_value(e.spent_minor, e.allowance_minor, money,
                                                  labels["no_limit"])) for e in people) + 8)
    left = rect.left() + name_width
    track = max(rect.right() - value_width - left, 10.0)
    scale = max(max(e.spent_minor for e in people),
                max((e.allowance_minor or 0) for e in people), 1)
    row = min(max((rect.bottom() - top) / len(people), line + 2), line * 2.2)
    bar = row * 0.62
    for index, e in enumerate(people):
        y = top + index * row
        painter.setPen(colours.text)
        name = metrics.elidedText(e.name, Qt.TextElideMode.ElideRight, name_width - 8)
        painter.drawText(QRectF(rect.left(), y, name_width - 8, row),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), name)
        bar_top = y + (row - bar) / 2
        if e.allowance_minor is not None:
            painter.fillRect(QRectF(left, bar_top, track * e.allowance_minor / scale, bar),
                             colours.allowance)
        spent = track * e.spent_minor / scale
        inner = QRectF(left, bar_top + bar * 0.2, spent, bar * 0.6)
        painter.fillRect(inner, colours.spent)
        if e.allowance_minor is not None and e.spent_minor > e.allowance_minor:
            cut = track * e.allowance_minor / scale
            painter.fillRect(QRectF(left + cut, inner.top(), spent - cut, inner.height()),
                             colours.over)
        painter.setPen(colours.muted)
        painter.drawText(QRectF(left + max(spent, track * (e.allowance_minor or 0) / scale)
                                + 6, y, value_width + track, row),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         _employee_value(e.spent_minor, e.allowance_minor, money,
                                         labels["no_limit"]))


def _employee_value(spent: int, allowance: int | None, money: Money, no_limit: str) -> str:
    return f"{money(spent)} / {no_limit if allowance is None else money(allowance)}"


def paint_series_chart(painter: QPainter, rect: QRectF, figures: Figures, money: Money,
                       colours: ChartColours, labels: dict[str, str],
                       month_label: Callable[[str], str]) -> None:
    """Twelve months: budget (light) and spend (dark) bars on the money axis at the left,
    the retention rate as a line on the 0–100 % axis at the right (gaps where undefined).
    ``labels``: ``title``, ``spend``, ``budget``, ``rate``."""
    metrics = QFontMetricsF(painter.font())
    line = metrics.height()
    _title(painter, rect, labels["title"], colours)
    _legend(painter, rect.left(), rect.top() + line * 1.3,
            [(colours.spent, labels["spend"], False), (colours.allowance, labels["budget"], False),
             (colours.rate, labels["rate"], True)], colours)
    points = figures.months
    top_money = nice_max(max([max(p.spend_minor, p.budget_minor) for p in points] or [0]))
    ticks = [0, top_money // 2, top_money]
    axis_width = max(metrics.horizontalAdvance(money(t)) for t in ticks) + 8
    rate_width = metrics.horizontalAdvance("100 %") + 8
    plot = QRectF(rect.left() + axis_width, rect.top() + line * 3.2,
                  rect.width() - axis_width - rate_width, rect.height() - line * 4.6)
    if plot.width() < 20 or plot.height() < 20 or not points:
        return
    for i, tick in enumerate(ticks):
        y = plot.bottom() - plot.height() * i / 2
        painter.setPen(QPen(colours.grid, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(colours.muted)
        painter.drawText(QRectF(rect.left(), y - line / 2, axis_width - 6, line),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         money(tick))
        painter.drawText(QRectF(plot.right() + 4, y - line / 2, rate_width, line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         f"{50 * i} %")
    slot = plot.width() / len(points)
    path = QPainterPath()
    drawing = False
    dots = []
    for index, point in enumerate(points):
        x = plot.left() + slot * index
        budget_h = plot.height() * point.budget_minor / top_money
        spend_h = plot.height() * point.spend_minor / top_money
        painter.fillRect(QRectF(x + slot * 0.12, plot.bottom() - budget_h, slot * 0.76,
                                budget_h), colours.allowance)
        painter.fillRect(QRectF(x + slot * 0.3, plot.bottom() - spend_h, slot * 0.4, spend_h),
                         colours.spent)
        painter.setPen(colours.muted)
        painter.drawText(QRectF(x, plot.bottom() + 2, slot, line),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         month_label(point.month))
        value = point.outcomes.retention.value
        if value is None:
            drawing = False
            continue
        centre = QPointF(x + slot / 2, plot.bottom() - plot.height() * value)
        if drawing:
            path.lineTo(centre)
        else:
            path.moveTo(centre)
        drawing = True
        dots.append(centre)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(colours.rate, 2.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(colours.rate)
    for dot in dots:
        painter.drawEllipse(dot, 3.0, 3.0)
    painter.setBrush(Qt.BrushStyle.NoBrush)


class ChartWidget(QWidget):
    """A painted chart of the figures shown: ``kind`` is "employees" or "months"."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.figures: Figures | None = None
        self.money: Money = str
        self.labels: dict[str, str] = {}
        self.month_label: Callable[[str], str] = str
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_figures(self, figures: Figures | None, money: Money, labels: dict[str, str],
                     month_label: Callable[[str], str] = str) -> None:
        self.figures, self.money, self.labels, self.month_label = (figures, money, labels,
                                                                   month_label)
        self.update()

    def paint_on(self, painter: QPainter, rect: QRectF, colours: ChartColours) -> None:
        if self.figures is None:
            return
        if self.kind == "employees":
            paint_employee_chart(painter, rect, self.figures, self.money, colours, self.labels)
        else:
            paint_series_chart(painter, rect, self.figures, self.money, colours, self.labels,
                               self.month_label)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        try:
            self.paint_on(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4),
                          colours_for(self.palette()))
        finally:
            painter.end()
