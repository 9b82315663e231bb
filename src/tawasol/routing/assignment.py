"""Who should take a conversation: eligibility, suitability and the order of the queue. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# Darija is one spoken dialect written in two scripts: an agent who reads one usually reads the other.
LANGUAGE_FAMILY = {"ary": "ary", "ary_Latn": "ary", "ar": "ar", "fr": "fr", "en": "en", "es": "es"}

# The NLU's intents -> the skill an agent needs to handle them well.
INTENT_SKILLS = {
    "check_bill": "billing", "pay_bill": "billing", "bill_dispute": "billing", "check_balance": "billing",
    "recharge_credit": "billing", "change_plan": "billing", "new_subscription": "billing",
    "internet_outage": "technical", "slow_internet": "technical", "network_coverage": "technical",
    "fiber_installation": "technical", "roaming": "technical", "sim_swap": "technical", "puk_code": "technical",
    "lost_phone": "technical", "activate_option": "technical",
    "contract_termination": "retention", "complaint": "retention",
}
_SKILL_WORDS = (("bill", "billing"), ("pay", "billing"), ("recharge", "billing"), ("internet", "technical"),
                ("outage", "technical"), ("signal", "technical"), ("roaming", "technical"),
                ("termination", "retention"), ("complaint", "retention"))


def skills_for_intent(intent: str | None) -> list[str]:
    if not intent:
        return []
    if intent in INTENT_SKILLS:
        return [INTENT_SKILLS[intent]]
    return sorted({skill for word, skill in _SKILL_WORDS if word in intent})


@dataclass(frozen=True)
class AgentState:
    """What routing needs to know about one agent right now."""

    id: str
    languages: tuple[str, ...]
    skills: tuple[str, ...]
    capacity: int
    load: int
    online: bool
    last_assigned_at: datetime | None = None


@dataclass(frozen=True)
class Need:
    """What a waiting conversation asks of an agent."""

    language: str | None
    queue_skills: tuple[str, ...] = ()  # hard: the queue exists for these
    wanted_skills: tuple[str, ...] = ()  # soft: from the intent
    excluded: frozenset[str] = frozenset()  # agents who declined it


@dataclass
class Candidate:
    agent_id: str
    suitability: float
    reasons: list[dict[str, Any]] = field(default_factory=list)


def language_fit(need_language: str | None, agent_languages: tuple[str, ...]) -> float:
    """1.0 same language, 0.8 same family (Darija in the other script), 0 otherwise; 0.5 when unknown."""
    if not need_language or need_language == "und":
        return 0.5
    if need_language in agent_languages:
        return 1.0
    family = LANGUAGE_FAMILY.get(need_language)
    if family and any(LANGUAGE_FAMILY.get(lang) == family for lang in agent_languages):
        return 0.8
    return 0.0


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def rank_agents(need: Need, agents: list[AgentState]) -> list[Candidate]:
    """Eligible agents, most suitable first, then the one idle the longest."""
    ranked: list[tuple[float, datetime, Candidate]] = []
    for a in agents:
        if not a.online or a.load >= a.capacity or a.id in need.excluded:
            continue
        lang = language_fit(need.language, a.languages)
        if lang == 0.0:
            continue
        if need.queue_skills and not set(need.queue_skills) & set(a.skills):
            continue
        skill = len(set(need.wanted_skills) & set(a.skills))
        score = 2.0 * lang + skill
        reasons: list[dict[str, Any]] = [{"signal": "language", "value": lang},
                                         {"signal": "skills_matched", "value": skill},
                                         {"signal": "load", "value": f"{a.load}/{a.capacity}"}]
        idle_since = a.last_assigned_at or _EPOCH
        if idle_since.tzinfo is None:  # SQLite returns naive UTC
            idle_since = idle_since.replace(tzinfo=UTC)
        ranked.append((score, idle_since, Candidate(a.id, score, reasons)))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return [c for _, _, c in ranked]


def choose_queue(queues: list[Any], language: str | None, skills: list[str], named: str | None = None) -> Any:
    """The queue for a conversation: the one named by the escalation, else one serving its language,
    else one serving its skill, else the default."""
    if named:
        hit = next((q for q in queues if q.name == named), None)
        if hit is not None:
            return hit
    if language:
        hit = next((q for q in queues if language in (q.languages or [])), None)
        if hit is not None:
            return hit
    for skill in skills:
        hit = next((q for q in queues if skill in (q.skills or []) and not q.languages), None)
        if hit is not None:
            return hit
    return next((q for q in queues if q.is_default), queues[0] if queues else None)
