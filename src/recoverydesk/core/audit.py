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
from json.encoder import encode_basestring
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
    if moment.tzinfo is not None:  # the wall-clock fields are taken as they are, as strftime did
        moment = moment.replace(tzinfo=None)
    if moment.year < 1000:  # isoformat pads the year to four digits; strftime's %Y does not
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.isoformat(timespec="microseconds") + "Z"  # several times faster


def canonical(record: AuditRecord, details_json: str | None = None) -> str:
    """Sorted-key compact JSON of the whole entry.

    Spelt out as text rather than one ``json.dumps`` of a dict so the details, which are also
    stored, are encoded once per append; ``details_json`` is :func:`dumps_details` output. The
    result is byte-for-byte what ``json.dumps(..., sort_keys=True, separators=(",", ":"),
    ensure_ascii=False)`` of the full entry gives (a test holds it to that).
    """
    if details_json is None:
        details_json = dumps_details(record.details)
    text = _dumps_value
    return (f'{{"action":{text(record.action)},"actor":{text(record.actor_id)},'
            f'"at":"{utc_iso(record.at)}","details":{details_json},'
            f'"entity":{text(record.entity)},"entity_id":{text(record.entity_id)},'
            f'"seq":{text(record.seq)}}}')


def entry_hash(prev_hash: str, record: AuditRecord, details_json: str | None = None) -> str:
    return hashlib.sha256(
        (prev_hash + canonical(record, details_json)).encode("utf-8")).hexdigest()


# One encoder for every entry: ``json.dumps`` with options builds a new one per call.
_DETAILS_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def dumps_details(details: dict[str, Any]) -> str:
    """Stored and hashed form of ``details``: sorted keys, compact, UTF-8 kept."""
    return _DETAILS_ENCODER.encode(details)


def _dumps_value(value: str | int | None) -> str:
    """JSON of one top-level field, as ``json.dumps(value, ensure_ascii=False)`` gives it."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    return str(int(value))  # seq, actor and entity ids are ints (bool never occurs)
