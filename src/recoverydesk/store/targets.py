"""Telling a PostgreSQL URL from an SQLite file path, without importing any driver."""

from __future__ import annotations

from pathlib import Path


def is_postgres_url(target: str | Path) -> bool:
    return str(target).startswith(("postgresql://", "postgres://"))
