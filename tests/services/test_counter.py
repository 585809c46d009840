"""The counter's read services: my entries today, follow-ups due, customer type-ahead and a
customer's history line. Real SQLite file, no Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from recoverydesk.services import counter, customers, incidents, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import Approval, GestureInput
from tests.conftest import OWNER_PIN, T0, Shop


def test_my_entries_today_lists_only_mine_from_this_local_day(shop: Shop) -> None:
    """Only the signed-in person's incidents of today (Berlin day) show, newest first, with
    the cost of their non-voided gestures and whether one was owner-approved."""
    anna = shop.staff("Anna", 10000, 2000)
    bert = shop.staff("Bert", 10000, 2000)
    yesterday_late = datetime(2026, 3, 9, 22, 30, tzinfo=UTC)  # 23:30 Berlin, the 9th
    recoveries.log_recovery(anna, shop.incident("Yesterday"), now=yesterday_late)
    recoveries.log_recovery(bert, shop.incident("Bert's"), now=T0)
    first = recoveries.log_recovery(anna, shop.incident("Cold soup"),
                                    gesture=GestureInput("free_item", 350), now=T0)
    later = T0 + timedelta(minutes=5)
    recoveries.log_recovery(anna, shop.incident("Broken cup"),
                            gesture=GestureInput("refund", 2500),
                            approval=Approval(shop.owner_id, OWNER_PIN), now=later)
    assert first.gesture is not None
    recoveries.void_gesture(anna, first.gesture.gesture_id, "Typo", now=later)

    entries = counter.my_entries_today(anna, now=later)

    assert [e.description for e in entries] == ["Broken cup", "Cold soup"]
    assert [(e.cost_minor, e.approved) for e in entries] == [(2500, True), (0, False)]
    assert entries[0].category == "Food & drink"


def test_followups_due_counts_today_and_overdue_and_skips_done_and_future(shop: Shop) -> None:
    """Open follow-ups due today and before are counted apart and listed oldest first;
    done and future ones are left out."""
    anna = shop.staff("Anna", 10000, 2000)
    new = CustomerInput(name="Ölgä", phone="+49 30 1234")
    logged = [recoveries.log_recovery(anna, shop.incident(f"Case {n}"), new_customer=new,
                                      now=T0 + timedelta(days=n)) for n in range(4)]
    done = logged[0].followup_id
    assert done is not None
    incidents.complete_followup(anna, done, "happy", now=T0 + timedelta(days=3))
    # The delay is 3 days: case 1 is due on the 14th, case 2 on the 15th, case 3 on the 16th.
    due = counter.followups_due(now=datetime(2026, 3, 15, 9, 0, tzinfo=UTC))

    assert (due.due_today, due.overdue) == (1, 1)
    assert [(i.description, i.overdue) for i in due.items] == [("Case 1", True),
                                                              ("Case 2", False)]
    assert due.items[0].customer_name == "Ölgä"
    assert due.items[0].due_on == date(2026, 3, 14)


def test_search_finds_by_name_in_any_script_and_by_phone_digits(shop: Shop) -> None:
    """Type-ahead matches part of a name in any case and script (Ł = ł, И = и), or the
    digits of a phone typed without its spaces; erased people never."""
    ids = {name: customers.add_customer(shop.owner_id, CustomerInput(name=name, phone=phone),
                                        now=T0)
           for name, phone in (("Łucja Zażółć", "+48 601 234 567"), ("Иван Петров", ""),
                               ("王小明", "+86 10 5555 0000"), ("Lucy Brown", "0170 99 88"))}
    erased = customers.add_customer(shop.owner_id, CustomerInput(name="Łucja Gone"), now=T0)
    customers.erase_customer(shop.owner_id, erased, now=T0)

    assert [m.id for m in customers.search_customers("łucja")] == [ids["Łucja Zażółć"]]
    assert [m.id for m in customers.search_customers("иван")] == [ids["Иван Петров"]]
    assert [m.id for m in customers.search_customers("ZAŻÓŁĆ")] == [ids["Łucja Zażółć"]]
    assert [m.id for m in customers.search_customers("小明")] == [ids["王小明"]]
    assert [m.id for m in customers.search_customers("601234")] == [ids["Łucja Zażółć"]]
    assert [m.id for m in customers.search_customers("0170 99")] == [ids["Lucy Brown"]]
    assert customers.search_customers("   ") == []
    assert customers.search_customers("%") == []  # a LIKE wildcard is matched literally
    assert customers.search_customers("'; DROP TABLE customer; --") == []


def test_search_puts_prefix_matches_first_and_honours_the_limit(shop: Shop) -> None:
    """Over thousands of customers a search returns at most the limit, names that start
    with the text before names that only contain it."""
    rows = [{"name": f"Guest {n:04d}", "phone": "", "email": "", "notes": "",
             "created_at": T0.replace(tzinfo=None)} for n in range(3000)]
    rows.append({"name": "Annabel Guest", "phone": "", "email": "", "notes": "",
                 "created_at": T0.replace(tzinfo=None)})
    from recoverydesk.store.models import Customer  # bulk seed only; the API is under test
    with Customer._meta.database.atomic():
        for start in range(0, len(rows), 500):
            Customer.insert_many(rows[start:start + 500]).execute()

    matches = customers.search_customers("guest", limit=8)

    assert len(matches) == 8
    assert [m.name for m in matches] == [f"Guest {n:04d}" for n in range(8)]
    assert [m.name for m in customers.search_customers("bel gu")] == ["Annabel Guest"]


def test_customer_history_counts_this_year_without_voided_gestures(shop: Shop) -> None:
    """The history line: this year's incidents and non-voided gestures with their cost, the
    last incident's date and the notes; last year's incidents do not count."""
    anna = shop.staff("Anna", 100000, 10000)
    customer = customers.add_customer(
        shop.owner_id, CustomerInput(name="Mira", notes="Always orders oat milk"), now=T0)
    recoveries.log_recovery(anna, shop.incident("Last year"), customer_id=customer,
                            now=datetime(2025, 12, 31, 22, 0, tzinfo=UTC))  # 23:00 Berlin
    recoveries.log_recovery(anna, shop.incident("New year"), customer_id=customer,
                            gesture=GestureInput("gift", 1000),
                            approval=Approval(shop.owner_id, OWNER_PIN),  # no budget in January
                            now=datetime(2025, 12, 31, 23, 30, tzinfo=UTC))  # 00:30, Jan 1
    voided = recoveries.log_recovery(anna, shop.incident("Typo"), customer_id=customer,
                                     gesture=GestureInput("gift", 700), now=T0)
    assert voided.gesture is not None
    recoveries.void_gesture(anna, voided.gesture.gesture_id, "Wrong amount", now=T0)
    recoveries.log_recovery(anna, shop.incident("Again"), customer_id=customer,
                            gesture=GestureInput("refund", 450), now=T0)

    history = customers.customer_history(customer, now=T0)

    assert (history.year, history.incidents, history.gestures, history.cost_minor) == (
        2026, 3, 2, 1450)
    assert history.last_incident_on == date(2026, 3, 10)
    assert history.notes == "Always orders oat milk"


def test_every_recovery_with_a_customer_gets_a_follow_up_after_the_delay(shop: Shop) -> None:
    """log_recovery, the dialog's save path, schedules the follow-up for known and new
    customers at the settings' delay, and none without a customer."""
    anna = shop.staff("Anna", 10000, 2000)
    known = customers.add_customer(shop.owner_id, CustomerInput(name="Known"), now=T0)
    with_known = recoveries.log_recovery(anna, shop.incident(), customer_id=known, now=T0)
    with_new = recoveries.log_recovery(anna, shop.incident(),
                                       new_customer=CustomerInput(phone="+49 30 999"), now=T0)
    anonymous = recoveries.log_recovery(anna, shop.incident(), now=T0)

    assert with_known.followup_id is not None and with_new.followup_id is not None
    assert anonymous.followup_id is None
    due = counter.followups_due(now=T0 + timedelta(days=3))
    assert {i.followup_id for i in due.items} == {with_known.followup_id, with_new.followup_id}
    assert due.due_today == 2
