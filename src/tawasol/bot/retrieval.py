"""Cross-lingual BM25 retrieval over a tenant's articles, with a calibrated-enough confidence.

One BM25 document per article key holds every language variant, so a question in any language or
script can reach the article; the answer is then taken from the variant in the customer's language.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import bm25s
import numpy as np

from tawasol.bot.text import Tokenizer
from tawasol.domain.model import Article

# When the customer's language has no variant, the closest readable one (Arabizi readers read Darija
# in Arabic script and French; Darija readers read Arabic).
FALLBACK_LANGUAGES: dict[str, tuple[str, ...]] = {
    "ary_Latn": ("ary_Latn", "ary", "fr", "ar", "en", "es"),
    "ary": ("ary", "ar", "ary_Latn", "fr", "en", "es"),
    "ar": ("ar", "ary", "fr", "en", "es", "ary_Latn"),
    "fr": ("fr", "en", "es", "ar", "ary", "ary_Latn"),
    "en": ("en", "fr", "es", "ar", "ary", "ary_Latn"),
    "es": ("es", "fr", "en", "ar", "ary", "ary_Latn"),
}
HEAD_WEIGHT = 2.0
RERANK_POOL = 20


@dataclass(frozen=True)
class Hit:
    """One ranked article: BM25 score, and the share of the question it explains (0..1)."""

    article_key: str
    score: float
    confidence: float
    intent: str | None = None


@dataclass
class KnowledgeIndex:
    """A tenant's searchable knowledge base; build with `KnowledgeIndex.build(articles)`."""

    keys: list[str]
    variants: dict[str, dict[str, Article]]
    tokenizer: Tokenizer
    version: str = ""
    _bm25: bm25s.BM25 | None = None
    _bm25_body: bm25s.BM25 | None = None
    _doc_tokens: list[frozenset[str]] = field(default_factory=list)
    _idf: dict[str, float] = field(default_factory=dict)
    _intents: list[str | None] = field(default_factory=list)

    @classmethod
    def build(cls, articles: Iterable[Article], tokenizer: Tokenizer | None = None,
              version: str = "") -> KnowledgeIndex:
        tokenizer = tokenizer or Tokenizer()
        variants: dict[str, dict[str, Article]] = {}
        for a in articles:
            variants.setdefault(a.article_key, {})[a.language] = a
        keys = sorted(variants)
        heads: list[list[str]] = []
        bodies: list[list[str]] = []
        for key in keys:
            head: list[str] = []
            body: list[str] = []
            for a in variants[key].values():
                head += tokenizer.tokens(a.title) + tokenizer.tokens(" ".join(a.tags))
                body += tokenizer.tokens(a.body)
            heads.append(head or ["∅"])
            bodies.append(body or ["∅"])
        index = cls(keys=keys, variants=variants, tokenizer=tokenizer, version=version)
        index._doc_tokens = [frozenset(h) | frozenset(b) for h, b in zip(heads, bodies)]
        index._intents = [next((a.intent for a in variants[k].values() if a.intent), None) for k in keys]
        df = Counter(t for d in index._doc_tokens for t in d)
        n = len(keys)
        index._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        if keys:
            # Two fields (BM25F-like): what an article is about (titles, tags) outweighs what it mentions.
            index._bm25 = bm25s.BM25(k1=1.2, b=0.75)
            index._bm25.index(heads, show_progress=False)
            index._bm25_body = bm25s.BM25(k1=1.2, b=0.75)
            index._bm25_body.index(bodies, show_progress=False)
        return index

    def __len__(self) -> int:
        return len(self.keys)

    def search(self, query: str, k: int = 5, intent: str | None = None,
               intent_confidence: float = 0.0) -> list[Hit]:
        """Top `k` articles for a question; a confident NLU intent nudges articles linked to it."""
        words = self.tokenizer.words(query)
        tokens = [t for w in words for t in w.tokens if t in self._idf]
        if not tokens or self._bm25 is None or self._bm25_body is None:
            return []
        scores = HEAD_WEIGHT * self._bm25.get_scores(tokens) + self._bm25_body.get_scores(tokens)
        if intent and intent_confidence > 0:
            boost = np.array([1.0 + 0.3 * intent_confidence if i == intent else 1.0 for i in self._intents])
            scores = scores * boost
        # Re-rank a short list by how much of the question each article explains: an article that
        # accounts for every word beats one that matches a single word very often.
        pool = min(max(k, RERANK_POOL), len(self.keys))
        top = np.argpartition(-scores, pool - 1)[:pool]
        hits = []
        for i in top:
            if scores[i] <= 0:
                continue
            cov = self._coverage(words, self._doc_tokens[i])
            hits.append(Hit(self.keys[i], float(scores[i]) * (0.5 + 0.5 * cov), cov, self._intents[i]))
        hits.sort(key=lambda h: -h.score)
        return hits[:k]

    def _coverage(self, words: Sequence, doc: frozenset[str]) -> float:
        # The share of the question's informative words that the article accounts for, each word
        # weighted by its rarest known token; words the knowledge base never uses count half.
        max_idf = max(self._idf.values(), default=1.0)
        total = covered = 0.0
        for w in words:
            known = [self._idf[t] for t in w.tokens if t in self._idf]
            weight = max(known) if known else 0.5 * max_idf
            total += weight
            if any(t in doc for t in w.tokens):
                covered += weight
        return round(covered / total, 4) if total else 0.0

    def variant(self, article_key: str, language: str) -> tuple[Article, bool]:
        """The variant to show a customer writing in `language`, and whether it is in that language."""
        by_lang = self.variants[article_key]
        order = FALLBACK_LANGUAGES.get(language, FALLBACK_LANGUAGES["fr"])
        for lang in order:
            if lang in by_lang:
                return by_lang[lang], lang == language
        first = next(iter(by_lang.values()))
        return first, first.language == language
