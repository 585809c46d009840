"""Sign-in with PIN, lockout kept in the database, recovery-key PIN reset (SPEC §4)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from recoverydesk.errors import AuthenticationError, LockedOut, PermissionDenied, ValidationError
from recoverydesk.services import auth, business, team
from recoverydesk.store.models import AuditEntry
from tests.conftest import OWNER_PIN, T0, Shop


def failed_sign_in_entries() -> int:
    return AuditEntry.select().where(AuditEntry.action == "sign_in.failed").count()


def test_sign_in_with_the_right_pin(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000, pin="8642")
    signed = auth.sign_in(anna, "8642", now=T0)
    assert (signed.employee_id, signed.name, signed.is_owner) == (anna, "Anna", False)
    assert auth.sign_in(shop.owner_id, OWNER_PIN, now=T0).is_owner


def test_wrong_pin_is_refused_and_every_failure_is_audited(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000, pin="8642")
    with pytest.raises(AuthenticationError, match=r"Wrong PIN\. 4 more"):
        auth.sign_in(anna, "0000", now=T0)
    with pytest.raises(AuthenticationError, match="3 more"):
        auth.sign_in(anna, "12345678", now=T0)
    assert failed_sign_in_entries() == 2


def test_five_wrong_pins_lock_for_five_minutes(shop: Shop, tmp_path: Path) -> None:
    """After 5 wrong PINs even the right one is refused for 5 minutes, with the time left."""
    anna = shop.staff("Anna", 1000, 1000, pin="8642")
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.sign_in(anna, "0000", now=T0)
    with pytest.raises(LockedOut, match="5 minutes") as err:
        auth.sign_in(anna, "0000", now=T0)
    assert err.value.until == (T0 + timedelta(minutes=5)).replace(tzinfo=None)
    with pytest.raises(LockedOut, match="try again in 2 minutes"):
        auth.sign_in(anna, "8642", now=T0 + timedelta(minutes=3, seconds=30))

    # The lock lives in the file: another till (a fresh connection) sees it.
    business.close_business()
    business.open_business(shop.target)
    with pytest.raises(LockedOut):
        auth.sign_in(anna, "8642", now=T0 + timedelta(minutes=4))
    assert AuditEntry.select().where(AuditEntry.action == "sign_in.locked_out").count() == 2
    assert auth.sign_in(anna, "8642", now=T0 + timedelta(minutes=5)).name == "Anna"
    # After a success the count starts again from zero.
    with pytest.raises(AuthenticationError, match="4 more"):
        auth.sign_in(anna, "0000", now=T0 + timedelta(minutes=6))


def test_a_successful_sign_in_resets_the_failure_count(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000, pin="8642")
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            auth.sign_in(anna, "0000", now=T0)
    auth.sign_in(anna, "8642", now=T0)
    with pytest.raises(AuthenticationError, match="4 more"):
        auth.sign_in(anna, "0000", now=T0)


def test_inactive_employees_cannot_sign_in(shop: Shop) -> None:
    anna = shop.staff("Anna", 1000, 1000, pin="8642")
    team.set_active(shop.owner_id, anna, False, now=T0)
    with pytest.raises(PermissionDenied):
        auth.sign_in(anna, "8642", now=T0)
    assert "Anna" not in [e.name for e in team.list_employees()]


def test_the_last_owner_cannot_be_deactivated(shop: Shop) -> None:
    with pytest.raises(PermissionDenied):
        team.set_active(shop.owner_id, shop.owner_id, False, now=T0)


def test_pins_must_be_four_to_eight_digits(shop: Shop) -> None:
    for bad in ("", "123", "123456789", "12a4", "١٢٣٤"):
        with pytest.raises(ValidationError):
            team.add_employee(shop.owner_id, "Anna", "staff", bad, now=T0)


@pytest.mark.sqlite_only  # reads the file's bytes
def test_pins_are_stored_only_as_salted_hashes(shop: Shop) -> None:
    a = shop.staff("Anna", 0, 0, pin="1234")
    b = shop.staff("Bob", 0, 0, pin="1234")
    raw = shop.path.read_bytes()
    from recoverydesk.store.models import Employee
    hashes = {Employee.get_by_id(a).pin_hash, Employee.get_by_id(b).pin_hash}
    assert len(hashes) == 2 and all(h.startswith("scrypt$") for h in hashes)
    assert b"1234" not in raw.replace(b"scrypt", b"")


def test_recovery_key_resets_an_owners_pin_once(shop: Shop) -> None:
    """The key shown at setup sets a new PIN; it is then replaced and the old one fails."""
    with pytest.raises(AuthenticationError):
        auth.reset_pin_with_key("Olga Owner", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", "9999", now=T0)
    typed = shop.recovery_key.lower().replace("-", " ")  # forgiving of case and spacing
    new_key = auth.reset_pin_with_key("Olga Owner", typed, "9999", now=T0)
    assert new_key != shop.recovery_key
    assert auth.sign_in(shop.owner_id, "9999", now=T0).is_owner
    with pytest.raises(AuthenticationError):
        auth.reset_pin_with_key("Olga Owner", shop.recovery_key, "1111", now=T0)
    actions = [e.action for e in AuditEntry.select().order_by(AuditEntry.seq)]
    assert actions.count("recovery_key.failed") == 2 and actions.count("recovery_key.used") == 1


def test_staff_have_no_recovery_key(shop: Shop) -> None:
    shop.staff("Anna", 0, 0)
    with pytest.raises(Exception, match="no owner called"):
        auth.reset_pin_with_key("Anna", shop.recovery_key, "9999", now=T0)


def test_names_are_unique_ignoring_case_in_every_script(shop: Shop) -> None:
    """"magnus øberg" clashes with "Magnus Øberg" (SQL LOWER would miss the Ø)."""
    shop.staff("Magnus Øberg", 0, 0)
    with pytest.raises(ValidationError, match="already an employee"):
        team.add_employee(shop.owner_id, "MAGNUS ØBERG", "staff", "1234", now=T0)
    assert team.employee_by_name("magnus øberg").name == "Magnus Øberg"
