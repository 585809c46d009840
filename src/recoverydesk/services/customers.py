"""Customers, return visits, "lost" marks and erasure of personal data (SPEC §3, §5, §9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from peewee import JOIN, Case, fn

from recoverydesk.core.domain import MAX_NAME, MAX_NOTE, clean_text, fold_text
from recoverydesk.core.months import day_start_utc, local_date
from recoverydesk.errors import NotFound, ValidationError
from recoverydesk.services import _base, audit_log
from recoverydesk.services.types import CustomerHistory, CustomerInfo, CustomerMatch
from recoverydesk.store import returns, search
from recoverydesk.store.db import database, is_sqlite
from recoverydesk.store.models import Customer, FollowUp, Gesture, Incident, ReturnVisit, Void
from recoverydesk.store.stored_values import stored_sum

MAX_DAYS_BACK = 366
SEARCH_LIMIT = 8
_PHONE_PUNCTUATION = " +-()./"


@dataclass(frozen=True)
class CustomerInput:
    """A new customer typed at the counter: a name or a phone or an e-mail is enough."""

    name: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""


def validate_customer(data: CustomerInput) -> CustomerInput:
    """``data`` cleaned, or a ValidationError naming the field (screens check a new
    customer with it before saving, so its problem shows with the others)."""
    name = clean_text(data.name, "customer_name", max_len=MAX_NAME, required=False,
                      label="customer's name")
    phone = clean_text(data.phone, "phone", max_len=40, required=False)
    email = clean_text(data.email, "email", max_len=200, required=False, label="e-mail")
    notes = clean_text(data.notes, "notes", max_len=MAX_NOTE, required=False, multiline=True)
    if not (name or phone or email):
        raise ValidationError("Enter the customer's name, phone or e-mail.", "customer_name")
    if phone and (not all(ch.isdigit() or ch in "+-() ./" for ch in phone)
                  or sum(ch.isdigit() for ch in phone) < 3):
        raise ValidationError("A phone number has digits and may have + - ( ) spaces.", "phone")
    if email and ("@" not in email or " " in email or email.startswith("@")
                  or email.endswith("@")):
        raise ValidationError("An e-mail address looks like name@example.com.", "email")
    return CustomerInput(name, phone, email, notes)


def create_customer(actor_id: int, data: CustomerInput, at: datetime) -> int:
    """Insert a customer inside the caller's transaction (audited by id only)."""
    data = validate_customer(data)
    customer = Customer.create(name=data.name, phone=data.phone, email=data.email,
                               notes=data.notes, created_at=at)
    audit_log.append(actor_id, "customer.add", "customer", customer.id, {}, at)
    return int(customer.id)


def add_customer(actor_id: int, data: CustomerInput, now: datetime | None = None) -> int:
    data = validate_customer(data)
    with _base.write():
        _base.active_employee(actor_id)
        return create_customer(actor_id, data, _base.utcnow(now))


def get_customer(customer_id: int) -> CustomerInfo:
    c = _get(customer_id)
    return CustomerInfo(c.id, c.name, c.phone, c.email, c.notes, c.lost_on,
                        c.erased_at is not None)


def _get(customer_id: int) -> Customer:
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound(f"There is no customer with id {customer_id}.")
    return customer


def usable_customer(customer_id: int) -> Customer:
    customer = _get(customer_id)
    if customer.erased_at is not None:
        raise ValidationError("This customer's data was erased; add them as a new customer.",
                              "customer")
    return customer


def check_local_date(day: date, today: date, field: str) -> date:
    """A date typed by staff: not in the future, not more than a year back."""
    if day > today:
        raise ValidationError("That date is in the future.", field)
    if day < today - timedelta(days=MAX_DAYS_BACK):
        raise ValidationError("That date is more than a year ago.", field)
    return day


def record_return_visit(actor_id: int, customer_id: int, visited_on: date | None = None,
                        followup_id: int | None = None, now: datetime | None = None) -> int:
    """"This customer came back", on a local date (today by default)."""
    at = _base.utcnow(now)
    with _base.write():
        _base.active_employee(actor_id)
        tz = _base.settings().tz
        today = local_date(at, tz)
        visited_on = check_local_date(visited_on or today, today, "visited_on")
        _get(customer_id)
        if followup_id is not None and not FollowUp.select().where(
                FollowUp.id == followup_id).exists():
            raise NotFound(f"There is no follow-up with id {followup_id}.")
        visit = ReturnVisit.create(customer=customer_id, visited_on=visited_on, recorded_at=at,
                                   recorded_by=actor_id, followup=followup_id)
        returns.refresh_customer(tz, customer_id)
        audit_log.append(actor_id, "customer.return_visit", "customer", customer_id,
                         {"visit": visit.id, "visited_on": visited_on.isoformat(),
                          "followup": followup_id}, at)
    return int(visit.id)


