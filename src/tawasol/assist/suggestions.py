"""Suggested replies for the agent: knowledge-base answers and past agent replies that resolved similar
cases, in the customer's language. Pure functions over domain objects and a knowledge index."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from tawasol.bot import KnowledgeIndex
from tawasol.nlu import to_matching_form
from tawasol.routing.assignment import LANGUAGE_FAMILY


@dataclass
class Suggestion:
    text: str
    source: str  # "kb" or "past_reply"
    score: float
    language: str | None = None
    title: str | None = None
    article_key: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PastReply:
    """A customer message and the agent reply that followed it, in a conversation later resolved."""

    customer_text: str
    agent_text: str
    language: str | None


def _words(text: str) -> set[str]:
    return {w for w in to_matching_form(text).split() if len(w) > 1}


def similarity(a: str, b: str) -> float:
    """Overlap of the cross-script matching forms (so Darija in either script can match)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / (len(wa | wb) ** 0.5 * len(wa) ** 0.5)


def _same_family(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a == b or LANGUAGE_FAMILY.get(a, a) == LANGUAGE_FAMILY.get(b, b)


def past_reply_suggestions(query: str, language: str | None, past: list[PastReply], k: int = 3,
                           min_score: float = 0.15) -> list[Suggestion]:
    scored = []
    seen: set[str] = set()
    for p in past:
        if not _same_family(language, p.language) or p.agent_text in seen:
            continue
        score = similarity(query, p.customer_text)
        if score >= min_score:
            seen.add(p.agent_text)
            scored.append(Suggestion(text=p.agent_text, source="past_reply", score=round(score, 3),
                                     language=p.language, title=p.customer_text[:80]))
    scored.sort(key=lambda s: -s.score)
    return scored[:k]


def _first_sentences(body: str, limit: int = 320) -> str:
    paragraph = next((p.strip() for p in body.split("\n\n") if p.strip()), body.strip())
    if len(paragraph) <= limit:
        return paragraph
    cut = paragraph[:limit]
    m = list(re.finditer(r"[.!?؟؛;]\s", cut))
    return cut[: m[-1].end()].strip() if m else cut.rstrip() + "…"


def kb_suggestions(index: KnowledgeIndex | None, query: str, language: str | None, k: int = 3,
                   min_confidence: float = 0.2) -> list[Suggestion]:
    if index is None or not query.strip():
        return []
    out = []
    for hit in index.search(query, k=k):
        if hit.confidence < min_confidence:
            continue
        article, _ = index.variant(hit.article_key, language or "fr")
        out.append(Suggestion(text=_first_sentences(article.body), source="kb", score=round(hit.confidence, 3),
                              language=article.language, title=article.title, article_key=hit.article_key,
                              url=article.url))
    return out


def suggest_replies(query: str, language: str | None, index: KnowledgeIndex | None, past: list[PastReply],
                    k: int = 4) -> list[Suggestion]:
    """Past replies that resolved similar cases first (they sound like a person), then KB answers."""
    past_hits = past_reply_suggestions(query, language, past, k=2)
    kb_hits = kb_suggestions(index, query, language, k=k)
    return (past_hits + kb_hits)[:k]


def search_knowledge(index: KnowledgeIndex | None, query: str, language: str | None, k: int = 5) -> list[dict[str, Any]]:
    """Knowledge-base search for the console: title, excerpt and link in the customer's language."""
    return [s.to_dict() | {"excerpt": s.text} for s in kb_suggestions(index, query, language, k=k, min_confidence=0.0)]
