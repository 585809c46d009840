"""Appending to and verifying the tamper-evident audit chain (SPEC §3, §9)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from recoverydesk.core.audit import GENESIS_HASH, AuditRecord, dumps_details, entry_hash
from recoverydesk.store import ledger
from recoverydesk.store.db import database
from recoverydesk.store.fields import moment_as_stored
from recoverydesk.store.models import AuditEntry, AuditHead


def init_chain() -> None:
    """Create the chain head; called once when a business is set up."""
    AuditHead.insert(id=1, seq=0, hash=GENESIS_HASH).on_conflict_ignore().execute()


def append(actor_id: int | None, action: str, entity: str, entity_id: int | None,
           details: dict[str, Any], at: datetime, head: tuple[int, str] | None = None) -> int:
    """Append one entry; must run inside the transaction of the change it records.

    The head row is read and advanced in that transaction, so concurrent writers queue on it
    (``BEGIN IMMEDIATE`` on SQLite) and the chain can never fork. ``head`` is the
    ``(seq, hash)`` the caller already read in this same transaction (the recovery hot path
    reads it with its other facts), else it is read here.
    """
    if not database.in_transaction():
        raise RuntimeError("audit entries are written inside the change's transaction")
    head_seq, head_hash = head if head is not None else ledger.audit_head()
    record = AuditRecord(seq=head_seq + 1, at=at, actor_id=actor_id, action=action,
                         entity=entity, entity_id=entity_id, details=details)
    details_json = dumps_details(details)
    digest = entry_hash(head_hash, record, details_json)
    ledger.insert_audit(seq=record.seq, at=at, actor=actor_id, action=action, entity=entity,
                        entity_id=entity_id, details=details_json,
                        prev_hash=head_hash, digest=digest)
    return record.seq


def record_of(row: AuditEntry) -> AuditRecord:
    return AuditRecord(seq=row.seq, at=row.at, actor_id=row.actor, action=row.action,
                       entity=row.entity, entity_id=row.entity_id,
                       details=json.loads(row.details))


@dataclass(frozen=True)
class ChainReport:
    """``first_broken`` is the sequence number of the first entry that fails, if any."""

    entries: int
    first_broken: int | None
    message: str

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def verify_chain() -> ChainReport:
    """Recompute every hash in order; report the first entry that does not match."""
    prev_hash = GENESIS_HASH
    expected_seq = 1
    count = 0
    # A plain cursor: model instances, then peewee's per-row conversion, were most of the walk.
    rows = AuditEntry.select(AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.action,
                             AuditEntry.entity, AuditEntry.entity_id, AuditEntry.details,
                             AuditEntry.prev_hash, AuditEntry.hash).order_by(AuditEntry.seq)
    for seq, stored_at, actor, action, entity, entity_id, details, row_prev, row_hash in (
            database.execute_sql(*rows.sql())):
        at = moment_as_stored(stored_at)
        if seq != expected_seq:
            return ChainReport(count, expected_seq, f"audit entry {expected_seq} is missing")
        try:
            if not isinstance(at, datetime):  # text SQLite kept as it was typed
                raise ValueError(f"not a moment: {at!r}")
            record = AuditRecord(seq=seq, at=at, actor_id=actor, action=action, entity=entity,
                                 entity_id=entity_id, details=json.loads(details))
            digest = entry_hash(prev_hash, record)
        except (ValueError, TypeError):
            return ChainReport(count, seq, f"audit entry {seq} is unreadable")
        if row_prev != prev_hash or digest != row_hash:
            return ChainReport(count, seq, f"audit entry {seq} ({action}) was altered")
        prev_hash = row_hash
        expected_seq += 1
        count += 1
    head = AuditHead.get_or_none(AuditHead.id == 1)
    if head is None or head.seq != count or head.hash != prev_hash:
        return ChainReport(count, count + 1,
                           f"the chain ends at entry {count} but its head says otherwise "
                           "(entries were removed or the head was edited)")
    return ChainReport(count, None, f"audit chain intact ({count} entries)")
