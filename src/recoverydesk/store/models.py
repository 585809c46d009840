"""The nouns of SPEC §3 as peewee models.

Indexes: only those the month queries and look-ups use (peewee would index every foreign
key; employees and categories are never deleted, so their references need none, and each
index is one more page written per logged recovery).

Conventions: money is ``BigIntegerField`` of minor units (never Decimal/float); moments are
naive UTC ``DateTimeField``s; calendar dates (due dates, visits) are business-local
``DateField``s; budget months are integers ``YYYYMM``. Nothing is deleted while referenced:
employees are deactivated, gestures are voided, customers are erased in place.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from recoverydesk.store.db import database
from recoverydesk.store.fields import DayField, MinorUnitsField, MomentField


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row per applied migration step; the highest ``version`` is the schema's."""

    version = IntegerField(primary_key=True)
    applied_at = MomentField()


class Business(BaseModel):
    """The business settings: exactly one row, ``id = 1``."""

    id = AutoField()
    name = CharField(max_length=200)
    currency = CharField(max_length=3)
    locale = CharField(max_length=20)
    timezone = CharField(max_length=64)
    retention_days = IntegerField(default=90)
    followup_delay_days = IntegerField(default=3)
    auto_signout_minutes = IntegerField(default=5)
    avg_customer_value_minor = MinorUnitsField(null=True)
    backup_folder = TextField(null=True)
    backup_keep = IntegerField(default=14)
    rollover = BooleanField(default=False)
    theme = CharField(max_length=10, default="system")
    pin_cost = IntegerField()
    created_at = MomentField()
    last_backup_at = MomentField(null=True)  # schema v2: the daily backup's clock


class Employee(BaseModel):
    id = AutoField()
    name = CharField(max_length=100, unique=True)
    role = CharField(max_length=10)  # "staff" | "owner"
    pin_hash = CharField(max_length=200)
    recovery_key_hash = CharField(max_length=200, null=True)  # owners only
    active = BooleanField(default=True)
    failed_pins = IntegerField(default=0)
    locked_until = MomentField(null=True)
    created_at = MomentField()


class BudgetChange(BaseModel):
    """A budget in force from ``effective_month`` (YYYYMM) until the next change.

    ``None`` amounts mean no limit (owners only).
    """

    id = AutoField()
    employee = ForeignKeyField(Employee, backref="budgets", on_delete="RESTRICT", index=False)
    effective_month = IntegerField()
    allowance_minor = MinorUnitsField(null=True)
    per_incident_limit_minor = MinorUnitsField(null=True)
    set_by = ForeignKeyField(Employee, null=True, on_delete="RESTRICT", index=False)
    set_at = MomentField()

    class Meta:
        indexes = ((("employee", "effective_month"), True),)


class Category(BaseModel):
    id = AutoField()
    name = CharField(max_length=100, unique=True)
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class GesturePreset(BaseModel):
    id = AutoField()
    label = CharField(max_length=100)
    kind = CharField(max_length=20)
    cost_minor = MinorUnitsField()
    value_minor = MinorUnitsField(null=True)
    active = BooleanField(default=True)
    sort_order = IntegerField(default=0)


class Customer(BaseModel):
    """Personal fields are blanked (not deleted) on erasure, keeping the money history."""

    id = AutoField()
    name = CharField(max_length=200, default="")
    phone = CharField(max_length=50, default="")
    email = CharField(max_length=200, default="")
    notes = TextField(default="")
    lost_on = DayField(null=True)
    erased_at = MomentField(null=True)
    created_at = MomentField()


