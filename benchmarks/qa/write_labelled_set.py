"""Writes the QA labelled set: benchmarks/qa/dev.jsonl (the 12 hand-written seed conversations of
write_dev_seed.py plus two thirds of the generated ones) and benchmarks/qa/heldout.jsonl (the other third).

Conversations are put together from the hand-written sentences of labelled_texts.py. Each conversation's
defects are drawn first (no greeting, no closing, an account action before identification, personal data asked,
no empathy on an angry turn, a reply in another language, a slow reply, a long conversation, a missing or
wrong disposition, the bot's wrong article, a needless or a missed handoff); the labels are then written from
the scorecard's definitions and those defects, as a reviewer reading the conversation would answer. The
automatic reviewers (tawasol.qa) are never run here: the labels do not depend on them.

Run: python benchmarks/qa/write_labelled_set.py   (deterministic: seeded)
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from labelled_texts import ACTION_REASONS, BANK, INFO_REASONS, REASONS  # noqa: E402
from write_dev_seed import ROWS as SEED_ROWS  # noqa: E402

LANGS = ("fr", "ar", "ary", "ary_Latn", "en", "es")
PER_LANGUAGE = 42
QUESTIONS = ("greeting", "closing", "identification", "language", "empathy", "response_time", "resolution_time",
             "personal_data", "disposition", "bot_article", "bot_handoff_justified", "bot_no_missed_handoff")
MAX_REPLY_SECONDS, MAX_RESOLUTION_SECONDS = 120, 900  # the default scorecard's limits
# an agent writing another language than the customer's: what a contact centre sees
WRONG_LANGUAGE = {"fr": ["en", "es", "ary_Latn"], "ar": ["fr", "en"], "ary": ["fr", "en"], "ary_Latn": ["fr", "en"],
                  "en": ["fr", "es"], "es": ["fr", "en"]}
# the same language for the customer: a Darija customer understood in Darija (either script) or in MSA
SAME_LANGUAGE = {"fr": ["fr"], "en": ["en"], "es": ["es"], "ar": ["ar", "ar", "ar", "ary"],
                 "ary": ["ary", "ary", "ary", "ar", "ary_Latn"], "ary_Latn": ["ary_Latn", "ary_Latn", "ary"]}
SCENARIOS = [("agent", 50), ("bot_good", 7), ("bot_wrong_missed", 6), ("bot_wrong_silent", 5),
             ("bot_right_missed", 5), ("handoff_human", 9), ("handoff_angry", 7), ("handoff_fallback", 5),
             ("handoff_needless", 6)]


class Conversation:
    """Turns with the time each waits after the previous one; times are laid out at the end."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.turns: list[dict[str, Any]] = []
        self.gaps: list[float] = []

    def say(self, author: str, text: str, gap: float | None = None) -> None:
        if gap is None:
            gap = {"customer": self.rng.uniform(8, 60), "bot": self.rng.uniform(1, 3),
                   "system": self.rng.uniform(1, 2)}.get(author, self.rng.uniform(15, 90))
        turn: dict[str, Any] = {"author": author, "text": text}
        if author == "system":
            turn["event"] = "handoff"
        self.turns.append(turn)
        self.gaps.append(0.0 if not self.turns[:-1] else gap)


def _pick(rng: random.Random, items: list[Any]) -> Any:
    return items[rng.randrange(len(items))]


def bot_part(c: Conversation, scenario: str, lang: str, reason: str, angry: bool, labels: dict[str, str]) -> bool:
    """The bot's turns; returns whether the conversation goes on to an agent. Sets the bot questions' labels."""
    b, rng = BANK[lang], c.rng
    other = _pick(rng, [r for r in REASONS if r != reason])
    c.say("customer", _pick(rng, b[reason]["angry" if angry else "ask"]))
    if scenario == "bot_good":
        c.say("bot", b[reason]["bot"])
        c.say("customer", _pick(rng, b["thanks"]))
        c.say("bot", b["bot_bye"])
        labels.update(bot_article="yes", bot_no_missed_handoff="yes", resolution_time="yes")
        return False
    if scenario == "bot_wrong_missed":
        c.say("bot", b[other]["bot"])
        c.say("customer", _pick(rng, b["wrong"]) + " " + _pick(rng, b["human"]))
        c.say("bot", b[other]["bot"])
        c.say("bot", b["bot_more"])
        labels.update(bot_article="no", bot_no_missed_handoff="no", resolution_time="no")  # never resolved
        return False
    if scenario == "bot_wrong_silent":
        c.say("bot", b[other]["bot"])
        c.say("customer", _pick(rng, b["leave"]))
        labels.update(bot_article="no", bot_no_missed_handoff="yes", resolution_time="no")
        return False
    if scenario == "bot_right_missed":
        c.say("bot", b[reason]["bot"])
        c.say("customer", _pick(rng, b["human"]))
        c.say("bot", b[reason]["bot"])
        labels.update(bot_article="yes", bot_no_missed_handoff="no", resolution_time="no")
        return False
    if scenario == "handoff_human":
        c.say("bot", b[reason]["bot"])
        c.say("customer", _pick(rng, b["human"]))
        labels.update(bot_article="yes", bot_handoff_justified="yes", bot_no_missed_handoff="yes")
    elif scenario == "handoff_angry":  # an angry customer is handed to a person after the bot's article
        c.say("bot", b[reason]["bot"])
        labels.update(bot_article="yes", bot_handoff_justified="yes", bot_no_missed_handoff="yes")
    elif scenario == "handoff_fallback":
        c.say("bot", b["fallback"])
        c.say("customer", _pick(rng, b["human"]))
        labels.update(bot_handoff_justified="yes", bot_no_missed_handoff="yes")  # no article given: bot_article na
    elif scenario == "handoff_needless":  # a plain question the bot has the article for, handed over at once
        c.say("bot", b["transfer"])
        labels.update(bot_handoff_justified="no", bot_no_missed_handoff="yes")
    c.say("system", b["handoff"])
    return True


