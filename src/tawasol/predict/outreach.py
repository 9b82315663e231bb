"""Proactive outreach: who to contact before they call, and why (a pure function of scores and signals)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class OutreachSignal:
    """A reason to reach out besides churn risk, e.g. an unusual bill or an incident in the customer's area."""

    kind: str
    strength: float  # 0..1: how likely this alone makes the customer contact us
    text: str


@dataclass(frozen=True)
class OutreachCandidate:
    customer_id: str
    churn_risk: float
    churn_reasons: Sequence[str] = ()
    signals: Sequence[OutreachSignal] = ()
    language: str | None = None


@dataclass(frozen=True)
class OutreachItem:
    rank: int
    customer_id: str
    priority: float
    reasons: list[str]
    language: str | None = None
    kinds: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def outreach_priority(candidate: OutreachCandidate) -> float:
    """Chance that at least one reason calls for contact: 1 - (1 - churn) x product of (1 - signal)."""
    keep = 1.0 - min(max(candidate.churn_risk, 0.0), 1.0)
    for s in candidate.signals:
        keep *= 1.0 - min(max(s.strength, 0.0), 1.0)
    return 1.0 - keep


def rank_outreach(candidates: Sequence[OutreachCandidate], limit: int = 50, min_priority: float = 0.3,
                  churn_flag: float = 0.5) -> list[OutreachItem]:
    """Customers by priority (highest first), each with its reasons, strongest first."""
    scored = sorted(((outreach_priority(c), c) for c in candidates), key=lambda pc: (-pc[0], pc[1].customer_id))
    items = []
    for priority, c in scored:
        if priority < min_priority or len(items) >= limit:
            break
        weighted: list[tuple[float, str, str]] = [(s.strength, s.text, s.kind) for s in c.signals]
        if c.churn_risk >= churn_flag or not c.signals:
            why = f" ({'; '.join(c.churn_reasons[:2])})" if c.churn_reasons else ""
            weighted.append((c.churn_risk, f"churn risk {c.churn_risk:.0%}{why}", "churn_risk"))
        weighted.sort(key=lambda w: -w[0])
        items.append(OutreachItem(len(items) + 1, c.customer_id, round(priority, 4), [w[1] for w in weighted],
                                  c.language, [w[2] for w in weighted]))
    return items
