"""Values read back from storage, checked before a figure is built on them.

SQLite keeps whatever is typed into a column behind the app's back: words in a date
column, text or a fraction in an amount column. A screen, report or budget check that met
such a value used to fail with a bare ``ValueError`` or, worse, count it silently (SQLite's
``SUM`` reads a word as 0). These readers turn it into a :class:`StorageError` that names
the row where one is known and points to ``recoverydesk check``, which lists every change.
PostgreSQL's column types make these cases impossible there; the readers cost nothing.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from recoverydesk.errors import StorageError

EDITED_OUTSIDE = "it was edited outside RecoveryDesk; `recoverydesk check` lists what changed."


def stored_moment(value: object, row: str) -> datetime:
    """A moment read back from ``row`` (SQLite hands text, PostgreSQL a datetime).

    Raises:
        StorageError: the text is no moment; the message names the row, for ``check``.
    """
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise StorageError(f"{row} has a moment that is not a date and time ({value!r}): "
                           f"{EDITED_OUTSIDE}") from None


def stored_amount(value: object, row: str) -> int:
    """An amount in minor units read back from ``row``.

    Raises:
        StorageError: it is no whole number; the message names the row.
    """
    return stored_integer(value, row, "an amount that is not a whole number of minor units")


def stored_integer(value: object, row: str, meaning: str) -> int:
    """A whole number read back from ``row``; ``meaning`` says what else it is, for the
    message ("a month that is not YYYYMM").

    Raises:
        StorageError: it is no whole number; the message names the row.
    """
    if type(value) is int:
        return value
    raise StorageError(f"{row} has {meaning} ({value!r}): {EDITED_OUTSIDE}")


def stored_sum(value: object, what: str) -> int:
    """A SQL ``SUM`` of amounts (``None``, the sum of no rows, is 0).

    SQLite returns a float as soon as one summed value is not an integer (text included,
    which it adds as 0), so a float means a damaged row among ``what``; PostgreSQL returns
    an integral ``Decimal`` for a sum of integers.

    Raises:
        StorageError: the sum is no whole number of minor units.
    """
    if value is None:
        return 0
    if type(value) is int:
        return value
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    raise StorageError(f"An amount among {what} is not a whole number of minor units: "
                       f"{EDITED_OUTSIDE}")
