"""A conversation's messages are numbered from its counter, and a message reads only its recent history."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import create_engine, insert, text

from tawasol.domain.model import Message
from tawasol.privacy.step import PLACEHOLDERS_KEY
from tawasol.service import conversations as svc
from tawasol.service.bootstrap import bootstrap
from tawasol.service.commands import CustomerSaid, OpenConversation
from tawasol.service.pipeline import Pipeline
from tawasol.store.db import normalise_url
from tawasol.store.migrate import upgrade
from tawasol.store.repositories import AnalysisMark
from tawasol.store.tables import messages

NOW = datetime(2026, 12, 1, tzinfo=UTC)


def _platform(settings):  # type: ignore[no-untyped-def]
    from tawasol.service.admin import create_tenant

    platform = bootstrap(settings, steps=[])  # numbering and loading only: no models needed
    create_tenant(platform.uow(), "acme", "Acme")
    return platform


def _open(platform) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    opened = svc.open_conversation(OpenConversation(tenant_slug="acme"), platform.uow(), 1)
    with platform.uow() as uow:
        conv = uow.conversations.get(opened.id)
        assert conv is not None
        return conv.id, conv.tenant_id


def _insert(platform, conv_id: str, tenant_id: str, rows: list[dict]) -> None:  # type: ignore[no-untyped-def, type-arg]
    with platform.engine.begin() as conn:
        conn.execute(insert(messages), [
            {"id": f"{conv_id[:8]}-{r['seq']}", "tenant_id": tenant_id, "conversation_id": conv_id,
             "author": "customer", "text": "hello", "analysis": {}, "created_at": NOW, **r} for r in rows])
        conn.execute(text("UPDATE conversations SET last_seq = :n WHERE id = :c"),
                     {"n": max(r["seq"] for r in rows), "c": conv_id})


def test_the_600th_message_gets_seq_600(settings) -> None:  # type: ignore[no-untyped-def]
    platform = _platform(settings)
    conv_id, tenant_id = _open(platform)
    _insert(platform, conv_id, tenant_id, [{"seq": n} for n in range(1, 600)])
    result = svc.customer_said(CustomerSaid(conversation_id=conv_id, tenant_id=tenant_id, text="still there?"),
                               platform.uow(), Pipeline([]), 2000)
    assert result.message["seq"] == 600
    with platform.uow() as uow:
        assert uow.messages.next_seq(conv_id) == 601
    platform.engine.dispose()


def test_every_added_message_moves_the_counter(settings) -> None:  # type: ignore[no-untyped-def]
    platform = _platform(settings)
    conv_id, tenant_id = _open(platform)
    with platform.uow() as uow:
        for _ in range(3):
            uow.messages.add(Message(tenant_id=tenant_id, conversation_id=conv_id, author="system", text="note",
                                     seq=uow.messages.next_seq(conv_id)))
        uow.commit()
    with platform.uow() as uow:
        assert [m.seq for m in uow.messages.for_conversation(conv_id)] == [1, 2, 3]
        assert uow.messages.next_seq(conv_id, locked=True) == 4
    platform.engine.dispose()


def test_recent_history_keeps_the_latest_state_and_mapping_written_long_ago(settings) -> None:  # type: ignore[no-untyped-def]
    platform = _platform(settings)
    conv_id, tenant_id = _open(platform)
    rows = [{"seq": n} for n in range(1, 81)]
    rows[2] = {"seq": 3, "author": "bot", "analysis": {"bot_state": {"flow": None, "misses": 1}}}
    rows[4] = {"seq": 5, "author": "bot", "analysis": {"bot_state": {"flow": None, "misses": 2}}}
    rows[6] = {"seq": 7, "analysis": {"extra": {PLACEHOLDERS_KEY: {"[PHONE_1]": "digest"}}}}
    rows[7] = {"seq": 8, "author": "agent", "analysis": {"note": "bot_state is not a key here"}}
    _insert(platform, conv_id, tenant_id, rows)
    keep = (AnalysisMark(("bot_state",), "bot"), AnalysisMark(("extra", PLACEHOLDERS_KEY)))
    with platform.uow() as uow:
        history = uow.messages.recent(conv_id, 50, keep=keep)
        assert [m.seq for m in history] == [5, 7, *range(31, 81)]
        assert [m.seq for m in uow.messages.recent(conv_id, 50)] == list(range(31, 81))
        assert [m.seq for m in uow.messages.recent(conv_id, 100, keep=keep)] == list(range(1, 81))
    platform.engine.dispose()


def test_the_migration_backfills_the_counter_from_the_messages(database_url: str) -> None:
    upgrade(database_url, "0004")
    engine = create_engine(normalise_url(database_url))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO tenants (id, slug, name, settings, created_at) "
                          "VALUES ('t1', 'acme', 'Acme', '{}', :now)"), {"now": NOW})
        conn.execute(text("INSERT INTO customers (id, tenant_id, consent, attributes, created_at) "
                          "VALUES ('c1', 't1', '{}', '{}', :now)"), {"now": NOW})
        for conv in ("busy", "empty"):
            conn.execute(text("INSERT INTO conversations (id, tenant_id, customer_id, channel, status, created_at, "
                              "updated_at) VALUES (:id, 't1', 'c1', 'web', 'bot', :now, :now)"),
                         {"id": conv, "now": NOW})
        for seq in (1, 2, 7):
            conn.execute(text("INSERT INTO messages (id, tenant_id, conversation_id, seq, author, text, analysis, "
                              "created_at) VALUES (:id, 't1', 'busy', :seq, 'customer', 'hi', '{}', :now)"),
                         {"id": f"m{seq}", "seq": seq, "now": NOW})
    upgrade(database_url)
    with engine.connect() as conn:
        counters = dict(conn.execute(text("SELECT id, last_seq FROM conversations")).all())
    engine.dispose()
    assert counters == {"busy": 7, "empty": 0}
