"""Voids only an owner may make, asked for at the till (SPEC §3 Void, §7 Incidents).

Staff void their own gesture within 10 minutes; anything else (an older gesture, someone
else's) needs an owner. When the owner is there, they type their PIN at the same screen and
the void is made in their name, as an approval is (a wrong PIN counts toward their lockout).
"""

from __future__ import annotations

from datetime import datetime

from recoverydesk.core.domain import MAX_REASON, clean_text
from recoverydesk.services import _base, auth, recoveries
from recoverydesk.services.types import Approval


def void_with_owner_pin(requester_id: int, gesture_id: int, reason: str, approval: Approval,
                        now: datetime | None = None) -> int:
    """Void ``gesture_id`` as the approving owner, on ``requester_id``'s screen.

    The reason is checked before the PIN, so a missing reason costs no PIN attempt. Returns
    the void's id.

    Raises:
        AuthenticationError: wrong owner PIN (counted) or a locked-out owner.
        PermissionDenied: the approver is not another active owner.
    """
    reason = clean_text(reason, "reason", max_len=MAX_REASON, label="reason for the void")
    at = _base.utcnow(now)
    _base.active_employee(requester_id)
    owner = auth.verify_approver(approval.approver_id, approval.pin, requester_id, at)
    return recoveries.void_gesture(int(owner.id), gesture_id, reason, now=at)
