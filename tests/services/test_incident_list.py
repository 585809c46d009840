"""The incidents list: filters, sorting, paging and per-incident spend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from recoverydesk.core.months import Month
from recoverydesk.errors import ValidationError
from recoverydesk.services import catalog, incidents, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.incident_list import (
    IncidentFilter,
    SortKey,
    count_incidents,
    find_incidents,
    incident_rows,
    list_incidents,
)
from recoverydesk.services.types import GestureInput
from tests.conftest import Shop


@dataclass
class History:
    anna: int
    boris: int
    laundry: int
    ids: dict[str, int]


def _history(shop: Shop) -> History:
    """Five incidents over March and April (Berlin), two people, two categories."""
    anna = shop.staff("Anna", 100_000, 50_000)
    boris = shop.staff("Boris", 100_000, 50_000)
    laundry = catalog.add_category(shop.owner_id, "Laundry", now=datetime(2026, 3, 1, tzinfo=UTC))

    def log(key: str, who: int, day: int, month: int, text: str, cost: int | None,
            customer: str = "", category: int | None = None, severity: str = "minor") -> int:
        logged = recoveries.log_recovery(
            who, recoveries.IncidentInput(category or shop.category_id, text, severity),
            new_customer=CustomerInput(name=customer) if customer else None,
            gesture=GestureInput("gift", cost) if cost is not None else None,
            now=datetime(2026, month, day, 10, 0, tzinfo=UTC))
        ids[key] = logged.incident_id
        return logged.incident_id

    ids: dict[str, int] = {}
    log("soup", anna, 3, 3, "Cold soup at table 4", 350, "Łucja Zażółć")
    log("dress", boris, 5, 3, "Dress damaged by the laundry", 12_000, "Åsa Øberg", laundry,
        "critical")
    log("keys", anna, 20, 3, "Valet locked the keys in the car; 100% sure", None)
    log("wifi", boris, 2, 4, "Wi-Fi down all evening", 1_000, "王小明", severity="major")
    log("late", anna, 30, 4, "Late booking", 500)
    # A second gesture on the soup, then voided: the list shows only what still counts.
    extra = recoveries.add_gesture(anna, ids["soup"], GestureInput("refund", 900),
                                   now=datetime(2026, 3, 3, 10, 5, tzinfo=UTC))
    recoveries.void_gesture(anna, extra.gesture_id, "typo",
                            now=datetime(2026, 3, 3, 10, 6, tzinfo=UTC))
    incidents.resolve_incident(boris, ids["dress"], "delighted",
                               now=datetime(2026, 3, 6, tzinfo=UTC))
    return History(anna, boris, laundry, ids)


def _ids(rows: list) -> list[int]:  # type: ignore[type-arg]
    return [row.id for row in rows]


def test_no_filter_lists_everything_newest_first_with_non_voided_spend(shop: Shop) -> None:
    """Default order is newest first; a voided gesture does not count in the cost."""
    h = _history(shop)
    rows = list_incidents(IncidentFilter())
    assert _ids(rows) == [h.ids[k] for k in ("late", "wifi", "keys", "dress", "soup")]
    costs = {row.id: row.cost_minor for row in rows}
    assert costs[h.ids["soup"]] == 350 and costs[h.ids["keys"]] == 0
    assert count_incidents(IncidentFilter()) == 5
    soup = rows[-1]
    assert (soup.employee, soup.customer, soup.status) == ("Anna", "Łucja Zażółć", "open")


def test_filters_combine(shop: Shop) -> None:
    """Month (business time zone), employee, category and status narrow the list together."""
    h = _history(shop)
    march = IncidentFilter(month=Month(2026, 3))
    assert set(_ids(list_incidents(march))) == {h.ids[k] for k in ("soup", "dress", "keys")}
    anna_march = IncidentFilter(month=Month(2026, 3), employee_id=h.anna)
    assert set(_ids(list_incidents(anna_march))) == {h.ids["soup"], h.ids["keys"]}
    assert _ids(list_incidents(IncidentFilter(category_id=h.laundry))) == [h.ids["dress"]]
    assert _ids(list_incidents(IncidentFilter(status="resolved"))) == [h.ids["dress"]]
    assert count_incidents(IncidentFilter(status="open")) == 4
    assert count_incidents(IncidentFilter(month=Month(2026, 5))) == 0


@pytest.mark.parametrize(("text", "keys"), [
    ("łucja", {"soup"}),             # non-ASCII case folding (SQLite LOWER cannot)
    ("ZAŻÓŁĆ", {"soup"}),
    ("øberg", {"dress"}),
    ("小明", {"wifi"}),
    ("laundry", {"dress"}),          # description
    ("100%", {"keys"}),              # LIKE wildcards are literal text
    ("%", {"keys"}),
    ("_", set()),
    ("'; DROP TABLE incident; --", set()),
])
def test_free_text_matches_description_and_customer_in_any_script(
        shop: Shop, text: str, keys: set[str]) -> None:
    """Text search is case-insensitive in every script and treats every character literally."""
    h = _history(shop)
    found = set(_ids(list_incidents(IncidentFilter(text=text))))
    assert found == {h.ids[k] for k in keys}
    assert count_incidents(IncidentFilter(text=text)) == len(keys)
    assert count_incidents(IncidentFilter()) == 5  # the table is still there


def test_sorting_by_each_column(shop: Shop) -> None:
    """Every sortable column orders the rows, both ways; ties fall back to newest first."""
    h = _history(shop)
    by_cost = list_incidents(IncidentFilter(), SortKey.COST, descending=True)
    assert _ids(by_cost)[:2] == [h.ids["dress"], h.ids["wifi"]]
    assert [r.cost_minor for r in by_cost] == [12_000, 1_000, 500, 350, 0]
    ascending = list_incidents(IncidentFilter(), SortKey.COST, descending=False)
    assert [r.cost_minor for r in ascending] == [0, 350, 500, 1_000, 12_000]
    by_employee = list_incidents(IncidentFilter(), SortKey.EMPLOYEE, descending=False)
    assert [r.employee for r in by_employee] == ["Anna", "Anna", "Anna", "Boris", "Boris"]
    assert _ids(by_employee)[:3] == [h.ids["late"], h.ids["keys"], h.ids["soup"]]
    by_status = list_incidents(IncidentFilter(), SortKey.STATUS, descending=True)
    assert [r.status for r in by_status] == ["resolved"] + ["open"] * 4
    assert by_status[0].id == h.ids["dress"]
    default = catalog.list_categories()[0].name
    assert default < "Laundry"
    by_category = list_incidents(IncidentFilter(), SortKey.CATEGORY, descending=False)
    assert [r.category for r in by_category] == [default] * 4 + ["Laundry"]
    by_customer = list_incidents(IncidentFilter(), SortKey.CUSTOMER, descending=False)
    assert [r.customer for r in by_customer] == ["", "", "Åsa Øberg", "Łucja Zażółć", "王小明"]
    by_severity = list_incidents(IncidentFilter(), SortKey.SEVERITY, descending=True)
    assert _ids(by_severity) == [h.ids[k] for k in ("dress", "wifi", "late", "keys", "soup")]


def test_pages_cover_the_list_once(shop: Shop) -> None:
    """Consecutive pages join up to the whole list, without gaps or repeats."""
    _history(shop)
    whole = _ids(list_incidents(IncidentFilter()))
    paged = (_ids(list_incidents(IncidentFilter(), offset=0, limit=2))
             + _ids(list_incidents(IncidentFilter(), offset=2, limit=2))
             + _ids(list_incidents(IncidentFilter(), offset=4, limit=2)))
    assert paged == whole
    assert list_incidents(IncidentFilter(), offset=5, limit=2) == []
    assert find_incidents(IncidentFilter(), offset=2, limit=2).total == 5
    assert find_incidents(IncidentFilter(), offset=50, limit=2).total == 5  # past the end
    march = find_incidents(IncidentFilter(month=Month(2026, 3)), limit=1)
    assert (march.total, len(march.rows)) == (3, 1)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"limit": 0}, "limit"), ({"limit": 10_000}, "limit"), ({"offset": -1}, "limit"),
])
def test_bad_pages_are_refused(shop: Shop, kwargs: dict[str, int], field: str) -> None:
    """A page size outside 1-500 or a negative offset is a validation error."""
    with pytest.raises(ValidationError) as err:
        list_incidents(IncidentFilter(), **kwargs)
    assert err.value.field == field


def test_bad_filters_are_refused(shop: Shop) -> None:
    """An unknown status or a search text longer than a name is refused with a message."""
    with pytest.raises(ValidationError, match="status"):
        list_incidents(IncidentFilter(status="lost"))
    with pytest.raises(ValidationError, match="too long"):
        count_incidents(IncidentFilter(text="x" * 101))


def test_a_row_tells_an_erased_or_nameless_customer_from_no_customer(shop: Shop) -> None:
    """Erased, phone-only and anonymous all came as "" (the list showed "—" for each),
    though an erased customer still counts as known (SPEC §5)."""
    from recoverydesk.services import customers

    anna = shop.staff("Anna", 10_000, 5_000)
    at = datetime(2026, 3, 10, 11, tzinfo=UTC)
    erased = recoveries.log_recovery(anna, shop.incident("A"), new_customer=CustomerInput(
        name="Zofia"), now=at)
    by_phone = recoveries.log_recovery(anna, shop.incident("B"), new_customer=CustomerInput(
        phone="+48 600 100 200"), now=at)
    nobody = recoveries.log_recovery(anna, shop.incident("C"), now=at)
    assert erased.customer_id is not None and by_phone.customer_id is not None
    customers.erase_customer(shop.owner_id, erased.customer_id, now=at)
    rows = {row.id: row for row in incident_rows(
        [erased.incident_id, by_phone.incident_id, nobody.incident_id])}
    assert (rows[erased.incident_id].customer_id, rows[erased.incident_id].customer_erased,
            rows[erased.incident_id].customer) == (erased.customer_id, True, "")
    assert (rows[by_phone.incident_id].customer_id,
            rows[by_phone.incident_id].customer_erased) == (by_phone.customer_id, False)
    assert (rows[nobody.incident_id].customer_id,
            rows[nobody.incident_id].customer_erased) == (None, False)
