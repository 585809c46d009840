"""One read run on a second SQLite connection, in a thread, beside the caller's own reads.

SQLite runs each statement on one core. A month's figures are a few grouped statements, and
the longest (the report month's groups) takes about half of the time, so it runs on its own
connection while the caller runs the rest: the owner waits for the longer half, not the sum
(``benchmarks/report.py``). The statement waits for the C library, not for Python, so the two
really run at once. The side thread and its connection are kept from one report to the next
(opening one costs about as much as a small shop's whole report) and closed with the
database (``store.db.close``).

The side connection reads its own snapshot, which must be the caller's. Every change the app
commits advances the audit head in the same transaction (SPEC §9; held by
``tests/services/test_every_change_is_audited.py``), so the same head in both means no
commit came between them. Otherwise, or if the side read fails for any reason, the
caller runs the work itself in its own snapshot: the side read only ever saves time, and a
real error (a damaged value, say) is raised there, where it belongs.

PostgreSQL, in-memory files and a single core run the work in the caller: a server
connection per thread costs more than it saves, a second connection to ``:memory:`` would
see another database, and one core cannot run two statements at once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

from peewee import SqliteDatabase

from recoverydesk.store import db as store_db
from recoverydesk.store import ledger
from recoverydesk.store.db import database

T = TypeVar("T")


def _head_seq() -> int:
    return ledger.audit_head()[0]  # SQLite only here: a plain read, no row lock


def _cores() -> int:
    """The cores this process may run on (a container or affinity may allow fewer than the
    machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _file_database() -> SqliteDatabase | None:
    """The open SQLite file, if a side read can gain here (a second core to run on)."""
    if _cores() < 2:
        return None
    db = database.obj
    if not isinstance(db, SqliteDatabase):
        return None
    name = str(db.database)
    if name in ("", ":memory:") or name.startswith("file:"):
        return None
    return db


class _SideThread:
    """One thread with its own connection to ``db``, kept until the database closes."""

    def __init__(self, db: SqliteDatabase, setup: Callable[[], object] | None):
        self.db = db
        self.setup = setup
        self.ready = False
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recoverydesk-side")

    def read(self, work: Callable[[], T]) -> Future[tuple[int, T]]:
        return self.pool.submit(self._read, work)

    def _read(self, work: Callable[[], T]) -> tuple[int, T]:
        if not self.ready and self.setup is not None:
            self.setup()  # connection settings, kept: this connection only reads reports
        self.ready = True
        with self.db.atomic(lock_type="DEFERRED"):  # one snapshot, taken by the first read
            return _head_seq(), work()

    def stop(self) -> None:
        self.pool.submit(self.db.close)  # the side thread's own connection
        self.pool.shutdown(wait=True)


_lock = threading.Lock()
_side: _SideThread | None = None


def _side_thread(db: SqliteDatabase, setup: Callable[[], object] | None) -> _SideThread:
    global _side
    with _lock:
        if _side is not None and _side.db is not db:  # another database was opened since
            _side.stop()
            _side = None
        if _side is None:
            _side = _SideThread(db, setup)
        return _side


def stop() -> None:
    """Close the side connection and end its thread (``store.db.close`` calls this)."""
    global _side
    with _lock:
        side, _side = _side, None
    if side is not None:
        side.stop()


store_db.on_close(stop)


class SideRead(Generic[T]):
    """``work`` started on the side connection; :meth:`result` gives its answer as the
    caller's snapshot would have given it. Use it in a ``with`` block, which waits for the
    side thread however the block ends, so it never reads after its caller stopped.

    ``setup`` runs once on a new side connection, before its first read. With ``beside``
    false the work simply runs in the caller (for work too small to gain from a thread).
    """

    def __init__(self, work: Callable[[], T], setup: Callable[[], object] | None = None,
                 beside: bool = True):
        self._work = work
        db = _file_database() if beside else None
        self._future = None if db is None else _side_thread(db, setup).read(work)

    def __enter__(self) -> SideRead[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._future is not None:
            self._future.exception()  # waits; unasked for, its answer or error is dropped
            self._future = None

    def result(self) -> T:
        """The work's answer: the side connection's if it read the caller's data, else the
        caller's own run."""
        future, self._future = self._future, None
        if future is not None and future.exception() is None:
            head, answer = future.result()
            if head == _head_seq():
                return answer
        return self._work()
