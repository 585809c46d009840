"""Incident categories and gesture presets (owner-configurable lists)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from recoverydesk.core import money
from recoverydesk.core.domain import GESTURE_KINDS, MAX_NAME, choose, clean_text
from recoverydesk.errors import NotFound, ValidationError
from recoverydesk.services import _base, audit_log
from recoverydesk.services._base import utcnow
from recoverydesk.services.types import CategoryInfo, PresetInfo
from recoverydesk.store.models import Category, GesturePreset

DEFAULT_CATEGORIES = (
    "Food & drink", "Waiting time", "Product or item", "Booking", "Billing", "Cleanliness",
    "Staff & service", "Facilities", "Other",
)


def create_category(actor_id: int | None, name: str, sort_order: int, at: datetime) -> int:
    """Insert a category inside the caller's transaction."""
    name = clean_text(name, "category", max_len=MAX_NAME)
    _refuse_clash(name)
    category = Category.create(name=name, sort_order=sort_order)
    audit_log.append(actor_id, "category.add", "category", category.id, {"name": name}, at)
    return int(category.id)


def _refuse_clash(name: str, own_id: int | None = None) -> None:
    """Refuse a name that differs from another category's only by case, in any script
    ("room" beside "Room" splits the report's rows; SQL ``LOWER`` folds ASCII only)."""
    wanted = name.casefold()
    for other in Category.select(Category.id, Category.name):
        if other.id != own_id and other.name.casefold() == wanted:
            raise ValidationError(f"There is already a category called '{other.name}'.",
                                  "category")


def add_category(actor_id: int, name: str, now: datetime | None = None) -> int:
    with _base.write():
        _base.require_owner(actor_id)
        position = Category.select().count()
        return create_category(actor_id, name, position, utcnow(now))


def list_categories(include_inactive: bool = False) -> list[CategoryInfo]:
    query = Category.select().order_by(Category.sort_order, Category.id)
    if not include_inactive:
        query = query.where(Category.active == True)  # noqa: E712 (peewee expression)
    return [CategoryInfo(c.id, c.name, c.active) for c in query]


def category_id(name: str) -> int:
    category = Category.get_or_none(Category.name == name)
    if category is None:
        raise NotFound(f"There is no category called '{name}'.")
    return int(category.id)


def add_preset(actor_id: int, label: str, kind: str, cost_minor: int,
               value_minor: int | None = None, now: datetime | None = None) -> int:
    """Add a gesture preset such as "Free coffee 3.50" (owners only)."""
    label = clean_text(label, "label", max_len=MAX_NAME)
    choose(kind, GESTURE_KINDS, "kind")
    at = utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        currency = _base.settings().currency
        check_amount(cost_minor, currency, "cost")
        if value_minor is not None:
            check_amount(value_minor, currency, "value")
        position = GesturePreset.select().count()
        preset = GesturePreset.create(label=label, kind=kind, cost_minor=cost_minor,
                                      value_minor=value_minor, sort_order=position)
        audit_log.append(actor_id, "preset.add", "preset", preset.id,
                         {"label": label, "kind": kind, "cost": cost_minor,
                          "value": value_minor}, at)
    return int(preset.id)


def list_presets(include_inactive: bool = False) -> list[PresetInfo]:
    query = GesturePreset.select().order_by(GesturePreset.sort_order, GesturePreset.id)
    if not include_inactive:
        query = query.where(GesturePreset.active == True)  # noqa: E712
    return [PresetInfo(p.id, p.label, p.kind, p.cost_minor, p.value_minor, p.active)
            for p in query]


def check_amount(minor: object, currency: str, field: str) -> int:
    """An amount handed to a service: a non-negative int under the ceiling."""
    if not isinstance(minor, int) or isinstance(minor, bool):
        raise ValidationError(f"The {field} must be a whole number of minor units.", field)
    if minor < 0:
        raise ValidationError(f"The {field} cannot be negative.", field)
    if minor > money.max_minor(currency):
        raise ValidationError(f"The {field} is above the ceiling of "
                              f"{money.MAX_AMOUNT_MAJOR:,} {currency}.", field)
    return minor


