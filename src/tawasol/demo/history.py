"""Synthetic but plausible history for the demo tenant: customers with profiles and known outcomes,
eight weeks of conversations with daily and weekly seasonality, escalations, waits, sentiment and CSAT.

Deterministic for a given seed and `now`; written with bulk inserts so seeding stays a few seconds.
The texts (customer messages, bot answers, agent replies, follow-ups) are real texts in the conversation's
language for its intent, from `seed/history_texts.yaml`: agent assist offers past agent replies as
suggestions, so they must read as replies an agent could send.
"""

from __future__ import annotations

import math
import random
import uuid
import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import insert

from tawasol.domain.model import Role, utcnow
from tawasol.store import tables
from tawasol.store.uow import UnitOfWork

TENANT = "atlas-telecom"
FIRST_ID = "ATL-H0000"
LOCAL = timezone(timedelta(hours=1))  # Morocco keeps UTC+1 outside Ramadan

REGIONS = ["Casablanca", "Rabat", "Marrakech", "Fès", "Tanger", "Agadir", "Oujda"]
LANGUAGES = [("fr", 0.33), ("ary", 0.2), ("ary_Latn", 0.2), ("ar", 0.1), ("en", 0.05), ("es", 0.12)]
PLANS = [("prepaid", 0.3, 50), ("postpaid_basic", 0.3, 149), ("postpaid_plus", 0.25, 299), ("fiber", 0.15, 399)]
SEGMENTS = [("standard", 0.65), ("vip", 0.15), ("business", 0.2)]
AGE_BANDS = ["18-25", "26-35", "36-50", "51-65", "65+"]
WEEKDAY = [1.25, 1.1, 1.0, 1.0, 0.85, 0.7, 0.5]  # Monday first; Friday afternoon and Sunday are quiet
HOURLY = [0.1, 0.05, 0.03, 0.03, 0.03, 0.08, 0.2, 0.5, 1.0, 1.5, 1.8, 1.7, 1.3, 1.1, 1.4, 1.6, 1.5, 1.3,
          1.1, 1.0, 0.9, 0.7, 0.45, 0.25]
# intent: (base weight, extra weight for customers at risk, bot containment chance, queue)
INTENTS: dict[str, tuple[float, float, float, str]] = {
    "check_bill": (10, 4, 0.7, "billing"), "bill_dispute": (4, 6, 0.15, "billing"),
    "pay_bill": (6, 0, 0.85, "billing"), "recharge_credit": (8, 0, 0.9, "general"),
    "check_balance": (8, 0, 0.9, "general"), "internet_outage": (6, 5, 0.35, "technical"),
    "slow_internet": (6, 4, 0.3, "technical"), "network_coverage": (3, 2, 0.4, "technical"),
    "roaming": (4, 0, 0.75, "general"), "sim_swap": (3, 0, 0.5, "general"),
    "change_plan": (4, 2, 0.4, "retention"), "activate_option": (4, 0, 0.8, "general"),
    "contract_termination": (1, 6, 0.05, "retention"), "complaint": (2, 6, 0.1, "general"),
    "store_location": (4, 0, 0.95, "general"), "order_status": (3, 0, 0.7, "general"),
}
TEXTS_FILE = Path(__file__).parent / "seed" / "history_texts.yaml"


@cache
def history_texts() -> dict[str, Any]:
    """The seed texts: {"intents": {intent: {language: {"customer"|"bot"|"agent": [...]}}},
    "follow_up": {"resolved"|"unresolved": {language: [...]}}}."""
    data = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    languages = {code for code, _ in LANGUAGES}
    for intent in INTENTS:
        per_language = data["intents"].get(intent) or {}
        for lang in languages:
            roles = per_language.get(lang) or {}
            if not all(roles.get(r) for r in ("customer", "bot", "agent")):
                raise ValueError(f"{TEXTS_FILE.name}: {intent}/{lang} needs customer, bot and agent texts")
    return data


def _text(options: list[str], conversation_id: str, role: str) -> str:
    """One of `options`, fixed by the conversation and the role (the history's random stream is untouched)."""
    return options[zlib.crc32(f"{conversation_id}:{role}".encode()) % len(options)]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _pick(rng: random.Random, weighted: list[tuple[Any, float]]) -> Any:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _customers(rng: random.Random, tenant_id: str, n: int, now: datetime) -> list[dict[str, Any]]:
    rows = []
    for i in range(n):
        plan, _, bill = _pick(rng, [((p, w, b), w) for p, w, b in PLANS])
        segment = _pick(rng, SEGMENTS)
        tenure = max(1, int(rng.expovariate(1 / 30)))
        monthly = round(bill * rng.uniform(0.85, 1.2) * (1.5 if segment == "business" else 1.0))
        spike = rng.random() < 0.12
        last_bill = round(monthly * (rng.uniform(1.4, 1.9) if spike else rng.uniform(0.9, 1.1)))
        risk = (-1.3 + 1.0 * (tenure < 12) - 0.6 * (segment == "vip") + 0.7 * (plan == "prepaid")
                + 1.1 * spike + rng.gauss(0, 0.7))
        rows.append({
            "id": _id(rng), "tenant_id": tenant_id, "name": f"Client {i + 1:04d}", "email": None, "phone": None,
            "external_id": f"ATL-H{i:04d}", "preferred_language": _pick(rng, LANGUAGES),
            "consent": {"ai_processing": True, "marketing": rng.random() < 0.5},
            "attributes": {"segment": segment, "plan": plan, "tenure_months": tenure, "monthly_bill": monthly,
                           "last_bill": last_bill, "region": rng.choice(REGIONS), "gender": rng.choice("FM"),
                           "age_band": _pick(rng, list(zip(AGE_BANDS, [0.2, 0.3, 0.28, 0.15, 0.07], strict=True)))},
            "created_at": now - timedelta(days=30 * tenure), "_risk": risk,
        })
    return rows


