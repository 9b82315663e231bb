"""The bot's answer decision: answer a question from the knowledge base, or admit it does not know.

One function, `decide`, used by the bot (`BotStep`) and by `kb eval`, so that the evaluation measures
exactly what customers get: how often answerable questions are answered, and how often unanswerable
ones are answered anyway (false answers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tawasol.bot.llm import LLMConfig
from tawasol.bot.retrieval import Hit, KnowledgeIndex


@dataclass
class BotSettings:
    """Per-tenant settings, read from `tenant.settings["bot"]`."""

    threshold: float = 0.6  # minimum share of the question an article must explain
    min_score: float = 1.0  # minimum BM25 score (guards one-word coincidences)
    max_misses: int = 2  # unanswered questions in a row before handing off
    intent_confidence: float = 0.7  # NLU confidence needed to act on an intent alone
    backend_url: str = ""
    answer_chars: int = 320
    llm: LLMConfig | None = None

    @classmethod
    def from_tenant(cls, settings: dict[str, Any] | None) -> BotSettings:
        raw = dict((settings or {}).get("bot") or {})
        llm = raw.pop("llm", None)
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        return cls(**known, llm=LLMConfig(**llm) if isinstance(llm, dict) and llm.get("base_url") else None)


@dataclass(frozen=True)
class Reading:
    """What the NLU read in a question: its intent (with confidence and out-of-scope flag) and language."""

    intent: str | None = None
    confidence: float = 0.0
    out_of_scope: bool = False
    language: str | None = None


@dataclass(frozen=True)
class Decision:
    """The ranked articles, and whether the first one is good enough to answer with (`reason` says why)."""

    hits: list[Hit] = field(default_factory=list)
    answer: bool = False
    reason: str = "low_confidence"  # answered | low_confidence | out_of_scope

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


def decide(index: KnowledgeIndex, text: str, reading: Reading, settings: BotSettings, k: int = 3) -> Decision:
    """Rank the tenant's articles for `text` and decide whether the bot answers with the first one."""
    intent = reading.intent if reading.confidence >= settings.intent_confidence else None
    hits = index.search(text, k=k, intent=intent, intent_confidence=reading.confidence if intent else 0.0,
                        language=reading.language)
    if reading.out_of_scope:
        return Decision(hits, False, "out_of_scope")
    best = hits[0] if hits else None
    if best is None:
        return Decision(hits, False, "low_confidence")
    # Two independent signals agreeing (a confident NLU intent and the article linked to it)
    # are worth more than word coverage alone: short or dialectal questions cover few words.
    agree = intent is not None and best.intent == intent
    threshold = settings.threshold * (0.75 if agree else 1.0)
    confident = best.confidence >= threshold and best.score >= settings.min_score
    return Decision(hits, confident, "answered" if confident else "low_confidence")
