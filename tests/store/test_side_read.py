"""``store.side_read``: work run on a second SQLite connection beside the caller's reads.

The figures tests hold its answers to the caller's (``tests/reports/test_figures_oracle.py``
and ``test_figures_snapshot.py`` with the side read forced on); these hold where the work
runs, what happens when it fails there, and that its thread and connection end with the
database.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from recoverydesk.services import business
from recoverydesk.store import side_read
from recoverydesk.store.db import database
from tests.conftest import Shop

needs_two_cores = pytest.mark.skipif(
    side_read._cores() < 2, reason="the side read runs only with a second core to run on")


def _side_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("recoverydesk-side")]


def _handles_on(path: Path) -> int:
    """Open file descriptors of this process on ``path`` (Linux's /proc)."""
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):  # closed meanwhile
            count += os.path.realpath(fd.readlink()) == os.path.realpath(path)
    return count


@needs_two_cores
def test_on_an_sqlite_file_the_work_runs_on_the_side_thread_kept_until_close(
        shop: Shop) -> None:
    if not shop.target.endswith(".db"):
        where = side_read.SideRead(lambda: threading.current_thread().name).result()
        assert where == threading.current_thread().name  # PostgreSQL: in the caller
        return
    with side_read.SideRead(lambda: threading.current_thread().name) as read:
        first = read.result()
    assert first.startswith("recoverydesk-side")
    with side_read.SideRead(lambda: threading.current_thread().name) as read:
        assert read.result() == first  # the same thread (and connection) again
    assert len(_side_threads()) == 1
    assert not Path("/proc/self/fd").is_dir() or _handles_on(shop.path) == 2  # till + side
    business.close_business()
    assert _side_threads() == []
    assert not Path("/proc/self/fd").is_dir() or _handles_on(shop.path) == 0
    business.open_business(shop.target)  # for the fixture's own close


@pytest.mark.sqlite_only
def test_work_too_small_for_a_thread_runs_in_the_caller(shop: Shop) -> None:
    read = side_read.SideRead(lambda: threading.current_thread().name, beside=False)
    assert read.result() == threading.current_thread().name
    assert _side_threads() == []


@pytest.mark.sqlite_only
def test_on_one_core_the_work_runs_in_the_caller(shop: Shop,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """One core cannot run two statements at once: a thread would only add its cost."""
    monkeypatch.setattr(side_read, "_cores", lambda: 1)
    read = side_read.SideRead(lambda: threading.current_thread().name)
    assert read.result() == threading.current_thread().name
    assert _side_threads() == []


@needs_two_cores
@pytest.mark.sqlite_only
def test_work_that_fails_on_the_side_is_run_again_by_the_caller(shop: Shop) -> None:
    """The side read only ever saves time: whatever goes wrong there, the caller runs the
    work itself, so a real error is raised where the caller can report it."""
    calls: list[str] = []

    def work() -> str:
        calls.append(threading.current_thread().name)
        if calls[-1].startswith("recoverydesk-side"):
            raise RuntimeError("lost on the side")
        return "the caller's answer"

    with side_read.SideRead(work) as read:
        assert read.result() == "the caller's answer"
    assert len(calls) == 2 and calls[0].startswith("recoverydesk-side")


@needs_two_cores
@pytest.mark.sqlite_only
def test_opening_another_database_ends_the_side_connection_to_the_first(
        shop: Shop, tmp_path: Path) -> None:
    from tests.conftest import make_shop

    side_read.SideRead(lambda: None).result()
    assert _side_threads()
    first = database.obj
    make_shop(tmp_path / "other.db")  # opens another file without closing the first
    assert _side_threads() == []
    # SQLite keeps a closed connection's file open while another connection of the process
    # still has it (its locks are the process's), so count once the caller's own is closed.
    first.close()
    assert not Path("/proc/self/fd").is_dir() or _handles_on(shop.path) == 0
