"""The bot's answer decision: answer a question from the knowledge base, or admit it does not know.

One function, `decide`, used by the bot (`BotStep`) and by `kb eval`, so that the evaluation measures
exactly what customers get: how often answerable questions are answered, and how often unanswerable
ones are answered anyway (false answers).

Retrieval scores rank articles but say little about whether the first one answers: a single word can
match ("demain" meets the skeleton of "الضمان"). The decision is a small logistic model over what the
first article accounts for (`Evidence`: the share of the question's content words it explains, place
names left out and with them, how many words, how many in its titles and tags) and whether the NLU's
confident intent is the article's; its weights (ANSWER_WEIGHTS) were fitted with `fit_answer_weights`
on the project's own dev files (src/tawasol/demo/kb_eval.csv and kb_eval_dev.csv as answerable,
kb_eval_unanswerable_dev.csv as unanswerable, read by the built-in NLU): `tawasol kb eval --fit`.
A tenant can refit on its own questions and set `bot.answer_weights`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tawasol.bot.llm import LLMConfig
from tawasol.bot.retrieval import Evidence, Hit, KnowledgeIndex

FEATURES = ("support", "support_with_places", "matched", "matched_head", "intent_agrees")
# Fitted by `tawasol kb eval --fit` (C=1) on the dev files named above; BotSettings.threshold 0.7 chosen
# there by 5-fold cross-validation (answer rate .97 on answerable questions, .03 false answers).
ANSWER_WEIGHTS: dict[str, float] = {"bias": -4.739, "support": 0.92, "support_with_places": 1.146, "matched": 1.881,
                                    "matched_head": 2.671, "intent_agrees": 1.196}
OUT_OF_SCOPE_VETO = 0.8  # the NLU's own out-of-scope probability above which the bot never answers
# A follow-up stays on the conversation's topic: the article just answered goes first when it scores at
# least this share of the first one ("how many days does the transfer take?" after keeping one's number).
TOPIC_CONTINUITY = 0.75


@dataclass
class BotSettings:
    """Per-tenant settings, read from `tenant.settings["bot"]`."""

    threshold: float = 0.7  # minimum answer probability (ANSWER_WEIGHTS) of the first article
    min_score: float = 1.0  # minimum BM25 score (guards one-word coincidences)
    answer_weights: dict[str, float] | None = None  # the tenant's own fit (None: ANSWER_WEIGHTS)
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
    out_of_scope_score: float = 0.0  # the NLU's probability of its out-of-scope label

    @classmethod
    def of(cls, result: Any, language: str | None = None, oos_label: str = "out_of_scope") -> Reading:
        """From an NLU IntentResult (None: nothing read)."""
        if result is None:
            return cls(language=language)
        ranking = dict(result.ranking or [])
        oos = ranking.get(oos_label, result.confidence if result.label == oos_label else 0.0)
        return cls(result.label, result.confidence, result.out_of_scope, language, float(oos))


@dataclass(frozen=True)
class Decision:
    """The ranked articles, and whether the first one is good enough to answer with (`reason` says why)."""

    hits: list[Hit] = field(default_factory=list)
    answer: bool = False
    reason: str = "low_confidence"  # answered | low_confidence | out_of_scope
    probability: float = 0.0  # that the first article answers the question
    features: dict[str, float] = field(default_factory=dict)

    @property
    def best(self) -> Hit | None:
        return self.hits[0] if self.hits else None


def answer_features(evidence: Evidence, intent_agrees: bool) -> dict[str, float]:
    """The decision's inputs for one ranked article (counts on a log scale)."""
    return {"support": evidence.support, "support_with_places": evidence.support_with_places,
            "matched": math.log1p(evidence.matched), "matched_head": math.log1p(evidence.matched_head),
            "intent_agrees": float(intent_agrees)}


def answer_probability(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    weights = weights or ANSWER_WEIGHTS
    z = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def decide(index: KnowledgeIndex, text: str, reading: Reading, settings: BotSettings, k: int = 3,
           topic: str | None = None) -> Decision:
    """Rank the tenant's articles for `text` and decide whether the bot answers with the first one;
    `topic`: the article the conversation was just answered with, preferred among near ties."""
    intent = reading.intent if reading.confidence >= settings.intent_confidence else None
    hits = index.search(text, k=k, intent=intent, intent_confidence=reading.confidence if intent else 0.0,
                        language=reading.language)
    hits = _on_topic_first(hits, topic)
    best = hits[0] if hits else None
    if best is None or best.evidence is None:
        return Decision(hits, False, "out_of_scope" if reading.out_of_scope else "low_confidence")
    # Two independent signals agreeing (a confident NLU intent and the article linked to it) are worth
    # more than word coverage alone: short or dialectal questions cover few words.
    # The article the conversation is on, first again for a short follow-up ("w wach katji b pdf?" after the
    # e-bill), is such a second signal too.
    on_topic = topic is not None and best.article_key == topic
    features = answer_features(best.evidence, (intent is not None and best.intent == intent) or on_topic)
    probability = round(answer_probability(features, settings.answer_weights), 4)
    if reading.out_of_scope and reading.out_of_scope_score >= OUT_OF_SCOPE_VETO:
        return Decision(hits, False, "out_of_scope", probability, features)
    confident = probability >= settings.threshold and best.score >= settings.min_score
    reason = "answered" if confident else "out_of_scope" if reading.out_of_scope else "low_confidence"
    return Decision(hits, confident, reason, probability, features)


def _on_topic_first(hits: list[Hit], topic: str | None) -> list[Hit]:
    if not topic or len(hits) < 2 or hits[0].article_key == topic:
        return hits
    for i, hit in enumerate(hits[1:], start=1):
        if (hit.article_key == topic and hit.evidence is not None and hits[0].evidence is not None
                and hit.score >= TOPIC_CONTINUITY * hits[0].score
                and _explains(hit.evidence) >= _explains(hits[0].evidence)):
            return [hit, *hits[:i], *hits[i + 1:]]
    return hits


def _explains(evidence: Evidence) -> tuple[float, int]:
    """How much of the question an article accounts for: its share of the words, then the words in its titles."""
    return evidence.support, evidence.matched_head


def fit_answer_weights(features: Sequence[dict[str, float]], labels: Sequence[int], c: float = 1.0) -> dict[str, float]:
    """Logistic weights of the answer decision: `labels` 1 where the first article answers the question,
    0 where it does not (an unanswerable question, or the wrong article first)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[f[name] for name in FEATURES] for f in features])
    model = LogisticRegression(C=c, max_iter=2000).fit(x, np.asarray(labels))
    weights = {"bias": round(float(model.intercept_[0]), 3)}
    weights.update({name: round(float(w), 3) for name, w in zip(FEATURES, model.coef_[0], strict=True)})
    return weights
