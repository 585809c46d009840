"""The Customers page's list: paging, search by name, phone digits and e-mail in any
script, counts per row, erased people last. Real SQLite file, no Qt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from recoverydesk.errors import ValidationError
from recoverydesk.services import customers, recoveries
from recoverydesk.services.customer_list import MAX_PAGE, find_customers
from recoverydesk.services.customers import CustomerInput
from tests.conftest import T0, Shop


def test_search_by_name_phone_digits_and_email_in_any_case_and_script(shop: Shop) -> None:
    """"łucja" finds Łucja, "иван" finds Иван, phone digits without spaces and part of an
    e-mail find theirs; SQL-looking text is only text."""
    owner = shop.owner_id
    lucja = customers.add_customer(owner, CustomerInput(name="Łucja Zażółć"))
    ivan = customers.add_customer(owner, CustomerInput(name="Иван", phone="+47 1234 5678"))
    mail = customers.add_customer(owner, CustomerInput(email="wang@example.cn"))

    assert [r.id for r in find_customers("łucja").rows] == [lucja]
    assert [r.id for r in find_customers("ИВАН").rows] == [ivan]
    assert [r.id for r in find_customers("12345678").rows] == [ivan]
    assert [r.id for r in find_customers("example.CN").rows] == [mail]
    assert find_customers("' OR 1=1 --").total == 0
    assert find_customers("").total == 3
    # Half a character (a broken paste) is no query error: it cannot be stored, so it is
    # left out of the search, which once failed in SQLite's UTF-8 encoding.
    assert [r.id for r in find_customers("łuc\ud800ja").rows] == [lucja]
    assert [m.id for m in customers.search_customers("иван\udcff")] == [ivan]


def test_pages_hold_every_customer_once_with_incidents_and_last_visit(shop: Shop) -> None:
    """Paging through 25 customers 10 at a time gives each once, sorted by name; a row
    counts its incidents and shows the last return visit; erased people come last."""
    owner = shop.owner_id
    ids = [customers.add_customer(owner, CustomerInput(name=f"Guest {n:02d}"))
           for n in range(25)]
    recoveries.log_recovery(owner, shop.incident(), customer_id=ids[3], now=T0)
    recoveries.log_recovery(owner, shop.incident(), customer_id=ids[3], now=T0)
    customers.record_return_visit(owner, ids[3], visited_on=date(2026, 3, 12),
                                  now=T0 + timedelta(days=3))
    customers.erase_customer(owner, ids[0], now=T0)

    pages = [find_customers(offset=o, limit=10) for o in (0, 10, 20)]

    rows = [r for p in pages for r in p.rows]
    assert {p.total for p in pages} == {25}
    assert [r.id for r in rows] == [*ids[1:], ids[0]]
    assert rows[-1].erased and rows[-1].name == ""
    guest3 = next(r for r in rows if r.id == ids[3])
    assert (guest3.incidents, guest3.last_visit) == (2, date(2026, 3, 12))


def test_bad_paging_and_overlong_search_text_are_refused(shop: Shop) -> None:
    """A page size out of range or a search text longer than a name is a clear error."""
    with pytest.raises(ValidationError, match="A page holds"):
        find_customers(limit=MAX_PAGE + 1)
    with pytest.raises(ValidationError, match="too long"):
        find_customers("x" * 101)
