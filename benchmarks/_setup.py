"""Shared by the multi-process benchmarks: import paths and a scratch business per engine."""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for entry in (str(ROOT), str(ROOT / "src")):  # the workloads live in tests/
    if entry not in sys.path:
        sys.path.insert(0, entry)

from recoverydesk.services import business, catalog  # noqa: E402


def scratch_business(engine: str, pg_url: str | None, folder: Path | None = None
                     ) -> tuple[str, int, int]:
    """A new business on ``engine``; returns (target, owner id, category id), left open.

    PostgreSQL: the database at ``pg_url`` must be a scratch one: its public schema is dropped.
    """
    if engine == "postgresql":
        import psycopg

        assert pg_url, "PostgreSQL needs --pg URL (or RECOVERYDESK_TEST_PG)"
        with psycopg.connect(pg_url, autocommit=True) as con:
            con.execute("DROP SCHEMA public CASCADE")
            con.execute("CREATE SCHEMA public")
        target = pg_url
    else:
        folder = folder or Path(tempfile.mkdtemp(prefix="recoverydesk-bench-"))
        target = str(folder / "bench.db")
    setup = business.setup_business(
        target, name="Bench Café", currency="EUR", locale="de_DE", timezone="Europe/Berlin",
        owner_name="Owner", owner_pin="4711", pin_cost=4,
        now=datetime(2026, 1, 2, 9, 0, tzinfo=UTC))
    return target, setup.owner_id, catalog.list_categories()[0].id
