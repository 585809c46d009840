"""The Team page's services: the month overview, owner-confirmed PIN resets and restores
recorded with the owner who asked (SPEC §7 Team, Settings)."""

from __future__ import annotations

import json

import pytest

from recoverydesk.core.months import Month
from recoverydesk.errors import AuthenticationError, PermissionDenied, ValidationError
from recoverydesk.services import auth, backups, business, recoveries, restore, team
from recoverydesk.services.team_view import current_month, team_overview
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import AuditEntry
from tests.conftest import OWNER_PIN, T0, Shop


def last_entry(action: str) -> AuditEntry:
    return (AuditEntry.select().where(AuditEntry.action == action)
            .order_by(AuditEntry.seq.desc()).get())


def test_overview_lists_everyone_with_the_months_use_and_the_planned_change(
        shop: Shop) -> None:
    """Each employee (inactive too) shows this month's allowance, spend and remaining, and
    the first budget change that starts later."""
    anna = shop.staff("Anna", 10000, 4000)
    bert = shop.staff("Bert", 5000, 2000)
    recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("refund", 2500), now=T0)
    team.set_budget(shop.owner_id, anna, Month(2026, 5), 20000, 6000, now=T0)
    team.set_active(shop.owner_id, bert, False, now=T0)
    members = {m.name: m for m in team_overview(Month(2026, 3))}
    assert set(members) == {"Anna", "Bert", "Olga Owner"}
    a = members["Anna"]
    assert (a.status.allowance_minor, a.status.spent_minor, a.status.remaining_minor,
            a.status.per_incident_limit_minor) == (10000, 2500, 7500, 4000)
    assert a.planned is not None and (a.planned.effective_month, a.planned.allowance_minor) \
        == ("2026-05", 20000)
    assert members["Bert"].active is False and members["Bert"].planned is None
    assert current_month(T0) == Month(2026, 3)


def test_pin_reset_needs_the_owners_own_pin(shop: Shop) -> None:
    """A wrong owner PIN changes nothing and is audited; the right one sets the new PIN,
    which then signs in."""
    anna = shop.staff("Anna", 1000, 1000, pin="2468")
    with pytest.raises(AuthenticationError):
        auth.reset_pin(shop.owner_id, "0000", anna, "97531", now=T0)
    assert auth.sign_in(anna, "2468", now=T0).employee_id == anna
    assert json.loads(last_entry("owner_confirm.failed").details)["failures"] == 1
    auth.reset_pin(shop.owner_id, OWNER_PIN, anna, "97531", now=T0)
    assert auth.sign_in(anna, "97531", now=T0).employee_id == anna
    assert last_entry("employee.pin_change").entity_id == anna


def test_pin_reset_checks_the_new_pin_before_the_owner_pin(shop: Shop) -> None:
    """A malformed new PIN is refused naming its field, without spending a PIN attempt."""
    anna = shop.staff("Anna", 1000, 1000, pin="2468")
    with pytest.raises(ValidationError) as caught:
        auth.reset_pin(shop.owner_id, "0000", anna, "12a", now=T0)
    assert caught.value.field == "new_pin"
    assert not AuditEntry.select().where(AuditEntry.action == "owner_confirm.failed").exists()


def test_staff_cannot_confirm_as_owner(shop: Shop) -> None:
    """Only an active owner confirms a PIN reset or a restore."""
    anna = shop.staff("Anna", 1000, 1000, pin="2468")
    bert = shop.staff("Bert", 1000, 1000, pin="1357")
    with pytest.raises(PermissionDenied):
        auth.reset_pin(anna, "2468", bert, "8642", now=T0)
    with pytest.raises(PermissionDenied):
        auth.confirm_owner(anna, "2468", now=T0)


@pytest.mark.sqlite_only
def test_a_restore_asked_by_an_owner_records_them(shop: Shop) -> None:
    """The audit entry of a restore from Settings names the owner who asked."""
    made = backups.make_backup(actor_id=shop.owner_id, now=T0)
    business.close_business()
    restore.restore(shop.path, made.path, actor_id=shop.owner_id)
    business.open_business(shop.path)
    assert last_entry("backup.restore").actor == shop.owner_id
