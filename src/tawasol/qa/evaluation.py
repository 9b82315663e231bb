"""Calibration and fairness of the automatic review against human labels (`tawasol qa eval`).

A labelled line: {"id", "language", "agent_language", "turns": [{author, text, at?, event?}], "disposition"?,
"labels": {question: yes|no|na}}."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from statistics import mean, median
from typing import Any

from sklearn.metrics import cohen_kappa_score  # type: ignore[import-untyped]

from tawasol.qa.review import review, weighted_score
from tawasol.qa.reviewers import Identify
from tawasol.qa.scorecard import Scorecard
from tawasol.qa.transcript import transcript_from_rows

GAP_POINTS = 5.0  # a group whose automatic-minus-human score gap is this much below the others' is flagged
BOT = "bot"  # conversations the bot kept: reported as their own group, never compared with the agents' groups


def read_labels(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _kappa(human: list[str], auto: list[str]) -> float | None:
    if not human:
        return None
    if len(set(human) | set(auto)) == 1:
        return 1.0  # one class on both sides: perfect agreement, which sklearn reports as nan
    return round(float(cohen_kappa_score(human, auto)), 3)


def evaluate(rows: Iterable[dict[str, Any]], scorecard: Scorecard, identify: Identify) -> dict[str, Any]:
    """Kappa and accuracy per question and overall; score distributions per agent language/dialect."""
    pairs: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    by_group: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    n = 0
    for row in rows:
        n += 1
        result = review(transcript_from_rows(row["turns"], language=row.get("language"),
                                             disposition=row.get("disposition")), scorecard, identify)
        auto = {a.question: a.choice for a in result.answers}
        human = {q.key: row["labels"].get(q.key, "na") for q in scorecard.questions}
        group = str(row.get("agent_language", "unknown"))
        for q in scorecard.questions:
            pairs[q.key][0].append(human[q.key])
            pairs[q.key][1].append(auto[q.key])
            by_group[group][0].append(human[q.key])
            by_group[group][1].append(auto[q.key])
        h, a = weighted_score(scorecard, human), result.score
        if h is not None and a is not None:
            groups[group].append((a, h))
    per_question = {k: _agreement(h, a) for k, (h, a) in pairs.items()}
    all_h = [x for h, _ in pairs.values() for x in h]
    all_a = [x for _, a in pairs.values() for x in a]
    report = fairness(groups)
    for g, (group_h, group_a) in by_group.items():  # every answer of the group's conversations, questions pooled
        report["groups"].setdefault(g, {"n": 0}).update(_agreement(group_h, group_a))
    return {"conversations": n, "overall": _agreement(all_h, all_a), "questions": per_question, **report}


def agreement(human: list[str], auto: list[str]) -> dict[str, Any]:
    """Cohen's kappa and accuracy of the automatic answers against a person's, and how many answers."""
    return _agreement(human, auto)


def _agreement(human: list[str], auto: list[str]) -> dict[str, Any]:
    return {"kappa": _kappa(human, auto), "accuracy": round(sum(x == y for x, y in zip(human, auto, strict=True))
                                                             / max(len(human), 1), 3), "answers": len(human)}


def fairness(groups: dict[str, list[tuple[float, float]]]) -> dict[str, Any]:
    """Per group: automatic and human score distributions; a warning when the automatic review scores a group
    lower than the humans do by more than the other groups (a gap the evidence, the human labels, does not show)."""
    dist = {g: {"n": len(v), "auto_mean": round(mean(a for a, _ in v), 1), "auto_median": median(a for a, _ in v),
                "human_mean": round(mean(h for _, h in v), 1), "gap": round(mean(a - h for a, h in v), 1)}
            for g, v in sorted(groups.items()) if v}
    warnings = []
    for g, d in dist.items():
        if g == BOT:
            continue
        others = [a - h for o, v in groups.items() if o not in (g, BOT) for a, h in v]
        if others and d["gap"] < mean(others) - GAP_POINTS:
            warnings.append(f"agents writing {g} are scored {mean(others) - d['gap']:.1f} points lower by the "
                            "automatic review than by the human reviewers, compared with the other groups")
    return {"groups": dist, "warnings": warnings}
