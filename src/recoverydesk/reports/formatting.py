"""How a month's figures are written and scaled, the same in the PDF and on the Reports page:
amounts in the business currency and locale, percentages, retention rates with their range,
and round chart axes."""

from __future__ import annotations

from babel.numbers import format_percent

from recoverydesk.core.money import format_money
from recoverydesk.core.retention import Rate
from recoverydesk.reports.figures import Figures


class FigureFormats:
    """Money, percentages and rates in the figures' own locale and currency."""

    def __init__(self, figures: Figures) -> None:
        self.f = figures

    def money(self, minor: int | None) -> str:
        return "–" if minor is None else format_money(minor, self.f.currency, self.f.locale)

    def pct(self, value: float | None) -> str:
        return "–" if value is None else percent(value, self.f.locale)

    def rate(self, rate: Rate) -> str:
        """``62 % (41 %–79 %, n = 21)``: the rate, its 95 % Wilson range and sample size."""
        if rate.value is None or rate.low is None or rate.high is None:
            return "– (n = 0)"
        return (f"{self.pct(rate.value)} ({self.pct(rate.low)}–{self.pct(rate.high)}, "
                f"n = {rate.n})")


def percent(value: float, locale: str) -> str:
    """``value`` (a fraction) as a whole percentage in ``locale``; one decimal where whole
    numbers would say "0 %" or "100 %" of something that is neither (249 of 250 incidents
    at the front line is 99.6 %, not 100 %; a loss of 0.4 % is not "-0 %")."""
    magnitude = abs(value)
    if 0 < magnitude < 0.005:
        shown = max(round(magnitude, 3), 0.001)
    elif 0.995 <= magnitude < 1:
        shown = min(round(magnitude, 3), 0.999)
    else:
        return format_percent(value, locale=locale)
    return format_percent(shown if value > 0 else -shown, locale=locale,
                          decimal_quantization=False)


def nice_max(value: int) -> int:
    """A round axis maximum at or above ``value`` (1, 2, 2.5 or 5 times a power of ten)."""
    if value <= 0:
        return 100
    step = 1
    while step * 10 <= value:
        step *= 10
    for factor in (1, 2, 2.5, 5, 10):
        top = int(step * factor)
        if top >= value:
            return top
    return step * 10
