"""The reads over history that reports, models and the agent's assist use: each names the tenant, returns typed
rows, and leaves out what is outside its window, another tenant, or the wrong kind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tawasol.domain.model import (
    Article,
    Conversation,
    Customer,
    DecisionRecord,
    Message,
    Tenant,
    new_id,
)
from tawasol.store.db import make_engine, make_session_factory
from tawasol.store.migrate import upgrade
from tawasol.store.repositories.reports import ConversationFacts, CustomerProfile, WaitSample
from tawasol.store.tables import start_mappers
from tawasol.store.uow import UnitOfWork

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def uow(database_url: str):  # type: ignore[no-untyped-def]
    start_mappers()
    upgrade(database_url)
    engine = make_engine(database_url)
    yield lambda: UnitOfWork(make_session_factory(engine))
    engine.dispose()


def _seed(make_uow) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with make_uow() as uow:
        a, b = Tenant(slug="a", name="A"), Tenant(slug="b", name="B")
        uow.tenants.add(a)
        uow.tenants.add(b)
        alice = uow.customers.add(
            Customer(tenant_id=a.id, name="Alice", preferred_language="fr", attributes={"tenure_months": 4})
        )
        omar = uow.customers.add(Customer(tenant_id=a.id, name="Omar", preferred_language="ary"))
        bob = uow.customers.add(Customer(tenant_id=b.id, name="Bob"))
        old = uow.conversations.add(
            Conversation(
                tenant_id=a.id,
                customer_id=alice.id,
                language="fr",
                status="resolved",
                created_at=NOW - timedelta(days=40),
                updated_at=NOW - timedelta(days=40),
            )
        )
        done = uow.conversations.add(
            Conversation(
                tenant_id=a.id,
                customer_id=omar.id,
                language="ary",
                status="closed",
                created_at=NOW - timedelta(days=2),
                updated_at=NOW - timedelta(days=1),
            )
        )
        live = uow.conversations.add(
            Conversation(
                tenant_id=a.id,
                customer_id=alice.id,
                language="fr",
                status="queued",
                created_at=NOW - timedelta(minutes=5),
            )
        )
        other = uow.conversations.add(Conversation(tenant_id=b.id, customer_id=bob.id, status="bot"))
        for seq, (conv, author, text, at) in enumerate(
            [
                (live, "customer", "c'est inadmissible", NOW - timedelta(minutes=4)),
                (live, "bot", "je transfère", NOW - timedelta(minutes=4)),
                (done, "customer", "salam", NOW - timedelta(days=2)),
                (done, "agent", "mar7ba", NOW - timedelta(days=2)),
                (done, "system", "csat", NOW - timedelta(days=1)),
                (other, "customer", "hello", NOW - timedelta(minutes=1)),
            ],
            start=1,
        ):
            uow.messages.add(
                Message(
                    tenant_id=conv.tenant_id,
                    conversation_id=conv.id,
                    author=author,
                    text=text,
                    seq=seq,
                    created_at=at,
                    analysis={"n": seq},
                )
            )
        for conv, kind, inputs, at in [
            (live, "escalation", {}, NOW - timedelta(minutes=4)),
            (old, "escalation", {}, NOW - timedelta(days=40)),
            (done, "routing", {"language": "ary", "wait_seconds": 12.5}, NOW - timedelta(days=2)),
            (other, "escalation", {}, NOW),
        ]:
            uow.decisions.add(
                DecisionRecord(
                    tenant_id=conv.tenant_id,
                    conversation_id=conv.id,
                    kind=kind,
                    outcome="x",
                    model="m",
                    model_version="1",
                    inputs=inputs,
                    created_at=at,
                )
            )
        for cust, kind in [(alice, "churn"), (omar, "csat"), (bob, "churn")]:
            uow.scores.insert_rows(
                [
                    {
                        "id": new_id(),
                        "tenant_id": cust.tenant_id,
                        "customer_id": cust.id,
                        "kind": kind,
                        "score": 0.5,
                        "band": "medium",
                        "model_version": "1",
                        "explanation": {},
                        "conversation_id": None,
                        "created_at": NOW,
                    }
                ]
            )
        uow.commit()
        return {
            "a": a.id,
            "b": b.id,
            "alice": alice.id,
            "omar": omar.id,
            "old": old.id,
            "done": done.id,
            "live": live.id,
            "other": other.id,
        }


def test_history_reads_keep_to_the_tenant_and_the_window(uow) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(uow)
    since = NOW - timedelta(days=30)
    with uow() as u:
        facts = u.reports.conversations_since(ids["a"], since)
        assert all(isinstance(f, ConversationFacts) for f in facts)
        assert {f.id for f in facts} == {ids["done"], ids["live"]}
        assert {f.id: f.status for f in facts}[ids["done"]] == "closed"
        signals = u.reports.message_signals(ids["a"], since, ["customer", "system"])
        assert sorted((s.author, s.analysis["n"]) for s in signals) == [("customer", 1), ("customer", 3), ("system", 5)]
        assert u.reports.escalated_since(ids["a"], since) == {ids["live"]}
        profiles = {p.id: p for p in u.reports.customer_profiles(ids["a"])}
        assert set(profiles) == {ids["alice"], ids["omar"]}
        assert isinstance(profiles[ids["alice"]], CustomerProfile)
        assert profiles[ids["alice"]].attributes == {"tenure_months": 4}


def test_supervisor_and_outreach_reads(uow) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(uow)
    with uow() as u:
        assert u.reports.routing_waits([ids["a"], ids["b"]], NOW - timedelta(days=30)) == [WaitSample("ary", 12.5)]
        assert u.reports.routing_waits([ids["a"]], NOW - timedelta(hours=1)) == []
        pairs = u.reports.customer_messages_in_open([ids["a"]], NOW - timedelta(hours=1))
        assert [(m.text, c.id) for m, c in pairs] == [("c'est inadmissible", ids["live"])]
        assert [s.customer_id for s in u.reports.scores_of_kind(ids["a"], "churn")] == [ids["alice"]]
        recent = u.reports.conversations_created_since(ids["a"], NOW - timedelta(days=14))
        assert {c.id for c in recent} == {ids["done"], ids["live"]}
        assert {c.id for c in u.reports.customers_of(ids["a"])} == {ids["alice"], ids["omar"]}
        assert u.reports.customer_names([ids["omar"]]) == {ids["omar"]: "Omar"}
        assert u.reports.customer_names([]) == {}


def test_past_exchanges_of_ended_conversations(uow) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(uow)
    with uow() as u:
        ended = u.reports.ended_conversation_languages(ids["a"], ids["live"], None, limit=10)
        assert list(ended) == [ids["done"], ids["old"]]  # latest first
        assert u.reports.ended_conversation_languages(ids["a"], ids["live"], ["ar", "ary"], limit=10) == {
            ids["done"]: "ary"
        }
        assert u.reports.ended_conversation_languages(ids["a"], ids["done"], ["ary"], limit=10) == {}
        assert [(m.author, m.text) for m in u.reports.exchanges([ids["done"]])] == [
            ("customer", "salam"),
            ("agent", "mar7ba"),
        ]
        assert u.reports.exchanges([]) == []


def test_article_signature_moves_with_each_change(uow) -> None:  # type: ignore[no-untyped-def]
    ids = _seed(uow)
    with uow() as u:
        assert u.articles.signature(ids["a"]) == (0, None)
        u.articles.add(Article(tenant_id=ids["a"], article_key="k", language="fr", title="T", body="B", updated_at=NOW))
        u.articles.add(Article(tenant_id=ids["b"], article_key="k", language="fr", title="T", body="B"))
        u.commit()
    with uow() as u:
        count, latest = u.articles.signature(ids["a"])
        assert count == 1 and latest is not None
        assert latest.replace(tzinfo=latest.tzinfo or UTC) == NOW
        article = u.articles.variant(ids["a"], "k", "fr")
        assert article is not None
        u.articles.delete(article)
        u.commit()
    with uow() as u:
        assert u.articles.signature(ids["a"]) == (0, None)
        assert u.articles.signature(ids["b"])[0] == 1
