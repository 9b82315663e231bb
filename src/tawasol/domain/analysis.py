"""Typed analysis of one message, filled by the pipeline steps (privacy, NLU, decision)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class LanguageResult:
    label: str  # fr, en, es, ar, ary, ary_Latn, or "und"
    confidence: float = 0.0
    code_switching: bool = False
    languages: list[str] = field(default_factory=list)


@dataclass
class IntentResult:
    label: str  # an intent name, or "out_of_scope"
    confidence: float = 0.0
    out_of_scope: bool = False
    ranking: list[tuple[str, float]] = field(default_factory=list)
    model_version: str = ""


@dataclass
class SentimentResult:
    label: str  # negative, neutral, positive
    intensity: float = 0.0
    scores: dict[str, float] = field(default_factory=dict)
    signals: dict[str, float] = field(default_factory=dict)  # anger, frustration, urgency, human_request


@dataclass
class Entity:
    type: str
    text: str
    start: int
    end: int
    value: Any = None


@dataclass
class MessageAnalysis:
    normalized: str = ""
    language: LanguageResult | None = None
    intent: IntentResult | None = None
    sentiment: SentimentResult | None = None
    entities: list[Entity] = field(default_factory=list)
    pii: list[Entity] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
