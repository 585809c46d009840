"""The PostgreSQL driver stays out of a start on SQLite (benchmarks/startup.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from recoverydesk.services import business
from tests.conftest import Shop

pytestmark = pytest.mark.sqlite_only

SRC = Path(__file__).resolve().parents[2] / "src"


def test_opening_an_sqlite_business_does_not_import_psycopg(shop: Shop) -> None:
    """peewee, the models, the migration check and an open SQLite business, all without
    psycopg (it costs about a quarter of a second of every start)."""
    business.close_business()
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from recoverydesk.services import business, backups\n"
        "business.open_business(sys.argv[2])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'psycopg2')"
        " and sys.modules[m] is not None))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(SRC), str(shop.path)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_peewee_imported_first_by_anyone_still_leaves_the_driver_out() -> None:
    """Whatever imports peewee first (here a bare ``import peewee`` right after the
    package), psycopg is not imported with it, and importing it later still works (a
    PostgreSQL till needs it)."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import recoverydesk\n"
        "assert 'peewee' not in sys.modules  # the package alone does not bring it\n"
        "import peewee\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('psycopg', 'psycopg2')"
        " and sys.modules[m] is not None))\n"
        "import psycopg\n"
        "print(psycopg.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(SRC)], capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["[]", "psycopg"]
