"""The Customers page's list: every customer, paged, with a search over name, phone and
e-mail (SPEC §7 Customers). The counter's type-ahead (:func:`customers.search_customers`)
is capped at a few hits; this list shows them all, a page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from peewee import Case, Expression, fn

from recoverydesk.core.domain import MAX_NAME, fold_text
from recoverydesk.errors import ValidationError
from recoverydesk.store import search
from recoverydesk.store.models import Customer, Incident, ReturnVisit

MAX_PAGE = 500
_FIELD_SEPARATOR = "\x1f"  # no typed text holds it, so a match never spans two fields
_PHONE_PUNCTUATION = " +-()./"


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    phone: str
    email: str
    erased: bool
    incidents: int
    last_visit: date | None


@dataclass(frozen=True)
class CustomerPage:
    total: int  # how many customers match in all
    rows: list[CustomerRow]


def _matches(text: str) -> Expression | None:
    needle = fold_text(" ".join(text.split()))
    if len(needle) > MAX_NAME:
        raise ValidationError(f"The search text is too long: at most {MAX_NAME} characters.",
                              "text")
    if not needle:
        return None
    person = (Customer.name.concat(_FIELD_SEPARATOR).concat(Customer.phone)
              .concat(_FIELD_SEPARATOR).concat(Customer.email))
    condition: Expression = search.contains(person, needle)
    digits = "".join(ch for ch in needle if ch.isdigit())
    if digits and all(ch.isdigit() or ch in _PHONE_PUNCTUATION for ch in needle):
        phone: Any = Customer.phone  # "+47 1234 5678" is found by "12345678"
        for ch in _PHONE_PUNCTUATION:
            phone = fn.REPLACE(phone, ch, "")
        condition = condition | search.contains(phone, digits)
    return condition


def find_customers(text: str = "", offset: int = 0, limit: int = 100) -> CustomerPage:
    """Customers whose name, phone or e-mail contains ``text`` (any case, any script; phone
    digits without their spaces), by name; erased ones last (they have no name to match).
    """
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"A page holds 1 to {MAX_PAGE} customers.", "limit")
    condition = _matches(text)
    query = Customer.select(Customer.id)
    if condition is not None:
        query = query.where(condition)
    total = int(query.count())
    erased_last = Case(None, [(Customer.erased_at.is_null(), 0)], 1)
    page = (Customer.select(Customer.id, Customer.name, Customer.phone, Customer.email,
                            Customer.erased_at)
            .order_by(erased_last, search.folded(Customer.name), Customer.id)
            .offset(offset).limit(limit))
    if condition is not None:
        page = page.where(condition)
    people = list(page)
    ids = [p.id for p in people]
    incidents = dict(cast(list[tuple[int, int]], list(
        Incident.select(Incident.customer, fn.COUNT(Incident.id))
        .where(Incident.customer.in_(ids)).group_by(Incident.customer).tuples()))) if ids else {}
    visits = dict(cast(list[tuple[int, Any]], list(
        ReturnVisit.select(ReturnVisit.customer, fn.MAX(ReturnVisit.visited_on))
        .where(ReturnVisit.customer.in_(ids)).group_by(ReturnVisit.customer).tuples()))
    ) if ids else {}
    return CustomerPage(total, [
        CustomerRow(p.id, p.name, p.phone, p.email, p.erased_at is not None,
                    int(incidents.get(p.id, 0)), _as_date(visits.get(p.id)))
        for p in people])


def _as_date(value: Any) -> date | None:
    """SQLite hands back an aggregate of dates as text."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
