"""Hand-written SQL for the ledger's hot path: the budget reads and the recovery write.

Logging a recovery must never be the slow part (SPEC §1); peewee's query builder costs more
than SQLite itself for these few small statements, so they are written once here and run with
bound parameters (the driver caches the prepared statements by their text). Everything else
uses the models. The SQL is plain enough for SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from recoverydesk.store.db import database, is_postgres
from recoverydesk.store.stored_values import stored_amount, stored_sum

_converted: dict[tuple[str, str], str] = {}


def _sql(text: str) -> str:
    """``text`` with ``?`` placeholders in the open database's parameter style."""
    param = database.obj.param if database.obj is not None else "?"
    key = (text, param)
    sql = _converted.get(key)
    if sql is None:
        sql = _converted[key] = text if param == "?" else text.replace("?", param)
    return sql


def _run(text: str, params: tuple[Any, ...]) -> Any:
    # The driver directly: peewee's execute_sql wrapper costs as much as these small
    # statements (and so does the proxy's attribute lookup). Both sqlite3 and psycopg
    # connections have execute(sql, params), returning the cursor.
    return (database.obj or database).connection().execute(_sql(text), params)


_last_moment: tuple[Any, Any] = (None, None)  # the last moment converted, and its SQL form


def _when(moment: datetime) -> datetime | str:
    """``moment`` as the driver stores it: SQLite's text form, converted once per recovery.

    A recovery stores the same moment in four rows; sqlite3's own adapter would format it
    each time (``isoformat(" ")``, which this gives byte for byte). psycopg takes datetimes.
    The pair is replaced whole, so a thread never reads another thread's half.
    """
    global _last_moment
    last = _last_moment
    if last[0] is not moment:
        last = _last_moment = (moment, moment if is_postgres() else moment.isoformat(" "))
    converted: datetime | str = last[1]
    return converted


def _one(text: str, *params: Any) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = _run(text, params).fetchone()
    return row


_SETTINGS_COLUMNS = ("name", "currency", "locale", "timezone", "retention_days",
                     "followup_delay_days", "auto_signout_minutes", "avg_customer_value_minor",
                     "backup_folder", "backup_keep", "rollover", "theme", "pin_cost")
_SETTINGS_SQL = f"SELECT {', '.join(_SETTINGS_COLUMNS)} FROM business WHERE id = 1"


def settings_row() -> dict[str, Any] | None:
    row = _one(_SETTINGS_SQL)
    return None if row is None else dict(zip(_SETTINGS_COLUMNS, row, strict=True))


@dataclass(frozen=True)
class RecoveryContext:
    """What logging a recovery must know before it writes, read in one statement.

    ``budget`` and ``spent`` are for the month and range the caller passed, which it derived
    from a time zone it had to guess before reading the settings; the caller checks the guess.
    """

    settings: dict[str, Any]
    actor: tuple[str, bool, str] | None  # (name, active, role)
    category_active: bool
    customer_usable: bool | None  # None: no such customer (or none asked for)
    budget_stored: tuple[object, object] | None  # (allowance, per-incident limit) in force
    spent_stored: object  # the actor's non-voided spend in the range, as SQL summed it
    audit_head: tuple[int, str]

    # Checked when read, not when fetched: a recovery without a gesture needs neither, so a
    # spend edited behind the app's back stops only the spending.
    @property
    def budget(self) -> tuple[int | None, int | None] | None:
        return None if self.budget_stored is None else _budget(*self.budget_stored)

    @property
    def spent(self) -> int:
        return stored_sum(self.spent_stored, "the employee's gestures of the month")


# All the employee's gestures in the range, less the voided ones: two ranges of covering
# indexes, where a void look-up per gesture cost as much as the whole sum.
_SPENT_SQL = ("SELECT (SELECT COALESCE(SUM(cost_minor), 0) FROM gesture "
              "WHERE employee_id = ? AND created_at >= ? AND created_at < ?) - "
              "(SELECT COALESCE(SUM(gesture_cost_minor), 0) FROM void "
              "WHERE gesture_employee_id = ? AND gesture_created_at >= ? "
              "AND gesture_created_at < ?)")
_BUDGET_SQL = ("SELECT {column} FROM budget_change WHERE employee_id = ? "
               "AND effective_month <= ? ORDER BY effective_month DESC LIMIT 1")
_BUDGET_IN_FORCE_SQL = _BUDGET_SQL.format(column="allowance_minor, per_incident_limit_minor")
_CONTEXT_SQL = (
    f"SELECT {', '.join('b.' + c for c in _SETTINGS_COLUMNS)}, "
    "e.name, e.active, e.role, (SELECT active FROM category WHERE id = ?), "
    "(SELECT erased_at IS NULL FROM customer WHERE id = ?), "
    "bc.id IS NOT NULL, bc.allowance_minor, bc.per_incident_limit_minor, "
    f"({_SPENT_SQL}), h.seq, h.hash "
    "FROM business b JOIN audit_head h ON h.id = 1 "
    "LEFT JOIN employee e ON e.id = ? "
    f"LEFT JOIN budget_change bc ON bc.id = ({_BUDGET_SQL.format(column='id')}) "
    "WHERE b.id = 1")


