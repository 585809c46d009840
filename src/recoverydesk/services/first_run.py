"""First run: set up a whole business from the wizard's plan in one transaction, or build
and open the demo.

The first owner's recovery key is made up front (:func:`new_recovery_key`) so the wizard can
show it, to print or save, before anything is written; :func:`create_business` then stores
only its hash. The business, its people, budgets, categories and presets are written by the
same services as later changes (so each step is audited the same way) inside the one set-up
transaction of :func:`business.setup_business`: on any failure the file is removed, so a
cancelled or failed set-up leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from recoverydesk.core import pins
from recoverydesk.core.domain import MAX_NAME, clean_text
from recoverydesk.core.months import month_of
from recoverydesk.errors import ValidationError
from recoverydesk.paths import default_demo_path
from recoverydesk.services import business, catalog, team
from recoverydesk.services.saving import save_file
from recoverydesk.services.start_snapshot import needs_first_run  # noqa: F401 (re-exported)
from recoverydesk.services.types import SetupPlan, SetupResult
from recoverydesk.store.db import is_postgres_url


def new_recovery_key() -> str:
    """A recovery key to show now and pass to :func:`create_business` later."""
    return pins.new_recovery_key()


def check_categories(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Cleaned category names: at least one, none empty, no two alike (case-insensitive)."""
    cleaned = tuple(clean_text(n, "category", max_len=MAX_NAME) for n in names)
    if not cleaned:
        raise ValidationError("Keep at least one category for the counter.", "category")
    seen: set[str] = set()
    for name in cleaned:
        if name.casefold() in seen:
            raise ValidationError(f"The category '{name}' is listed twice.", "category")
        seen.add(name.casefold())
    return cleaned


def create_business(target: str | Path, plan: SetupPlan, *,
                    pin_cost: int = pins.DEFAULT_PIN_COST,
                    now: datetime | None = None,
                    progress: Callable[[int, int], None] | None = None) -> SetupResult:
    """Create the business of ``plan`` at ``target`` all at once, then close it.

    ``progress(done, total)`` is called before each slow step (each PIN is hashed with the
    shop's slow hash). Open the result with :func:`business.open_business`.

    Raises:
        ValidationError: a bad value anywhere in the plan; nothing is left at ``target``.
        StorageError: ``target`` already holds a database.
    """
    categories = check_categories(plan.categories)
    steps = 1 + len(plan.staff) + 1
    report = progress or (lambda _done, _total: None)
    report(0, steps)

    def furnish(owner_id: int, at: datetime) -> None:
        month = month_of(at, business.get_settings().tz)
        for number, person in enumerate(plan.staff, start=1):
            report(number, steps)
            added = team.create_employee(owner_id, person.name, person.role, person.pin, at,
                                         recovery_key=person.recovery_key)
            team.set_budget(owner_id, added.id, month, person.allowance_minor,
                            person.per_incident_limit_minor, now=at)
        for preset in plan.presets:
            catalog.add_preset(owner_id, preset.label, preset.kind, preset.cost_minor,
                               preset.value_minor, now=at)

    folder = None if is_postgres_url(target) else Path(target).expanduser().parent
    new_folder = folder if folder is not None and not folder.exists() else None
    try:
        result = business.setup_business(
            target, name=plan.name, currency=plan.currency, locale=plan.locale,
            timezone=plan.timezone, owner_name=plan.owner_name, owner_pin=plan.owner_pin,
            pin_cost=pin_cost, categories=categories, now=now,
            recovery_key=plan.recovery_key, furnish=furnish)
    except Exception:
        if new_folder is not None and new_folder.is_dir() and not any(new_folder.iterdir()):
            new_folder.rmdir()  # the folder made for the file goes with it
        raise
    business.close_business()
    report(steps, steps)
    return result


def recovery_key_sheet(business_name: str, owner_name: str, key: str) -> str:
    """The text printed or saved for the owner: what the key is for and how to use it."""
    return "\n".join((
        f"RecoveryDesk — {business_name}",
        "",
        f"Recovery key of {owner_name}:",
        "",
        f"    {key}",
        "",
        "Keep this sheet somewhere safe, away from the till. If you forget your PIN, run",
        f"    recoverydesk reset-pin --employee \"{owner_name}\"",
        "and type this key to choose a new PIN. The key is shown only once; RecoveryDesk",
        "keeps nothing from which it could be shown again.",
        "",
    ))


def save_recovery_key(path: str | Path, business_name: str, owner_name: str,
                      key: str) -> None:
    """Write the key sheet as UTF-8 text (the owner chose the file), readable by the
    owner's account only."""
    save_file(path, recovery_key_sheet(business_name, owner_name, key).encode("utf-8"),
              private=True)


def demo_path() -> Path:
    """Where the chooser's demo lives: next to the default database."""
    return default_demo_path()


def ensure_demo(path: str | Path, progress: Callable[[int, int], None] | None = None,
                pin_cost: int = pins.DEFAULT_PIN_COST, months: int = 12) -> Path:
    """Build the demo at ``path`` unless a file is already there (that one is opened as it
    is); returns the path. The demo generator removes a half-built file itself."""
    from recoverydesk.services.demo import build_demo  # the generator is large

    target = Path(path)
    if not target.exists():
        build_demo(target, months=months, pin_cost=pin_cost,
                   progress=None if progress is None
                   else lambda done, total, _day: progress(done, total))
    return target


