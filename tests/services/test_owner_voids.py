"""Voids an owner makes at a staff member's screen with their PIN. Real SQLite, no Qt."""

from __future__ import annotations

from datetime import timedelta

import pytest

from recoverydesk.errors import AuthenticationError, PermissionDenied, ValidationError
from recoverydesk.services import recoveries
from recoverydesk.services.owner_voids import void_with_owner_pin
from recoverydesk.services.types import Approval, GestureInput
from recoverydesk.store.models import AuditEntry, Employee, Void
from tests.conftest import OWNER_PIN, T0, Shop


def test_an_owner_pin_voids_an_old_gesture_in_the_owners_name(shop: Shop) -> None:
    """Past the 10 minutes Anna cannot void alone; with the owner's PIN the void is made and
    recorded with the owner as who voided it."""
    anna = shop.staff("Anna", 10000, 4000)
    logged = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                                     now=T0)
    assert logged.gesture is not None
    gesture = logged.gesture.gesture_id
    later = T0 + timedelta(minutes=11)
    with pytest.raises(PermissionDenied):
        recoveries.void_gesture(anna, gesture, "Typo", now=later)

    void_with_owner_pin(anna, gesture, "Typo", Approval(shop.owner_id, OWNER_PIN), now=later)

    void = Void.get(Void.gesture == gesture)
    assert (void.voided_by_id, void.reason) == (shop.owner_id, "Typo")
    entry = AuditEntry.select().where(AuditEntry.action == "gesture.void").get()
    assert entry.actor == shop.owner_id


def test_a_wrong_pin_counts_and_a_missing_reason_costs_no_attempt(shop: Shop) -> None:
    """No reason: refused before the PIN is looked at. A wrong PIN: refused and counted
    toward the owner's lockout. Nothing is voided."""
    anna = shop.staff("Anna", 10000, 4000)
    logged = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 900),
                                     now=T0)
    assert logged.gesture is not None
    gesture = logged.gesture.gesture_id
    with pytest.raises(ValidationError, match="reason"):
        void_with_owner_pin(anna, gesture, " ", Approval(shop.owner_id, "0000"), now=T0)
    assert Employee.get_by_id(shop.owner_id).failed_pins == 0
    with pytest.raises(AuthenticationError):
        void_with_owner_pin(anna, gesture, "Typo", Approval(shop.owner_id, "0000"), now=T0)
    assert Employee.get_by_id(shop.owner_id).failed_pins == 1
    assert not Void.select().exists()
