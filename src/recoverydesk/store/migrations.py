"""Ordered schema steps; each runs in one transaction with its ``SchemaVersion`` row.

Step 1 creates the first released schema from the frozen ``schema_v1`` definitions, forever,
so a v1 file and a fresh file pass the same later steps and end at the same schema. A later
step changes tables with ``playhouse.migrate`` operations, which serve SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from peewee import Database

from recoverydesk.core.months import zone
from recoverydesk.errors import SchemaTooNew, StorageError
from recoverydesk.store import models, returns

if TYPE_CHECKING:
    from playhouse.migrate import SchemaMigrator


def _step_1_initial_schema(db: Database) -> None:
    # Imported here: only a new file needs the frozen v1 models, and opening a business
    # (every start, before the sign-in window shows) imports this module.
    from recoverydesk.store import schema_v1

    db.create_tables(schema_v1.ALL_MODELS)


def _migrator(db: Database) -> SchemaMigrator:
    # Imported when a file needs it: playhouse.migrate imports psycopg, which every start
    # would pay for (see recoverydesk._peewee_import).
    from playhouse.migrate import SchemaMigrator

    return SchemaMigrator.from_database(db)


def _step_2_last_backup_at(db: Database) -> None:
    from playhouse.migrate import migrate as apply_operations

    migrator = _migrator(db)
    apply_operations(migrator.add_column("business", "last_backup_at",
                                         models.Business.last_backup_at))


def _step_3_retention_facts(db: Database) -> None:
    """Each incident's first return and lost mark in days (``store.returns``), backfilled,
    and one covering index for the month figures in place of the one on ``reported_at``."""
    from playhouse.migrate import migrate as apply_operations

    migrator = _migrator(db)
    apply_operations(
        migrator.add_column("incident", "first_return_days", models.Incident.first_return_days),
        migrator.add_column("incident", "lost_days", models.Incident.lost_days),
        migrator.drop_index("incident", "incident_reported_at"),
        migrator.add_index("incident", ("reported_at", "customer_id", "first_return_days",
                                        "lost_days"), False))
    row = db.execute_sql("SELECT timezone FROM business").fetchone()
    if row is not None:  # a business that is set up: backfill in its time zone
        returns.refresh_all(zone(row[0]))


def _step_4_void_spend_facts(db: Database) -> None:
    """Each void's copy of its gesture's spender, moment and cost, backfilled, and the index
    that makes an employee's voided spend in a month one range (``store.ledger``)."""
    from playhouse.migrate import migrate as apply_operations

    migrator = _migrator(db)
    apply_operations(
        migrator.add_column("void", "gesture_employee_id", models.Void.gesture_employee_id),
        migrator.add_column("void", "gesture_created_at", models.Void.gesture_created_at),
        migrator.add_column("void", "gesture_cost_minor", models.Void.gesture_cost_minor),
        migrator.add_index("void", ("gesture_employee_id", "gesture_created_at",
                                    "gesture_cost_minor"), False))
    # Correlated look-ups rather than UPDATE ... FROM, which older SQLite lacks; voids are few.
    db.execute_sql("UPDATE void SET " + ", ".join(
        f"gesture_{column} = (SELECT g.{column} FROM gesture g WHERE g.id = void.gesture_id)"
        for column in ("employee_id", "created_at", "cost_minor")))


STEPS: list[Callable[[Database], None]] = [_step_1_initial_schema, _step_2_last_backup_at,
                                           _step_3_retention_facts, _step_4_void_spend_facts]
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


def migrate(db: Database, before: Callable[[int], None] | None = None) -> int:
    """Bring the schema up to :data:`LATEST_VERSION`; return the version found before.

    ``before(found)`` runs first when an existing, older schema is about to change (the
    caller backs the file up there; if it raises, nothing is migrated).

    Raises:
        SchemaTooNew: the file is from a newer RecoveryDesk (the message names both versions).
        StorageError: the database is not ours at all.
    """
    found = current_version(db)
    if found > LATEST_VERSION:
        raise SchemaTooNew(
            f"This database is from a newer RecoveryDesk (schema version {found}); this "
            f"version reads up to schema version {LATEST_VERSION}. Please update RecoveryDesk.",
            found, LATEST_VERSION)
    if 0 < found < LATEST_VERSION and before is not None:
        before(found)
    for version in range(found + 1, LATEST_VERSION + 1):
        with db.atomic():
            STEPS[version - 1](db)
            models.SchemaVersion.create(version=version,
                                        applied_at=datetime.now(UTC).replace(tzinfo=None))
    return found
