"""The Follow-ups page's list: order, states across midnight in the business time zone, and
agreement with the counter's due count. Real SQLite file, no Qt."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from recoverydesk.services import counter, followup_list, incidents, recoveries
from recoverydesk.services.customers import CustomerInput
from tests.conftest import T0, Shop


def _log(shop: Shop, anna: int, text: str, at: datetime, customer: bool = True) -> int:
    logged = recoveries.log_recovery(
        anna, shop.incident(text), now=at,
        new_customer=CustomerInput(name=f"Guest {text}") if customer else None)
    if logged.followup_id is None:
        return incidents.add_followup(anna, logged.incident_id, date(2026, 3, 20), now=at)
    return logged.followup_id


def test_overdue_and_today_come_first_then_upcoming_and_done_ones_are_left_out(
        shop: Shop) -> None:
    """Overdue (oldest first), today, then upcoming (soonest first); done follow-ups and
    their counts disappear; anonymous incidents carry no customer id."""
    anna = shop.staff("Anna", 10000, 2000)
    # The delay is 3 days: logged on the 10th → due the 13th, and so on.
    ids = [_log(shop, anna, f"Case {n}", T0 + timedelta(days=n)) for n in range(4)]
    anonymous = _log(shop, anna, "Anon", T0, customer=False)  # due the 20th
    done = _log(shop, anna, "Done", T0)
    incidents.complete_followup(anna, done, "happy", now=T0)
    now = datetime(2026, 3, 14, 10, 0, tzinfo=UTC)

    listed = followup_list.open_followups(now=now)

    assert [(i.followup_id, i.when) for i in listed.items] == [
        (ids[0], "overdue"), (ids[1], "today"), (ids[2], "upcoming"), (ids[3], "upcoming"),
        (anonymous, "upcoming")]
    assert (listed.overdue, listed.due_today, listed.upcoming) == (1, 1, 3)
    assert listed.items[0].customer_name == "Guest Case 0"
    assert listed.items[-1].customer_id is None and listed.items[0].customer_id is not None


def test_due_states_turn_at_midnight_in_berlin_not_utc_and_agree_with_the_counter(
        shop: Shop) -> None:
    """A follow-up due on the 14th is upcoming at 23:59 Berlin on the 13th, due today at
    00:00 Berlin (still the 13th in UTC) and overdue from 00:00 on the 15th; the counter's
    due count says the same at every moment."""
    anna = shop.staff("Anna", 10000, 2000)
    _log(shop, anna, "Soup", datetime(2026, 3, 11, 9, 0, tzinfo=UTC))  # due the 14th
    moments = {
        datetime(2026, 3, 13, 22, 59, tzinfo=UTC): "upcoming",  # 23:59 on the 13th
        datetime(2026, 3, 13, 23, 0, tzinfo=UTC): "today",  # 00:00 on the 14th
        datetime(2026, 3, 14, 22, 59, tzinfo=UTC): "today",  # 23:59 on the 14th
        datetime(2026, 3, 14, 23, 0, tzinfo=UTC): "overdue",  # 00:00 on the 15th
    }
    for moment, expected in moments.items():
        listed = followup_list.open_followups(now=moment)
        [item] = listed.items
        assert item.when == expected, moment
        due = counter.followups_due(now=moment)
        assert (listed.due_today, listed.overdue) == (due.due_today, due.overdue), moment
        assert listed.due == (0 if expected == "upcoming" else 1)
