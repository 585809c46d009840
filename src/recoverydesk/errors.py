"""Errors the services raise; ``str()`` of each is a sentence a user can read."""

from __future__ import annotations


class RecoveryDeskError(Exception):
    """Base of every error the application expects and can explain."""


class ValidationError(RecoveryDeskError):
    """Input that cannot be accepted; the message says what to fix.

    ``field`` names the input it concerns (for example ``"cost"``) so a screen can show the
    message next to the right widget.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(RecoveryDeskError):
    """A record that was asked for does not exist."""


class PermissionDenied(RecoveryDeskError):
    """The person acting may not do this (role, author rule, inactive account)."""


class AuthenticationError(RecoveryDeskError):
    """A wrong PIN or recovery key."""


class LockedOut(AuthenticationError):
    """Too many wrong PINs; ``until`` is the UTC moment the lock ends."""

    def __init__(self, message: str, until: object) -> None:
        super().__init__(message)
        self.until = until


class StorageError(RecoveryDeskError):
    """The database cannot be opened or used (missing, damaged, wrong version)."""


class OverLimit(RecoveryDeskError):
    """A gesture past a budget limit without a valid owner approval.

    ``check`` is the :class:`recoverydesk.core.budget.SpendCheck` naming each limit passed and
    the amount over it.
    """

    def __init__(self, message: str, check: object) -> None:
        super().__init__(message)
        self.check = check


class UnreadableDatabase(StorageError):
    """The file at ``path`` is not a usable RecoveryDesk database.

    ``kind`` says why, for a screen to pick its wording and offer a backup: ``"empty"``,
    ``"text"``, ``"image"``, ``"other"`` (some other kind of file), ``"foreign"`` (an SQLite
    file of another program), ``"truncated"`` or ``"damaged"``.
    """

    def __init__(self, message: str, path: object, kind: str) -> None:
        super().__init__(message)
        self.path = path
        self.kind = kind


class SchemaTooNew(StorageError):
    """The database was written by a newer RecoveryDesk (schema ``found`` > ``supported``)."""

    def __init__(self, message: str, found: int, supported: int) -> None:
        super().__init__(message)
        self.found = found
        self.supported = supported
