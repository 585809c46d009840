"""Ordered schema steps; each runs in one transaction with its ``SchemaVersion`` row.

Step 1 creates the first released schema. When a later step changes a model, step 1 must go on
creating the v1 shape (freeze the v1 table definitions into this module at that point), so a
v1 file and a fresh file end at the same schema.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from peewee import Database

from recoverydesk.errors import StorageError
from recoverydesk.store import models


def _step_1_initial_schema(db: Database) -> None:
    db.create_tables(models.ALL_MODELS)


STEPS: list[Callable[[Database], None]] = [_step_1_initial_schema]
LATEST_VERSION = len(STEPS)


def current_version(db: Database) -> int:
    """The schema version of the open database; 0 for an empty file."""
    tables = set(db.get_tables())
    if "schema_version" not in tables:
        if tables:
            raise StorageError("This database was not made by RecoveryDesk.")
        return 0
    row = models.SchemaVersion.select(models.SchemaVersion.version).order_by(
        models.SchemaVersion.version.desc()).first()
    return row.version if row else 0


def migrate(db: Database) -> int:
    """Bring the schema up to :data:`LATEST_VERSION`; return the version found before.

    Raises:
        StorageError: the file is from a newer RecoveryDesk, or not ours at all.
    """
    found = current_version(db)
    if found > LATEST_VERSION:
        raise StorageError(
            f"This database is from a newer RecoveryDesk (schema version {found}); this "
            f"version reads up to schema version {LATEST_VERSION}. Please update RecoveryDesk.")
    for version in range(found + 1, LATEST_VERSION + 1):
        with db.atomic():
            STEPS[version - 1](db)
            models.SchemaVersion.create(version=version,
                                        applied_at=datetime.now(UTC).replace(tzinfo=None))
    return found
