"""The handoff packet and summaries an agent reads instead of the whole transcript. Pure functions."""

from __future__ import annotations

from typing import Any

from tawasol.domain.model import Conversation, Customer, DecisionRecord, Message

_RULE_WORDS = {
    "human_request": "asked for a person", "negative_sentiment": "strongly negative message",
    "anger": "customer is angry", "churn_threat": "says they will leave", "sensitive_topic": "sensitive topic",
    "valued_customer_unhappy": "valued customer unhappy", "low_confidence": "bot unsure several times", "out_of_scope":
    "questions outside what the bot knows", "loop": "conversation going in circles", "failed_action":
    "an action failed", "no_automated_answer": "no automated answer", "transfer": "transferred",
}


def _analysis(m: Message) -> dict[str, Any]:
    return m.analysis if isinstance(m.analysis, dict) else {}


def _label(d: Any, key: str = "label") -> Any:
    return d.get(key) if isinstance(d, dict) else None


def _clip(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def reasons_in_words(reasons: list[dict[str, Any]]) -> list[str]:
    words = []
    for r in reasons:
        rule = str(r.get("rule") or r.get("code") or "")
        text = _RULE_WORDS.get(rule, rule.replace("_", " "))
        value = r.get("value")
        if isinstance(value, str) and value and rule in ("sensitive_topic", "valued_customer_unhappy"):
            text += f" ({value})"
        if text not in words:
            words.append(text)
    return words


def handoff_summary(messages: list[Message], reasons: list[dict[str, Any]] | None = None) -> str:
    """A few lines: what the customer wants, what the bot did, why it handed off."""
    customer = [m for m in messages if m.author == "customer"]
    bot = [m for m in messages if m.author == "bot"]
    lines = []
    if customer:
        lines.append(f"Customer wrote {len(customer)} message(s); first: “{_clip(customer[0].text)}”")
        if len(customer) > 1:
            lines.append(f"Last: “{_clip(customer[-1].text)}”")
    answered = [t for m in bot for t in (s.get("title") for s in _analysis(m).get("sources", []) or []) if t]
    if answered:
        lines.append("Bot answered with: " + "; ".join(dict.fromkeys(answered)))
    tried = _flows(bot)
    if tried:
        lines.append("Bot tried: " + ", ".join(tried))
    if reasons:
        lines.append("Handed off because: " + ", ".join(reasons_in_words(reasons)))
    return "\n".join(lines) if lines else "No messages yet."


def _flows(bot: list[Message]) -> list[str]:
    tried: list[str] = []
    for m in bot:
        a = _analysis(m)
        state = a.get("bot_state") or {}
        flow = state.get("flow") if isinstance(state, dict) else None
        name = flow.get("id") if isinstance(flow, dict) else None
        outcome = str(a.get("outcome") or "")
        if outcome.startswith("flow") or outcome in ("action_failed", "slot_requested"):
            name = name or outcome
        if name and f"{name} ({outcome})" not in tried and outcome:
            tried.append(f"{name} ({outcome})")
    return tried


def _latest(messages: list[Message], key: str) -> Any:
    for m in reversed(messages):
        if m.author == "customer" and _analysis(m).get(key):
            return _analysis(m)[key]
    return None


def handoff_packet(conversation: Conversation, customer: Customer | None, messages: list[Message],
                   decisions: list[DecisionRecord],
                   previous: list[tuple[Conversation, list[Message]]]) -> dict[str, Any]:
    """Everything the agent needs at a glance: why, language, intent, sentiment, what the bot did, history."""
    escalations = [d for d in decisions if d.kind == "escalation"]
    reasons = escalations[-1].reasons if escalations else []
    lang = _latest(messages, "language") or {}
    intent = _latest(messages, "intent") or {}
    sentiment = _latest(messages, "sentiment") or {}
    worst = max((float((_analysis(m).get("sentiment") or {}).get("intensity") or 0)
                 for m in messages if m.author == "customer"
                 and _label(_analysis(m).get("sentiment")) == "negative"), default=0.0)
    bot_answers = [{"text": _clip(m.text, 200), "outcome": _analysis(m).get("outcome"),
                    "sources": [s.get("title") for s in _analysis(m).get("sources", []) or [] if isinstance(s, dict)]}
                   for m in messages if m.author == "bot"]
    return {
        "reasons": reasons,
        "reasons_in_words": reasons_in_words(reasons),
        "language": conversation.language or _label(lang),
        "code_switching": bool(lang.get("code_switching")) if isinstance(lang, dict) else False,
        "intent": _label(intent), "intent_confidence": intent.get("confidence") if isinstance(intent, dict) else None,
        "sentiment": _label(sentiment),
        "sentiment_intensity": sentiment.get("intensity") if isinstance(sentiment, dict) else None,
        "signals": sentiment.get("signals", {}) if isinstance(sentiment, dict) else {},
        "worst_negative_intensity": round(worst, 2),
        "segment": (customer.attributes or {}).get("segment") if customer else None,
        "bot_answers": bot_answers,
        "actions_tried": _flows([m for m in messages if m.author == "bot"]),
        "summary": handoff_summary(messages, reasons),
        "previous_contacts": [_previous(c, msgs) for c, msgs in previous],
    }


def _previous(c: Conversation, msgs: list[Message]) -> dict[str, Any]:
    first = next((m.text for m in msgs if m.author == "customer"), "")
    wrap = next((_analysis(m) for m in reversed(msgs) if _analysis(m).get("kind") == "wrap_up"), {})
    return {"id": c.id, "date": c.created_at.isoformat(), "status": c.status, "language": c.language,
            "first_message": _clip(first, 120), "disposition": wrap.get("disposition"),
            "summary": wrap.get("summary")}


def wrap_up_summary(messages: list[Message]) -> str:
    """The automatic wrap-up note: the request, what the agent said last, and the outcome."""
    customer = [m for m in messages if m.author == "customer"]
    agent = [m for m in messages if m.author == "agent" and not _analysis(m).get("internal")]
    parts = []
    if customer:
        parts.append(f"Request: {_clip(customer[0].text)}")
    if agent:
        parts.append(f"Agent replied {len(agent)} time(s); last: {_clip(agent[-1].text)}")
    intent = _label(_latest(messages, "intent"))
    if intent:
        parts.append(f"Topic: {intent}")
    return " | ".join(parts) if parts else "No exchange with the customer."