_UNCHANGED: Any = object()


def update_category(actor_id: int, category_id: int, *, name: str = _UNCHANGED,
                    active: bool = _UNCHANGED, now: datetime | None = None) -> None:
    """Rename or (de)activate a category (owners only). A category is never deleted: past
    incidents keep it, and an inactive one is no longer offered at the counter."""
    at = utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        category = Category.get_or_none(Category.id == category_id)
        if category is None:
            raise NotFound(f"There is no category with id {category_id}.")
        changes: dict[str, Any] = {}
        if name is not _UNCHANGED:
            name = clean_text(name, "category", max_len=MAX_NAME)
            _refuse_clash(name, category_id)
            if name != category.name:
                changes["name"] = name
        if active is not _UNCHANGED and bool(active) != category.active:
            if not active and _active_categories() == 1:
                raise ValidationError("Keep at least one category for the counter.", "active")
            changes["active"] = bool(active)
        if changes:
            Category.update(**changes).where(Category.id == category_id).execute()
            audit_log.append(actor_id, "category.change", "category", category_id,
                             {k: {"old": getattr(category, k), "new": v}
                              for k, v in changes.items()}, at)


def _active_categories() -> int:
    return int(Category.select().where(Category.active == True).count())  # noqa: E712


def update_preset(actor_id: int, preset_id: int, *, label: str = _UNCHANGED,
                  kind: str = _UNCHANGED, cost_minor: int = _UNCHANGED,
                  value_minor: int | None = _UNCHANGED, active: bool = _UNCHANGED,
                  now: datetime | None = None) -> None:
    """Change or (de)activate a gesture preset (owners only). Gestures already made from it
    keep what they were: a preset is only a shortcut for typing."""
    at = utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        preset = GesturePreset.get_or_none(GesturePreset.id == preset_id)
        if preset is None:
            raise NotFound(f"There is no gesture preset with id {preset_id}.")
        currency = _base.settings().currency
        wanted: dict[str, Any] = {}
        if label is not _UNCHANGED:
            wanted["label"] = clean_text(label, "label", max_len=MAX_NAME)
        if kind is not _UNCHANGED:
            wanted["kind"] = choose(kind, GESTURE_KINDS, "kind")
        if cost_minor is not _UNCHANGED:
            wanted["cost_minor"] = check_amount(cost_minor, currency, "cost")
        if value_minor is not _UNCHANGED:
            wanted["value_minor"] = (None if value_minor is None
                                     else check_amount(value_minor, currency, "value"))
        if active is not _UNCHANGED:
            wanted["active"] = bool(active)
        changes = {k: v for k, v in wanted.items() if getattr(preset, k) != v}
        if changes:
            GesturePreset.update(**changes).where(GesturePreset.id == preset_id).execute()
            audit_log.append(actor_id, "preset.change", "preset", preset_id,
                             {k: {"old": getattr(preset, k), "new": v}
                              for k, v in changes.items()}, at)


def reorder(actor_id: int, what: str, ids_in_order: list[int],
            now: datetime | None = None) -> None:
    """Set the order of the categories or the presets (``what``): the counter lists them so,
    and presets 1-9 are the first nine. ``ids_in_order`` must name each one exactly once."""
    model: Any = {"categories": Category, "presets": GesturePreset}.get(what)
    if model is None:
        raise ValidationError("Reorder 'categories' or 'presets'.", "what")
    at = utcnow(now)
    with _base.write():
        _base.require_owner(actor_id)
        existing = sorted(row.id for row in model.select(model.id))
        if sorted(ids_in_order) != existing:
            raise ValidationError(f"Give every one of the {what} exactly once.", "order")
        for position, row_id in enumerate(ids_in_order):
            model.update(sort_order=position).where(model.id == row_id).execute()
        audit_log.append(actor_id, f"{what}.reorder", what, None, {"order": ids_in_order}, at)