def agent_part(c: Conversation, lang: str, agent_lang: str, reason: str, angry: bool, d: dict[str, bool],
               labels: dict[str, str], after_handoff: bool) -> None:
    """The agent's turns with the planted defects d; sets the agent questions' labels."""
    a, cu, rng = BANK[agent_lang], BANK[lang], c.rng
    action = reason in ACTION_REASONS
    if not after_handoff:
        c.say("customer", _pick(rng, cu[reason]["angry" if angry else "ask"]))
    first = []
    if not d["no_greeting"]:
        first.append(_pick(rng, a["greet"]))
    empathy_missed = False
    if angry:
        if d["no_empathy"]:
            empathy_missed = True
        else:
            first.append(_pick(rng, a["empathy"]))
    first.append(_pick(rng, a["ack"]))
    id_index = rng.randrange(3)
    asks_id = action and not d["no_id"]
    if asks_id and rng.random() < 0.6:
        first.append(a["id"][id_index][0])
        c.say("agent", " ".join(first), gap=rng.uniform(20, 90))
    else:
        c.say("agent", " ".join(first), gap=rng.uniform(20, 90))
        if asks_id:
            c.say("agent", a["id"][id_index][0], gap=rng.uniform(5, 25))
    slow_candidates: list[int] = []  # agent turns answering a customer turn after the first reply

    def reply(text: str) -> None:
        slow_candidates.append(len(c.turns))
        c.say("agent", text)

    if asks_id:
        c.say("customer", cu["id"][id_index][1])
    if d["personal_data"]:
        pd = rng.randrange(3)
        if asks_id:
            reply(a["pd"][pd][0])
        else:
            c.say("agent", a["pd"][pd][0], gap=rng.uniform(5, 25))
        c.say("customer", cu["pd"][pd][1])
    answer = _pick(rng, a[reason]["reply"])
    if d["long"]:
        hold = _pick(rng, a["hold"])
        if c.turns[-1]["author"] == "customer":
            reply(hold)
        else:
            c.say("agent", hold, gap=rng.uniform(5, 20))
        c.say("agent", answer, gap=rng.uniform(700, 1000))
    elif c.turns[-1]["author"] == "customer":
        reply(answer)
    else:
        c.say("agent", answer, gap=rng.uniform(10, 40))
    if d["mid_angry"]:
        m = rng.randrange(2)
        c.say("customer", cu["mid_angry"][m][0])
        if d["no_empathy_mid"]:
            empathy_missed = True
            reply(a["mid_angry"][m][2])
        else:
            reply(a["mid_angry"][m][1])
    if d["followup"] or (d["slow"] and not slow_candidates):
        f = rng.randrange(3) if action else 0  # a bill or a confirmation follows an action only
        c.say("customer", cu["followup"][f][0])
        reply(a["followup"][f][1])
    if d["no_closing"]:
        if rng.random() < 0.5:
            c.say("agent", _pick(rng, a["no_close"]), gap=rng.uniform(5, 20))
    else:
        if rng.random() < 0.5:
            c.say("customer", _pick(rng, cu["thanks"]))
            reply(_pick(rng, a["close"]))
        else:
            c.say("agent", _pick(rng, a["close"]), gap=rng.uniform(5, 20))
    if d["slow"]:
        c.gaps[_pick(rng, slow_candidates)] = rng.uniform(150, 480)
    labels.update(
        greeting="no" if d["no_greeting"] else "yes",
        closing="no" if d["no_closing"] else "yes",
        identification=("yes" if asks_id else "no") if action else "na",
        language="yes" if agent_lang in SAME_LANGUAGE[lang] else "no",
        empathy=("no" if empathy_missed else "yes") if (angry or d["mid_angry"]) else "na",
        personal_data="no" if d["personal_data"] else "yes",
        disposition="yes" if d["disposition"] == "right" else "no",
    )


