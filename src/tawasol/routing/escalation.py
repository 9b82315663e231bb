"""The decision to hand a conversation to a person, with the reasons and signals behind it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from typing import Any

from tawasol.domain.model import DecisionRecord
from tawasol.domain.pipeline import Escalation, MessageContext, Reply
from tawasol.routing.notices import notice

POLICY_VERSION = "2"

# The disclosure tells customers they may type "agent" at any time: honour that word as a command
# in every language, whatever the models say.
_AGENT_COMMANDS = {
    "agent", "human", "humain", "conseiller", "operator", "operateur", "agente", "humano",
    "وكيل", "موظف", "انسان", "إنسان", "بشري",
}

SENSITIVE_INTENTS = {"complaint", "fraud_report", "legal_threat", "bereavement", "contract_termination"}


@dataclass
class EscalationPolicy:
    """Thresholds, configurable per tenant under settings["escalation"]."""

    human_request: float = 0.5
    negative_intensity: float = 0.75
    # A plain complaint ("my bill is too high") is negative but the bot may answer it: one strongly negative
    # message hands off only with frustration (or some anger) in it; otherwise the second in a row does.
    negative_turns: int = 2
    negative_frustration: float = 0.7  # two frustration cues ("again", "for days"), not one "since this morning"
    anger: float = 0.6
    churn_threat: float = 0.6  # "je pars chez la concurrence": a person (retention) takes it
    low_confidence: float = 0.35
    max_out_of_scope: int = 2
    loop_turns: int = 3
    sensitive_intents: tuple[str, ...] = tuple(sorted(SENSITIVE_INTENTS))
    sensitive_confidence: float = 0.5
    high_value_segments: tuple[str, ...] = ("vip", "high_value", "at_risk")

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> EscalationPolicy:
        raw = dict(settings.get("escalation") or {})
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in raw.items() if k in known}
        return cls(**values)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).strip(" .!?؟,")


def is_agent_command(text: str) -> bool:
    return _fold(text) in _AGENT_COMMANDS


class EscalationPolicyStep:
    """Runs last: escalates when a rule fires, or when nothing automated could answer."""

    name = "escalation"

    def __init__(self, policy: EscalationPolicy | None = None) -> None:
        self.policy = policy

    def _reasons(self, ctx: MessageContext, policy: EscalationPolicy) -> list[dict[str, Any]]:
        a = ctx.analysis
        reasons: list[dict[str, Any]] = []
        if is_agent_command(ctx.text):
            reasons.append({"rule": "human_request", "signal": "agent command", "value": 1.0})
        if a.sentiment is not None:
            signals = a.sentiment.signals or {}
            hr = float(signals.get("human_request", 0.0))
            if hr >= policy.human_request and not any(r["rule"] == "human_request" for r in reasons):
                reasons.append({"rule": "human_request", "signal": "human_request", "value": hr})
            if a.sentiment.label == "negative" and a.sentiment.intensity >= policy.negative_intensity:
                frustration = max(float(signals.get("frustration", 0.0)), float(signals.get("anger", 0.0)))
                streak = _negative_streak(ctx, policy)
                if frustration >= policy.negative_frustration:
                    reasons.append({"rule": "negative_sentiment", "signal": "intensity_and_frustration",
                                    "value": a.sentiment.intensity})
                elif streak >= policy.negative_turns:
                    reasons.append({"rule": "negative_sentiment", "signal": "negative_turns", "value": streak})
            anger = float(signals.get("anger", 0.0))
            if anger >= policy.anger:
                reasons.append({"rule": "anger", "signal": "anger", "value": anger})
            churn = float(signals.get("churn_threat", 0.0))
            if churn >= policy.churn_threat:
                reasons.append({"rule": "churn_threat", "signal": "churn_threat", "value": churn})
        if a.intent is not None and a.intent.label in policy.sensitive_intents and \
                a.intent.confidence >= policy.sensitive_confidence and not _in_flow(ctx):  # a weak guess is not a topic
            reasons.append({"rule": "sensitive_topic", "signal": "intent", "value": a.intent.label})
        segment = str((ctx.customer.attributes or {}).get("segment", "")).lower()
        if segment in policy.high_value_segments and a.sentiment is not None and a.sentiment.label == "negative":
            reasons.append({"rule": "valued_customer_unhappy", "signal": "segment", "value": segment})
        return reasons

    def process(self, ctx: MessageContext) -> MessageContext:
        if ctx.conversation.status != "bot":  # already waiting for (or with) a person
            return ctx
        policy = self.policy or EscalationPolicy.from_settings(ctx.tenant.settings or {})
        reasons = self._reasons(ctx, policy) + history_reasons(ctx, policy)
        if ctx.escalation is not None:  # an earlier step (e.g. the bot) already decided
            for r in ctx.escalation.reasons:
                r.setdefault("rule", _BOT_CODES.get(str(r.get("code")), str(r.get("code") or "bot_handoff")))
            rules = {r.get("rule") for r in ctx.escalation.reasons}
            ctx.escalation.reasons.extend(r for r in reasons if r.get("rule") not in rules)
        elif reasons:
            ctx.escalation = Escalation(reasons=reasons, priority=_priority(reasons))
            # A person takes over: a flow question the bot just asked ("which city?") would be left hanging,
            # and "could you rephrase? I can connect you with an advisor" is answered by the hand-off itself.
            ctx.replies = [r for r in ctx.replies if r.extra.get("outcome") not in _WITHDRAWN]
        elif not ctx.replies:
            ctx.escalation = Escalation(
                reasons=[{"rule": "no_automated_answer", "signal": "replies", "value": 0}], priority=0
            )
        if ctx.escalation is None:
            return ctx
        ctx.escalation.priority = max(ctx.escalation.priority, _priority(ctx.escalation.reasons))
        ctx.decisions.append(DecisionRecord(
            tenant_id=ctx.tenant.id, kind="escalation", outcome="escalate",
            model="escalation-policy", model_version=POLICY_VERSION,
            conversation_id=ctx.conversation.id, message_id=ctx.message.id,
            inputs={"text": ctx.text, "analysis": _brief(ctx)},
            reasons=ctx.escalation.reasons,
        ))
        return ctx


# The bot's own hand-off codes, in the policy's vocabulary.
_BOT_CODES = {"action_failed": "failed_action", "out_of_scope": "out_of_scope", "low_confidence": "low_confidence",
              "customer_asked_for_human": "human_request", "customer_accepted_offer": "human_request",
              "answer_did_not_help": "loop", "flow_slot_invalid": "loop"}

_FLOW_QUESTIONS = {"flow_started", "slot_requested", "slot_requested_again", "slot_invalid"}
_WITHDRAWN = _FLOW_QUESTIONS | {"not_confident"}
_NO_PROGRESS = {"not_confident", "slot_invalid", "flow_cancelled"}
_IDLE_INTENTS = {"greeting", "thanks", "goodbye", "human_agent"}


def _customer_turns(ctx: MessageContext) -> list[dict[str, Any]]:
    """Analyses of the customer's messages since a person last spoke, oldest first, the current one last."""
    turns: list[dict[str, Any]] = []
    for m in ctx.history:
        if m.author == "agent":
            turns = []
        elif m.author == "customer":
            turns.append(m.analysis or {})
    a = ctx.analysis
    turns.append({"intent": {"label": a.intent.label, "confidence": a.intent.confidence,
                             "out_of_scope": a.intent.out_of_scope} if a.intent else None})
    return turns


