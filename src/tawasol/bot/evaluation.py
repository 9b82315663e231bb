"""Knowledge-base evaluation from `question,article_id` rows: recall@1, recall@5 and MRR, and the bot's
answer decision (answer rate on answerable questions, false-answer rate on unanswerable ones, the rows
with an empty article_id), overall and per language."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tawasol.bot.decision import BotSettings, Reading, decide
from tawasol.bot.language import guess_language
from tawasol.bot.retrieval import KnowledgeIndex
from tawasol.domain.errors import InvalidInput


@dataclass(frozen=True)
class Question:
    text: str
    article_key: str  # "" for a question the knowledge base cannot answer
    language: str


@dataclass
class Scores:
    n: int = 0  # answerable questions
    hits_at_1: int = 0
    hits_at_5: int = 0
    reciprocal_ranks: float = 0.0
    answered: int = 0
    answered_right: int = 0
    unanswerable: int = 0
    false_answers: int = 0

    def add(self, rank: int | None, answered: bool = False) -> None:
        self.n += 1
        self.hits_at_1 += rank == 1
        self.hits_at_5 += rank is not None and rank <= 5
        self.reciprocal_ranks += 1.0 / rank if rank else 0.0
        self.answered += answered
        self.answered_right += answered and rank == 1

    def add_unanswerable(self, answered: bool) -> None:
        self.unanswerable += 1
        self.false_answers += answered

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = {"n": self.n}
        if self.n:
            out.update({"recall@1": round(self.hits_at_1 / self.n, 4), "recall@5": round(self.hits_at_5 / self.n, 4),
                        "mrr": round(self.reciprocal_ranks / self.n, 4),
                        "answer_rate": round(self.answered / self.n, 4),
                        "right_answer_rate": round(self.answered_right / self.n, 4)})
        if self.unanswerable:
            out.update({"n_unanswerable": self.unanswerable,
                        "false_answer_rate": round(self.false_answers / self.unanswerable, 4)})
        return out


@dataclass
class EvaluationReport:
    overall: Scores = field(default_factory=Scores)
    by_language: dict[str, Scores] = field(default_factory=dict)
    misses: list[dict[str, str]] = field(default_factory=list)
    # per question with a ranked article: the decision's features, and 1 if that article is the answer
    decisions: list[tuple[dict[str, float], int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"overall": self.overall.as_dict(),
                "by_language": {k: v.as_dict() for k, v in sorted(self.by_language.items())},
                "misses": self.misses}


def read_questions(path: str | Path) -> list[Question]:
    """Rows of `question,article_id[,language]`; an empty article_id marks a question the knowledge base
    cannot answer; a missing language is guessed from the text."""
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"question", "article_id"} <= set(reader.fieldnames):
            raise InvalidInput("questions", f"expected columns question,article_id, got {reader.fieldnames}")
        return [Question(r["question"].strip(), (r["article_id"] or "").strip(),
                         (r.get("language") or "").strip() or guess_language(r["question"]))
                for r in reader if r.get("question")]


ReadQuestion = Callable[[str], Reading]  # the NLU's reading of a question


def evaluate(index: KnowledgeIndex, questions: Iterable[Question], k: int = 5,
             read: ReadQuestion | None = None, settings: BotSettings | None = None) -> EvaluationReport:
    """Rank and decide as the bot does (`decide`): with `read` (the NLU), a confident intent nudges its
    articles, the detected language picks how the question is read, and out-of-scope is never answered."""
    settings = settings or BotSettings()
    report = EvaluationReport()
    for q in questions:
        decision = decide(index, q.text, read(q.text) if read else Reading(), settings, k=max(k, 10))
        ranked = [h.article_key for h in decision.hits]
        if decision.features:
            report.decisions.append((decision.features, int(bool(ranked) and ranked[0] == q.article_key)))
        scores = report.by_language.setdefault(q.language, Scores())
        if not q.article_key:
            report.overall.add_unanswerable(decision.answer)
            scores.add_unanswerable(decision.answer)
            if decision.answer:
                report.misses.append({"question": q.text, "expected": "", "language": q.language,
                                      "got": ranked[0], "rank": "answered"})
            continue
        rank = ranked.index(q.article_key) + 1 if q.article_key in ranked else None
        report.overall.add(rank, decision.answer)
        scores.add(rank, decision.answer)
        if rank != 1:
            report.misses.append({"question": q.text, "expected": q.article_key, "language": q.language,
                                  "got": ranked[0] if ranked else "", "rank": str(rank or "-")})
    return report
