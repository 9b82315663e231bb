"""The practice simulator (issue 17): scenarios, a rule-driven simulated customer, scoring with the scorecard.

A scenario (seed/practice.yaml or an admin's YAML/JSON) gives the contact reason, the customer's goal, the facts the
customer holds (released only when the agent asks for them), a temperament and a language. The customer is a small
state machine: an opening, facts released on request, follow-ups whose tone follows an anger level (up when the agent
ignores the goal for `patience` turns, down with empathy), thanks once the goal is met. Its wording comes from the
scenario, then the tenant's redacted history (`pool`), then the seed lines of the scenario's language; an optional
`Wording` (an LLM) may rephrase it, any error falling back to the rules. A practice session is scored with the same
reviewers as a real conversation (`score`)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from tawasol.qa.phrases import LANGUAGES, PhraseBook, _words, seed_phrases
from tawasol.qa.review import Review, review
from tawasol.qa.reviewers import Identify
from tawasol.qa.scorecard import Scorecard
from tawasol.qa.transcript import Transcript, transcript_from_rows

SEED = Path(__file__).resolve().parent / "seed"
TEMPERAMENTS = {"calm": 0, "impatient": 1, "angry": 2}  # the starting anger
MAX_ANGER = 4
ANGRY_AT = 2  # from this anger on the customer's follow-ups are complaints
LINE_KINDS = ("fact", "follow_up", "impatient", "angry", "thanks", "unknown")
Wording = Callable[[str, str, str], str]  # (language, intent, rule text) -> rephrased text; may raise


@dataclass(frozen=True)
class Fact:
    key: str
    value: str
    asked_by: str | None = None  # a phrase category (phrases.yaml) whose phrase in the agent's turn asks for it
    keywords: tuple[str, ...] = ()  # ... or one of these words


@dataclass(frozen=True)
class Scenario:
    key: str
    name: str
    language: str
    contact_reason: str
    goal: str
    temperament: str
    opening: tuple[str, ...]
    facts: tuple[Fact, ...]
    goal_by: str = "account_action"  # the phrase category of an agent turn that meets the goal
    goal_keywords: tuple[str, ...] = ()
    patience: int = 2  # agent turns without progress before the anger rises
    pool: tuple[str, ...] = ()  # the tenant's redacted customer turns for this reason and language
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "language": self.language,
                "contact_reason": self.contact_reason, "goal": self.goal, "temperament": self.temperament,
                "facts": [f.key for f in self.facts], "patience": self.patience}


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{what} must be a list of non-empty strings")
    return tuple(value)


def scenario_from_dict(data: Mapping[str, Any], lines: Mapping[str, Mapping[str, Sequence[str]]] | None = None
                       ) -> Scenario:
    """Validate one scenario given as data; `lines` are the per-language seed wordings it falls back on."""
    if not isinstance(data, Mapping):
        raise ValueError("a scenario must be a mapping")
    missing = [k for k in ("key", "language", "contact_reason", "goal") if not str(data.get(k) or "").strip()]
    if missing:
        raise ValueError(f"scenario {data.get('key')!r} lacks {missing}")
    language = str(data["language"])
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} must be one of {LANGUAGES}")
    temperament = str(data.get("temperament") or "calm")
    if temperament not in TEMPERAMENTS:
        raise ValueError(f"temperament {temperament!r} must be one of {sorted(TEMPERAMENTS)}")
    facts = []
    for raw in data.get("facts") or []:
        if not isinstance(raw, Mapping) or not raw.get("key") or not raw.get("value"):
            raise ValueError(f"each fact of {data['key']!r} needs a key and a value")
        asked_by = raw.get("asked_by")
        keywords = _strings(raw.get("keywords"), f"keywords of fact {raw['key']!r}")
        if not asked_by and not keywords:
            raise ValueError(f"fact {raw['key']!r} needs asked_by or keywords: how the agent asks for it")
        facts.append(Fact(str(raw["key"]), str(raw["value"]), str(asked_by) if asked_by else None, keywords))
    patience = int(data.get("patience", 2))
    if patience < 1:
        raise ValueError("patience must be >= 1")
    own = {str(k): _strings(v, f"lines.{k}") for k, v in (data.get("lines") or {}).items()}
    seed = {k: tuple(v) for k, v in ((lines or {}).get(language) or {}).items()}
    merged = {k: own.get(k) or seed.get(k) or () for k in LINE_KINDS}
    absent = [k for k, v in merged.items() if not v]
    if absent:
        raise ValueError(f"scenario {data['key']!r} has no {absent} wording in {language}")
    opening = _strings(data.get("opening"), "opening")
    pool = _strings(data.get("pool"), "pool")
    if not opening and not pool:
        raise ValueError(f"scenario {data['key']!r} needs an opening (or a pool of the tenant's phrasings)")
    return Scenario(key=str(data["key"]), name=str(data.get("name") or data["key"]), language=language,
                    contact_reason=str(data["contact_reason"]), goal=str(data["goal"]), temperament=temperament,
                    opening=opening, facts=tuple(facts), goal_by=str(data.get("goal_by") or "account_action"),
                    goal_keywords=_strings(data.get("goal_keywords"), "goal_keywords"), patience=patience,
                    pool=pool, lines=merged)


def scenarios_from_dict(data: Mapping[str, Any]) -> list[Scenario]:
    """A scenario file: `lines` (per language) and `scenarios`; keys must be unique."""
    lines = data.get("lines") or {}
    if not isinstance(lines, Mapping):
        raise ValueError("lines must map a language to its wordings")
    out = [scenario_from_dict(s, lines) for s in data.get("scenarios") or []]
    if len({s.key for s in out}) != len(out):
        raise ValueError("scenario keys must be unique")
    return out


@lru_cache(maxsize=1)
def _seed_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((SEED / "practice.yaml").read_text(encoding="utf-8"))
    return data


def seed_scenarios() -> list[Scenario]:
    return scenarios_from_dict(_seed_data())


def seed_lines() -> dict[str, dict[str, list[str]]]:
    lines: dict[str, dict[str, list[str]]] = _seed_data()["lines"]
    return lines


def with_pool(scenario: Scenario, phrasings: Sequence[str]) -> Scenario:
    """The scenario with the tenant's redacted customer phrasings (of its reason and language) as openings."""
    return replace(scenario, pool=tuple(p for p in phrasings if p.strip()))