def _in_flow(ctx: MessageContext) -> bool:
    """The bot took this message as a step of a flow ("رقم العقد 6603921" for the contract number): what the
    intent model reads in it ("contract" -> termination) is not the customer's topic."""
    return any(r.extra.get("kind") == "bot_flow" for r in ctx.replies if r.author == "bot")


def _answered(ctx: MessageContext) -> bool:
    """The bot answered this message from the knowledge base."""
    return any(r.extra.get("outcome") == "answered" for r in ctx.replies if r.author == "bot")


def _handled_turns(ctx: MessageContext) -> list[bool]:
    """Per earlier customer message of `_customer_turns` (the current one left out): did the bot take it
    as part of a flow (a slot's answer, a flow started) or answer it from the knowledge base?"""
    flags: list[bool] = []
    for m in ctx.history:
        if m.author == "agent":
            flags = []
        elif m.author == "customer":
            flags.append(False)
        elif m.author == "bot" and flags:
            analysis = m.analysis or {}
            if analysis.get("kind") == "bot_flow" or analysis.get("outcome") == "answered":
                flags[-1] = True
    return flags


def _bot_outcomes(ctx: MessageContext) -> list[str]:
    outcomes: list[str] = []
    for m in ctx.history:
        if m.author == "agent":
            outcomes = []
        elif m.author == "bot":
            outcomes.append(str((m.analysis or {}).get("outcome") or ""))
    return outcomes + [str(r.extra.get("outcome") or "") for r in ctx.replies if r.author == "bot"]


