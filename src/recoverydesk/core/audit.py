"""Tamper-evident audit chain: canonical form and hashing, no storage.

Each entry hashes the previous entry's hash together with a canonical JSON form of itself
(sorted keys, UTC ISO times, amounts as integer minor units), so the same chain verifies the
same on any engine and after a copy.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditRecord:
    """One audit entry as hashed: ``at`` is naive UTC; ``details`` is JSON-able."""

    seq: int
    at: datetime
    actor_id: int | None
    action: str
    entity: str
    entity_id: int | None
    details: dict[str, Any]


def utc_iso(moment: datetime) -> str:
    """Canonical time text: naive UTC to ``YYYY-MM-DDTHH:MM:SS.ffffffZ``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(record: AuditRecord) -> str:
    return json.dumps(
        {
            "seq": record.seq,
            "at": utc_iso(record.at),
            "actor": record.actor_id,
            "action": record.action,
            "entity": record.entity,
            "entity_id": record.entity_id,
            "details": record.details,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )


def entry_hash(prev_hash: str, record: AuditRecord) -> str:
    return hashlib.sha256((prev_hash + canonical(record)).encode("utf-8")).hexdigest()


def dumps_details(details: dict[str, Any]) -> str:
    """Stored form of ``details`` (the hash covers the canonical form, not this text)."""
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
