"""The audit chain's canonical form: hand-assembled text must equal the reference encoding."""

from __future__ import annotations

import json
from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from recoverydesk.core.audit import AuditRecord, canonical, dumps_details, entry_hash, utc_iso

_json_leaves = st.none() | st.booleans() | st.integers(-10**15, 10**15) | st.text(max_size=30)
_details = st.dictionaries(
    st.text(max_size=12),
    st.recursive(_json_leaves, lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8),
    max_size=6)


def _reference(record: AuditRecord) -> str:
    """The definition in SPEC §9: one sorted-key, compact, UTF-8 JSON of the whole entry."""
    return json.dumps({"seq": record.seq, "at": utc_iso(record.at), "actor": record.actor_id,
                       "action": record.action, "entity": record.entity,
                       "entity_id": record.entity_id, "details": record.details},
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@given(seq=st.integers(1, 10**12), at=st.datetimes(min_value=datetime(1000, 1, 1)),
       actor=st.none() | st.integers(1, 10**9), action=st.text(max_size=40),
       entity=st.text(max_size=20), entity_id=st.none() | st.integers(0, 10**15),
       details=_details)
def test_canonical_equals_reference_json(seq: int, at: datetime, actor: int | None,
                                         action: str, entity: str, entity_id: int | None,
                                         details: dict[str, object]) -> None:
    """Any entry (any script, quotes, control characters, nesting) hashes the reference text."""
    record = AuditRecord(seq, at, actor, action, entity, entity_id, details)
    assert canonical(record) == _reference(record)
    assert canonical(record, dumps_details(details)) == _reference(record)
    assert entry_hash("0" * 64, record) == entry_hash("0" * 64, record, dumps_details(details))


def test_utc_iso_is_fixed_width_with_microseconds_and_z() -> None:
    """Times always carry six fractional digits and a Z, whole seconds included."""
    assert utc_iso(datetime(2026, 3, 1, 9, 5, 7)) == "2026-03-01T09:05:07.000000Z"
    assert utc_iso(datetime(2026, 3, 1, 9, 5, 7, 120)) == "2026-03-01T09:05:07.000120Z"
