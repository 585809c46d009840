"""Reading audit entries whose text may have been edited by hand, for ``check``.

``check`` exists for files changed behind the app's back, so an entry may hold anything: text
that is not JSON, a list where an object belongs, a key missing, a moment that is not one.
The chain check reports such an entry as altered or unreadable; the other checks leave its
facts out and say so, instead of stopping at it.
"""

from __future__ import annotations

from recoverydesk.errors import ValidationError
from recoverydesk.services.types import Problem

# What interpreting one hand-edited entry can raise: not JSON (ValueError), a value of the
# wrong type (TypeError, AttributeError on a list where an object was), a key missing, a
# month that is none (ValidationError from Month.parse).
MALFORMED = (ValueError, TypeError, KeyError, AttributeError, ValidationError)


def unreadable(seq: int, action: str) -> Problem:
    return Problem("audit log", f"audit entry {seq} ({action}) cannot be read; "
                                "its facts are left out of the other checks")
