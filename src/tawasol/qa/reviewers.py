"""Reviewers: one rule per scorecard question, over the redacted transcript; each returns an Answer with
its evidence (turn indexes, rule, confidence). No rule infers an agent's emotions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tawasol.qa.phrases import PhraseBook
from tawasol.qa.transcript import HANDOFF, Transcript, Turn

DISPOSITION = "disposition_"  # phrase categories naming a disposition's contact reason
FAMILY = {"ary": "ar", "ary_Latn": "ar", "ar": "ar"}  # a Darija customer may be answered in MSA or Arabizi
Identify = Callable[[str], tuple[str, float]]
Verdict = tuple[str, float, tuple[int, ...], dict[str, Any]]  # choice, confidence, evidence turns, detail


@dataclass(frozen=True)
class Answer:
    question: str
    choice: str  # yes | no | na
    rule: str
    confidence: float
    turns: tuple[int, ...] = ()
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    transcript: Transcript
    phrases: PhraseBook
    identify: Identify
    params: dict[str, Any]


def _first(ctx: Context, category: str, turns: list[Turn]) -> tuple[Turn, str] | None:
    for t in turns:
        found = ctx.phrases.find(category, t.text)
        if found:
            return t, found
    return None


def _phrase_rule(category: str, pick: Callable[[list[Turn]], list[Turn]]) -> Callable[[Context], Verdict]:
    def rule(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
        agent = ctx.transcript.by("agent")
        if not agent:
            return "na", 1.0, (), {}
        hit = _first(ctx, category, pick(agent))
        if hit:
            return "yes", 0.9, (hit[0].index,), {"phrase": hit[1]}
        return "no", 0.7, tuple(t.index for t in pick(agent)), {}
    return rule


def _negative(ctx: Context, t: Turn) -> bool:
    return t.sentiment == "negative" or ctx.phrases.find("negative", t.text) is not None


def negative_turns(transcript: Transcript, phrases: PhraseBook) -> tuple[int, ...]:
    """The customer's turns read as negative (the stored sentiment, or a complaint's words): a review with one is
    worth a supervisor's look."""
    return tuple(t.index for t in transcript.by("customer")
                 if t.sentiment == "negative" or phrases.find("negative", t.text) is not None)