def lay_out_times(c: Conversation, labels: dict[str, str], timed: bool, has_agent: bool) -> None:
    """Absolute times from the gaps; the time labels from the scorecard's limits (reply within 120 s of every
    customer turn from the handoff on, the whole conversation within 900 s)."""
    if not timed:
        labels.update(response_time="na", resolution_time="na")
        return
    at = 0.0
    for turn, gap in zip(c.turns, c.gaps, strict=True):
        at += gap
        turn["at"] = round(at, 1)
    if not has_agent:
        labels["response_time"] = "na"
        return
    start = next(i for i, t in enumerate(c.turns) if t["author"] == "system") if any(
        t["author"] == "system" for t in c.turns) else 0
    waiting, slow = None, False
    for t in c.turns[start:]:
        if t["author"] == "customer" and waiting is None:
            waiting = t["at"]
        elif t["author"] == "agent" and waiting is not None:
            slow |= t["at"] - waiting > MAX_REPLY_SECONDS
            waiting = None
    labels["response_time"] = "no" if slow else "yes"
    labels["resolution_time"] = "yes" if c.turns[-1]["at"] - c.turns[0]["at"] <= MAX_RESOLUTION_SECONDS else "no"


def conversation(rng: random.Random, lang: str, n: int) -> dict[str, Any]:
    scenario = rng.choices([s for s, _ in SCENARIOS], weights=[w for _, w in SCENARIOS])[0]
    reason = _pick(rng, list(INFO_REASONS) if scenario == "handoff_needless" else list(REASONS))
    angry = scenario == "handoff_angry" or (scenario in ("agent", "handoff_human") and rng.random() < 0.35)
    labels = dict.fromkeys(QUESTIONS, "na")
    c = Conversation(rng)
    has_agent = scenario == "agent" or bot_part(c, scenario, lang, reason, angry, labels)
    wrong_language = rng.random() < 0.14
    agent_lang = _pick(rng, WRONG_LANGUAGE[lang] if wrong_language else SAME_LANGUAGE[lang])
    disposition = None
    defects: list[str] = []
    if has_agent:
        d = {"no_greeting": rng.random() < 0.22, "no_closing": rng.random() < 0.22, "no_id": rng.random() < 0.3,
             "personal_data": rng.random() < 0.2, "no_empathy": rng.random() < 0.45, "mid_angry": rng.random() < 0.15,
             "no_empathy_mid": rng.random() < 0.5, "slow": rng.random() < 0.2, "long": rng.random() < 0.12,
             "followup": rng.random() < 0.4}
        d["disposition"] = rng.choices(["right", "missing", "wrong"], weights=[70, 15, 15])[0]  # type: ignore[assignment]
        agent_part(c, lang, agent_lang, reason, angry, d, labels, after_handoff=scenario != "agent")
        disposition = {"right": reason, "missing": None,
                       "wrong": _pick(rng, [r for r in REASONS if r != reason])}[d["disposition"]]  # type: ignore[index]
        defects = [k for k, v in d.items() if v is True and k != "followup"
                   and not (k == "no_empathy" and not angry) and not (k == "no_id" and reason not in ACTION_REASONS)
                   and not (k == "no_empathy_mid" and not d["mid_angry"])]
        if d["disposition"] != "right":
            defects.append(f"disposition_{d['disposition']}")
        if wrong_language:
            defects.append("wrong_language")
    lay_out_times(c, labels, timed=rng.random() > 0.1, has_agent=has_agent)
    return {"id": f"{lang}-g{n:03d}", "language": lang, "agent_language": agent_lang if has_agent else "bot",
            "scenario": scenario, "reason": reason, "defects": defects, "disposition": disposition,
            "turns": c.turns, "labels": labels}


def generate(seed: int = 17) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rng = random.Random(seed)
    dev, heldout = [], []
    for lang in LANGS:
        rows = [conversation(rng, lang, n) for n in range(1, PER_LANGUAGE + 1)]
        order = list(range(len(rows)))
        rng.shuffle(order)
        held = set(order[: len(rows) // 3])
        for i, row in enumerate(rows):
            (heldout if i in held else dev).append(row)
    return dev, heldout


def main() -> None:
    dev, heldout = generate()
    write = lambda name, rows: (HERE / name).write_text(  # noqa: E731
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    write("dev.jsonl", list(SEED_ROWS) + dev)
    write("heldout.jsonl", heldout)
    print(f"dev.jsonl: {len(SEED_ROWS) + len(dev)} conversations; heldout.jsonl: {len(heldout)}")


if __name__ == "__main__":
    main()
