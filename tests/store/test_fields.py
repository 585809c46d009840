"""The model fields refuse a value that is not what they hold, unless read as stored; the
fast readers ``check`` uses hand back what peewee's own lenient fields would."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from peewee import DateField, DateTimeField

from recoverydesk.errors import StorageError
from recoverydesk.store.fields import as_stored, day_as_stored, moment_as_stored
from recoverydesk.store.models import FollowUp, Gesture, Incident

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


@pytest.mark.parametrize("value", ["soon", "2026-10-05 25:00:00", 12345, 2.5])
def test_a_model_moment_that_is_none_is_refused_unless_read_as_stored(value: object) -> None:
    with pytest.raises(StorageError, match=r"^A stored incident has a moment that is not a "
                                           r"date and time in resolved_at"):
        Incident.resolved_at.python_value(value)
    with as_stored():
        assert Incident.resolved_at.python_value(value) == value


@pytest.mark.parametrize("value", ["soon", 12345])
def test_a_model_day_that_is_none_is_refused_unless_read_as_stored(value: object) -> None:
    with pytest.raises(StorageError, match=r"^A stored follow up has a date that is not a "
                                           r"calendar date in due_on"):
        FollowUp.due_on.python_value(value)
    with as_stored():
        assert FollowUp.due_on.python_value(value) == value


def test_readable_values_pass_as_they_always_did() -> None:
    assert Incident.resolved_at.python_value("2026-10-05 10:00:00") == datetime(2026, 10, 5, 10)
    assert FollowUp.due_on.python_value("2026-10-05") == date(2026, 10, 5)
    assert Gesture.cost_minor.python_value(1250) == 1250
    assert Gesture.cost_minor.python_value(Decimal("1250")) == 1250  # PostgreSQL's SUM
    for damaged in ("lots", 2.5, Decimal("2.5")):
        with pytest.raises(StorageError, match=r"^A stored gesture has an amount that is not "
                                               r"a whole number of minor units in cost_minor"):
            Gesture.cost_minor.python_value(damaged)
        with as_stored():
            assert Gesture.cost_minor.python_value(damaged) == damaged  # not cut to 2
