"""Cross-lingual BM25 retrieval over a tenant's articles, with a calibrated-enough confidence.

One BM25 document per article key holds every language variant, so a question in any language or
script can reach the article; the answer is then taken from the variant in the customer's language.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import bm25s
import numpy as np

from tawasol.bot.dense import Encoder
from tawasol.bot.language import guess_language
from tawasol.bot.text import QueryWord, Tokenizer
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
# A question word's tokens: the word itself or its stem (plain), its cross-script skeleton (~) and its
# lexicon concepts (#). The word scores its best token, plus TIE_BREAKER times the others.
TOKEN_WEIGHTS = {"~": 1.0, "#": 1.0}
TIE_BREAKER = 0.3
INTENT_BOOST = 0.3  # a confident NLU intent multiplies its linked articles' score by 1 + this x confidence
COVERAGE_WEIGHT = 0.5  # share of the score that depends on how much of the question the article explains
RERANK_POOL = 20
# Support (the answer decision's share of the question an article accounts for) trusts a cross-script
# skeleton less than a word: a short skeleton ("~tl" from "tall") meets unrelated words of the other
# script. Skeleton-only matches count SKELETON_CREDIT of a word, and only from SKELETON_MIN consonants
# (CROSS_SKELETON_MIN when the article has the skeleton only in the other script); words the knowledge
# base does not know count UNKNOWN_SHARE of the rarest word's weight; place names are left out.
SKELETON_CREDIT = 0.5
SKELETON_MIN = 3
CROSS_SKELETON_MIN = 4
UNKNOWN_SHARE = 0.5
# Dense blend (only with an encoder): reciprocal-rank fusion of the lexical ranking and the cosine
# ranking, the dense side weighted DENSE_WEIGHT; tuned on one half of the demo evaluation file
# (see benchmarks/bot_bench.py notes), checked on the other half.
# A question is compared with the variants in its own language only: a small monolingual encoder
# (MiniLM is English-trained) says little across languages or scripts, where BM25's skeletons and
# lexicon concepts already do the work. DENSE_LANGUAGES limits the blend further (None: all).
# Tuned on the even rows (per language) of src/tawasol/demo/kb_eval.csv, checked on the odd rows; with
# all-MiniLM-L6-v2 no setting beat BM25 there (Arabic lost up to 0.27 recall@1 when the blend ran in
# every language), so the defaults are the mildest blend, for English and French only.
DENSE_WEIGHT = 0.25
RRF_K = 5
DENSE_POOL = 10
DENSE_LANGUAGES: frozenset[str] | None = frozenset({"en", "fr"})
EMBED_CHARS = 300  # title and the beginning of the body: what the article answers


@dataclass(frozen=True)
class Evidence:
    """How much of a question an article accounts for, as the answer decision weighs it.

    `support`: the share of the question's content words (place names left out) the article explains by
    a word, stem or concept (a long enough skeleton alone counts SKELETON_CREDIT); `support_with_places`
    the same with place names; `matched` / `matched_head`: how many of those words it explains, and how
    many its titles and tags explain."""

    support: float = 0.0
    support_with_places: float = 0.0
    matched: int = 0
    matched_head: int = 0


@dataclass(frozen=True)
class Hit:
    """One ranked article: lexical (BM25) score, and the share of the question it explains (0..1).

    With dense retrieval the order blends in the embedding similarity (`dense`), but `score` and
    `confidence` stay lexical, so the bot's answer thresholds keep their meaning."""

    article_key: str
    score: float
    confidence: float
    intent: str | None = None
    dense: float | None = None
    evidence: Evidence | None = None  # how the article accounts for the question (for the answer decision)


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
    _max_idf: float | None = None  # max(_idf.values()), computed once per build (see _top_idf)
    _intents: list[str | None] = field(default_factory=list)
    _position: dict[str, int] = field(default_factory=dict)
    _doc_skeletons: list[tuple[frozenset[str], frozenset[str]]] = field(default_factory=list)  # (Latin, Arabic)
    _head_tokens: list[frozenset[str]] = field(default_factory=list)
    encoder: Encoder | None = None
    _vectors: np.ndarray | None = None  # one L2-normalised row per embedded text of a variant
    _owner: np.ndarray | None = None  # the article (position in `keys`) of each row
    _row_lang: np.ndarray | None = None  # the language of each row

    @property
    def dense(self) -> bool:
        return self._vectors is not None

    @classmethod
    def build(cls, articles: Iterable[Article], tokenizer: Tokenizer | None = None,
              version: str = "", encoder: Encoder | None = None) -> KnowledgeIndex:
        """Index the articles; with `encoder`, also embed every variant for the dense blend."""
        tokenizer = tokenizer or Tokenizer()
        variants: dict[str, dict[str, Article]] = {}
        for a in articles:
            variants.setdefault(a.article_key, {})[a.language] = a
        keys = sorted(variants)
        heads: list[list[str]] = []
        bodies: list[list[str]] = []
        skeletons: list[tuple[frozenset[str], frozenset[str]]] = []
        for key in keys:
            head: list[str] = []
            body: list[str] = []
            latin: set[str] = set()
            arabic: set[str] = set()
            for a in variants[key].values():
                for text, field_tokens in ((a.title, head), (" ".join(a.tags), head), (a.body, body)):
                    for w in tokenizer.words(text, a.language):
                        field_tokens.extend(w.tokens)
                        (latin if w.word.isascii() else arabic).update(t for t in w.tokens if t[0] == "~")
            heads.append(head or ["∅"])
            bodies.append(body or ["∅"])
            skeletons.append((frozenset(latin), frozenset(arabic)))
        index = cls(keys=keys, variants=variants, tokenizer=tokenizer, version=version)
        index._doc_tokens = [frozenset(h) | frozenset(b) for h, b in zip(heads, bodies, strict=True)]
        index._doc_skeletons = skeletons
        index._head_tokens = [frozenset(h) for h in heads]
        index._position = {k: i for i, k in enumerate(keys)}
        index._intents = [next((a.intent for a in variants[k].values() if a.intent), None) for k in keys]
        df = Counter(t for d in index._doc_tokens for t in d)
        n = len(keys)
        index._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        index._max_idf = max(index._idf.values(), default=1.0)
        if keys:
            # Two fields (BM25F-like): what an article is about (titles, tags) outweighs what it mentions.
            index._bm25 = bm25s.BM25(k1=1.2, b=0.75)
            index._bm25.index(heads, show_progress=False)
            index._bm25_body = bm25s.BM25(k1=1.2, b=0.75)
            index._bm25_body.index(bodies, show_progress=False)
        if encoder is not None and keys:
            index._embed(encoder)
        return index

    def _embed(self, encoder: Encoder) -> None:
        texts, owner, langs = [], [], []
        for i, key in enumerate(self.keys):
            for a in self.variants[key].values():
                if DENSE_LANGUAGES is not None and a.language not in DENSE_LANGUAGES:
                    continue
                head = " ".join([a.title, *a.tags]).strip()
                lead = f"{a.title}. {a.body}"[:EMBED_CHARS].strip()
                for text in dict.fromkeys(t for t in (head, lead) if t):  # what it is about; what it says
                    texts.append(text)
                    owner.append(i)
                    langs.append(a.language)
        if not texts:
            return
        self.encoder = encoder
        self._vectors = np.asarray(encoder.encode(texts), dtype=np.float32)
        self._owner = np.asarray(owner, dtype=np.int64)
        self._row_lang = np.asarray(langs)

    def dense_scores(self, query: str, language: str | None = None) -> np.ndarray | None:
        """Per article, the best cosine between the question and the embedded texts of its variant in
        the question's language (-1 without one); None when dense retrieval does not apply."""
        if self._vectors is None or self._owner is None or self._row_lang is None or self.encoder is None:
            return None
        language = language or guess_language(query)
        if DENSE_LANGUAGES is not None and language not in DENSE_LANGUAGES:
            return None
        rows = np.flatnonzero(self._row_lang == language)
        if not len(rows):
            return None
        q = np.asarray(self.encoder.encode([query]), dtype=np.float32)[0]
        best = np.full(len(self.keys), -1.0, dtype=np.float32)
        np.maximum.at(best, self._owner[rows], self._vectors[rows] @ q)
        return best

    def __len__(self) -> int:
        return len(self.keys)

    def search(self, query: str, k: int = 5, intent: str | None = None,
               intent_confidence: float = 0.0, language: str | None = None) -> list[Hit]:
        """Top `k` articles for a question; a confident NLU intent nudges articles linked to it.
        With dense retrieval, `language` (default: guessed) picks the variants compared with it."""
        if self._bm25 is None or self._bm25_body is None:
            return []
        language = language or guess_language(query)
        words = self.tokenizer.words(query, language)
        dense = self.dense_scores(query, language) if query.strip() else None
        if not any(t in self._idf for w in words for t in w.tokens) and dense is None:
            return []
        scores = self._lexical_scores(words)
        if intent and intent_confidence > 0:
            boost = np.array([1.0 + INTENT_BOOST * intent_confidence if i == intent else 1.0 for i in self._intents])
            scores = scores * boost
        # Re-rank a short list by how much of the question each article explains: an article that
        # accounts for every word beats one that matches a single word very often.
        pool = min(max(k, RERANK_POOL), len(self.keys))
        top = [int(i) for i in np.argpartition(-scores, pool - 1)[:pool] if scores[i] > 0]
        if dense is not None:
            dpool = min(max(k, DENSE_POOL), len(self.keys))
            top = list(dict.fromkeys(top + [int(i) for i in np.argpartition(-dense, dpool - 1)[:dpool]]))
        hits = []
        weights = self._coverage_weights(words)  # per question word, the same for every candidate
        for i in top:
            cov = self._coverage(words, self._doc_tokens[i], weights) if scores[i] > 0 else 0.0
            score = float(scores[i]) * (1.0 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * cov)
            hits.append(Hit(self.keys[i], score, cov, self._intents[i],
                            None if dense is None else round(float(dense[i]), 4)))
        hits.sort(key=lambda h: -h.score)
        if dense is not None:
            hits = _fuse(hits)
        evidence_weights = self._evidence_weights(words)
        return [replace(h, evidence=self._evidence(words, self._position[h.article_key], evidence_weights))
                for h in hits[:k]]

    def _lexical_scores(self, words: Sequence[QueryWord]) -> np.ndarray:
        """BM25 (titles and tags weighted HEAD_WEIGHT over bodies) summed over the question's words, each
        word scoring its best-matching token (dis-max) plus TIE_BREAKER times the others: a word that
        yields several tokens (word, stem, skeleton, concepts) counts about once, not once per token."""
        scores = np.zeros(len(self.keys))
        for w in words:
            best: np.ndarray | None = None
            rest = None
            for t in w.tokens:
                if t not in self._idf:
                    continue
                col = TOKEN_WEIGHTS.get(t[0], 1.0) * (HEAD_WEIGHT * self._column(self._bm25, t)
                                                      + self._column(self._bm25_body, t))
                if best is None:
                    best, rest = col, col.copy()
                else:
                    np.maximum(best, col, out=best)
                    rest += col
            if best is not None and rest is not None:
                scores += best + TIE_BREAKER * (rest - best)
        return scores

    def _column(self, bm25: bm25s.BM25, token: str) -> np.ndarray:
        out = np.zeros(len(self.keys))
        tid = bm25.vocab_dict.get(token)
        if tid is not None:
            sc = bm25.scores
            lo, hi = sc["indptr"][tid], sc["indptr"][tid + 1]
            out[sc["indices"][lo:hi]] = sc["data"][lo:hi]
        return out

    def _top_idf(self) -> float:
        if self._max_idf is None:  # an index not made by build()
            self._max_idf = max(self._idf.values(), default=1.0)
        return self._max_idf

    def _coverage_weights(self, words: Sequence) -> list[float]:
        # Each word weighs its rarest known token; words the knowledge base never uses count half.
        out = []
        for w in words:
            known = [self._idf[t] for t in w.tokens if t in self._idf]
            out.append(max(known) if known else 0.5 * self._top_idf())
        return out

    def _coverage(self, words: Sequence, doc: frozenset[str], weights: Sequence[float] | None = None) -> float:
        # The share of the question's informative words that the article accounts for (`weights`: the
        # words' _coverage_weights, computed once per question rather than once per candidate).
        weights = self._coverage_weights(words) if weights is None else weights
        total = covered = 0.0
        for w, weight in zip(words, weights, strict=True):
            total += weight
            if any(t in doc for t in w.tokens):
                covered += weight
        return round(covered / total, 4) if total else 0.0

    def _evidence_weights(self, words: Sequence[QueryWord]) -> list[tuple[float, list[str]]]:
        """Per question word: its weight (rarest reliable known token) and its plain (non-skeleton) tokens."""
        out = []
        for w in words:
            reliable = [t for t in w.tokens if t[0] != "~" or len(t) > SKELETON_MIN]
            known = [self._idf[t] for t in reliable if t in self._idf]
            weight = max(known) if known else UNKNOWN_SHARE * self._top_idf()
            out.append((weight, [t for t in w.tokens if t[0] != "~"]))
        return out

    def _evidence(self, words: Sequence[QueryWord], i: int,
                  weights: Sequence[tuple[float, list[str]]] | None = None) -> Evidence:
        doc, head, (latin, arabic) = self._doc_tokens[i], self._head_tokens[i], self._doc_skeletons[i]
        weights = self._evidence_weights(words) if weights is None else weights
        total = covered = place_total = place_covered = 0.0
        matched = matched_head = 0
        for w, (weight, plain) in zip(words, weights, strict=True):
            if any(t in doc for t in plain):
                credit = 1.0
                matched += not w.place
                matched_head += not w.place and any(t in head for t in plain)
            else:
                same = latin if w.word.isascii() else arabic
                long_enough = any(t in doc and len(t) > (SKELETON_MIN if t in same else CROSS_SKELETON_MIN)
                                  for t in w.tokens if t[0] == "~")
                credit = SKELETON_CREDIT if long_enough else 0.0
            if w.place:
                place_total, place_covered = place_total + weight, place_covered + credit * weight
            else:
                total, covered = total + weight, covered + credit * weight
        return Evidence(round(covered / total, 4) if total else 0.0,
                        round((covered + place_covered) / (total + place_total), 4) if total + place_total else 0.0,
                        matched, matched_head)

    def variant(self, article_key: str, language: str) -> tuple[Article, bool]:
        """The variant to show a customer writing in `language`, and whether it is in that language."""
        by_lang = self.variants[article_key]
        order = FALLBACK_LANGUAGES.get(language, FALLBACK_LANGUAGES["fr"])
        for lang in order:
            if lang in by_lang:
                return by_lang[lang], lang == language
        first = next(iter(by_lang.values()))
        return first, first.language == language


def _fuse(hits: list[Hit]) -> list[Hit]:
    """Reciprocal-rank fusion of the lexical order (given) and the dense order of the same hits."""
    lexical = {h.article_key: r for r, h in enumerate(hits) if h.score > 0}
    by_dense = sorted(hits, key=lambda h: -(h.dense or -1.0))
    dense_rank = {h.article_key: r for r, h in enumerate(by_dense)}

    def fused(h: Hit) -> float:
        lex = 1.0 / (RRF_K + 1 + lexical[h.article_key]) if h.article_key in lexical else 0.0
        return lex + DENSE_WEIGHT / (RRF_K + 1 + dense_rank[h.article_key])

    return sorted(hits, key=lambda h: -fused(h))