def mark_lost(actor_id: int, customer_id: int, lost_on: date | None = None,
              now: datetime | None = None) -> None:
    """Record that a customer is gone for good (counts their open incidents as lost)."""
    at = _base.utcnow(now)
    with _base.write():
        _base.active_employee(actor_id)
        tz = _base.settings().tz
        today = local_date(at, tz)
        lost_on = check_local_date(lost_on or today, today, "lost_on")
        _get(customer_id)
        Customer.update(lost_on=lost_on).where(Customer.id == customer_id).execute()
        returns.refresh_customer(tz, customer_id)
        audit_log.append(actor_id, "customer.lost", "customer", customer_id,
                         {"lost_on": lost_on.isoformat()}, at)


def erase_customer(actor_id: int, customer_id: int, now: datetime | None = None) -> None:
    """Blank a customer's personal data on request (owners only); money history stays.

    SQLite's ``secure_delete`` (on for every connection, store.db) zeroes the replaced bytes,
    and a WAL checkpoint moves the change into the main file and empties the WAL, so the old
    values are not left in the file. Backups made earlier still hold them.
    """
    at = _base.utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        customer = _get(customer_id)
        if customer.erased_at is not None:
            return
        Customer.update(name="", phone="", email="", notes="", erased_at=at).where(
            Customer.id == customer_id).execute()
        audit_log.append(actor_id, "customer.erase", "customer", customer_id, {}, at)
    if is_sqlite():
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def search_customers(text: str, limit: int = SEARCH_LIMIT) -> list[CustomerMatch]:
    """Type-ahead at the counter: customers whose name contains ``text`` in any case and
    script, or whose phone contains its digits, ignoring spaces and punctuation. Erased
    customers never match. At most ``limit`` rows, names starting with the text first, so
    it stays fast over thousands of customers.
    """
    needle = fold_text(" ".join((text or "").split())[:MAX_NAME])
    if not needle:
        return []
    condition = search.contains(Customer.name, needle)
    digits = "".join(ch for ch in needle if ch.isdigit())
    if digits and all(ch.isdigit() or ch in _PHONE_PUNCTUATION for ch in needle):
        phone: Any = Customer.phone
        for ch in _PHONE_PUNCTUATION:
            phone = fn.REPLACE(phone, ch, "")
        condition = condition | (fn.instr(phone, digits) > 0 if is_sqlite()
                                 else fn.strpos(phone, digits) > 0)
    name_first = Case(None, [(fn.substr(search.folded(Customer.name), 1, len(needle))
                              == needle, 0)], 1)
    query = (Customer.select(Customer.id, Customer.name, Customer.phone, Customer.email)
             .where(Customer.erased_at.is_null() & condition)
             .order_by(name_first, Customer.name, Customer.id)
             .limit(max(1, min(limit, 50))))
    return [CustomerMatch(c.id, c.name, c.phone, c.email) for c in query]

def customer_history(customer_id: int, now: datetime | None = None) -> CustomerHistory:
    """A known customer at a glance for the recovery dialog (SPEC §7): their incidents and
    non-voided gestures this calendar year (business time zone), what those cost, the last
    incident's date and the "what delights them" notes."""
    customer = usable_customer(customer_id)
    tz = _base.settings().tz
    today = local_date(_base.utcnow(now), tz)
    start = day_start_utc(date(today.year, 1, 1), tz)
    end = day_start_utc(date(today.year + 1, 1, 1), tz)
    this_year = ((Incident.customer == customer_id) & (Incident.reported_at >= start)
                 & (Incident.reported_at < end))
    counts: Any = (Incident.select(fn.COUNT(Incident.id), fn.MAX(Incident.reported_at))
                   .where(this_year).tuples().get())
    incidents, last = counts
    spend: Any = (Gesture.select(fn.COUNT(Gesture.id), fn.SUM(Gesture.cost_minor).coerce(False))
                  .join(Incident, on=(Gesture.incident == Incident.id))
                  .switch(Gesture).join(Void, JOIN.LEFT_OUTER, on=(Void.gesture == Gesture.id))
                  .where(this_year & Void.id.is_null()).tuples().get())
    gestures, cost = spend
    if isinstance(last, str):  # SQLite hands back aggregates of datetimes as text
        last = datetime.fromisoformat(last)
    return CustomerHistory(
        customer_id=customer.id, name=customer.name, year=today.year, incidents=int(incidents),
        gestures=int(gestures),
        cost_minor=stored_sum(cost, "the customer's gestures of the year"),
        last_incident_on=None if last is None else local_date(last, tz), notes=customer.notes)
