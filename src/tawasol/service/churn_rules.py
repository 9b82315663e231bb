"""The fallback churn score when a tenant has too few known outcomes to train on: fixed, readable rules.

It is labelled as rules everywhere it appears (score, card, decision record): it ranks customers by
warning signs an experienced supervisor would look at, and it is not a probability learned from data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

NAME, VERSION = "tawasol.insights.churn_rules", "rules-1"
LABEL = "Heuristic score (fixed rules, not a trained model): too few customers with a known outcome"
BASE = 0.10


def _num(row: pd.Series, col: str) -> float | None:
    value: Any = row.get(col)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


# feature, points for its value (None: rule does not apply), sentence
Rule = tuple[str, Callable[[float], float | None], Callable[[float], str]]
RULES: list[Rule] = [
    ("cancellation requests", lambda v: 0.25 if v >= 1 else None,
     lambda v: f"asked to cancel the contract {v:g} time(s)"),
    ("share of negative messages", lambda v: round(0.3 * v, 3) if v >= 0.2 else None,
     lambda v: f"{v:.0%} of their messages were negative"),
    ("unresolved conversations", lambda v: min(0.07 * v, 0.21) if v >= 1 else None,
     lambda v: f"{v:g} conversation(s) ended unresolved"),
    ("escalated conversations", lambda v: min(0.04 * v, 0.12) if v >= 1 else None,
     lambda v: f"{v:g} conversation(s) needed an agent"),
    ("repeat contacts within 7 days", lambda v: min(0.05 * v, 0.15) if v >= 1 else None,
     lambda v: f"contacted us again within 7 days {v:g} time(s)"),
    ("average survey score", lambda v: 0.10 if v <= 2 else (-0.05 if v >= 4.5 else None),
     lambda v: f"average survey score {v:.1f}/5"),
    ("tenure (months)", lambda v: 0.08 if v < 12 else None, lambda v: f"customer for {v:g} month(s) only"),
    ("last bill vs usual", lambda v: 0.08 if v >= 1.3 else None,
     lambda v: f"last bill {v - 1:.0%} above their usual bill"),
]

RULES_CARD: dict[str, Any] = {
    "name": NAME, "version": VERSION, "method": "heuristic", "label": LABEL,
    "task": "heuristic churn score (fixed rules, NOT a trained model; not a calibrated probability)",
    "rules": [{"feature": f, "example": text(1.0)} for f, _, text in RULES], "base": BASE,
    "metrics": {}, "intended_use": "Order customers for a first look until enough outcomes are known to train a model.",
    "limitations": ["Weights were set by hand, not learned from this tenant's data; they were not validated."],
}


def rule_score(row: pd.Series) -> tuple[float, list[dict[str, Any]], dict[str, Any]]:
    """(score in [0.01, 0.95], reasons strongest first, the inputs the rules read) for one customer row."""
    score = BASE
    reasons: list[dict[str, Any]] = []
    inputs: dict[str, float | None] = {}
    for feature, points, text in RULES:
        value = _num(row, feature)
        inputs[feature] = value
        if value is None:
            continue
        effect = points(value)
        if effect is None:
            continue
        score += effect
        verb = "raises" if effect > 0 else "lowers"
        reasons.append({"feature": feature, "value": f"{value:g}", "contribution": effect,
                        "text": f"{text(value)}: {verb} churn risk by {abs(effect) * 100:.0f} points (rule)"})
    reasons.sort(key=lambda r: -abs(r["contribution"]))
    return min(max(score, 0.01), 0.95), reasons[:4], inputs
