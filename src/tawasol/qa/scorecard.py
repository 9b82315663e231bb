"""Scorecards: versioned questions with weights and answer choices, read from YAML or a stored dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SEED = Path(__file__).resolve().parent / "seed"
CHOICES = ("yes", "no", "na")  # "yes" is the good behaviour; "na": the question does not apply here


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    rule: str
    weight: float = 1.0
    choices: tuple[str, ...] = CHOICES
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Scorecard:
    key: str
    version: int
    name: str
    questions: tuple[Question, ...]

    def question(self, key: str) -> Question:
        for q in self.questions:
            if q.key == key:
                return q
        raise KeyError(f"no question {key!r} in scorecard {self.key} v{self.version}; "
                       f"expected one of {[q.key for q in self.questions]}")

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "version": self.version, "name": self.name,
                "questions": [{"key": q.key, "text": q.text, "rule": q.rule, "weight": q.weight,
                               "choices": list(q.choices), "params": dict(q.params)} for q in self.questions]}


def scorecard_from_dict(data: dict[str, Any]) -> Scorecard:
    """Validate a scorecard given as data (seed YAML or a tenant's stored one); rules must be known."""
    from tawasol.qa.reviewers import RULES

    questions = []
    for raw in data.get("questions") or []:
        rule = str(raw.get("rule") or raw["key"])
        if rule not in RULES:
            raise ValueError(f"unknown rule {rule!r} for question {raw['key']!r}; expected one of {sorted(RULES)}")
        choices = tuple(raw.get("choices") or CHOICES)
        if not set(choices) <= set(CHOICES) or "yes" not in choices:
            raise ValueError(f"choices of {raw['key']!r} must be among {CHOICES} and include 'yes'")
        weight = float(raw.get("weight", 1))
        if weight < 0:
            raise ValueError(f"weight of {raw['key']!r} must be >= 0")
        questions.append(Question(key=str(raw["key"]), text=str(raw.get("text", raw["key"])), rule=rule,
                                  weight=weight, choices=choices, params=dict(raw.get("params") or {})))
    if not questions:
        raise ValueError("a scorecard needs at least one question")
    if len({q.key for q in questions}) != len(questions):
        raise ValueError("question keys must be unique")
    return Scorecard(key=str(data.get("key", "default")), version=int(data.get("version", 1)),
                     name=str(data.get("name", data.get("key", "default"))), questions=tuple(questions))


def default_scorecard() -> Scorecard:
    return scorecard_from_dict(yaml.safe_load((SEED / "scorecard.yaml").read_text(encoding="utf-8")))
