"""The fast readers ``check`` uses hand back what peewee's own lenient fields would."""

from __future__ import annotations

import pytest
from peewee import DateField, DateTimeField

from recoverydesk.store.fields import day_as_stored, moment_as_stored

MOMENTS = ["2026-10-05 10:00:00", "2026-10-05 10:00:00.123456", "2026-10-05", "2026-10-05 25:00:00",
           "2026-10-05T10:00:00", "soon", "", "2026-10-05 10:00:00+02:00", "2026-02-30 10:00:00"]
DAYS = ["2026-10-05", "2026-02-30", "2026-10-05 10:00:00", "soon", "", "20261005"]


@pytest.mark.parametrize("value", MOMENTS)
def test_a_moment_reads_as_peewee_reads_it(value: str) -> None:
    assert moment_as_stored(value) == DateTimeField().python_value(value)
    assert type(moment_as_stored(value)) is type(DateTimeField().python_value(value))


@pytest.mark.parametrize("value", DAYS)
def test_a_day_reads_as_peewee_reads_it(value: str) -> None:
    assert day_as_stored(value) == DateField().python_value(value)
    assert type(day_as_stored(value)) is type(DateField().python_value(value))