class Incident(BaseModel):
    id = AutoField()
    reported_at = MomentField()
    reported_by = ForeignKeyField(Employee, backref="incidents", on_delete="RESTRICT",
                                  index=False)
    category = ForeignKeyField(Category, on_delete="RESTRICT", index=False)
    description = TextField()
    severity = CharField(max_length=10)  # minor | major | critical
    proactive = BooleanField(default=False)
    customer = ForeignKeyField(Customer, null=True, backref="incidents", on_delete="RESTRICT")
    status = CharField(max_length=10, default="open")  # open | resolved
    resolved_at = MomentField(null=True)
    resolved_by = ForeignKeyField(Employee, null=True, on_delete="RESTRICT", index=False)
    reaction = CharField(max_length=20, null=True)  # delighted | satisfied | still_unhappy
    # Schema v3: SPEC §5's facts in days from the local report date (store.returns keeps
    # them), so a month's retention is counted from this table alone.
    first_return_days = IntegerField(null=True)
    lost_days = IntegerField(null=True)
    # Foreign-key id accessors peewee adds, declared for type checkers.
    reported_by_id: int
    category_id: int
    customer_id: int | None

    class Meta:
        # The month figures count a month's incidents per outcome from this covering index
        # alone; it also serves every look-up by report time (it replaced the v1 index on
        # ``reported_at``).
        indexes = ((("reported_at", "customer_id", "first_return_days", "lost_days"), False),)


class Gesture(BaseModel):
    """A spend. Never edited or deleted: a mistake is undone by a :class:`Void`."""

    id = AutoField()
    incident = ForeignKeyField(Incident, backref="gestures", on_delete="RESTRICT")
    employee = ForeignKeyField(Employee, backref="gestures", on_delete="RESTRICT", index=False)
    kind = CharField(max_length=20)
    description = TextField(default="")
    cost_minor = MinorUnitsField()
    value_minor = MinorUnitsField(null=True)
    approved_by = ForeignKeyField(Employee, null=True, on_delete="RESTRICT", index=False)
    created_at = MomentField(index=True)
    incident_id: int
    employee_id: int
    approved_by_id: int | None

    class Meta:
        # The month's spend of one employee is a range scan over this covering index.
        indexes = ((("employee", "created_at", "cost_minor"), False),)


class Void(BaseModel):
    id = AutoField()
    gesture = ForeignKeyField(Gesture, unique=True, backref="voids", on_delete="RESTRICT")
    voided_by = ForeignKeyField(Employee, on_delete="RESTRICT", index=False)
    voided_at = MomentField()
    reason = TextField()
    # Schema v4: copies of the voided gesture's spender, moment and cost, written with the
    # void (``check`` compares them with the gesture), so a month's voided spend is one
    # range of the index below instead of a look-up of every void ever made.
    gesture_employee_id = IntegerField(null=True)
    gesture_created_at = MomentField(null=True)
    gesture_cost_minor = MinorUnitsField(null=True)
    gesture_id: int
    voided_by_id: int

    class Meta:
        indexes = ((("gesture_employee_id", "gesture_created_at", "gesture_cost_minor"),
                    False),)


class FollowUp(BaseModel):
    id = AutoField()
    incident = ForeignKeyField(Incident, backref="followups", on_delete="RESTRICT")
    due_on = DayField(index=True)
    created_at = MomentField()
    done_at = MomentField(null=True)
    done_by = ForeignKeyField(Employee, null=True, on_delete="RESTRICT", index=False)
    outcome = CharField(max_length=20, null=True)  # happy | neutral | unhappy | unreachable
    note = TextField(default="")


class ReturnVisit(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="visits", on_delete="RESTRICT", index=False)
    visited_on = DayField()
    recorded_at = MomentField()
    recorded_by = ForeignKeyField(Employee, on_delete="RESTRICT", index=False)
    followup = ForeignKeyField(FollowUp, null=True, on_delete="RESTRICT", index=False)

    class Meta:
        indexes = ((("customer", "visited_on"), False),)


class AuditEntry(BaseModel):
    """Append-only; ``hash`` chains over the previous entry's (see ``core.audit``)."""

    seq = IntegerField(primary_key=True)
    at = DateTimeField()  # no index: seq follows time, so a date range is a seq range
    actor = IntegerField(null=True)  # employee id; a plain int so the log outlives any row
    action = CharField(max_length=50)
    entity = CharField(max_length=30)
    entity_id = BigIntegerField(null=True)
    details = TextField()
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)


class AuditHead(BaseModel):
    """The chain head, one row (``id = 1``); locked by every append so chains never fork."""

    id = AutoField()
    seq = IntegerField()
    hash = CharField(max_length=64)


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion, Business, Employee, BudgetChange, Category, GesturePreset, Customer,
    Incident, Gesture, Void, FollowUp, ReturnVisit, AuditEntry, AuditHead,
]
