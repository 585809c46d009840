"""The tamper-evident audit chain and ``check`` on money, incidents, return visits and lost
marks edited behind the app's back."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from recoverydesk.services import audit_log, customer_records, customers, incidents, recoveries
from recoverydesk.services.check import run_check
from recoverydesk.services.customers import CustomerInput
from recoverydesk.services.types import GestureInput, Problem
from recoverydesk.store.db import database, is_postgres
from tests.conftest import T0, Shop, sql


def populate(shop: Shop) -> tuple[int, int]:
    anna = shop.staff("Anna", 5000, 3000)
    first = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 500),
                                    now=T0)
    second = recoveries.log_recovery(anna, shop.incident("Lift stuck"),
                                     gesture=GestureInput("refund", 900), now=T0)
    assert first.gesture and second.gesture
    recoveries.void_gesture(anna, second.gesture.gesture_id, "typo",
                            now=T0 + timedelta(minutes=1))
    return first.gesture.gesture_id, second.gesture.gesture_id


def test_untouched_data_passes_every_check(shop: Shop) -> None:
    populate(shop)
    report = audit_log.verify_chain()
    assert report.intact and report.entries > 5
    assert run_check() == []


def test_an_edited_audit_row_is_found_with_its_sequence_number(shop: Shop) -> None:
    populate(shop)
    database.execute_sql("UPDATE audit_entry SET details = replace(details, '500', '50') "
                         "WHERE action = 'recovery.log'")
    seq = database.execute_sql("SELECT min(seq) FROM audit_entry WHERE action = "
                               "'recovery.log'").fetchone()[0]
    report = audit_log.verify_chain()
    assert report.first_broken == seq
    assert any(p.check == "audit chain" for p in run_check())


def test_a_deleted_last_entry_is_found(shop: Shop) -> None:
    populate(shop)
    database.execute_sql("DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM "
                         "audit_entry)")
    assert not audit_log.verify_chain().intact


def test_money_edited_in_the_gesture_table_is_found_with_the_chain_intact(shop: Shop) -> None:
    """Changing a cost in the gesture row leaves the chain intact, but check compares them."""
    kept, _ = populate(shop)
    database.execute_sql(sql("UPDATE gesture SET cost_minor = 5 WHERE id = ?"), (kept,))
    assert audit_log.verify_chain().intact
    problems = run_check()
    assert [p.check for p in problems] == ["money"]
    assert f"gesture {kept}: cost is 5" in problems[0].message


def test_each_edited_gesture_field_is_named(shop: Shop) -> None:
    """Kind, employee and approver edited in the row: one finding per field, each with the
    live and the logged value."""
    kept, _ = populate(shop)
    anna = database.execute_sql("SELECT id FROM employee WHERE name = 'Anna'").fetchone()[0]
    database.execute_sql(sql("UPDATE gesture SET kind = 'refund', employee_id = ?, "
                             "approved_by_id = ? WHERE id = ?"),
                         (shop.owner_id, shop.owner_id, kept))
    entry = database.execute_sql("SELECT min(seq) FROM audit_entry WHERE action = "
                                 "'recovery.log'").fetchone()[0]
    assert sorted(p.message for p in run_check() if p.check == "money") == sorted([
        f"gesture {kept}: employee is {shop.owner_id} but audit entry {entry} recorded {anna}",
        f"gesture {kept}: kind is 'refund' but audit entry {entry} recorded 'gift'",
        f"gesture {kept}: approved_by is {shop.owner_id} but audit entry {entry} recorded "
        "None"])


def test_a_deleted_gesture_is_found(shop: Shop) -> None:
    kept, _ = populate(shop)
    if not is_postgres():
        database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql(sql("DELETE FROM gesture WHERE id = ?"), (kept,))
    messages = [p.message for p in run_check() if p.check == "money"]
    assert len(messages) == 1
    assert re.fullmatch(rf"gesture {kept} in audit entry \d+ is missing", messages[0])


def test_a_deleted_void_is_found(shop: Shop) -> None:
    _, voided = populate(shop)
    if not is_postgres():
        database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql(sql("DELETE FROM void WHERE gesture_id = ?"), (voided,))
    problems = run_check()
    assert any("spend counts again" in p.message for p in problems)


def test_a_gesture_inserted_behind_the_apps_back_is_found(shop: Shop) -> None:
    kept, _ = populate(shop)
    database.execute_sql(sql(
        "INSERT INTO gesture (incident_id, employee_id, kind, description, cost_minor, "
        "created_at) SELECT incident_id, employee_id, kind, '', 100000, created_at "
        "FROM gesture WHERE id = ?"), (kept,))
    assert any("has no audit entry" in p.message for p in run_check())


def test_a_voids_copy_of_its_gesture_edited_is_found(shop: Shop) -> None:
    """The budget subtracts the void's own copy of the voided cost: shrinking it would give
    spend back, so check compares the copy with the gesture."""
    _, voided = populate(shop)
    database.execute_sql(sql("UPDATE void SET gesture_cost_minor = 1 WHERE gesture_id = ?"),
                         (voided,))
    assert audit_log.verify_chain().intact
    problems = run_check()
    assert [p.check for p in problems] == ["money"]
    assert f"void of gesture {voided}: its copy" in problems[0].message


def test_a_gesture_moved_to_another_month_is_found(shop: Shop) -> None:
    """Its moment picks the budget month: moving a spend out of a month where it went past
    the allowance would hide the overspend, with every amount and the chain unchanged."""
    kept, _ = populate(shop)
    later = "created_at + INTERVAL '40 days'" if is_postgres() else \
        "datetime(created_at, '+40 days')"
    database.execute_sql(sql(f"UPDATE gesture SET created_at = {later} WHERE id = ?"),
                         (kept,))
    assert audit_log.verify_chain().intact
    problems = run_check()
    assert [p.check for p in problems] == ["money"]
    assert problems[0].message.startswith(f"gesture {kept}: made at ")
    assert str(T0.replace(tzinfo=None)) in problems[0].message


def test_a_budget_row_edited_added_or_deleted_is_found(shop: Shop) -> None:
    """The services enforce the budget rows and the replay the audited values, so a raised
    allowance would pass unnoticed until spent; check compares the rows with the log."""
    populate(shop)
    anna = database.execute_sql("SELECT id FROM employee WHERE name = 'Anna'").fetchone()[0]
    database.execute_sql(sql("UPDATE budget_change SET allowance_minor = 999999 "
                             "WHERE employee_id = ?"), (anna,))
    assert audit_log.verify_chain().intact
    problems = run_check()
    assert [p.check for p in problems] == ["budget"]
    assert problems[0].message.startswith(
        f"budget of employee {anna} from 2026-03: allowance is 999999 but audit entry ")
    assert problems[0].message.endswith("recorded 5000")

    database.execute_sql(sql("INSERT INTO budget_change (employee_id, effective_month, "
                             "allowance_minor, per_incident_limit_minor, set_at) "
                             "VALUES (?, 202604, 100, 100, ?)"), (anna, T0.replace(tzinfo=None)))
    database.execute_sql(sql("DELETE FROM budget_change WHERE employee_id = ? "
                             "AND effective_month = 202603"), (anna,))
    messages = sorted(p.message for p in run_check() if p.check == "budget")
    assert re.fullmatch(rf"budget of employee {anna} from 2026-03 in audit entry \d+ is "
                        "missing", messages[0])
    assert messages[1] == f"budget of employee {anna} from 2026-04 has no audit entry"


def test_incidents_corrected_resolved_and_merged_through_the_app_pass(shop: Shop) -> None:
    """The log replayed: a correction of customer and severity, a resolution and a merge
    that moves a customer's incidents leave rows and log in agreement."""
    from recoverydesk.services import customer_records, customers, incidents
    from recoverydesk.services.customers import CustomerInput

    anna = shop.staff("Anna", 5000, 3000)
    one = customers.add_customer(anna, CustomerInput(name="Åsa"), now=T0)
    two = customers.add_customer(anna, CustomerInput(name="Asa", phone="+47 1"), now=T0)
    first = recoveries.log_recovery(anna, shop.incident(), customer_id=two, now=T0)
    second = recoveries.log_recovery(anna, shop.incident("Lift"), now=T0)
    incidents.correct_incident(anna, second.incident_id, customer_id=two, severity="major",
                               now=T0 + timedelta(minutes=1))
    incidents.resolve_incident(anna, first.incident_id, "delighted",
                               now=T0 + timedelta(minutes=2))
    customer_records.merge_customers(anna, one, two, now=T0 + timedelta(minutes=3))
    moved = database.execute_sql("SELECT count(*) FROM incident WHERE customer_id = ?"
                                 .replace("?", database.param), (one,)).fetchone()[0]
    assert moved == 2 and run_check() == []


