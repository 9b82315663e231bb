"""The tamper-evident audit log: append (one chain, serialised writers) and verify."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text

from tawasol.domain.model import AuditEntry
from tawasol.privacy import GENESIS_HASH, seal, verify_chain
from tawasol.store.uow import UnitOfWork

_LOCK_KEY = 7_414_570  # PostgreSQL advisory lock guarding the chain's tail


def append(uow: UnitOfWork, actor: str, action: str, target: str, details: dict[str, Any] | None = None,
           tenant_id: str | None = None) -> AuditEntry:
    """Inside the caller's unit of work: link a new entry to the tail of the chain."""
    if uow.session.get_bind().dialect.name == "postgresql":
        uow.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    entry = AuditEntry(actor=actor, action=action, target=target, prev_hash="", hash="", tenant_id=tenant_id,
                       details=details or {})
    seal(entry, last.hash if last else GENESIS_HASH)
    uow.session.add(entry)
    uow.session.flush()
    return entry


def verify(uow: UnitOfWork, batch: int = 5000) -> tuple[int, int | None]:
    """(number of entries checked, seq of the first broken entry or None)."""
    with uow:
        entries = list(uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all())
        return len(entries), verify_chain(entries)
