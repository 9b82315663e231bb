"""The tamper-evident audit log: one chain per tenant (writers of a tenant serialised), append and verify.

Each entry's prev_hash is the hash of the previous entry of the same tenant (platform-wide entries, without
a tenant, form their own chain), so the writers of different tenants never wait for each other.

Logs written before the chains were split form one global chain (each entry linked to the previous entry
of any tenant). `verify` accepts that form up to the first entry that links only within its tenant, and
from there on every entry must link within its tenant: deleting, inserting or editing an entry breaks the
next link either way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from tawasol.domain.model import AuditEntry
from tawasol.privacy import GENESIS_HASH, compute_entry_hash, seal
from tawasol.store.uow import UnitOfWork

_LOCK_SPACE = 7_414_570  # first key of the PostgreSQL advisory locks guarding the chains' tails


def chain_lock_key(tenant_id: str | None) -> int:
    """The second advisory-lock key of a tenant's chain: a signed 32-bit hash of its id (stable across
    processes, unlike hash()); two tenants sharing a key only wait for each other, their chains stay apart."""
    digest = hashlib.blake2b((tenant_id or "").encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def append(uow: UnitOfWork, actor: str, action: str, target: str, details: dict[str, Any] | None = None,
           tenant_id: str | None = None) -> AuditEntry:
    """Inside the caller's unit of work: link a new entry to the tail of its tenant's chain.

    The chain's lock is held until the caller commits: call this last, just before the commit."""
    uow.audit.lock_chain(_LOCK_SPACE, chain_lock_key(tenant_id))
    last_hash = uow.audit.last_hash(tenant_id)
    entry = AuditEntry(actor=actor, action=action, target=target, prev_hash="", hash="", tenant_id=tenant_id,
                       details=details or {})
    seal(entry, last_hash or GENESIS_HASH)
    return uow.audit.add(entry)


def first_broken(entries: Iterable[AuditEntry]) -> int | None:
    """The seq of the first broken entry of the log (entries in seq order), or None when every chain holds."""
    tails: dict[str | None, str] = {}
    global_tail = GENESIS_HASH
    split = False  # seen an entry linked only within its tenant: no global links from there on
    for position, entry in enumerate(entries):
        in_tenant = entry.prev_hash == tails.get(entry.tenant_id, GENESIS_HASH)
        legacy = not split and entry.prev_hash == global_tail
        if not (in_tenant or legacy) or entry.hash != compute_entry_hash(entry):
            return entry.seq if entry.seq is not None else position
        split = split or not legacy
        tails[entry.tenant_id] = global_tail = entry.hash
    return None


def verify(uow: UnitOfWork, batch: int = 5000) -> tuple[int, int | None]:
    """(number of entries checked, seq of the first broken entry or None), over every tenant's chain."""
    with uow:
        checked = 0

        def counted() -> Iterable[AuditEntry]:
            nonlocal checked
            for entry in uow.audit.in_order(batch):
                checked += 1
                yield entry

        broken = first_broken(counted())
        if broken is not None:  # still report how many entries the log holds
            checked = uow.audit.count()
        return checked, broken
