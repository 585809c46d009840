"""Opening a business's database, first set-up, and the business settings."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from recoverydesk.core import pins
from recoverydesk.core.domain import MAX_NAME, clean_text, has_broken_character
from recoverydesk.core.months import zone
from recoverydesk.errors import StorageError, ValidationError
from recoverydesk.services import _base, audit_log, catalog, team
from recoverydesk.services._base import Settings, utcnow
from recoverydesk.services.types import BackupInfo, BusinessInfo, SetupResult
from recoverydesk.store import db, migrations, returns
from recoverydesk.store.files import remove_database_files
from recoverydesk.store.models import BudgetChange, Business, Gesture, GesturePreset


def open_business(target: str | Path) -> BusinessInfo:
    """Open an existing business database, migrating its schema if it is older.

    Raises:
        StorageError: missing, damaged, not ours, newer schema, or no business in it.
    """
    database = db.connect(target)
    try:
        if migrations.current_version(database) == 0:
            raise StorageError(_empty_database_text(target))
        backed_up: list[BackupInfo] = []

        def back_up_first(_found: int) -> None:  # PostgreSQL is backed up on its server
            # Imported here, as Babel below: only a migration needs it, and every start
            # imports this module before the sign-in window shows (benchmarks/startup.py).
            from recoverydesk.services import backups

            if not db.is_postgres():
                backed_up.append(backups.make_backup(
                    reason=f"before-v{migrations.LATEST_VERSION}", record=False))

        found = migrations.migrate(database, before=back_up_first)
        if found < migrations.LATEST_VERSION:
            _audit_migration(found, backed_up[0] if backed_up else None)
        return business_info()
    except Exception:
        db.close()
        raise


def _empty_database_text(target: str | Path) -> str:
    if not db.is_postgres_url(target):
        return f"{target} is empty: it is not a RecoveryDesk database."
    return (f"{db.redacted(str(target))} holds no RecoveryDesk business yet. To move one "
            "there, set it up in a file on this computer (start RecoveryDesk with a new file) "
            "and run 'recoverydesk copy --from FILE --to URL'.")


def _audit_migration(found: int, backup: BackupInfo | None) -> None:
    if Business.get_or_none(Business.id == 1) is None:
        return
    with _base.write():
        audit_log.append(None, "schema.migrate", "business", 1,
                         {"from": found, "to": migrations.LATEST_VERSION,
                          "backup": backup.path.name if backup else None}, utcnow())


def close_business() -> None:
    db.close()


def release_worker_connection() -> None:
    """A worker thread calls this when done: closes its own connection, not the business."""
    db.release_thread_connection()


def business_info() -> BusinessInfo:
    row = Business.get_or_none(Business.id == 1)
    if row is None:
        raise StorageError("This database has no business set up.")
    return BusinessInfo(name=row.name, currency=row.currency, locale=row.locale,
                        timezone=row.timezone, created_at=row.created_at)


def get_settings() -> Settings:
    return _base.settings()


def validate_currency(code: str) -> str:
    from babel.numbers import list_currencies

    code = (code or "").strip().upper()
    if code not in list_currencies():
        raise ValidationError(f"'{code}' is not an ISO 4217 currency code such as EUR.",
                              "currency")
    return code


def validate_locale(name: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse((name or "").strip()))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ValidationError(f"'{name}' is not a known locale such as de_DE.", "locale") from exc


def setup_business(target: str | Path, *, name: str, currency: str, locale: str,
                   timezone: str, owner_name: str, owner_pin: str,
                   pin_cost: int = pins.DEFAULT_PIN_COST,
                   categories: Sequence[str] = catalog.DEFAULT_CATEGORIES,
                   now: datetime | None = None, recovery_key: str | None = None,
                   furnish: Callable[[int, datetime], None] | None = None) -> SetupResult:
    """Create a new business database with its first owner; leaves it open.

    Returns the owner's id and recovery key (shown once; only its hash is kept). The key is
    ``recovery_key`` when given (the first-run wizard shows it before creating anything),
    else a new one. ``furnish(owner_id, at)`` runs inside the same transaction (staff,
    budgets, presets): any failure there, as anywhere, removes the file.

    Raises:
        ValidationError: a bad value, before anything is written.
        StorageError: ``target`` already holds a database.
    """
    name = clean_text(name, "business_name", max_len=MAX_NAME, label="business name")
    currency = validate_currency(currency)
    locale = validate_locale(locale)
    zone(timezone)
    pins.validate_pin(owner_pin, "owner_pin")
    if recovery_key is not None:
        pins.check_recovery_key(recovery_key)
    if not pins.MIN_PIN_COST <= pin_cost <= pins.MAX_PIN_COST:
        raise ValidationError("The PIN hash cost is out of range.", "pin_cost")
    at = utcnow(now)
    path = None if db.is_postgres_url(target) else Path(target)
    if path is not None and path.exists() and (not path.is_file() or path.stat().st_size > 0):
        raise StorageError(f"{path} already exists; choose a new file for a new business.")
    database = db.connect(target, create=True)
    try:
        migrations.migrate(database)
        with _base.write():
            if Business.select().exists():
                raise StorageError("This database already has a business set up.")
            Business.create(id=1, name=name, currency=currency, locale=locale,
                            timezone=timezone, pin_cost=pin_cost, created_at=at)
            audit_log.init_chain()
            audit_log.append(None, "business.setup", "business", 1,
                             {"name": name, "currency": currency, "locale": locale,
                              "timezone": timezone}, at)
            owner = team.create_employee(None, owner_name, "owner", owner_pin, at,
                                         recovery_key=recovery_key)
            for position, category in enumerate(categories):
                catalog.create_category(owner.id, category, position, at)
            if furnish is not None:
                furnish(owner.id, at)
    except Exception:
        db.close()
        if path is not None:
            remove_database_files(path)
        raise
    assert owner.recovery_key is not None
    return SetupResult(owner_id=owner.id, recovery_key=owner.recovery_key)


_EDITABLE = {f.name for f in fields(Settings)} - {"pin_cost"}


def update_settings(actor_id: int, now: datetime | None = None, **changes: Any) -> Settings:
    """Change business settings (owners only); each changed field is audited old → new."""
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise ValidationError(f"Unknown setting: {', '.join(sorted(unknown))}.")
    at = utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        current = _base.settings()
        updated = replace(current, **_validated(changes))
        if updated.currency != current.currency and _money_recorded():
            raise ValidationError(
                f"The currency cannot change from {current.currency} to {updated.currency}: "
                "amounts are already recorded in it (budgets, presets or gestures), and "
                "changing it would silently change what they are worth.", "currency")
        diff = {key: {"old": getattr(current, key), "new": getattr(updated, key)}
                for key in changes if getattr(current, key) != getattr(updated, key)}
        if diff:
            Business.update(**{key: getattr(updated, key) for key in diff}).where(
                Business.id == 1).execute()
            if "timezone" in diff:  # local report dates move: recount every incident
                returns.refresh_all(updated.tz)
            audit_log.append(actor_id, "settings.change", "business", 1, diff, at)
    return updated


def _money_recorded() -> bool:
    """Whether any amount is stored in the business currency's minor units."""
    return (Gesture.select().exists() or GesturePreset.select().exists()
            or BudgetChange.select().where(BudgetChange.allowance_minor.is_null(False)
                                           | BudgetChange.per_incident_limit_minor
                                           .is_null(False)).exists()
            or _base.settings().avg_customer_value_minor is not None)


