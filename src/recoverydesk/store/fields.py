"""Model fields that refuse, when read, a value edited into something they cannot hold.

SQLite keeps whatever is typed into a column behind the app's back, and peewee hands such a
value on: a moment typed as words comes back as text, an amount typed as a fraction is cut to
a whole number, one typed as words comes back as text. A screen then failed with an
unexpected error, or showed a wrong amount. These fields raise a :class:`StorageError` that
says which table and column and points to ``recoverydesk check``. Writing is unchanged (the
services validate what they write), and so is what PostgreSQL, with its typed columns, hands
back.

``check`` exists to show such values: it reads inside :func:`as_stored`, where they are
handed on as stored. (The audit log's own moment column is a plain field: its page shows an
edited entry as it is stored.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from peewee import BigIntegerField, BooleanField, DateField, DateTimeField, Field, Select

from recoverydesk.errors import StorageError
from recoverydesk.store.db import database
from recoverydesk.store.stored_values import EDITED_OUTSIDE

_AS_STORED: ContextVar[bool] = ContextVar("recoverydesk_as_stored", default=False)


@contextmanager
def as_stored() -> Iterator[None]:
    """Inside, the fields below hand on what is stored: an amount exactly (2.5 stays 2.5),
    a moment or date that is none as peewee's own fields do (its text)."""
    token = _AS_STORED.set(True)
    try:
        yield
    finally:
        _AS_STORED.reset(token)


def moment_as_stored(value: Any) -> Any:
    """What a moment column hands back inside :func:`as_stored`, for a value read with a
    plain cursor: a datetime, or the text SQLite kept when it is none. The two shapes peewee
    writes take the fast path; anything else goes through peewee's own formats."""
    if isinstance(value, str) and len(value) in (19, 26) and value[10:11] == " ":
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    return _LENIENT_MOMENT.python_value(value)


def day_as_stored(value: Any) -> Any:
    """:func:`moment_as_stored` for a calendar date."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    return _LENIENT_DAY.python_value(value)


def rows_as_stored(query: Select) -> Iterator[tuple[Any, ...]]:
    """The rows of a model query as plain tuples, read with a plain cursor: moments and
    dates as :func:`as_stored` hands them back, booleans as booleans, anything else (amounts
    included: 2.5 stays 2.5, where peewee would cut it to 2) exactly as stored. For
    ``check``, which reads every row: peewee's per-row conversion was most of its time."""
    converters = [_as_stored_converter(node) for node in query.selected_columns]
    for row in database.execute_sql(*query.sql()):
        yield tuple(value if convert is None or value is None else convert(value)
                    for convert, value in zip(converters, row, strict=True))


def _as_stored_converter(node: Any) -> Callable[[Any], Any] | None:
    if isinstance(node, DateTimeField):
        return moment_as_stored
    if isinstance(node, DateField):
        return day_as_stored
    if isinstance(node, BooleanField):
        return bool
    return None


def _refused(field: Field, value: object, meaning: str) -> StorageError:
    table = field.model._meta.table_name.replace("_", " ")
    return StorageError(f"A stored {table} has {meaning} in {field.column_name} ({value!r}): "
                        f"{EDITED_OUTSIDE}")


class MinorUnitsField(BigIntegerField):
    """Money as a whole number of minor units (also the field's SUM, MIN and MAX)."""

    def python_value(self, value: Any) -> Any:
        if value is None or type(value) is int:
            return value
        if _AS_STORED.get():
            return value
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return int(value)  # PostgreSQL's SUM of a bigint column
        raise _refused(self, value, "an amount that is not a whole number of minor units")


class _RefusesOthers:
    """Mixed into a date or moment field: peewee hands on what it could not parse."""

    kind: type = object
    meaning = ""

    def python_value(self, value: Any) -> Any:
        result = super().python_value(value)  # type: ignore[misc]
        if result is None or isinstance(result, self.kind) or _AS_STORED.get():
            return result
        raise _refused(self, value, self.meaning)  # type: ignore[arg-type]


class MomentField(_RefusesOthers, DateTimeField):
    """A naive UTC moment."""

    kind = datetime
    meaning = "a moment that is not a date and time"


class DayField(_RefusesOthers, DateField):
    """A business-local calendar date."""

    kind = date
    meaning = "a date that is not a calendar date"


_LENIENT_MOMENT, _LENIENT_DAY = DateTimeField(), DateField()
