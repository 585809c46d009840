"""peewee is imported without the PostgreSQL driver, whenever and by whichever module.

peewee imports psycopg as it is itself imported, only in case a PostgreSQL database is opened
later. That costs about a quarter of a second of every start, most of it on a shop's single
SQLite till (benchmarks/startup.py). ``store.db`` loads psycopg itself when a PostgreSQL URL
is opened (``LazyPsycopg3Adapter``).

A finder on ``sys.meta_path`` refuses the driver while peewee's own module is being executed
and at no other time, so the order of imports does not matter and peewee itself is imported
only when something needs it (the sign-in window does not: ``store.first_look``).
"""

from __future__ import annotations

import sys

_DRIVERS = frozenset({"psycopg", "psycopg2"})


def _peewee_loading() -> bool:
    peewee = sys.modules.get("peewee")
    return peewee is not None and bool(getattr(peewee.__spec__, "_initializing", False))


class _NoDriverWhilePeeweeLoads:
    """A meta-path finder that finds nothing, except that it refuses the drivers while
    peewee is being imported (its ``try: import psycopg`` then sees an ImportError)."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        if name in _DRIVERS and _peewee_loading():
            raise ImportError(f"{name} is imported when a PostgreSQL database is opened")


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _NoDriverWhilePeeweeLoads) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoDriverWhilePeeweeLoads())
