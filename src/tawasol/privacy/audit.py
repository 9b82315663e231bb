"""Tamper-evident audit chain: each entry's hash covers its content and the previous entry's hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from tawasol.domain.model import AuditEntry

GENESIS_HASH = "0" * 64


def _timestamp(value: datetime) -> str:
    # SQLite returns naive datetimes: read them as UTC so a stored entry hashes as it did when written.
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def canonical_content(entry: AuditEntry) -> dict[str, Any]:
    return {
        "actor": entry.actor, "action": entry.action, "target": entry.target, "tenant_id": entry.tenant_id,
        "details": entry.details, "created_at": _timestamp(entry.created_at),
    }


def compute_entry_hash(entry: AuditEntry, prev_hash: str | None = None) -> str:
    """SHA-256 over canonical JSON (sorted keys, no spaces) of the content and the previous hash."""
    payload = {"content": canonical_content(entry), "prev_hash": entry.prev_hash if prev_hash is None else prev_hash}
    data = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def seal(entry: AuditEntry, prev_hash: str) -> AuditEntry:
    """Link `entry` after the entry whose hash is `prev_hash` (GENESIS_HASH for the first) and hash it."""
    entry.prev_hash = prev_hash
    entry.hash = compute_entry_hash(entry, prev_hash)
    return entry


def verify_chain(entries: Iterable[AuditEntry], start_hash: str = GENESIS_HASH) -> int | None:
    """The seq (or, without one, the 0-based position) of the first broken entry; None when intact.

    Entries must come in chain order. An entry is broken when its prev_hash is not the previous
    entry's hash (deleted, inserted or reordered rows) or its hash does not match its content (edits).
    """
    expected_prev = start_hash
    for position, entry in enumerate(entries):
        if entry.prev_hash != expected_prev or entry.hash != compute_entry_hash(entry):
            return entry.seq if entry.seq is not None else position
        expected_prev = entry.hash
    return None
