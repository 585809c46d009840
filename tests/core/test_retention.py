"""The Wilson interval beside every retention rate (SPEC §5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recoverydesk.core.retention import retention, wilson
from recoverydesk.reports.formatting import percent


@given(st.integers(min_value=1, max_value=100_000))
def test_all_or_none_retained_reach_the_ends_exactly(n: int) -> None:
    """At n of n the interval's top is 1 exactly, and at 0 of n its bottom is 0: the
    formula gives those in exact arithmetic. In floating point 348 of 348 gave a top of
    0.9999999999999999, which the report printed as "99,9 %" beside a rate of 100 %, and
    ``stats --json`` as a bound below the rate itself."""
    assert wilson(n, n).high == 1.0 and wilson(n, n).value == 1.0
    assert wilson(0, n).low == 0.0 and wilson(0, n).value == 0.0


@given(st.integers(min_value=0, max_value=5_000), st.integers(min_value=0, max_value=5_000))
def test_the_interval_holds_the_rate_and_stays_in_0_to_1(retained: int, lost: int) -> None:
    rate = retention(retained, lost)
    if retained + lost == 0:
        assert rate.value is rate.low is rate.high is None
        return
    assert rate.low is not None and rate.high is not None and rate.value is not None
    assert 0.0 <= rate.low <= rate.value <= rate.high <= 1.0


def test_348_of_348_is_shown_as_up_to_100_percent() -> None:
    rate = wilson(348, 348)
    assert rate.low == pytest.approx(0.98908, abs=1e-5)
    assert percent(rate.high or 0, "de_DE") == "100\xa0%"
    assert percent(rate.low or 0, "de_DE") == "99\xa0%"