def test_an_incident_edited_behind_the_apps_back_is_found(shop: Shop) -> None:
    """Report moment (its month), customer (retention) and resolution (median time) all
    shape the figures; none is money, so the money check alone would not see them."""
    kept, _ = populate(shop)
    incident = database.execute_sql(sql("SELECT incident_id FROM gesture WHERE id = ?"),
                                    (kept,)).fetchone()[0]
    later = "reported_at + INTERVAL '40 days'" if is_postgres() else \
        "datetime(reported_at, '+40 days')"
    database.execute_sql(sql(f"UPDATE incident SET reported_at = {later}, severity = "
                             "'critical', resolved_at = reported_at WHERE id = ?"), (incident,))
    assert audit_log.verify_chain().intact
    problems = run_check()
    assert {p.check for p in problems} == {"incidents"}
    messages = [p.message for p in problems]
    assert [m.split(" is ")[0] for m in messages] == [
        f"incident {incident}: reported at", f"incident {incident}: severity",
        f"incident {incident}: resolved at"]
    assert re.fullmatch(rf"incident {incident}: severity is 'critical' but the audit log "
                        r"\(to entry \d+\) says 'minor'", messages[1])
    assert messages[2].endswith("says None")


def test_an_incident_added_or_deleted_behind_the_apps_back_is_found(shop: Shop) -> None:
    populate(shop)
    if not is_postgres():
        database.execute_sql("PRAGMA foreign_keys = OFF")
    first = database.execute_sql("SELECT min(id) FROM incident").fetchone()[0]
    database.execute_sql(sql("DELETE FROM gesture WHERE incident_id = ?"), (first,))
    database.execute_sql(sql("DELETE FROM incident WHERE id = ?"), (first,))
    database.execute_sql(sql(
        "INSERT INTO incident (reported_at, reported_by_id, category_id, description, "
        "severity, proactive, status) VALUES (?, ?, ?, 'made up', 'minor', ?, 'open')"),
        (T0.replace(tzinfo=None), shop.owner_id, shop.category_id, False))
    messages = [p.message for p in run_check() if p.check == "incidents"]
    assert len(messages) == 2
    assert re.fullmatch(r"incident \d+ has no audit entry", messages[0])
    assert re.fullmatch(rf"incident {first} in audit entry \d+ is missing", messages[1])