def recovery_context(actor_id: int, category_id: int, customer_id: int | None,
                     month_key: int, start: datetime, end: datetime) -> RecoveryContext | None:
    """Everything the recovery write path reads, in one round trip (hot path).

    Args:
        month_key: the budget month (``YYYYMM``) whose budget in force is read.
        start, end: the naive-UTC range of that month, for the actor's spend.
    """
    start_sql, end_sql = _when(start), _when(end)
    row = _one(_CONTEXT_SQL, category_id, customer_id, actor_id, start_sql, end_sql,
               actor_id, start_sql, end_sql, actor_id, actor_id, month_key)
    if row is None:
        return None
    width = len(_SETTINGS_COLUMNS)
    (name, active, role, category, customer, has_budget, allowance, limit, spent, head_seq,
     head_hash) = row[width:]
    return RecoveryContext(
        settings=dict(zip(_SETTINGS_COLUMNS, row[:width], strict=True)),
        actor=None if name is None else (name, bool(active), role),
        category_active=bool(category),
        customer_usable=None if customer is None else bool(customer),
        budget_stored=(allowance, limit) if has_budget else None,
        spent_stored=spent,
        audit_head=(int(head_seq), str(head_hash)))


def employee_state(employee_id: int) -> tuple[str, bool, str] | None:
    """``(name, active, role)`` of an employee, or None."""
    row = _one("SELECT name, active, role FROM employee WHERE id = ?", employee_id)
    return None if row is None else (row[0], bool(row[1]), row[2])


def category_active(category_id: int) -> bool:
    row = _one("SELECT active FROM category WHERE id = ?", category_id)
    return row is not None and bool(row[0])


def customer_state(customer_id: int) -> bool | None:
    """True for a usable customer, False if erased, None if there is none."""
    row = _one("SELECT erased_at IS NULL FROM customer WHERE id = ?", customer_id)
    return None if row is None else bool(row[0])


def budget_in_force(employee_id: int, month_key: int) -> tuple[int | None, int | None] | None:
    """``(allowance, per_incident_limit)`` of the latest change at or before the month."""
    row = _one(_BUDGET_IN_FORCE_SQL, employee_id, month_key)
    return None if row is None else _budget(row[0], row[1])


def _budget(allowance: object, limit: object) -> tuple[int | None, int | None]:
    """A budget row's amounts (None: no limit), checked: the budget rules compare them."""
    return (None if allowance is None else stored_amount(allowance, "The budget in force"),
            None if limit is None else stored_amount(limit, "The budget in force"))


def spent_between(employee_id: int, start: datetime, end: datetime) -> int:
    """Non-voided spend of one employee in ``[start, end)`` (an index range scan)."""
    row = _one(_SPENT_SQL, employee_id, start, end, employee_id, start, end)
    return stored_sum(row[0], "the employee's gestures of the month") if row else 0


def incident_total(incident_id: int, employee_id: int) -> int:
    row = _one("SELECT COALESCE(SUM(g.cost_minor), 0) FROM gesture g "
               "LEFT JOIN void v ON v.gesture_id = g.id "
               "WHERE g.incident_id = ? AND g.employee_id = ? AND v.id IS NULL",
               incident_id, employee_id)
    return stored_sum(row[0], f"the gestures of incident {incident_id}") if row else 0


def _insert(text: str, *params: Any) -> int:
    """Run one INSERT and return the new row's id.

    SQLite hands the id back with the statement (``lastrowid``), which is cheaper than a
    ``RETURNING`` row; PostgreSQL has no such thing and returns it as a row.
    """
    if is_postgres():
        row = _run(text + " RETURNING id", params).fetchone()
        return int(row[0])
    return int(_run(text, params).lastrowid)


def insert_incident(*, reported_at: datetime, reported_by: int, category: int,
                    description: str, severity: str, proactive: bool,
                    customer: int | None) -> int:
    return _insert("INSERT INTO incident (reported_at, reported_by_id, category_id, "
                   "description, severity, proactive, customer_id, status) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, 'open')", _when(reported_at), reported_by,
                   category, description, severity, proactive, customer)


def insert_gesture(*, incident: int, employee: int, kind: str, description: str, cost: int,
                   value: int | None, approved_by: int | None, created_at: datetime) -> int:
    return _insert("INSERT INTO gesture (incident_id, employee_id, kind, description, "
                   "cost_minor, value_minor, approved_by_id, created_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", incident, employee, kind, description,
                   cost, value, approved_by, _when(created_at))


def insert_followup(*, incident: int, due_on: date, created_at: datetime) -> int:
    return _insert("INSERT INTO follow_up (incident_id, due_on, created_at, note) "
                   "VALUES (?, ?, ?, '')", incident, due_on, _when(created_at))


# --- PostgreSQL row locks (no-ops on SQLite, where BEGIN IMMEDIATE already serialises writers)


def lock_spender(employee_id: int) -> None:
    """Lock the spender's employee row until commit, before the budget is read (SPEC §4).

    Every path that spends takes this first, so two tills spending for one employee queue
    here and the second sees the first's gesture. ``NO KEY UPDATE`` is ``FOR UPDATE`` minus
    the key: spenders still queue, but rows that merely refer to the employee (an incident
    they report, a gesture they approve) are not held up by it.
    """
    if is_postgres():
        _run("SELECT id FROM employee WHERE id = ? FOR NO KEY UPDATE", (employee_id,))


_HEAD_SQL = "SELECT seq, hash FROM audit_head WHERE id = 1"


def audit_head() -> tuple[int, str]:
    """The chain head; on PostgreSQL locked until commit, so appends never fork the chain."""
    row = _one(_HEAD_SQL + " FOR UPDATE" if is_postgres() else _HEAD_SQL)
    assert row is not None, "audit chain head missing"
    return int(row[0]), str(row[1])


def insert_audit(*, seq: int, at: datetime, actor: int | None, action: str, entity: str,
                 entity_id: int | None, details: str, prev_hash: str, digest: str) -> None:
    _run("INSERT INTO audit_entry (seq, at, actor, action, entity, entity_id, details, "
         "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
         (seq, _when(at), actor, action, entity, entity_id, details, prev_hash, digest))
    _run("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (seq, digest))
