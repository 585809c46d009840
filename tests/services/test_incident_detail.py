"""The incident detail pane's record: gestures with voids, follow-ups, customer, permissions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from recoverydesk.errors import NotFound
from recoverydesk.services import incidents, recoveries
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.incident_detail import incident_detail
from recoverydesk.services.types import Approval, GestureInput
from tests.conftest import OWNER_PIN, T0, Shop


def test_detail_shows_gestures_voids_approvals_followups_and_customer(shop: Shop) -> None:
    """Voided gestures stay listed with who/when/why and stop counting in the spend."""
    anna = shop.staff("Anna", 10_000, 1_000)
    logged = recoveries.log_recovery(
        anna, shop.incident("Dress damaged by the laundry"),
        new_customer=CustomerInput(name="Åsa Øberg", notes="collects antique phones"),
        gesture=GestureInput("replacement", 800, 4_000, "new dress"), now=T0)
    approved = recoveries.add_gesture(anna, logged.incident_id, GestureInput("gift", 500),
                                      approval=Approval(shop.owner_id, OWNER_PIN),
                                      now=T0 + timedelta(minutes=1))
    typo = recoveries.add_gesture(anna, logged.incident_id, GestureInput("refund", 100),
                                  approval=Approval(shop.owner_id, OWNER_PIN),
                                  now=T0 + timedelta(minutes=2))
    recoveries.void_gesture(anna, typo.gesture_id, "typed twice",
                            now=T0 + timedelta(minutes=3))

    detail = incident_detail(logged.incident_id, anna, now=T0 + timedelta(minutes=4))
    assert detail.description == "Dress damaged by the laundry"
    assert detail.reported_by == "Anna" and detail.status == "open"
    assert detail.customer is not None and detail.customer.name == "Åsa Øberg"
    assert detail.customer.notes == "collects antique phones"
    kinds = [(g.kind, g.cost_minor, g.value_minor) for g in detail.gestures]
    assert kinds == [("replacement", 800, 4_000), ("gift", 500, None), ("refund", 100, None)]
    assert detail.gestures[1].approved_by == "Olga Owner"
    assert detail.gestures[1].id == approved.gesture_id
    void = detail.gestures[2].void
    assert void is not None and (void.by, void.reason) == ("Anna", "typed twice")
    assert detail.spent_minor == 1_300  # the voided 100 no longer counts
    assert [f.due_on for f in detail.followups] == [date(2026, 3, 13)]
    assert detail.open_followups == detail.followups


def test_what_the_viewer_may_do(shop: Shop) -> None:
    """The author may correct and void their own within 10 minutes; others may not; owners
    may always; a voided gesture cannot be voided again."""
    anna = shop.staff("Anna", 10_000, 5_000)
    boris = shop.staff("Boris", 10_000, 5_000)
    logged = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 300),
                                     now=T0)
    soon, later = T0 + timedelta(minutes=9), T0 + timedelta(minutes=11)
    assert incident_detail(logged.incident_id, anna, now=soon).gestures[0].can_void
    assert not incident_detail(logged.incident_id, anna, now=later).gestures[0].can_void
    as_boris = incident_detail(logged.incident_id, boris, now=soon)
    assert not as_boris.can_correct and not as_boris.gestures[0].can_void
    as_owner = incident_detail(logged.incident_id, shop.owner_id, now=later)
    assert as_owner.can_correct and as_owner.gestures[0].can_void
    assert incident_detail(logged.incident_id, anna, now=soon).can_correct
    assert logged.gesture is not None
    recoveries.void_gesture(shop.owner_id, logged.gesture.gesture_id, "wrong table", now=later)
    assert not incident_detail(logged.incident_id, shop.owner_id, now=later).gestures[0].can_void


def test_resolved_incident_and_done_followup(shop: Shop) -> None:
    """Resolution and a done follow-up show who did it and the outcome."""
    anna = shop.staff("Anna", 10_000, 5_000)
    logged = recoveries.log_recovery(anna, shop.incident(),
                                     new_customer=CustomerInput(phone="+47 1234"), now=T0)
    assert logged.followup_id is not None
    incidents.complete_followup(anna, logged.followup_id, "happy", "came for coffee",
                                now=T0 + timedelta(days=3))
    incidents.resolve_incident(anna, logged.incident_id, "delighted",
                               now=T0 + timedelta(days=3))
    detail = incident_detail(logged.incident_id, anna)
    assert (detail.status, detail.reaction) == ("resolved", "delighted")
    assert detail.resolved_at == datetime(2026, 3, 13, 11, 0)
    done = detail.followups[0]
    assert (done.done_by, done.outcome, done.note) == ("Anna", "happy", "came for coffee")
    assert detail.open_followups == []
    assert detail.gestures == [] and detail.spent_minor == 0


def test_unknown_incident(shop: Shop) -> None:
    """A missing incident is NotFound, not a crash."""
    with pytest.raises(NotFound):
        incident_detail(999, shop.owner_id, now=datetime(2026, 3, 1, tzinfo=UTC))