def _another_till_logs_a_recovery(target: str, employee: int, category: int) -> None:
    """A second process writes a whole recovery (incident, gesture, audit entry)."""
    from recoverydesk.services import business
    from recoverydesk.services.recoveries import IncidentInput

    business.open_business(target)
    try:
        recoveries.log_recovery(employee, IncidentInput(category_id=category,
                                                        description="meanwhile at till 2"),
                                gesture=GestureInput("gift", 100), now=T0)
    finally:
        business.close_business()


def test_check_reads_one_snapshot_while_another_till_writes(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another till commits a recovery while ``check`` runs, here after the incident check
    has read the audit log and before it reads the incident rows. Without one snapshot the
    new incident showed up "without an audit entry": every run on a busy shop found
    problems that were not there."""
    import multiprocessing

    from recoverydesk.services import incident_replay
    from recoverydesk.store.models import Incident

    kept, _ = populate(shop)
    anna = database.execute_sql(sql("SELECT employee_id FROM gesture WHERE id = ?"),
                                (kept,)).fetchone()[0]

    class IncidentsReadAfterAnotherTill:
        def __getattr__(self, name: str) -> object:
            return getattr(Incident, name)

        def select(self, *columns: object) -> object:
            till = multiprocessing.get_context("spawn").Process(
                target=_another_till_logs_a_recovery,
                args=(shop.target, anna, shop.category_id))
            till.start()
            till.join(timeout=60)
            assert till.exitcode == 0
            return Incident.select(*columns)

    monkeypatch.setattr(incident_replay, "Incident", IncidentsReadAfterAnotherTill())
    before = database.execute_sql("SELECT count(*) FROM incident").fetchone()[0]
    assert run_check() == []
    assert database.execute_sql("SELECT count(*) FROM incident").fetchone()[0] == before + 1


def test_check_inside_a_callers_transaction_reads_that_transaction(shop: Shop) -> None:
    """On PostgreSQL the isolation level can only be set first thing in a transaction; a
    caller's own transaction is used as the view instead."""
    from recoverydesk.services import _base

    populate(shop)
    with _base.write():
        assert run_check() == []


# Hand edits that leave an entry's text unusable: each (action, new details).
_UNREADABLE = {
    "not JSON": ("recovery.log", '{"gestures": ['),
    "a list, not an object": ("recovery.log", "[1, 2]"),
    "gestures not a list": ("recovery.log", '{"gestures": 5}'),
    "a gesture without its id": ("recovery.log", '{"gestures": [{"cost": 1}]}'),
    "a void without who voided": ("gesture.void", '{"voids": [{"gesture": 1}]}'),
    "a budget without its amounts": ("budget.set", '{"from_month": "2026-03"}'),
    "a budget month that is none": ("budget.set", '{"from_month": "2026-13", "new": {}}'),
    "an allowance in words": ("budget.set", '{"from_month": "2026-03", "new": '
                                            '{"allowance": "lots", "per_incident_limit": 1}}'),
}


@pytest.mark.parametrize("case", list(_UNREADABLE))
def test_an_unreadable_audit_entry_is_reported_not_a_crash(shop: Shop, case: str) -> None:
    """``check`` is for files edited behind the app's back: an entry whose text cannot be
    read is named (by the chain and once more as left out), and every other check still
    runs over the rest."""
    populate(shop)
    action, details = _UNREADABLE[case]
    seq = database.execute_sql(sql("SELECT min(seq) FROM audit_entry WHERE action = ?"),
                               (action,)).fetchone()[0]
    database.execute_sql(sql("UPDATE audit_entry SET details = ? WHERE seq = ?"),
                         (details, seq))
    problems = run_check()
    assert problems[0].check == "audit chain" and f"audit entry {seq}" in problems[0].message
    assert problems.count(Problem("audit log", f"audit entry {seq} ({action}) cannot be read; "
                                               "its facts are left out of the other checks")) == 1


@pytest.mark.sqlite_only
def test_a_moment_edited_into_no_moment_is_reported_not_a_crash(shop: Shop) -> None:
    """SQLite keeps any text in a date column: an audit moment or an incident's report
    moment typed as words is reported by the chain, the money and the incident checks."""
    kept, _ = populate(shop)
    seq = database.execute_sql("SELECT min(seq) FROM audit_entry WHERE action = "
                               "'recovery.log'").fetchone()[0]
    database.execute_sql("UPDATE audit_entry SET at = 'yesterday' WHERE seq = ?", (seq,))
    database.execute_sql("UPDATE incident SET reported_at = 'noon' WHERE id = "
                         "(SELECT incident_id FROM gesture WHERE id = ?)", (kept,))
    messages = {p.message for p in run_check()}
    assert f"audit entry {seq} is unreadable" in messages
    assert any(m.startswith(f"gesture {kept}: made at ") and m.endswith("recorded yesterday")
               for m in messages)
    assert any("reported at is 'noon'" in m for m in messages)
    assert "not recomputed: an incident's report moment is not a date and time" in messages


def _visits_and_lost_marks(shop: Shop) -> dict[str, int]:
    """Every way the services write a return visit or a lost date: a visit recorded, a
    follow-up done with the customer back, a lost mark, and a merge of two cards (each
    with a visit and a lost date) into one."""
    anna = shop.staff("Anna", 5000, 3000)
    ids = {}
    for name in ("Åsa", "Borys", "Chen", "Dara"):
        logged = recoveries.log_recovery(anna, shop.incident(), new_customer=CustomerInput(
            name=name), now=T0)
        assert logged.customer_id is not None and logged.followup_id is not None
        ids[name], ids[f"{name} follow-up"] = logged.customer_id, logged.followup_id
    day = T0.date()
    customers.record_return_visit(anna, ids["Åsa"], visited_on=day + timedelta(days=2),
                                  now=T0 + timedelta(days=2))
    incidents.complete_followup(anna, ids["Borys follow-up"], "happy", came_back=True,
                                now=T0 + timedelta(days=3))
    customers.mark_lost(anna, ids["Chen"], lost_on=day + timedelta(days=5),
                        now=T0 + timedelta(days=5))
    customers.record_return_visit(anna, ids["Dara"], visited_on=day + timedelta(days=1),
                                  now=T0 + timedelta(days=6))
    customers.mark_lost(anna, ids["Dara"], lost_on=day + timedelta(days=4),
                        now=T0 + timedelta(days=6))
    customer_records.merge_customers(anna, ids["Chen"], ids["Dara"], now=T0 + timedelta(days=7))
    return ids


def test_visits_and_lost_marks_made_by_the_services_pass(shop: Shop) -> None:
    """The replay follows every service that writes them, merges included: no false alarm."""
    _visits_and_lost_marks(shop)
    assert run_check() == []


def test_a_return_visit_added_moved_or_removed_behind_the_apps_back_is_found(
        shop: Shop) -> None:
    """Retention is the report's proof: a visit added turns a lost customer into one kept."""
    ids = _visits_and_lost_marks(shop)
    visits = [row[0] for row in database.execute_sql(
        "SELECT id FROM return_visit ORDER BY id").fetchall()]
    database.execute_sql(sql("INSERT INTO return_visit (customer_id, visited_on, recorded_at, "
                             "recorded_by_id) VALUES (?, ?, ?, ?)"),
                         (ids["Borys"], date(2026, 3, 20), T0.replace(tzinfo=None),
                          shop.owner_id))
    added = database.execute_sql("SELECT max(id) FROM return_visit").fetchone()[0]
    database.execute_sql(sql("UPDATE return_visit SET visited_on = ? WHERE id = ?"),
                         (date(2026, 3, 11), visits[0]))
    database.execute_sql(sql("DELETE FROM return_visit WHERE id = ?"), (visits[1],))
    assert audit_log.verify_chain().intact
    messages = [p.message for p in run_check() if p.check == "visits"]
    assert f"return visit {added} (customer {ids['Borys']}, 2026-03-20) has no audit " \
           "entry" in messages
    assert any(m.startswith(f"return visit {visits[0]}: customer {ids['Åsa']} on 2026-03-11, "
                            "but the audit log (to entry ")
               and m.endswith(f"says customer {ids['Åsa']} on 2026-03-12") for m in messages)
    assert any(re.fullmatch(rf"return visit {visits[1]} in audit entry \d+ is missing", m)
               for m in messages)


def test_a_lost_date_changed_behind_the_apps_back_is_found(shop: Shop) -> None:
    """Chen's lost date after the merge is Dara's earlier one (14 March); clearing it, or
    marking Åsa lost, changes which incidents count as lost."""
    ids = _visits_and_lost_marks(shop)
    database.execute_sql(sql("UPDATE customer SET lost_on = NULL WHERE id = ?"), (ids["Chen"],))
    database.execute_sql(sql("UPDATE customer SET lost_on = ? WHERE id = ?"),
                         (date(2026, 3, 30), ids["Åsa"]))
    messages = sorted(p.message for p in run_check() if p.check == "lost dates")
    assert len(messages) == 2
    assert messages[0] == f"customer {ids['Åsa']}: lost date is 2026-03-30 but the audit log " \
                          "says none"
    assert re.fullmatch(rf"customer {ids['Chen']}: lost date is none but the audit log "
                        r"\(to entry \d+\) says 2026-03-14", messages[1])


def test_follow_ups_made_by_the_services_pass_and_edits_are_found(shop: Shop) -> None:
    """"Done on time" counts from the follow-up rows: a due date moved later, a completion
    moved earlier, a follow-up added or deleted behind the app's back are each named."""
    ids = _visits_and_lost_marks(shop)  # four follow-ups from recoveries, one done
    anna = database.execute_sql("SELECT id FROM employee WHERE name = 'Anna'").fetchone()[0]
    incident = database.execute_sql(sql("SELECT incident_id FROM follow_up WHERE id = ?"),
                                    (ids["Åsa follow-up"],)).fetchone()[0]
    extra = incidents.add_followup(anna, incident, date(2026, 3, 30), now=T0)
    incidents.complete_followup(anna, extra, "unreachable", now=T0 + timedelta(days=21))
    assert run_check() == []

    database.execute_sql(sql("UPDATE follow_up SET due_on = ? WHERE id = ?"),
                         (date(2026, 4, 30), ids["Åsa follow-up"]))
    database.execute_sql(sql("UPDATE follow_up SET done_at = ?, outcome = 'happy' WHERE id = ?"),
                         (datetime(2026, 3, 29, 9, 0), extra))
    database.execute_sql(sql("INSERT INTO follow_up (incident_id, due_on, created_at, note) "
                             "VALUES (?, ?, ?, '')"), (incident, date(2026, 3, 31),
                                                       T0.replace(tzinfo=None)))
    added = database.execute_sql("SELECT max(id) FROM follow_up").fetchone()[0]
    if not is_postgres():
        database.execute_sql("PRAGMA foreign_keys = OFF")
    database.execute_sql(sql("DELETE FROM return_visit WHERE followup_id = ?"),
                         (ids["Borys follow-up"],))
    database.execute_sql(sql("DELETE FROM follow_up WHERE id = ?"), (ids["Borys follow-up"],))
    messages = [re.sub(r"entry \d+", "entry N", p.message) for p in run_check()
                if p.check == "follow-ups"]
    assert sorted(messages) == sorted([
        f"follow-up {ids['Åsa follow-up']}: due date is '2026-04-30' but the audit log (to "
        "entry N) says '2026-03-13'",  # the recovery's day plus the default 3-day delay
        f"follow-up {extra}: done at is 2026-03-29 09:00:00 but the audit log (to entry N) "
        "says 2026-03-31 11:00:00",
        f"follow-up {extra}: outcome is 'happy' but the audit log (to entry N) says "
        "'unreachable'",
        f"follow-up {added} has no audit entry",
        f"follow-up {ids['Borys follow-up']} in audit entry N is missing"])