def _negative_streak(ctx: MessageContext, policy: EscalationPolicy) -> int:
    """How many of the customer's last messages in a row (the current one included, counted as negative by the
    caller) were strongly negative, since a person last spoke."""
    streak = 1
    for turn in reversed(_customer_turns(ctx)[:-1]):
        s = turn.get("sentiment") if isinstance(turn.get("sentiment"), dict) else {}
        if s.get("label") != "negative" or float(s.get("intensity") or 0) < policy.negative_intensity:
            break
        streak += 1
    return streak


def history_reasons(ctx: MessageContext, policy: EscalationPolicy) -> list[dict[str, Any]]:
    """Rules that need the conversation so far: repeated out-of-scope or low confidence, loops, failed actions."""
    reasons: list[dict[str, Any]] = []
    intents = [t.get("intent") or {} for t in _customer_turns(ctx)]
    # A number or a city typed for a flow's question reads as out of scope to the intent model: a message
    # the bot took as a flow's answer (or question) is no sign that the bot cannot help. Nor is a message
    # the bot answered from the knowledge base ("w wach katji b pdf?" after the e-bill): the intent model
    # is unsure of a short follow-up the articles answer well.
    in_flow = _in_flow(ctx)
    handled = _handled_turns(ctx) + [in_flow or _answered(ctx)]
    understood = [i for i, done in zip(intents, handled, strict=True) if not done]
    if ctx.analysis.intent is not None and not handled[-1]:
        oos = sum(1 for i in understood if i.get("out_of_scope") or i.get("label") == "out_of_scope")
        low = sum(1 for i in understood if i and not i.get("out_of_scope") and i.get("label") not in _IDLE_INTENTS
                  and float(i.get("confidence") or 0) < policy.low_confidence)
        if ctx.analysis.intent.out_of_scope and oos >= policy.max_out_of_scope:
            reasons.append({"rule": "out_of_scope", "signal": "out_of_scope_turns", "value": oos})
        elif ctx.analysis.intent.confidence < policy.low_confidence and low >= policy.max_out_of_scope:
            reasons.append({"rule": "low_confidence", "signal": "low_confidence_turns", "value": low})
    labels = [str(i.get("label")) for i in intents[-policy.loop_turns:] if i]
    # In a flow the same intent turn after turn is the customer answering its questions ("Narnia", then
    # "perdon, España"): the flow counts its own failed tries, and turns without progress still count here.
    if (not in_flow and len(labels) >= policy.loop_turns and len(set(labels)) == 1 and labels[0] not in _IDLE_INTENTS
            and labels[0] != "out_of_scope"):
        reasons.append({"rule": "loop", "signal": "same_intent_turns", "value": labels[0]})
    else:
        recent = _bot_outcomes(ctx)[-policy.loop_turns:]
        if len(recent) >= policy.loop_turns and all(o in _NO_PROGRESS for o in recent):
            reasons.append({"rule": "loop", "signal": "turns_without_progress", "value": len(recent)})
    if any(r.extra.get("outcome") == "action_failed" for r in ctx.replies):
        reasons.append({"rule": "failed_action", "signal": "bot_action", "value": "action_failed"})
    return reasons


_RULE_PRIORITY = {"human_request": 2, "negative_sentiment": 3, "anger": 3, "churn_threat": 3, "sensitive_topic": 2,
                  "valued_customer_unhappy": 3, "low_confidence": 1, "out_of_scope": 1,
                  "loop": 2, "failed_action": 2, "no_automated_answer": 0}


def _priority(reasons: list[dict[str, Any]]) -> int:
    return max((_RULE_PRIORITY.get(str(r.get("rule")), 1) for r in reasons), default=0)


def _brief(ctx: MessageContext) -> dict[str, Any]:
    a = ctx.analysis
    return {
        "language": a.language.label if a.language else None,
        "intent": a.intent.label if a.intent else None,
        "intent_confidence": a.intent.confidence if a.intent else None,
        "sentiment": a.sentiment.label if a.sentiment else None,
        "sentiment_intensity": a.sentiment.intensity if a.sentiment else None,
    }


def handoff_notice(language: str | None) -> Reply:
    """What the customer reads when a person takes over."""
    return Reply(text=notice("handoff", language), author="system")
