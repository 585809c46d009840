"""Import peewee without the PostgreSQL driver.

peewee imports psycopg as it is itself imported, only in case a PostgreSQL database is opened
later. That costs about a quarter of a second of every start, most of it on a shop's single
SQLite till (benchmarks/startup.py). ``store.db`` loads psycopg itself when a PostgreSQL URL
is opened (``LazyPsycopg3Adapter``).
"""

from __future__ import annotations

import sys


def import_peewee_without_psycopg() -> None:
    if "peewee" in sys.modules:
        return
    hidden = {name: sys.modules.get(name) for name in ("psycopg", "psycopg2")}
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name, module in hidden.items():
            if module is None:
                del sys.modules[name]
            else:
                sys.modules[name] = module
