"""PostgreSQL as the shared database of several tills: the CLI, and copying a shop across."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from recoverydesk.cli import main
from recoverydesk.services import audit_log, business, recoveries
from recoverydesk.services.check import run_check
from recoverydesk.services.types import GestureInput
from recoverydesk.store.models import AuditEntry, Gesture, Void
from tests.conftest import PG_SKIP, PG_URL, T0, make_shop, reset_postgres

pytestmark = pytest.mark.skipif(not PG_URL, reason=PG_SKIP)


@pytest.fixture
def pg_url() -> str:
    assert PG_URL is not None
    reset_postgres(PG_URL)
    return PG_URL


def _sqlite_shop_with_spend(path: Path) -> int:
    shop = make_shop(path)
    sam = shop.staff("Sam Ø", 5000, 2000)
    recoveries.log_recovery(sam, shop.incident("Kalte Suppe — 冷汤"),
                            gesture=GestureInput("refund", 1250), now=T0)
    business.close_business()
    return sam


def test_copy_moves_a_shop_to_postgresql_with_the_chain_intact(
        tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Rows keep their ids, the chain verifies, and new rows get fresh ids afterwards."""
    source = tmp_path / "shop.db"
    sam = _sqlite_shop_with_spend(source)
    business.open_business(source)
    entries_before = audit_log.verify_chain().entries
    business.close_business()

    assert main(["copy", "--from", str(source), "--to", pg_url]) == 0
    assert f"({entries_before} entries)" in capsys.readouterr().out
    business.open_business(pg_url)
    try:
        assert audit_log.verify_chain().entries == entries_before
        assert run_check() == []
        logged = recoveries.log_recovery(sam, recoveries.IncidentInput(1, "After the move"),
                                         gesture=GestureInput("gift", 300), now=T0)
        assert logged.gesture is not None and Gesture.select().count() == 2
        assert AuditEntry.select().count() == entries_before + 1
        assert audit_log.verify_chain().intact and run_check() == []
    finally:
        business.close_business()


