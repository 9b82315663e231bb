"""The redacted transcript a review reads: turns with author, text, time and the analysis already stored."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

HANDOFF = "handoff"


@dataclass(frozen=True)
class Turn:
    index: int
    author: str  # customer | agent | bot | system
    text: str  # redacted
    at: float | None = None  # seconds since the conversation started
    sentiment: str | None = None  # the NLU's label on customer turns, when stored
    event: str | None = None  # "handoff" on the system turn that hands the customer to a person
    internal: bool = False  # an internal note: never seen by the customer


@dataclass(frozen=True)
class Transcript:
    turns: tuple[Turn, ...]
    language: str | None = None  # the customer's language as the NLU read it
    disposition: str | None = None
    agent_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def by(self, *authors: str) -> list[Turn]:
        return [t for t in self.turns if t.author in authors and not t.internal]


def transcript_from_rows(rows: Iterable[Mapping[str, Any]], language: str | None = None,
                         disposition: str | None = None, agent_id: str | None = None) -> Transcript:
    """From stored message rows or labelled-set turns: author, text, optional at (seconds or datetime),
    analysis (sentiment, kind/notice, internal) or event."""
    turns: list[Turn] = []
    start: datetime | None = None
    for index, row in enumerate(rows):
        analysis = row.get("analysis") or {}
        at = row.get("at", row.get("created_at"))
        if isinstance(at, datetime):
            start = start or at
            at = (at - start).total_seconds()
        sentiment = row.get("sentiment") or analysis.get("sentiment")
        if isinstance(sentiment, dict):
            sentiment = sentiment.get("label")
        event = row.get("event")
        if event is None and (analysis.get("notice") == HANDOFF or analysis.get("kind") == "escalation"):
            event = HANDOFF
        if analysis.get("kind") == "wrap_up":
            disposition = disposition or analysis.get("disposition")
        turns.append(Turn(index=index, author=str(row["author"]), text=str(row.get("text") or ""),
                          at=float(at) if at is not None else None, sentiment=sentiment, event=event,
                          internal=bool(row.get("internal") or analysis.get("internal"))))
    return Transcript(turns=tuple(turns), language=language, disposition=disposition, agent_id=agent_id)