def _when(rng: random.Random, now: datetime, weeks: int) -> datetime:
    while True:
        day = rng.randrange(weeks * 7)
        local_day = (now.astimezone(LOCAL) - timedelta(days=day)).replace(hour=0, minute=0, second=0, microsecond=0)
        if rng.random() * max(WEEKDAY) <= WEEKDAY[local_day.weekday()]:
            hour = rng.choices(range(24), weights=HOURLY)[0]
            at = (local_day + timedelta(hours=hour, seconds=rng.randrange(3600))).astimezone(UTC)
            if at < now - timedelta(minutes=30):  # today's history stops shortly before now
                return at


class _Writer:
    """Collects rows for bulk inserts."""

    def __init__(self) -> None:
        self.conversations: list[dict[str, Any]] = []
        self.messages: list[dict[str, Any]] = []
        self.decisions: list[dict[str, Any]] = []

    def message(self, rng: random.Random, conv: dict[str, Any], seq: int, author: str, text: str,
                at: datetime, analysis: dict[str, Any], user_id: str | None = None) -> None:
        self.messages.append({"id": _id(rng), "tenant_id": conv["tenant_id"], "conversation_id": conv["id"],
                              "seq": seq, "author": author, "author_user_id": user_id, "text": text,
                              "text_encrypted": None, "client_message_id": None, "in_reply_to": None,
                              "analysis": analysis, "created_at": at})

    def decision(self, rng: random.Random, conv: dict[str, Any], kind: str, outcome: str, model: str,
                 inputs: dict[str, Any], reasons: list[dict[str, Any]], at: datetime) -> None:
        self.decisions.append({"id": _id(rng), "tenant_id": conv["tenant_id"], "conversation_id": conv["id"],
                               "message_id": None, "kind": kind, "outcome": outcome, "model": model,
                               "model_version": "demo-history", "inputs": inputs, "reasons": reasons,
                               "created_at": at})


