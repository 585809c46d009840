"""Categories and gesture presets as the owner edits them in Settings."""

from __future__ import annotations

import json

import pytest

from recoverydesk.errors import PermissionDenied, ValidationError
from recoverydesk.services import catalog, recoveries
from recoverydesk.services.incident_detail import incident_detail
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import AuditEntry, Gesture
from tests.conftest import T0, Shop


def _last_audit() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.seq.desc()).get()


def test_rename_and_deactivate_a_category_keeps_past_incidents(shop: Shop) -> None:
    """An inactive category leaves the counter's list; incidents keep it; audited."""
    anna = shop.staff("Anna", 1_000, 1_000)
    logged = recoveries.log_recovery(anna, shop.incident(), now=T0)
    catalog.update_category(shop.owner_id, shop.category_id, name="Kitchen", now=T0)
    assert json.loads(_last_audit().details)["name"]["new"] == "Kitchen"
    catalog.update_category(shop.owner_id, shop.category_id, active=False, now=T0)
    assert shop.category_id not in [c.id for c in catalog.list_categories()]
    assert shop.category_id in [c.id for c in catalog.list_categories(include_inactive=True)]
    with pytest.raises(ValidationError):  # not offered, so not usable for new incidents
        recoveries.log_recovery(anna, shop.incident(), now=T0)
    assert incident_detail(logged.incident_id, shop.owner_id, now=T0).category == "Kitchen"


def test_category_names_stay_unique_and_one_stays_active(shop: Shop) -> None:
    """A duplicate name or switching off the last active category is refused."""
    others = [c.id for c in catalog.list_categories() if c.id != shop.category_id]
    taken = catalog.list_categories()[1].name
    with pytest.raises(ValidationError, match="already a category"):
        catalog.update_category(shop.owner_id, shop.category_id, name=taken, now=T0)
    for category in others:
        catalog.update_category(shop.owner_id, category, active=False, now=T0)
    with pytest.raises(ValidationError, match="at least one"):
        catalog.update_category(shop.owner_id, shop.category_id, active=False, now=T0)


def test_a_category_differing_only_by_case_is_the_same_category(shop: Shop) -> None:
    """"room " was added beside "Room" (only exact names were compared), splitting the
    report's category rows; case is folded in every script, and renaming a category to its
    own name in other case is allowed."""
    catalog.add_category(shop.owner_id, "Room", now=T0)
    catalog.add_category(shop.owner_id, "Ресторан", now=T0)
    for twin in ("room ", "ROOM", "ресторан"):
        with pytest.raises(ValidationError, match=r"already a category called '(Room|Ресторан)'"):
            catalog.add_category(shop.owner_id, twin, now=T0)
    room = next(c.id for c in catalog.list_categories() if c.name == "Room")
    catalog.update_category(shop.owner_id, room, name="ROOM", now=T0)
    assert "ROOM" in [c.name for c in catalog.list_categories()]


def test_preset_edit_leaves_gestures_already_made_alone(shop: Shop) -> None:
    """A preset's new price applies from now on; past gestures keep theirs."""
    anna = shop.staff("Anna", 10_000, 10_000)
    preset = catalog.add_preset(shop.owner_id, "Free coffee", "free_item", 350, now=T0)
    logged = recoveries.log_recovery(anna, shop.incident(),
                                     gesture=GestureInput("free_item", 350), now=T0)
    catalog.update_preset(shop.owner_id, preset, cost_minor=400, label="Free flat white",
                          now=T0)
    [info] = catalog.list_presets()
    assert (info.label, info.cost_minor) == ("Free flat white", 400)
    assert logged.gesture is not None
    assert Gesture.get_by_id(logged.gesture.gesture_id).cost_minor == 350
    assert json.loads(_last_audit().details) == {
        "cost_minor": {"old": 350, "new": 400},
        "label": {"old": "Free coffee", "new": "Free flat white"}}
    with pytest.raises(ValidationError):
        catalog.update_preset(shop.owner_id, preset, cost_minor=-1, now=T0)
    with pytest.raises(ValidationError):
        catalog.update_preset(shop.owner_id, preset, kind="bribe", now=T0)
    catalog.update_preset(shop.owner_id, preset, active=False, now=T0)
    assert catalog.list_presets() == []


def test_reorder_sets_the_counter_order(shop: Shop) -> None:
    """Presets 1-9 follow the owner's order; the order must name each preset once."""
    ids = [catalog.add_preset(shop.owner_id, label, "gift", 100, now=T0)
           for label in ("A", "B", "C")]
    catalog.reorder(shop.owner_id, "presets", [ids[2], ids[0], ids[1]], now=T0)
    assert [p.label for p in catalog.list_presets()] == ["C", "A", "B"]
    with pytest.raises(ValidationError, match="exactly once"):
        catalog.reorder(shop.owner_id, "presets", [ids[0], ids[0], ids[1]], now=T0)
    with pytest.raises(ValidationError):
        catalog.reorder(shop.owner_id, "things", ids, now=T0)


def test_staff_cannot_edit_the_lists(shop: Shop) -> None:
    anna = shop.staff("Anna", 0, 0)
    with pytest.raises(PermissionDenied):
        catalog.update_category(anna, shop.category_id, name="Mine", now=T0)
    with pytest.raises(PermissionDenied):
        catalog.reorder(anna, "categories", [c.id for c in catalog.list_categories()], now=T0)
