"""The audit log's rows: the tail of a tenant's chain, its advisory lock, and the whole log in seq order."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tawasol.domain.model import AuditEntry
from tawasol.store import tables

_log = tables.audit_log.c


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lock_chain(self, space: int, key: int) -> None:
        """On PostgreSQL, hold the chain's advisory lock until the transaction ends (SQLite: one writer anyway).
        Pending rows are flushed first, so they are not written while holding it."""
        self.session.flush()
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(:space, :key)"), {"space": space, "key": key})

    def last_hash(self, tenant_id: str | None) -> str | None:
        """Hash of the newest entry of this tenant's chain (platform-wide chain for None)."""
        same_chain = _log.tenant_id.is_(None) if tenant_id is None else _log.tenant_id == tenant_id
        stmt = select(_log.hash).where(same_chain).order_by(_log.seq.desc()).limit(1)
        return self.session.scalars(stmt).first()

    def add(self, entry: AuditEntry) -> AuditEntry:
        self.session.add(entry)
        self.session.flush()
        return entry

    def in_order(self, batch: int = 5000) -> Iterator[AuditEntry]:
        stmt = select(AuditEntry).order_by(_log.seq).execution_options(yield_per=batch)
        yield from self.session.scalars(stmt)

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(tables.audit_log)) or 0)
