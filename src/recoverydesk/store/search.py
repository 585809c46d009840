"""Case-insensitive "contains" in SQL, the same on SQLite and PostgreSQL.

SQLite's LOWER folds ASCII only, so its connections carry ``rd_fold`` (Python's casefold,
registered in ``store.db``); PostgreSQL's LOWER folds every script. ``instr``/``strpos`` take
the text literally, so ``%`` and ``_`` typed by a user are no wildcards.
"""

from __future__ import annotations

from typing import Any

from peewee import Expression, fn

from recoverydesk.store.db import is_sqlite


def folded(column: Any) -> Any:
    """``column`` case-folded in SQL (compare with ``core.domain.fold_text`` of the needle)."""
    return fn.rd_fold(column) if is_sqlite() else fn.LOWER(column)


def contains(haystack: Any, needle: str) -> Expression:
    """``haystack`` folded contains ``needle``, which the caller has folded already."""
    function = fn.instr if is_sqlite() else fn.strpos
    result: Expression = function(folded(fn.COALESCE(haystack, "")), needle) > 0
    return result
