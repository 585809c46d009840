"""Percentages as the PDF, the Reports page and ``stats`` print them."""

from __future__ import annotations

import pytest

from recoverydesk.reports.formatting import percent


@pytest.mark.parametrize(("value", "locale", "text"), [
    (0.5, "de_DE", "50\u00a0%"),
    (0.0, "de_DE", "0\u00a0%"),
    (1.0, "en_US", "100%"),
    (17.92, "de_DE", "1.792\u00a0%"),  # an ROI: grouped as the locale groups
    (17.92, "en_US", "1,792%"),
    (-0.25, "en_US", "-25%"),
])
def test_whole_percentages_in_the_locale(value: float, locale: str, text: str) -> None:
    assert percent(value, locale) == text


@pytest.mark.parametrize(("value", "text"), [
    (249 / 250, "99.6%"),     # not "100%": one incident went up to an owner
    (9999 / 10000, "99.9%"),  # never rounds up to all
    (1 / 250, "0.4%"),        # not "0%": one of 250
    (1 / 10000, "0.1%"),      # never rounds down to none
    (-0.004, "-0.4%"),        # an ROI just below break-even, not "-0%"
    (-0.9996, "-99.9%"),
    (0.995, "99.5%"),
    (0.994, "99%"),
])
def test_a_share_that_is_neither_none_nor_all_never_prints_as_either(value: float,
                                                                     text: str) -> None:
    assert percent(value, "en_US") == text