@dataclass
class CustomerState:
    anger: int
    released: list[str] = field(default_factory=list)
    idle: int = 0  # agent turns since the last progress
    goal_met: bool = False
    done: bool = False
    turn: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"anger": self.anger, "released": list(self.released), "idle": self.idle,
                "goal_met": self.goal_met, "done": self.done, "turn": self.turn}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CustomerState:
        return cls(anger=int(data["anger"]), released=list(data.get("released") or []), idle=int(data.get("idle", 0)),
                   goal_met=bool(data.get("goal_met")), done=bool(data.get("done")), turn=int(data.get("turn", 0)))


@dataclass(frozen=True)
class CustomerTurn:
    text: str
    intent: str  # opening | fact | follow_up | impatient | angry | thanks | unknown
    released: tuple[str, ...]
    anger: int
    done: bool
    worded_by: str = "rules"  # rules | llm


def _has_any(text: str, keywords: Sequence[str]) -> bool:
    words = _words(text)
    return any(_words(k) in words for k in keywords)


class SimulatedCustomer:
    """The rule-driven customer of one scenario; its state is plain data (stored between turns)."""

    def __init__(self, scenario: Scenario, state: CustomerState | None = None, phrases: PhraseBook | None = None,
                 wording: Wording | None = None) -> None:
        self.scenario = scenario
        self.state = state or CustomerState(anger=TEMPERAMENTS[scenario.temperament])
        self.phrases = phrases or seed_phrases()
        self.wording = wording

    def _pick(self, options: Sequence[str]) -> str:
        seed = hashlib.sha256(f"{self.scenario.key}:{self.state.turn}".encode()).digest()
        return random.Random(seed).choice(list(options))

    def _word(self, intent: str, text: str, released: tuple[str, ...]) -> CustomerTurn:
        by = "rules"
        if self.wording is not None:
            try:
                worded = self.wording(self.scenario.language, intent, text).strip()
                if worded:
                    text, by = worded, "llm"
            except Exception:  # noqa: BLE001 - any failure of the optional LLM falls back to the rules' text
                by = "rules"
        self.state.turn += 1
        return CustomerTurn(text, intent, released, self.state.anger, self.state.done, by)

    def opening(self) -> CustomerTurn:
        return self._word("opening", self._pick(self.scenario.pool or self.scenario.opening), ())

    def _asked(self, text: str) -> list[Fact]:
        out = []
        for fact in self.scenario.facts:
            if fact.key in self.state.released:
                continue
            if (fact.asked_by and self.phrases.find(fact.asked_by, text)) or _has_any(text, fact.keywords):
                out.append(fact)
        return out

    def reply(self, agent_text: str) -> CustomerTurn:
        """The customer's answer to one agent turn (an empty text: the agent said nothing this turn)."""
        if self.state.done:
            raise ValueError("the simulated customer has already closed the conversation")
        s, text = self.state, agent_text.strip()
        if text and self.phrases.find("empathy", text):
            s.anger = max(0, s.anger - 1)
        asked = self._asked(text) if text else []
        met = bool(text) and (bool(self.phrases.find(self.scenario.goal_by, text))
                              or _has_any(text, self.scenario.goal_keywords))
        if asked:
            s.released.extend(f.key for f in asked)
            s.idle = 0
            values = " ; ".join(f.value for f in asked)
            return self._word("fact", self._pick(self.scenario.lines["fact"]).format(value=values),
                              tuple(f.key for f in asked))
        if met:
            s.goal_met, s.done, s.idle = True, True, 0
            return self._word("thanks", self._pick(self.scenario.lines["thanks"]), ())
        s.idle += 1
        if s.idle >= self.scenario.patience or not text:
            s.anger = min(MAX_ANGER, s.anger + 1)
            s.idle = 0
        intent = "angry" if s.anger >= ANGRY_AT else "impatient" if s.anger >= 1 else "follow_up"
        if text and _asks_question(text) and s.anger < ANGRY_AT:
            intent = "unknown"  # asked for something the customer does not hold
        return self._word(intent, self._pick(self.scenario.lines[intent]), ())


def _asks_question(text: str) -> bool:
    return "?" in text or "؟" in text


def score(turns: Sequence[Mapping[str, Any]], scorecard: Scorecard, identify: Identify, language: str,
          disposition: str | None = None, phrases: PhraseBook | None = None) -> tuple[Review, list[dict[str, Any]]]:
    """Review a practice transcript with the scorecard; the feedback lists each answer with its evidence turns."""
    transcript: Transcript = transcript_from_rows(list(turns), language=language, disposition=disposition)
    result = review(transcript, scorecard, identify, phrases)
    feedback = []
    for answer in result.answers:
        question = scorecard.question(answer.question)
        feedback.append({"question": answer.question, "text": question.text, "choice": answer.choice,
                         "weight": question.weight, "confidence": answer.confidence, "rule": answer.rule,
                         "evidence": [{"turn": i, "author": transcript.turns[i].author,
                                       "text": transcript.turns[i].text}
                                      for i in answer.turns if 0 <= i < len(transcript.turns)],
                         "detail": answer.detail})
    return result, feedback
