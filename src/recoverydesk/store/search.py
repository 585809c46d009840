"""Case-insensitive "contains" in SQL, the same on SQLite and PostgreSQL.

SQLite's LOWER folds ASCII only, so its connections carry ``rd_fold`` (Python's casefold,
registered in ``store.db``); PostgreSQL's LOWER folds every script. ``instr``/``strpos`` take
the text literally, so ``%`` and ``_`` typed by a user are no wildcards.
"""

from __future__ import annotations

import re
from typing import Any

from peewee import OP, SQL, Expression, NodeList, fn

from recoverydesk.store.db import is_sqlite


def folded(column: Any) -> Any:
    """``column`` case-folded in SQL (compare with ``core.domain.fold_text`` of the needle)."""
    return fn.rd_fold(column) if is_sqlite() else fn.LOWER(column)


def contains(haystack: Any, needle: str) -> Expression:
    """``haystack`` folded contains ``needle``, which the caller has folded already.

    On SQLite only text that is not plain ASCII goes through the Python ``rd_fold``. An
    ASCII needle is first looked for with ``LIKE``, whose case-insensitivity is exactly
    ASCII case folding and which scans without copying the text; a needle that is not ASCII
    cannot be in ASCII text at all. A free-text search over 100 000 mostly ASCII
    descriptions then costs one ``LIKE`` per row and no Python call.
    """
    text = fn.COALESCE(haystack, "")
    if not is_sqlite():
        return fn.strpos(fn.LOWER(text), needle) > 0
    # UTF-8 text is plain ASCII exactly when it has as many bytes as characters.
    not_plain = fn.length(text) != fn.length(text.cast("BLOB"))
    by_casefold = not_plain & (fn.instr(fn.rd_fold(text), needle) > 0)
    if not needle.isascii():
        return by_casefold
    pattern = "%" + _LIKE_SPECIAL.sub(r"\\\g<0>", needle) + "%"
    # peewee spells SQLite's case-insensitive LIKE as ILIKE (its LIKE is GLOB there).
    like = Expression(text, OP.ILIKE, NodeList((pattern, SQL("ESCAPE '\\'"))))
    either: Expression = like | by_casefold
    return either


_LIKE_SPECIAL = re.compile(r"[\\%_]")


def sorted_after_filtering(column: Any) -> Any:
    """``column`` for an ORDER BY over rows filtered on what no index serves.

    SQLite would otherwise walk the whole index of ``column`` to skip a sort, fetching every
    row on the way; reading the table once and sorting only the matches is about three times
    faster for a list's "open incidents, all years". (A unary ``+`` hides the index from the
    ORDER BY only.) PostgreSQL plans this by itself.
    """
    return NodeList((SQL("+"), column), glue="") if is_sqlite() else column