def _conversation(rng: random.Random, w: _Writer, cust: dict[str, Any], at: datetime, queues: dict[str, str],
                  agents: list[str]) -> dict[str, Any]:
    risk = cust["_risk"]
    attrs = cust["attributes"]
    lang = cust["preferred_language"]
    spike = attrs["last_bill"] > 1.3 * attrs["monthly_bill"]
    weights = [(k, base + extra * _sigmoid(2 * risk) + (6 if spike and k in ("check_bill", "bill_dispute") else 0))
               for k, (base, extra, _, _) in INTENTS.items()]
    intent = _pick(rng, weights)
    _, _, contain, queue = INTENTS[intent]
    negative = rng.random() < _sigmoid(-1.2 + 0.9 * risk + (1.0 if intent in ("complaint", "bill_dispute") else 0))
    sentiment = {"label": "negative" if negative else rng.choice(["neutral", "neutral", "positive"]),
                 "intensity": round(rng.uniform(0.5, 0.95) if negative else rng.uniform(0.1, 0.5), 2)}
    conv = {"id": _id(rng), "tenant_id": cust["tenant_id"], "customer_id": cust["id"], "channel": "web",
            "language": lang, "subject": intent, "created_at": at, "priority": 0, "queue_id": None,
            "assigned_agent_id": None, "queued_at": None, "assigned_at": None}
    analysis = {"language": {"label": lang, "confidence": 0.9}, "sentiment": sentiment,
                "intent": {"label": intent, "confidence": round(rng.uniform(0.6, 0.95), 2), "out_of_scope": False}}
    texts = history_texts()
    said = texts["intents"][intent][lang]
    w.message(rng, conv, 1, "customer", _text(said["customer"], conv["id"], "customer"), at, analysis)
    w.message(rng, conv, 2, "bot", _text(said["bot"], conv["id"], "bot"), at + timedelta(seconds=3),
              {"kind": "bot_answer", "language": lang})
    end = at + timedelta(seconds=rng.randint(60, 240))
    escalate = rng.random() > contain * (0.6 if negative else 1.0)
    resolved = True
    if escalate:
        q_at = at + timedelta(seconds=rng.randint(30, 150))
        busy = HOURLY[at.astimezone(LOCAL).hour] / max(HOURLY)
        wait = rng.expovariate(1 / (15 + 90 * busy))
        queue_name = "darija" if lang in ("ary", "ary_Latn") and queue == "general" else queue
        conv.update(queue_id=queues.get(queue_name), queued_at=q_at, priority=1 if negative else 0)
        reasons = [{"rule": "negative_sentiment" if negative else "no_automated_answer"}]
        w.decision(rng, conv, "escalation", "escalate", "escalation-policy", {"analysis": {"intent": intent}},
                   reasons, q_at)
        abandoned = rng.random() < min(0.5, wait / 600)
        if abandoned or not agents:
            resolved, end = False, q_at + timedelta(seconds=wait)
        else:
            agent = rng.choice(agents)
            conv.update(assigned_at=q_at + timedelta(seconds=wait), assigned_agent_id=agent)
            w.decision(rng, conv, "routing", f"assigned:{agent}", "routing",
                       {"language": lang, "wait_seconds": round(wait, 1), "queue_id": conv["queue_id"]},
                       [{"rule": "most_suitable_longest_idle"}], conv["assigned_at"])
            end = conv["assigned_at"] + timedelta(seconds=rng.lognormvariate(math.log(360), 0.5))
            w.message(rng, conv, 3, "agent", _text(said["agent"], conv["id"], "agent"),
                      conv["assigned_at"] + timedelta(seconds=20), {}, agent)
            resolved = rng.random() > 0.08 + 0.15 * _sigmoid(risk)
            follow_up = texts["follow_up"]["resolved" if resolved else "unresolved"][lang]
            w.message(rng, conv, 4, "customer", _text(follow_up, conv["id"], "follow_up"), end - timedelta(seconds=30),
                      {**analysis, "sentiment": {"label": "negative" if negative and not resolved else "neutral",
                                                 "intensity": 0.6 if negative and not resolved else 0.2}})
    conv.update(status="resolved" if resolved else "closed", updated_at=end, closed_at=end)
    if rng.random() < 0.3:
        wait_s = (conv["assigned_at"] - conv["queued_at"]).total_seconds() if conv["assigned_at"] else 0.0
        csat = 4.4 - 1.1 * negative - 0.6 * escalate - wait_s / 150 - 1.4 * (not resolved) + rng.gauss(0, 0.6)
        score = int(min(5, max(1, round(csat))))
        w.message(rng, conv, 9, "system", f"CSAT {score}/5", end + timedelta(minutes=1),
                  {"kind": "csat", "score": score, "comment": None, "internal": True})
    w.conversations.append(conv)
    return {"intent": intent, "negative": negative, "escalated": escalate, "resolved": resolved}


def seed_history(uow_factory: Callable[[], UnitOfWork], customers: int = 300, conversations: int = 3000,
                 weeks: int = 8, seed: int = 7, now: datetime | None = None) -> dict[str, Any]:
    """Add the synthetic history to the demo tenant once; a second call changes nothing."""
    rng = random.Random(seed)
    now = now or utcnow()
    uow = uow_factory()
    with uow:
        tenant = uow.tenants.by_slug(TENANT)
        if tenant is None or uow.customers.by_external_id(tenant.id, FIRST_ID) is not None:
            return {"seeded": False}
        queues = {q.name: q.id for q in uow.queues.for_tenant(tenant.id)}
        agents = [u.id for u in uow.users.in_tenants([tenant.id]) if u.role == Role.AGENT.value]
        people = _customers(rng, tenant.id, customers, now)
        weights = [math.exp(0.5 * c["_risk"]) for c in people]
        writer = _Writer()
        seen: dict[str, list[dict[str, Any]]] = {}
        for at in sorted(_when(rng, now, weeks) for _ in range(conversations)):
            cust = rng.choices(people, weights=weights)[0]
            seen.setdefault(cust["id"], []).append(_conversation(rng, writer, cust, at, queues, agents))
        for c in people:
            mine = seen.get(c["id"], [])
            asked_to_leave = any(x["intent"] == "contract_termination" for x in mine)
            unhappy = sum(x["negative"] or not x["resolved"] for x in mine)
            p = _sigmoid(1.4 * c["_risk"] + 1.5 * asked_to_leave + 0.3 * unhappy - 0.4)
            churned = rng.random() < p
            if rng.random() < 0.5:  # the outcome is known for about half of the customers
                c["attributes"]["churned"] = churned
        s = uow.session
        s.execute(insert(tables.customers), [{k: v for k, v in c.items() if k != "_risk"} for c in people])
        s.execute(insert(tables.conversations), writer.conversations)
        s.execute(insert(tables.messages), writer.messages)
        s.execute(insert(tables.decision_records), writer.decisions)
        settings = dict(tenant.settings or {})
        settings.setdefault("insights", {
            "sensitive": ["gender", "age_band", "region", "language"],
            "incidents": [{"region": "Tanger", "kind": "incident", "strength": 0.35,
                           "text": "fibre incident declared in Tanger (repair under way)"}],
        })
        tenant.settings = settings
        uow.commit()
    return {"seeded": True, "customers": len(people), "conversations": len(writer.conversations),
            "messages": len(writer.messages), "decisions": len(writer.decisions)}
