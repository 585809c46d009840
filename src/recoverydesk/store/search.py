"""Case-insensitive "contains" in SQL, the same on SQLite and PostgreSQL.

SQLite's LOWER folds ASCII only, so its connections carry ``rd_fold`` (Python's casefold,
registered in ``store.db``); PostgreSQL's LOWER folds every script. ``instr``/``strpos`` take
the text literally, so ``%`` and ``_`` typed by a user are no wildcards.
"""

from __future__ import annotations

from typing import Any

from peewee import Case, Expression, fn

from recoverydesk.store.db import is_sqlite


def folded(column: Any) -> Any:
    """``column`` case-folded in SQL (compare with ``core.domain.fold_text`` of the needle)."""
    return fn.rd_fold(column) if is_sqlite() else fn.LOWER(column)


def contains(haystack: Any, needle: str) -> Expression:
    """``haystack`` folded contains ``needle``, which the caller has folded already.

    On SQLite, plain ASCII text is folded by the built-in ``lower`` (the same as casefold
    for ASCII) and only other text goes through the Python ``rd_fold``: a free-text search
    over 100 000 mostly ASCII descriptions then costs no Python call per row.
    """
    text = fn.COALESCE(haystack, "")
    if not is_sqlite():
        return fn.strpos(fn.LOWER(text), needle) > 0
    # UTF-8 text is plain ASCII exactly when it has as many bytes as characters.
    plain = fn.length(text) == fn.length(text.cast("BLOB"))
    fast = Case(None, [(plain, fn.lower(text))], fn.rd_fold(text))
    result: Expression = fn.instr(fast, needle) > 0
    return result
