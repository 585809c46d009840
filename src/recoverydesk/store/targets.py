"""Telling a PostgreSQL URL from an SQLite file path, without importing any driver."""

from __future__ import annotations

import re
from pathlib import Path

# "scheme://" with a scheme of two or more letters: "C://x" stays a Windows path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))


def is_other_url(target: str | Path) -> bool:
    """An address for some other kind of server (``mysql://``, ``sqlite:///x.db``), which
    taken as a file path would name folders called ``mysql:`` and the like."""
    return not is_postgres_url(target) and _URL.match(str(target)) is not None