def test_copy_refuses_a_destination_that_is_not_empty(
        tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "shop.db"
    _sqlite_shop_with_spend(source)
    assert main(["copy", "--from", str(source), "--to", pg_url]) == 0
    assert main(["copy", "--from", str(source), "--to", pg_url]) == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("is not empty; copy writes only into an empty database.")
    assert "secret" not in err and (PG_URL or "").split("@")[0] not in err  # no password


def test_copy_refuses_a_source_that_fails_its_check_and_writes_nothing(
        tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A cost typed as text behind the app's back: before, the server's own type error
    stopped the copy halfway; now the source's check names it and the server stays empty,
    so the copy runs once the file is mended (here: restored from the original)."""
    import shutil
    import sqlite3

    source, clean = tmp_path / "shop.db", tmp_path / "clean.db"
    _sqlite_shop_with_spend(source)
    shutil.copy(source, clean)
    with sqlite3.connect(source) as con:
        con.execute("UPDATE gesture SET cost_minor = 'twelve' WHERE id = 1")
    assert main(["copy", "--from", str(source), "--to", pg_url]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("recoverydesk: The source fails its check (money: gesture 1: cost is "
                          "'twelve' but audit entry ")
    assert err.endswith("Nothing was copied.")
    assert main(["copy", "--from", str(clean), "--to", pg_url]) == 0


def test_a_copy_that_fails_its_verification_leaves_the_server_empty(
        tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The copy is verified inside its transaction: a failure found there (injected here,
    after every row is in) rolls the server back, so the next try is not refused as "not
    empty"."""
    from recoverydesk.errors import StorageError
    from recoverydesk.services import copy

    source = tmp_path / "shop.db"
    _sqlite_shop_with_spend(source)

    def failing(*_args: object) -> int:
        assert Gesture.select().count() == 1  # the rows are in, not yet committed
        raise StorageError("The copied audit chain does not verify (injected).")

    with monkeypatch.context() as patch:
        patch.setattr(copy, "_verify", failing)
        assert main(["copy", "--from", str(source), "--to", pg_url]) == 1
    assert "injected" in capsys.readouterr().err
    assert main(["copy", "--from", str(source), "--to", pg_url]) == 0


def test_check_runs_on_postgresql_and_backup_says_where_pg_backups_are_made(
        pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    make_shop(pg_url)
    business.close_business()
    assert main(["check", "--db", pg_url]) == 0
    assert "passed" in capsys.readouterr().out
    assert main(["backup", "--db", pg_url]) == 1
    assert "pg_dump" in capsys.readouterr().err


def test_an_unreachable_server_is_one_line_without_the_password(
        capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql://till:hunter2@127.0.0.1:1/nowhere"
    assert main(["check", "--db", url]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "hunter2" not in err
    assert err.startswith("recoverydesk: postgresql://till@127.0.0.1:1/nowhere cannot be opened")


def test_every_spend_path_waits_for_the_employee_row_lock(pg_url: str) -> None:
    """While another till holds Sam's row lock, logging a spend and adding a gesture
    both wait for it (here: give up after a short lock timeout); logging without a spend and
    another employee's spend do not wait."""
    import peewee
    import psycopg

    from recoverydesk.store.db import database
    from tests.conftest import make_shop as _make

    shop = _make(pg_url)
    sam = shop.staff("Sam", 5000, 5000)
    kim = shop.staff("Kim", 5000, 5000)
    first = recoveries.log_recovery(sam, shop.incident(), gesture=GestureInput("gift", 100),
                                    now=T0)
    database.execute_sql("SET lock_timeout = '300ms'")
    # The lock is taken through the driver's cursor (the hot path), so the driver's error.
    timed_out = (peewee.OperationalError, psycopg.errors.LockNotAvailable)
    with psycopg.connect(pg_url) as other:  # another till, inside its transaction
        other.execute("SELECT id FROM employee WHERE id = %s FOR NO KEY UPDATE", (sam,))
        with pytest.raises(timed_out, match="lock timeout"):
            recoveries.log_recovery(sam, shop.incident(), gesture=GestureInput("gift", 100),
                                    now=T0)
        with pytest.raises(timed_out, match="lock timeout"):
            recoveries.add_gesture(sam, first.incident_id, GestureInput("gift", 100), now=T0)
        recoveries.log_recovery(sam, shop.incident("no spend"), now=T0)
        recoveries.log_recovery(kim, shop.incident(), gesture=GestureInput("gift", 100), now=T0)
    assert Gesture.select().where(Gesture.employee == sam).count() == 1
    assert run_check() == []
    business.close_business()


def test_an_older_schema_on_postgresql_is_migrated_in_place(pg_url: str) -> None:
    """A v1 database on the server (steps 2 to 4 undone) is brought to the latest version on
    open, each incident's retention facts and each void's copy of its gesture backfilled;
    the migration is audited (no file backup: the server has its own)."""
    import psycopg

    from recoverydesk.services import customers
    from recoverydesk.services.customers import CustomerInput
    from recoverydesk.store import migrations
    from tests.retention_oracle import expected_facts, stored_facts

    shop = make_shop(pg_url)
    logged = recoveries.log_recovery(shop.owner_id, shop.incident(),
                                     new_customer=CustomerInput(name="Ola"), now=T0)
    assert logged.customer_id is not None
    customers.record_return_visit(shop.owner_id, logged.customer_id,
                                  now=T0 + timedelta(days=3))
    anna = shop.staff("Anna", 5000, 3000)
    spent = recoveries.log_recovery(anna, shop.incident(), gesture=GestureInput("gift", 450),
                                    now=T0)
    assert spent.gesture is not None
    recoveries.void_gesture(anna, spent.gesture.gesture_id, "typo", now=T0)
    business.close_business()
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("ALTER TABLE void DROP COLUMN gesture_employee_id, "
                    "DROP COLUMN gesture_created_at, DROP COLUMN gesture_cost_minor")
        con.execute("ALTER TABLE business DROP COLUMN last_backup_at")
        con.execute("DROP INDEX incident_reported_at_customer_id_first_return_days_lost_days")
        con.execute("ALTER TABLE incident DROP COLUMN first_return_days, DROP COLUMN lost_days")
        con.execute("CREATE INDEX incident_reported_at ON incident (reported_at)")
        con.execute("DELETE FROM schema_version WHERE version > 1")
    business.open_business(pg_url)
    try:
        from recoverydesk.store.db import database
        assert migrations.current_version(database.obj) == migrations.LATEST_VERSION
        assert stored_facts() == expected_facts() == {logged.incident_id: (3, None),
                                                      spent.incident_id: (None, None)}
        void = Void.get()
        assert (void.gesture_employee_id, void.gesture_created_at, void.gesture_cost_minor) == (
            anna, T0.replace(tzinfo=None), 450)
        last = AuditEntry.select().order_by(AuditEntry.seq.desc()).get()
        assert last.action == "schema.migrate" and '"backup":null' in last.details
        assert run_check() == []
    finally:
        business.close_business()


def test_a_visit_and_a_customer_correction_on_two_tills_leave_no_stale_facts(
        pg_url: str) -> None:
    """Till A records a return visit for a customer while till B moves an incident to that
    customer: whichever commits second recounts after the other (the customer row is locked
    first), so the moved incident ends with the visit counted and ``check`` is clean."""
    import threading
    import time

    from recoverydesk.services import _base
    from recoverydesk.services.customers import CustomerInput
    from recoverydesk.store import returns
    from recoverydesk.store.db import database, release_thread_connection
    from recoverydesk.store.models import Incident, ReturnVisit
    from tests.retention_oracle import expected_facts, stored_facts

    shop = make_shop(pg_url)
    kept = recoveries.log_recovery(shop.owner_id, shop.incident(),
                                   new_customer=CustomerInput(name="Kim"), now=T0)
    moved = recoveries.log_recovery(shop.owner_id, shop.incident(), now=T0).incident_id
    customer = kept.customer_id
    assert customer is not None
    tz = _base.settings().tz
    visit_inserted, b_recounted = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def till_a() -> None:  # the visit: inserted, then recounted while B is still open
        try:
            with database.atomic():
                ReturnVisit.create(customer=customer, visited_on=T0.date() + timedelta(days=4),
                                   recorded_at=T0, recorded_by=shop.owner_id)
                visit_inserted.set()
                assert b_recounted.wait(10)
                returns.refresh_customer(tz, customer)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            release_thread_connection()

    def till_b() -> None:  # the correction: recounted before A commits, committed late
        try:
            assert visit_inserted.wait(10)
            with database.atomic():
                Incident.update(customer=customer).where(Incident.id == moved).execute()
                returns.refresh_incident(tz, moved)
                b_recounted.set()
                time.sleep(0.5)  # A's recount runs now unless the lock holds it back
        except BaseException as exc:
            errors.append(exc)
        finally:
            release_thread_connection()

    threads = [threading.Thread(target=till_a), threading.Thread(target=till_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    try:
        assert errors == []
        assert stored_facts() == expected_facts()
        assert stored_facts()[moved] == (4, None)
        assert [p for p in run_check() if p.check == "retention"] == []
    finally:
        business.close_business()


def test_an_empty_server_database_says_how_to_move_a_business_there(
        pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """``recoverydesk --db postgresql://…`` on a database with no business: one line that
    says how to get one there (set up in a file, then ``copy``) and never shows the
    password of the URL."""
    reset_postgres(pg_url)
    assert main(["check", "--db", pg_url]) == 1
    err = capsys.readouterr().err
    assert "holds no RecoveryDesk business yet" in err and "recoverydesk copy" in err
    password = pg_url.split("://", 1)[1].split("@", 1)[0].partition(":")[2]
    assert password and password not in err
