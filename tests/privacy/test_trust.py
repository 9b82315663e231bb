"""Audit chain, retention, AI disclosure, and no emotion inference on workers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tawasol.domain.analysis import SentimentResult
from tawasol.domain.model import AuditEntry
from tawasol.domain.pipeline import MessageContext
from tawasol.privacy import (
    GENESIS_HASH,
    CustomerOnly,
    RetentionPolicy,
    WorkerEmotionForbidden,
    assert_customer_author,
    disclosure_text,
    due_for_purge,
    seal,
    verify_chain,
)
from tests.privacy.test_redaction import context

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def chain(n: int) -> list[AuditEntry]:
    entries, prev = [], GENESIS_HASH
    for i in range(n):
        entry = seal(AuditEntry(actor="dpo@acme.ma", action="reveal", target=f"message:{i}", prev_hash="", hash="",
                                details={"field": "PHONE_1"}, created_at=T0 + timedelta(minutes=i), seq=i + 1), prev)
        entries.append(entry)
        prev = entry.hash
    return entries


def test_an_intact_chain_verifies() -> None:
    assert verify_chain(chain(5)) is None


def test_an_edited_entry_is_named() -> None:
    entries = chain(5)
    entries[2].details = {"field": "CARD_1"}
    assert verify_chain(entries) == 3


def test_a_deleted_entry_breaks_the_next_link() -> None:
    entries = chain(5)
    del entries[1]
    assert verify_chain(entries) == 3


def test_naive_timestamps_from_sqlite_hash_as_utc() -> None:
    entries = chain(2)
    entries[0].created_at = entries[0].created_at.replace(tzinfo=None)
    assert verify_chain(entries) is None


def test_retention_plan() -> None:
    policy = RetentionPolicy.from_settings({"retention": {"raw_text_days": 30, "redacted_days": 365}})
    now = T0 + timedelta(days=400)
    records = [("old", T0), ("mid", now - timedelta(days=31)), ("new", now - timedelta(days=1))]
    plan = due_for_purge(policy, records, now=now)
    assert plan.raw_text == ["old", "mid"] and plan.transcripts == ["old"]
    assert due_for_purge(RetentionPolicy(None, None), records, now=now).raw_text == []
    with pytest.raises(ValueError):
        RetentionPolicy(raw_text_days=-1)
    with pytest.raises(ValueError):
        RetentionPolicy.from_settings({"retention": {"raw_days": 3}})


@pytest.mark.parametrize("language", ["fr", "ar", "ary", "ary_Latn", "en", "es"])
def test_disclosure_in_every_language_mentions_agent(language: str) -> None:
    assert "agent" in disclosure_text(language)


def test_disclosure_falls_back_and_can_be_overridden() -> None:
    assert disclosure_text("de") == disclosure_text("fr")
    assert disclosure_text("en_GB") == disclosure_text("en")
    settings = {"ai_disclosure": {"fr": "Bonjour, je suis Sara, assistante virtuelle. Tapez agent."}}
    assert disclosure_text("fr", settings).startswith("Bonjour, je suis Sara")
    assert disclosure_text("es", settings) == disclosure_text("es")


@pytest.mark.parametrize("author", ["agent", "bot", "system"])
def test_emotion_is_never_inferred_on_workers(author: str) -> None:
    with pytest.raises(WorkerEmotionForbidden):
        assert_customer_author(author)


def test_customer_only_wrapper_skips_agents() -> None:
    class Sentiment:
        name = "sentiment"

        def process(self, ctx: MessageContext) -> MessageContext:
            ctx.analysis.sentiment = SentimentResult(label="negative")
            return ctx

    assert_customer_author("customer")
    step = CustomerOnly(Sentiment())
    assert step.process(context("je suis furieux", author="agent")).analysis.sentiment is None
    assert step.process(context("je suis furieux")).analysis.sentiment.label == "negative"
