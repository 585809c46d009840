"""The incidents list: filter, sort and page over every incident (SPEC §7 Incidents).

The list stays instant with 100 000 incidents: a filter is one pass that yields the matching
ids in order (:func:`matching_ids`), and only the rows on screen are read in full
(:func:`incident_rows`), their money summed for those rows alone unless the list is sorted by
money.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, cast

from peewee import JOIN, Case, Expression, ModelSelect, fn

from recoverydesk.core.domain import MAX_NAME, fold_text
from recoverydesk.core.months import Month, month_range_utc
from recoverydesk.errors import ValidationError
from recoverydesk.services import _base
from recoverydesk.store.db import database
from recoverydesk.store.models import Category, Customer, Employee, Gesture, Incident, Void
from recoverydesk.store.search import contains, sorted_after_filtering
from recoverydesk.store.stored_values import stored_sum

STATUSES = ("open", "resolved")
MAX_PAGE = 500


class SortKey(StrEnum):
    REPORTED = "reported"
    EMPLOYEE = "employee"
    CATEGORY = "category"
    SEVERITY = "severity"
    STATUS = "status"
    CUSTOMER = "customer"
    COST = "cost"


@dataclass(frozen=True)
class IncidentFilter:
    """What the list shows; ``None`` or empty means "any"."""

    month: Month | None = None
    employee_id: int | None = None
    category_id: int | None = None
    status: str | None = None
    text: str = ""  # in the description or the customer's name, phone or e-mail


@dataclass(frozen=True)
class IncidentPage:
    """One page of the list and how many incidents match in all."""

    total: int
    rows: list[IncidentRow]


@dataclass(frozen=True)
class IncidentRow:
    """One line of the list. ``cost_minor`` is the non-voided spend on the incident."""

    id: int
    reported_at: datetime  # naive UTC
    employee: str
    category: str
    severity: str
    status: str
    proactive: bool
    customer: str  # the name; "" when anonymous, erased, or known by phone or e-mail only
    description: str
    cost_minor: int
    customer_id: int | None = None  # None: anonymous
    customer_erased: bool = False


# Joins a customer's searched fields for one fold per customer; a control character, which no
# typed text can contain (core.domain.clean_text), keeps a match from spanning two fields.
_FIELD_SEPARATOR = "\x1f"


def _matches(needle: str) -> Expression:
    """The description contains the text, or the customer's name, phone or e-mail does.

    Customers are searched once each in a subquery (far fewer than incidents), so each
    incident costs one fold of its description.
    """
    person = (Customer.name.concat(_FIELD_SEPARATOR).concat(Customer.phone)
              .concat(_FIELD_SEPARATOR).concat(Customer.email))
    customers = Customer.select(Customer.id).where(contains(person, needle))
    result: Expression = (contains(Incident.description, needle)
                          | Incident.customer.in_(customers))
    return result


def _where(query: ModelSelect[Any], wanted: IncidentFilter) -> ModelSelect[Any]:
    if wanted.month is not None:
        start, end = month_range_utc(wanted.month, _base.settings().tz)
        query = query.where((Incident.reported_at >= start) & (Incident.reported_at < end))
    if wanted.employee_id is not None:
        query = query.where(Incident.reported_by == wanted.employee_id)
    if wanted.category_id is not None:
        query = query.where(Incident.category == wanted.category_id)
    if wanted.status:
        if wanted.status not in STATUSES:
            raise ValidationError(f"Choose the status: one of {', '.join(STATUSES)}.", "status")
        query = query.where(Incident.status == wanted.status)
    text = wanted.text.strip()
    if len(text) > MAX_NAME:
        raise ValidationError(f"The search text is too long: at most {MAX_NAME} characters.",
                              "text")
    if text:
        query = query.where(_matches(fold_text(text)))
    return query


def _with_customer(*columns: object) -> ModelSelect[Any]:
    return (Incident.select(*columns)
            .join(Customer, JOIN.LEFT_OUTER, on=(Incident.customer == Customer.id)))


def count_incidents(wanted: IncidentFilter) -> int:
    """How many incidents match (for the list's row count)."""
    return int(_where(Incident.select(Incident.id), wanted).count())


_SEVERITY_ORDER = Case(Incident.severity, (("minor", 0), ("major", 1), ("critical", 2)), 3)


def _spend_per_incident() -> ModelSelect[Any]:
    return (Gesture.select(Gesture.incident,
                          fn.SUM(Gesture.cost_minor).coerce(False).alias("cost"))
            .join(Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
            .where(Void.id.is_null()).group_by(Gesture.incident))


def _spend_of_row() -> Any:
    """The row's non-voided spend, looked up through the gesture's incident index."""
    spend = (Gesture.select(fn.SUM(Gesture.cost_minor))
             .join(Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
             .where((Gesture.incident == Incident.id) & Void.id.is_null()))
    return fn.COALESCE(spend, 0)


def list_incidents(wanted: IncidentFilter, sort: SortKey = SortKey.REPORTED,
                   descending: bool = True, offset: int = 0,
                   limit: int = 100) -> list[IncidentRow]:
    """One page of matching incidents, sorted; ties broken by newest first."""
    return find_incidents(wanted, sort, descending, offset, limit).rows


def find_incidents(wanted: IncidentFilter, sort: SortKey = SortKey.REPORTED,
                   descending: bool = True, offset: int = 0,
                   limit: int = 100) -> IncidentPage:
    """One page of matching incidents and how many match, from one pass over the matches.

    The pass yields the ordered ids only (a free-text filter reads every row once, not once
    for the count and again for the page); the page's rows are then read by id.

    Args:
        offset, limit: the page (``limit`` at most :data:`MAX_PAGE`).
    """
    if offset < 0 or not 1 <= limit <= MAX_PAGE:
        raise ValidationError(f"A page holds 1 to {MAX_PAGE} incidents.", "limit")
    ids = matching_ids(wanted, sort, descending)
    return IncidentPage(len(ids), incident_rows(ids[offset:offset + limit]))


def matching_ids(wanted: IncidentFilter, sort: SortKey = SortKey.REPORTED,
                 descending: bool = True) -> list[int]:
    """Every matching incident's id, in list order; ties broken by newest first."""
    sort = SortKey(sort)
    query = Incident.select(Incident.id)
    if sort is SortKey.CUSTOMER:
        query = _with_customer(Incident.id)
    elif sort is SortKey.EMPLOYEE:
        query = query.join_from(Incident, Employee, on=(Incident.reported_by == Employee.id))
    elif sort is SortKey.CATEGORY:
        query = query.join_from(Incident, Category, on=(Incident.category == Category.id))
    sort_column = {
        SortKey.REPORTED: Incident.reported_at,
        SortKey.EMPLOYEE: Employee.name,
        SortKey.CATEGORY: Category.name,
        SortKey.SEVERITY: _SEVERITY_ORDER,
        SortKey.STATUS: Incident.status,
        SortKey.CUSTOMER: fn.COALESCE(Customer.name, ""),
        SortKey.COST: _spend_of_row(),
    }[sort]
    if sort is SortKey.REPORTED and wanted.month is None and wanted != IncidentFilter():
        sort_column = sorted_after_filtering(sort_column)
    order = sort_column.desc() if descending else sort_column.asc()
    tie = Incident.reported_at.desc() if sort is not SortKey.REPORTED else Incident.id.desc()
    query = _where(query, wanted).order_by(order, tie, Incident.id.desc())
    # The bare cursor: up to every incident's id, without a result object per row.
    return [row[0] for row in database.execute(query)]


def incident_rows(incident_ids: list[int]) -> list[IncidentRow]:
    """The list rows of these incidents, in the order given (missing ids are skipped)."""
    if not incident_ids:
        return []
    query = (_with_customer(Incident.id, Incident.reported_at, Employee.name.alias("employee"),
                         Category.name.alias("category"), Incident.severity, Incident.status,
                         Incident.proactive, Customer.name.alias("customer"),
                         Incident.customer.alias("customer_id"),
                         Customer.erased_at.is_null(False).alias("customer_erased"),
                         Incident.description)
             .join_from(Incident, Employee, on=(Incident.reported_by == Employee.id))
             .join_from(Incident, Category, on=(Incident.category == Category.id))
             .where(Incident.id.in_(incident_ids)).dicts())
    by_id = {row["id"]: row for row in cast(list[dict[str, Any]], list(query))}
    costs = _costs_of(incident_ids)
    return [IncidentRow(
        id=row["id"], reported_at=row["reported_at"], employee=row["employee"],
        category=row["category"], severity=row["severity"], status=row["status"],
        proactive=bool(row["proactive"]), customer=row["customer"] or "",
        description=row["description"], cost_minor=costs.get(row["id"], 0),
        customer_id=row["customer_id"], customer_erased=bool(row["customer_erased"]))
        for row in (by_id.get(i) for i in incident_ids) if row is not None]


def _costs_of(incident_ids: list[int]) -> dict[int, int]:
    if not incident_ids:
        return {}
    query = _spend_per_incident().where(Gesture.incident.in_(incident_ids)).tuples()
    pairs = cast(list[tuple[int, int]], list(query))
    return {incident_id: stored_sum(cost, f"the gestures of incident {incident_id}")
            for incident_id, cost in pairs}
