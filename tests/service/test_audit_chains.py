"""The audit log holds one chain per tenant: tenants never wait for each other, tampering is still caught."""

from __future__ import annotations

from sqlalchemy import text

from tawasol.domain.model import AuditEntry
from tawasol.privacy import GENESIS_HASH, seal
from tawasol.service import audit


def _append(platform, tenant: str | None, n: int) -> AuditEntry:  # type: ignore[no-untyped-def]
    with platform.uow() as uow:
        entry = audit.append(uow, "system", "decisions", f"message:{tenant}-{n}", {"n": n}, tenant_id=tenant)
        uow.commit()
        return entry


def _interleaved(platform) -> dict[str | None, list[AuditEntry]]:  # type: ignore[no-untyped-def]
    chains: dict[str | None, list[AuditEntry]] = {"tenant-a": [], "tenant-b": [], None: []}
    for n, tenant in enumerate(["tenant-a", "tenant-b", "tenant-a", None, "tenant-b", "tenant-a", "tenant-b"]):
        chains[tenant].append(_append(platform, tenant, n))
    return chains


def test_each_tenant_links_to_its_own_previous_entry(platform) -> None:  # type: ignore[no-untyped-def]
    chains = _interleaved(platform)
    for entries in chains.values():
        assert entries[0].prev_hash == GENESIS_HASH
        assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert audit.verify(platform.uow()) == (7, None)


def test_an_edited_entry_of_one_tenant_is_caught(platform) -> None:  # type: ignore[no-untyped-def]
    chains = _interleaved(platform)
    target = chains["tenant-b"][1]
    with platform.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET target = 'message:other' WHERE seq = :s"), {"s": target.seq})
    assert audit.verify(platform.uow()) == (7, target.seq)


def test_a_deleted_entry_breaks_the_next_link_of_its_tenant(platform) -> None:  # type: ignore[no-untyped-def]
    chains = _interleaved(platform)
    with platform.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = :s"), {"s": chains["tenant-a"][1].seq})
    assert audit.verify(platform.uow()) == (6, chains["tenant-a"][2].seq)


def test_a_log_written_as_one_global_chain_still_verifies_and_continues(platform) -> None:  # type: ignore[no-untyped-def]
    prev = GENESIS_HASH
    with platform.uow() as uow:  # as written before the chains were split
        for n, tenant in enumerate(["tenant-a", "tenant-b", "tenant-a"]):
            entry = seal(AuditEntry(actor="system", action="decisions", target=f"message:{n}", prev_hash="",
                                    hash="", tenant_id=tenant, details={}), prev)
            uow.session.add(entry)
            uow.session.flush()
            prev = entry.hash
        uow.commit()
    _interleaved(platform)
    assert audit.verify(platform.uow()) == (10, None)


def test_a_global_link_after_the_split_is_refused(platform) -> None:  # type: ignore[no-untyped-def]
    chains = _interleaved(platform)
    with platform.uow() as uow:  # an entry of tenant-a linked to the log's last entry (tenant-b's) instead
        forged = seal(AuditEntry(actor="system", action="decisions", target="message:x", prev_hash="", hash="",
                                 tenant_id="tenant-a", details={}), chains["tenant-b"][-1].hash)
        uow.session.add(forged)
        uow.commit()
    assert audit.verify(platform.uow())[1] == forged.seq


def test_chain_lock_keys_are_stable_32_bit_and_differ_per_tenant() -> None:
    keys = {audit.chain_lock_key(t) for t in ("tenant-a", "tenant-b", None)}
    assert len(keys) == 3
    assert all(-2**31 <= k < 2**31 for k in keys)
    assert audit.chain_lock_key("tenant-a") == audit.chain_lock_key("tenant-a")
