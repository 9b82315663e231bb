"""Suggested replies for the agent: knowledge-base answers and past agent replies that resolved similar
cases, in the customer's language. Pure functions over domain objects and a knowledge index.

Ranking follows the conversation's intent (read by the NLU on the customer's messages) and language:
past replies to the same intent in the same language first, knowledge-base articles linked to the intent
first. Nothing that could not be sent as it is is ever offered: empty or system texts, seed or template
artefacts (anything in square brackets other than a PII placeholder such as [PHONE_1])."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
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
    intent: str | None = None  # past reply: the intent of the case it answered; kb: the article's intent

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class PastReply:
    """A customer message and the agent reply that followed it, in a conversation later resolved."""

    customer_text: str
    agent_text: str
    language: str | None
    intent: str | None = None  # the NLU's intent of the customer message it answered


# Intents that say how the customer talks, not what the case is about.
META_INTENTS = frozenset({"greeting", "thanks", "goodbye", "human_agent", "out_of_scope"})
MIN_INTENT_CONFIDENCE = 0.5
_PII_PLACEHOLDER = re.compile(r"\[[A-Z]+(?:_[A-Z]+)*_\d+\]")  # [PHONE_1], [CARD_NUMBER_2]
_BRACKETS = re.compile(r"[\[\]]|\{\{|\}\}|<<|>>")  # left after the placeholders: a template or seed artefact
_ARTEFACT_WORDS = re.compile(r"synthetic|lorem ipsum|placeholder|\bTODO\b|\bFIXME\b|\bXXX\b", re.IGNORECASE)
_SYSTEM_TEXT = re.compile(r"^\s*(/\w|CSAT\s*\d)", re.IGNORECASE)


def offerable(text: str | None) -> bool:
    """Whether a text may be offered to an agent as a reply to send: real words, no artefacts."""
    if not text or not text.strip():
        return False
    rest = _PII_PLACEHOLDER.sub(" ", text)
    if _BRACKETS.search(rest) or _ARTEFACT_WORDS.search(rest) or _SYSTEM_TEXT.search(rest):
        return False
    return sum(c.isalpha() for c in rest) >= 2


def conversation_intent(analyses: Iterable[Mapping[str, Any] | None]) -> tuple[str | None, float]:
    """The case's intent: the latest confident intent of the customer's messages (oldest first) that is
    about the case (not a greeting, thanks or a request for a person), with its confidence."""
    found: tuple[str | None, float] = (None, 0.0)
    for analysis in analyses:
        intent = (analysis or {}).get("intent")
        if not isinstance(intent, Mapping):
            continue
        label, confidence = intent.get("label"), intent.get("confidence")
        if (not isinstance(label, str) or label in META_INTENTS or intent.get("out_of_scope")
                or not isinstance(confidence, int | float) or confidence < MIN_INTENT_CONFIDENCE):
            continue
        found = (label, float(confidence))
    return found


def _words(text: str) -> set[str]:
    return {w for w in to_matching_form(text).split() if len(w) > 1}


def similarity(a: str, b: str) -> float:
    """Overlap of the cross-script matching forms (so Darija in either script can match)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return float(len(wa & wb) / (len(wa | wb) ** 0.5 * len(wa) ** 0.5))  # int ** 0.5 is typed Any


def _same_family(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a == b or LANGUAGE_FAMILY.get(a, a) == LANGUAGE_FAMILY.get(b, b)


def past_reply_suggestions(query: str, language: str | None, past: list[PastReply], k: int = 3,
                           min_score: float = 0.15, intent: str | None = None,
                           other_intent_score: float = 0.3) -> list[Suggestion]:
    """Past agent replies in the customer's language family: replies to the same intent in the same
    language first, then by how close the customer's words were. With a known intent, a reply to another
    intent needs `other_intent_score` of word similarity (a shared greeting is not a shared case)."""
    ranked: list[tuple[tuple[bool, bool, float], Suggestion]] = []
    seen: set[str] = set()
    for p in past:
        if p.agent_text in seen or not offerable(p.agent_text) or not _same_family(language, p.language):
            continue
        score = similarity(query, p.customer_text)
        same_intent = bool(intent) and p.intent == intent
        if not same_intent and score < (max(min_score, other_intent_score) if intent else min_score):
            continue
        seen.add(p.agent_text)
        same_language = not language or p.language == language
        ranked.append(((same_intent, same_language, score),
                       Suggestion(text=p.agent_text, source="past_reply",
                                  score=round(score + 0.5 * same_intent + 0.2 * same_language, 3),
                                  language=p.language, title=p.customer_text[:80], intent=p.intent)))
    ranked.sort(key=lambda r: r[0], reverse=True)
    return [s for _, s in ranked[:k]]


def _first_sentences(body: str, limit: int = 320) -> str:
    paragraph = next((p.strip() for p in body.split("\n\n") if p.strip()), body.strip())
    if len(paragraph) <= limit:
        return paragraph
    cut = paragraph[:limit]
    m = list(re.finditer(r"[.!?؟؛;]\s", cut))
    return cut[: m[-1].end()].strip() if m else cut.rstrip() + "…"


def kb_suggestions(index: KnowledgeIndex | None, query: str, language: str | None, k: int = 3,
                   min_confidence: float = 0.2, intent: str | None = None,
                   intent_confidence: float = 0.0) -> list[Suggestion]:
    """Articles for the customer's last messages; with the conversation's intent, the articles linked to
    it come first (an outage question brings the outage and router articles before data passes)."""
    if index is None or not query.strip():
        return []
    hits = index.search(query, k=max(k, 10), intent=intent, intent_confidence=intent_confidence if intent else 0.0,
                        language=language)
    if intent:
        hits = sorted(hits, key=lambda h: h.intent != intent)  # stable: the retrieval order within each group
    out = []
    for hit in hits:
        if hit.confidence < min_confidence and not (intent and hit.intent == intent):
            continue
        article, _ = index.variant(hit.article_key, language or "fr")
        text = _first_sentences(article.body)
        if not offerable(text):
            continue
        out.append(Suggestion(text=text, source="kb", score=round(hit.confidence, 3), language=article.language,
                              title=article.title, article_key=hit.article_key, url=article.url, intent=hit.intent))
        if len(out) == k:
            break
    return out


def suggest_replies(query: str, language: str | None, index: KnowledgeIndex | None, past: list[PastReply],
                    k: int = 4, intent: str | None = None, intent_confidence: float = 0.0) -> list[Suggestion]:
    """Past replies that resolved similar cases first (they sound like a person), then KB answers; both
    ranked by the conversation's `intent` when known."""
    past_hits = past_reply_suggestions(query, language, past, k=2, intent=intent)
    kb_hits = kb_suggestions(index, query, language, k=k, intent=intent, intent_confidence=intent_confidence)
    return (past_hits + kb_hits)[:k]


def search_knowledge(index: KnowledgeIndex | None, query: str, language: str | None,
                     k: int = 5) -> list[dict[str, Any]]:
    """Knowledge-base search for the console: title, excerpt and link in the customer's language."""
    return [s.to_dict() | {"excerpt": s.text} for s in kb_suggestions(index, query, language, k=k, min_confidence=0.0)]