def identification(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    agent = ctx.transcript.by("agent")
    action = _first(ctx, "account_action", agent)
    if action is None:
        return "na", 0.8, (), {}
    asked = _first(ctx, "identification_request", [t for t in agent if t.index < action[0].index])
    if asked:
        return "yes", 0.85, (asked[0].index, action[0].index), {"asked": asked[1], "action": action[1]}
    return "no", 0.8, (action[0].index,), {"action": action[1]}


def language(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    customer = [t for t in ctx.transcript.by("customer") if len(t.text.split()) >= 3]
    agent = [t for t in ctx.transcript.by("agent") if len(t.text.split()) >= 3]
    if not agent or not (customer or ctx.transcript.language):
        return "na", 1.0, (), {}
    wanted = ctx.transcript.language or ctx.identify(" ".join(t.text for t in customer))[0]
    family = FAMILY.get(wanted, wanted)
    other, confs = [], []
    for t in agent:
        lang, conf = ctx.identify(t.text)
        confs.append(conf)
        if FAMILY.get(lang, lang) != family:
            other.append(t.index)
    conf = round(sum(confs) / len(confs), 3)
    if len(other) <= len(agent) * 0.2:
        return "yes", conf, (), {"customer_language": wanted}
    return "no", conf, tuple(other), {"customer_language": wanted}


def empathy(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    turns = [t for t in ctx.transcript.turns if not t.internal]
    negative = [t for t in turns if t.author == "customer" and _negative(ctx, t)]
    if not negative:
        return "na", 0.75, (), {}
    missed = []
    for neg in negative:
        replies = [t for t in turns if t.index > neg.index and t.author == "agent"][:2]
        if replies and not _first(ctx, "empathy", replies):
            missed.append(neg.index)
    if not [t for t in turns if t.author == "agent" and t.index > negative[0].index]:
        return "na", 0.7, (), {}
    if missed:
        return "no", 0.75, tuple(missed), {"negative_turns": [t.index for t in negative]}
    return "yes", 0.85, tuple(t.index for t in negative), {}


def response_time(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    limit = float(ctx.params.get("max_seconds", 120))
    turns = [t for t in ctx.transcript.turns if not t.internal]
    if not any(t.author == "agent" for t in turns) or any(t.at is None for t in turns):
        return "na", 1.0, (), {}
    slow, waiting = [], None
    # the customer waits for a person from the handoff on (the bot's part is not the agent's)
    start = next((i for i, t in enumerate(turns) if t.event == HANDOFF), 0)
    for t in turns[start:]:
        if t.author == "customer" and waiting is None:
            waiting = t
        elif t.author == "agent" and waiting is not None:
            if (t.at or 0) - (waiting.at or 0) > limit:
                slow.append(waiting.index)
            waiting = None
    return ("no", 1.0, tuple(slow), {"max_seconds": limit}) if slow else ("yes", 1.0, (), {"max_seconds": limit})


def resolution_time(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    """Within the limit, and resolved: a conversation the bot kept after the customer said its answer was wrong or
    asked for a person is not."""
    limit = float(ctx.params.get("max_seconds", 900))
    times = [t.at for t in ctx.transcript.turns if t.at is not None]
    if len(times) < 2:
        return "na", 1.0, (), {}
    took = max(times) - min(times)
    if not ctx.transcript.by("agent"):
        unresolved = [t for t in ctx.transcript.by("customer") if ctx.phrases.find("wrong_answer", t.text)
                      or ctx.phrases.find("human_request", t.text)]
        if unresolved and not any(t.event == HANDOFF for t in ctx.transcript.turns):
            return "no", 0.8, (unresolved[0].index,), {"seconds": took, "unresolved": True}
    return ("yes" if took <= limit else "no"), 1.0, (), {"seconds": took, "max_seconds": limit}


def personal_data(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    agent = ctx.transcript.by("agent")
    if not agent:
        return "na", 1.0, (), {}
    hit = _first(ctx, "personal_data_request", agent)
    if hit:
        return "no", 0.85, (hit[0].index,), {"phrase": hit[1]}
    return "yes", 0.8, (), {}


def disposition(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    """Recorded, and not contradicted by the contact reason: the customer's first turn has the words of another
    disposition (phrases `disposition_<key>`) and none of this one's. A disposition without words is taken as is."""
    if not ctx.transcript.by("agent"):
        return "na", 1.0, (), {}
    recorded = (ctx.transcript.disposition or "").strip()
    if not recorded:
        return "no", 1.0, (), {}
    first = next(iter(ctx.transcript.by("customer")), None)
    own = f"{DISPOSITION}{recorded}"
    if first is None or own not in ctx.phrases.phrases:
        return "yes", 0.8, (), {"disposition": recorded}
    if ctx.phrases.find(own, first.text):
        return "yes", 0.9, (first.index,), {"disposition": recorded}
    others = [c.removeprefix(DISPOSITION) for c in ctx.phrases.categories()
              if c.startswith(DISPOSITION) and c != own and ctx.phrases.find(c, first.text)]
    if others:
        return "no", 0.75, (first.index,), {"disposition": recorded, "contact_reason": others[0]}
    return "yes", 0.7, (), {"disposition": recorded}


def _bot_part(ctx: Context) -> list[Turn]:
    """Turns before the handoff (or all of them when the bot kept the conversation)."""
    turns = [t for t in ctx.transcript.turns if not t.internal]
    end = next((i for i, t in enumerate(turns) if t.event == HANDOFF or t.author == "agent"), len(turns))
    return turns[:end]


def bot_article(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    part = _bot_part(ctx)
    answers = [t for t in part if t.author == "bot" and not ctx.phrases.find("bot_fallback", t.text)
               and not ctx.phrases.find("bot_transfer", t.text)]
    if not answers:
        return "na", 1.0, (), {}
    for t in part:
        if t.author == "customer" and t.index > answers[0].index and ctx.phrases.find("wrong_answer", t.text):
            return "no", 0.8, (t.index,), {"phrase": ctx.phrases.find("wrong_answer", t.text)}
    return "yes", 0.7, tuple(t.index for t in answers), {}


def _needs_human(ctx: Context, turns: list[Turn], account: bool = True) -> list[Turn]:
    """Turns that call for a person: the customer asks for one, says the answer is wrong, is negative, (with
    `account`) asks for something done on the account; the bot says it did not understand."""
    negative = [t for t in turns if t.author == "customer" and _negative(ctx, t)]
    reasons = [t for t in turns if t.author == "customer" and (
        ctx.phrases.find("human_request", t.text) or ctx.phrases.find("wrong_answer", t.text)
        or (account and ctx.phrases.find("account_request", t.text)))]
    reasons += [t for t in turns if t.author == "bot" and ctx.phrases.find("bot_fallback", t.text)]
    return sorted(reasons + negative, key=lambda t: t.index)


def bot_handoff_justified(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    part = _bot_part(ctx)
    handed = len(part) < len(ctx.transcript.turns)
    if not any(t.author == "bot" for t in part) or not handed:
        return "na", 1.0, (), {}
    why = _needs_human(ctx, part)
    return ("yes", 0.8, tuple(t.index for t in why), {}) if why else ("no", 0.65, (), {})


def bot_no_missed_handoff(ctx: Context) -> tuple[str, float, tuple[int, ...], dict[str, Any]]:
    part = _bot_part(ctx)
    if not any(t.author == "bot" for t in part):
        return "na", 1.0, (), {}
    # an account request the bot answered with the self-service way is not yet a need for a person
    why = [t for t in _needs_human(ctx, part, account=False) if t.author == "customer"]
    if not why:
        return "yes", 0.75, (), {}
    later_bot = [t for t in part if t.author == "bot" and t.index > why[0].index]
    if len(later_bot) >= 2 or (later_bot and len(part) == len(ctx.transcript.turns)):
        return "no", 0.75, (why[0].index,), {}
    return "yes", 0.75, (why[0].index,), {}


RULES: dict[str, Callable[[Context], tuple[str, float, tuple[int, ...], dict[str, Any]]]] = {
    "greeting": _phrase_rule("greeting", lambda agent: agent[:1]),
    "closing": _phrase_rule("closing", lambda agent: agent[-2:]),
    "identification": identification,
    "language": language,
    "empathy": empathy,
    "response_time": response_time,
    "resolution_time": resolution_time,
    "personal_data": personal_data,
    "disposition": disposition,
    "bot_article": bot_article,
    "bot_handoff_justified": bot_handoff_justified,
    "bot_no_missed_handoff": bot_no_missed_handoff,
}
