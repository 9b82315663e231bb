"""Review one transcript with a scorecard: answers with evidence, a weighted score, DecisionRecords."""

from __future__ import annotations

from dataclasses import dataclass

from tawasol.domain.model import DecisionRecord
from tawasol.qa.phrases import PhraseBook, seed_phrases
from tawasol.qa.reviewers import RULES, Answer, Context, Identify
from tawasol.qa.scorecard import Scorecard
from tawasol.qa.transcript import Transcript

MODEL = "tawasol.qa.rules"
VERSION = "1"


@dataclass(frozen=True)
class Review:
    scorecard_key: str
    scorecard_version: int
    answers: tuple[Answer, ...]
    score: float | None  # 0..100 over the questions that apply; None when none applies

    @property
    def lowest_confidence(self) -> float:
        return min((a.confidence for a in self.answers if a.choice != "na"), default=1.0)


def builtin_identify() -> Identify:
    from tawasol.nlu.language import builtin_identifier

    ident = builtin_identifier()

    def identify(text: str) -> tuple[str, float]:
        r = ident.identify(text)
        return r.label, float(r.confidence)
    return identify


def weighted_score(scorecard: Scorecard, choices: dict[str, str]) -> float | None:
    applicable = [q for q in scorecard.questions if choices.get(q.key, "na") != "na"]
    total = sum(q.weight for q in applicable)
    if not applicable or total == 0:
        return None
    return round(100 * sum(q.weight for q in applicable if choices[q.key] == "yes") / total, 1)


def review(transcript: Transcript, scorecard: Scorecard, identify: Identify,
           phrases: PhraseBook | None = None) -> Review:
    book = phrases or seed_phrases()
    answers = []
    for q in scorecard.questions:
        choice, conf, turns, detail = RULES[q.rule](Context(transcript, book, identify, q.params))
        if choice not in q.choices:
            choice = "na" if "na" in q.choices else "no"
        answers.append(Answer(question=q.key, choice=choice, rule=q.rule, confidence=round(conf, 3), turns=turns,
                              detail=detail))
    score = weighted_score(scorecard, {a.question: a.choice for a in answers})
    return Review(scorecard.key, scorecard.version, tuple(answers), score)


def decision_records(result: Review, tenant_id: str, conversation_id: str) -> list[DecisionRecord]:
    """One record per answer (kind qa_answer), the evidence as its reasons."""
    return [DecisionRecord(
        tenant_id=tenant_id, kind="qa_answer", outcome=f"{a.question}={a.choice}", model=MODEL,
        model_version=f"{VERSION}/{result.scorecard_key}@{result.scorecard_version}", conversation_id=conversation_id,
        inputs={"question": a.question, "scorecard": result.scorecard_key, "version": result.scorecard_version},
        reasons=[{"rule": a.rule, "turns": list(a.turns), "confidence": a.confidence, **a.detail}],
    ) for a in result.answers]
