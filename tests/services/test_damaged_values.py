"""Values edited behind the app's back (SQLite keeps text or a fraction in an integer
column, words in a date column): the budget check and the screens stop with a message naming
what to run, instead of counting a word as 0, cutting a fraction or failing with an
unexpected error; ``check`` still reads them and names them. Real SQLite files."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from recoverydesk.errors import StorageError
from recoverydesk.services import (
    counter,
    customer_records,
    customers,
    followup_list,
    incident_detail,
    incident_list,
    recoveries,
)
from recoverydesk.services.check import run_check
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.incident_list import IncidentFilter
from recoverydesk.services.types import GestureInput
from recoverydesk.store.db import database
from recoverydesk.store.stored_values import stored_sum
from tests.conftest import T0, Shop

DAMAGED = r"is not a whole number of minor units: it was edited outside RecoveryDesk"


def test_a_sum_is_a_whole_number_or_a_message() -> None:
    assert stored_sum(None, "x") == 0
    assert stored_sum(1250, "x") == 1250
    assert stored_sum(Decimal("1250"), "x") == 1250  # PostgreSQL's SUM of bigint
    for damaged in (12.0, 12.5, Decimal("12.5"), "12"):
        with pytest.raises(StorageError, match=rf"^An amount among the things {DAMAGED}"):
            stored_sum(damaged, "the things")


def count(table: str) -> int:
    return int(database.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.mark.sqlite_only
@pytest.mark.parametrize("typed", ["'lots'", "2.5"])
def test_the_budget_check_stops_on_a_damaged_cost_and_writes_nothing(shop: Shop,
                                                                     typed: str) -> None:
    """Counted as 0, a cost edited into a word would give its spender that money again."""
    anna = shop.staff("Anna", 1000, 1000)
    bert = shop.staff("Bert", 1000, 1000)
    logged = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                                     now=T0)
    database.execute_sql(f"UPDATE gesture SET cost_minor = {typed}")
    before = {table: count(table) for table in ("incident", "gesture", "audit_entry")}
    later = T0 + timedelta(minutes=1)
    with pytest.raises(StorageError, match=rf"^An amount among the employee's gestures of "
                                           rf"the month {DAMAGED}"):
        recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                                now=later)
    with pytest.raises(StorageError, match=rf"^An amount among the .* {DAMAGED}"):
        recoveries.add_gesture(anna, logged.incident_id, GestureInput("gift", 50), now=later)
    assert {table: count(table) for table in before} == before
    # Someone else's month is untouched: their spending goes on.
    recoveries.log_recovery(bert, shop.incident(), gesture=GestureInput("gift", 900), now=later)
    # And an incident without a spend needs no budget: Anna can still log one.
    recoveries.log_recovery(anna, shop.incident(), now=later)


@pytest.mark.sqlite_only
def test_the_budget_check_stops_on_a_budget_edited_into_words(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000)
    database.execute_sql("UPDATE budget_change SET per_incident_limit_minor = 'ten euros'")
    with pytest.raises(StorageError, match=r"^The budget in force has an amount that is not "
                                           r"a whole number of minor units \('ten euros'\)"):
        recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                                now=T0)
    assert count("incident") == 0
    recoveries.log_recovery(anna, shop.incident(), now=T0)  # no spend, no budget needed
    assert count("incident") == 1


@pytest.mark.sqlite_only
def test_the_screens_that_sum_spend_stop_on_a_damaged_cost(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000)
    logged = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                                     new_customer=CustomerInput(name="Guest"), now=T0)
    assert logged.customer_id is not None
    assert counter.my_entries_today(anna, now=T0)[0].cost_minor == 900
    database.execute_sql("UPDATE gesture SET cost_minor = 'lots'")
    incident = rf"^An amount among the gestures of incident {logged.incident_id} {DAMAGED}"
    with pytest.raises(StorageError, match=incident):
        counter.my_entries_today(anna, now=T0)
    with pytest.raises(StorageError, match=incident):
        incident_list.list_incidents(IncidentFilter())
    with pytest.raises(StorageError, match=incident):
        customer_records.customer_card(logged.customer_id)
    with pytest.raises(StorageError, match=rf"^An amount among the customer's gestures "
                                           rf"of the year {DAMAGED}"):
        customers.customer_history(logged.customer_id, now=T0)


@pytest.mark.sqlite_only
def test_screens_name_a_value_edited_into_nonsense_and_check_lists_it(shop: Shop) -> None:
    """Read through the models, a moment, date or amount that is no such thing is refused
    with the table and column named (peewee handed the text on, or cut 2.5 to 2)."""
    anna = shop.staff("Anna", 1000, 1000)
    logged = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                                     new_customer=CustomerInput(name="Guest"), now=T0)
    assert incident_detail.incident_detail(logged.incident_id, anna).gestures[0].cost_minor == 900
    assert len(followup_list.open_followups(now=T0).items) == 1
    detail = lambda: incident_detail.incident_detail(logged.incident_id, anna)  # noqa: E731
    edits = (  # each edit is left in place: the next screen meets it first
        ("UPDATE gesture SET value_minor = 2.5", detail,
         r"^A stored gesture has an amount that is not a whole number of minor units in "
         r"value_minor \(2.5\): it was edited outside RecoveryDesk"),
        ("UPDATE incident SET resolved_at = '2026-03-10 25:00:00'", detail,
         r"^A stored incident has a moment that is not a date and time in resolved_at "
         r"\('2026-03-10 25:00:00'\)"),
        ("UPDATE follow_up SET due_on = 'soon'", lambda: followup_list.open_followups(now=T0),
         r"^A stored follow up has a date that is not a calendar date in due_on \('soon'\)"),
    )
    for edit, screen, message in edits:
        database.execute_sql(edit)
        with pytest.raises(StorageError, match=message):
            screen()
    problems = run_check()
    assert {"follow-ups", "incidents", "money"} <= {problem.check for problem in problems}
    # check shows the value as stored, not peewee's whole number (2.5 was shown as 2)
    assert any(problem.check == "money" and "value is 2.5" in problem.message
               for problem in problems)