def _validated(changes: dict[str, Any]) -> dict[str, Any]:
    out = dict(changes)
    checks = {
        "retention_days": (1, 3650), "followup_delay_days": (0, 365),
        "auto_signout_minutes": (1, 240), "backup_keep": (1, 365),
    }
    for key, (low, high) in checks.items():
        if key in out and (not isinstance(out[key], int) or not low <= out[key] <= high):
            raise ValidationError(f"{key.replace('_', ' ').capitalize()} must be a whole "
                                  f"number from {low} to {high}.", key)
    if "name" in out:
        out["name"] = clean_text(out["name"], "name", max_len=MAX_NAME, label="business name")
    if "currency" in out:
        out["currency"] = validate_currency(out["currency"])
    if "locale" in out:
        out["locale"] = validate_locale(out["locale"])
    if "timezone" in out:
        zone(out["timezone"])
    if "backup_folder" in out:
        out["backup_folder"] = _checked_folder(out["backup_folder"])
    if "theme" in out and out["theme"] not in ("system", "light", "dark"):
        raise ValidationError("The theme is system, light or dark.", "theme")
    value = out.get("avg_customer_value_minor")
    if value is not None and (not isinstance(value, int) or value < 0):
        raise ValidationError("The average customer value cannot be negative.",
                              "avg_customer_value_minor")
    return out


def _checked_folder(folder: object) -> str | None:
    """A backup folder setting: empty for the default, else a full path of a folder that
    takes a file. It is made now if missing, and a file is written in it and removed: a
    folder that cannot hold a backup is said where it was typed, not by the next daily
    backup, which nobody may be watching."""
    if folder is None or (isinstance(folder, str) and not folder.strip()):
        return None
    if not isinstance(folder, str) or len(folder) > 1000 or "\0" in folder:
        raise ValidationError("The backup folder must be a folder path.", "backup_folder")
    if has_broken_character(folder):
        raise ValidationError("The backup folder's name is not valid text (its bytes are not "
                              "UTF-8); rename the folder or choose another.", "backup_folder")
    path = Path(folder.strip()).expanduser()
    if not path.is_absolute():
        raise ValidationError(f"Give the full path of the backup folder, not '{folder}'.",
                              "backup_folder")
    if path.exists() and not path.is_dir():
        raise ValidationError(f"{path} is a file, not a folder.", "backup_folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise ValidationError(f"Backups cannot be written to {path} "
                              f"({exc.strerror or exc}); choose another folder.",
                              "backup_folder") from None
    return str(path)
