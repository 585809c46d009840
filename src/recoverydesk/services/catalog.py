"""Incident categories and gesture presets (owner-configurable lists)."""

from __future__ import annotations

from datetime import datetime

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
    if Category.select().where(Category.name == name).exists():
        raise ValidationError(f"There is already a category called '{name}'.", "category")
    category = Category.create(name=name, sort_order=sort_order)
    audit_log.append(actor_id, "category.add", "category", category.id, {"name": name}, at)
    return int(category.id)


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
