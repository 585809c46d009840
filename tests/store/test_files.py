"""Telling a cut-short file from one whose crash left the rest in the WAL."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from recoverydesk.errors import UnreadableDatabase
from recoverydesk.services import business
from recoverydesk.store.models import Customer
from tests.conftest import make_shop

ROWS = 3000
# A till that writes a lot, checkpoints, then dies before the checkpoint's file growth is
# complete: the header already counts pages the main file does not have yet.
_CRASHING_TILL = """
import os, sqlite3, sys
path = sys.argv[1]
con = sqlite3.connect(path, isolation_level=None)
con.execute("PRAGMA wal_autocheckpoint = 0")
con.execute("BEGIN IMMEDIATE")
for n in range({rows}):
    con.execute("INSERT INTO customer (name, phone, email, notes, created_at) "
                "VALUES (?, '', '', ?, '2026-03-10 11:00:00')", (f"c{{n}}", "x" * 300))
con.execute("COMMIT")
con.execute("PRAGMA wal_checkpoint(PASSIVE)")
size = os.path.getsize(path)
os.truncate(path, size - 20 * 4096)  # the pages the checkpoint had not written yet
os._exit(0)  # no close: the WAL stays, as after a SIGKILL
"""


def test_a_short_file_with_its_wal_opens_and_loses_nothing(tmp_path: Path) -> None:
    """The header runs ahead of the file, but the WAL holds the pages: not "cut short"."""
    path = tmp_path / "shop.db"
    make_shop(path)
    business.close_business()
    subprocess.run([sys.executable, "-c", _CRASHING_TILL.format(rows=ROWS), str(path)],
                   check=True)
    assert Path(f"{path}-wal").stat().st_size > 0
    business.open_business(path)
    try:
        assert Customer.select().count() == ROWS
    finally:
        business.close_business()
    with closing(sqlite3.connect(path)) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_same_short_file_without_its_wal_is_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    make_shop(path)
    business.close_business()
    subprocess.run([sys.executable, "-c", _CRASHING_TILL.format(rows=ROWS), str(path)],
                   check=True)
    Path(f"{path}-wal").unlink()
    Path(f"{path}-shm").unlink(missing_ok=True)
    with pytest.raises(UnreadableDatabase, match="cut short") as caught:
        business.open_business(path)
    assert caught.value.kind == "truncated"
