"""Retrieval evaluation: recall@1, recall@5 and MRR, overall and per language, from `question,article_id` rows."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tawasol.bot.language import guess_language
from tawasol.bot.retrieval import KnowledgeIndex
from tawasol.domain.errors import InvalidInput


@dataclass(frozen=True)
class Question:
    text: str
    article_key: str
    language: str


@dataclass
class Scores:
    n: int = 0
    hits_at_1: int = 0
    hits_at_5: int = 0
    reciprocal_ranks: float = 0.0

    def add(self, rank: int | None) -> None:
        self.n += 1
        self.hits_at_1 += rank == 1
        self.hits_at_5 += rank is not None and rank <= 5
        self.reciprocal_ranks += 1.0 / rank if rank else 0.0

    def as_dict(self) -> dict[str, float]:
        n = self.n or 1
        return {"n": self.n, "recall@1": round(self.hits_at_1 / n, 4),
                "recall@5": round(self.hits_at_5 / n, 4), "mrr": round(self.reciprocal_ranks / n, 4)}


@dataclass
class EvaluationReport:
    overall: Scores = field(default_factory=Scores)
    by_language: dict[str, Scores] = field(default_factory=dict)
    misses: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"overall": self.overall.as_dict(),
                "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
                "misses": self.misses}


def read_questions(path: str | Path) -> list[Question]:
    """Rows of `question,article_id[,language]`; a missing language is guessed from the text."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"question", "article_id"} <= set(reader.fieldnames):
            raise InvalidInput("questions", f"expected columns question,article_id, got {reader.fieldnames}")
        return [Question(r["question"].strip(), r["article_id"].strip(),
                         (r.get("language") or "").strip() or guess_language(r["question"]))
                for r in reader if r.get("question")]


IntentOf = Callable[[str], tuple[str | None, float, str | None]]  # intent, confidence, language


def evaluate(index: KnowledgeIndex, questions: Iterable[Question], k: int = 5,
             intent_of: IntentOf | None = None, intent_confidence: float = 0.7) -> EvaluationReport:
    """Rank as the bot does: with `intent_of` (the NLU), a confident intent nudges its articles and the
    detected language picks how the question is read."""
    report = EvaluationReport()
    for q in questions:
        intent, confidence, language = intent_of(q.text) if intent_of else (None, 0.0, None)
        if confidence < intent_confidence:
            intent, confidence = None, 0.0
        ranked = [h.article_key for h in index.search(q.text, k=max(k, 10), intent=intent,
                                                      intent_confidence=confidence, language=language)]
        rank = ranked.index(q.article_key) + 1 if q.article_key in ranked else None
        report.overall.add(rank)
        report.by_language.setdefault(q.language, Scores()).add(rank)
        if rank != 1:
            report.misses.append({"question": q.text, "expected": q.article_key, "language": q.language,
                                  "got": ranked[0] if ranked else "", "rank": str(rank or "-")})
    return report
