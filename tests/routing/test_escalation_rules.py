"""Escalation rules that need the conversation so far, per-tenant thresholds, and the decision record."""

from __future__ import annotations

from tawasol.domain.analysis import IntentResult, MessageAnalysis, SentimentResult
from tawasol.domain.model import Conversation, Customer, Message, Tenant
from tawasol.domain.pipeline import MessageContext, Reply
from tawasol.routing import EscalationPolicyStep

_NOT_CONFIDENT = Reply(text="?", extra={"outcome": "not_confident"})  # the bot's reply to "???"


def ctx(text: str, history: list[Message] | None = None, intent: tuple[str, float, bool] | None = None,
        sentiment: tuple[str, float] | None = None, settings: dict | None = None, segment: str = "standard",
        replies: list[Reply] | None = None) -> MessageContext:
    tenant = Tenant(slug="t", name="T", settings=settings or {})
    conv = Conversation(tenant_id=tenant.id, customer_id="c")
    a = MessageAnalysis()
    if intent:
        a.intent = IntentResult(label=intent[0], confidence=intent[1], out_of_scope=intent[2])
    if sentiment:
        a.sentiment = SentimentResult(label=sentiment[0], intensity=sentiment[1])
    return MessageContext(tenant=tenant, conversation=conv,
                          customer=Customer(tenant_id=tenant.id, attributes={"segment": segment}),
                          message=Message(tenant_id=tenant.id, conversation_id=conv.id, author="customer", text=text),
                          history=history or [], text=text, analysis=a,
                          replies=replies if replies is not None else [_NOT_CONFIDENT])


def said(label: str, conf: float = 0.9, oos: bool = False, author: str = "customer", outcome: str = "") -> Message:
    analysis = ({"intent": {"label": label, "confidence": conf, "out_of_scope": oos}} if author == "customer"
                else {"outcome": outcome})
    return Message(tenant_id="t", conversation_id="c", author=author, text="x", analysis=analysis)


def rules(c: MessageContext) -> list[str]:
    out = EscalationPolicyStep().process(c)
    return [r["rule"] for r in out.escalation.reasons] if out.escalation else []


def test_repeated_out_of_scope_escalates_on_the_second() -> None:
    assert rules(ctx("???", intent=("out_of_scope", 0.1, True))) == []
    assert "out_of_scope" in rules(ctx("???", [said("out_of_scope", 0.1, True)], intent=("out_of_scope", 0.1, True)))


def test_three_turns_on_the_same_intent_is_a_loop_but_an_agent_reply_resets() -> None:
    history = [said("check_bill"), said("check_bill")]
    assert "loop" in rules(ctx("facture", history, intent=("check_bill", 0.9, False)))
    reset = [said("check_bill"), said("", author="agent"), said("check_bill")]
    assert "loop" not in rules(ctx("facture", reset, intent=("check_bill", 0.9, False)))


def test_turns_without_progress_are_a_loop() -> None:
    history = [said("", author="bot", outcome="not_confident"), said("", author="bot", outcome="slot_invalid")]
    c = ctx("hein", history, intent=("pay_bill", 0.9, False),
            replies=[Reply(text="?", extra={"outcome": "slot_invalid"})])
    assert "loop" in rules(c)


def test_thresholds_are_per_tenant_and_decisions_say_why() -> None:
    strict = ctx("bof", intent=("check_bill", 0.9, False), sentiment=("negative", 0.5),
                 settings={"escalation": {"negative_intensity": 0.4, "negative_turns": 1}})
    assert rules(strict) == ["negative_sentiment"]
    assert rules(ctx("bof", intent=("check_bill", 0.9, False), sentiment=("negative", 0.5))) == []
    out = EscalationPolicyStep().process(ctx("bof", intent=("complaint", 0.9, False)))
    assert out.decisions[-1].kind == "escalation" and out.decisions[-1].reasons[0]["rule"] == "sensitive_topic"


def test_failed_action_and_bot_codes_use_the_policy_vocabulary() -> None:
    c = ctx("ok", intent=("recharge_credit", 0.9, False),
            replies=[Reply(text="désolé", extra={"outcome": "action_failed"})])
    assert "failed_action" in rules(c)


def test_one_plain_complaint_lets_the_bot_try_but_sustained_or_frustrated_negativity_hands_off() -> None:
    def negative(intensity: float = 0.95) -> Message:
        return Message(tenant_id="t", conversation_id="c", author="customer", text="x",
                       analysis={"sentiment": {"label": "negative", "intensity": intensity}})

    assert rules(ctx("ma facture est trop chère", intent=("check_bill", 0.9, False),
                     sentiment=("negative", 0.99))) == []
    assert rules(ctx("toujours trop chère", [negative()], intent=("check_bill", 0.9, False),
                     sentiment=("negative", 0.9))) == ["negative_sentiment"]
    assert rules(ctx("toujours", [negative(0.3)], intent=("check_bill", 0.9, False), sentiment=("negative", 0.9))) == []
    agent_between = [negative(), Message(tenant_id="t", conversation_id="c", author="agent", text="je regarde")]
    assert rules(ctx("encore", agent_between, intent=("check_bill", 0.9, False), sentiment=("negative", 0.9))) == []
    frustrated = ctx("j'en ai marre, troisième fois", intent=("check_bill", 0.9, False), sentiment=("negative", 0.9))
    frustrated.analysis.sentiment.signals = {"frustration": 0.84}  # two cues: "j'en ai marre", "troisième fois"
    assert rules(frustrated) == ["negative_sentiment"]
    # one cue ("depuis ce matin" in an outage report) is the problem's description, not frustration to hand over
    outage = ctx("internet coupé depuis ce matin", intent=("internet_outage", 0.99, False),
                 sentiment=("negative", 0.97))
    outage.analysis.sentiment.signals = {"frustration": 0.6}
    assert rules(outage) == []


def test_a_weak_guess_of_a_sensitive_intent_does_not_hand_over() -> None:
    # "bghit ncharji nemra dyali" read as contract_termination at 0.22: a guess, not a termination request
    assert "sensitive_topic" not in rules(ctx("bghit ncharji nemra dyali",
                                              intent=("contract_termination", 0.22, False)))
    assert "sensitive_topic" in rules(ctx("bghit nfsakh lcontrat", intent=("contract_termination", 0.8, False)))


def _with_signals(text: str, **signals: float) -> MessageContext:
    c = ctx(text, intent=("internet_outage", 0.9, False), sentiment=("negative", 0.8))
    assert c.analysis.sentiment is not None
    c.analysis.sentiment.signals = dict(signals)
    return c


def test_a_customer_leaving_for_a_competitor_goes_to_a_person() -> None:
    assert "churn_threat" in rules(_with_signals("je pars chez la concurrence", churn_threat=0.6))
    assert "churn_threat" not in rules(_with_signals("internet coupé", churn_threat=0.0))


def test_numbers_typed_for_a_flow_are_not_out_of_scope_turns() -> None:
    """"0612345678" then "1000" in the recharge flow read as out of scope to the intent model: no hand-off."""
    flow_reply = {"kind": "bot_flow", "outcome": "slot_requested"}
    def asked() -> Message:
        return Message(tenant_id="t", conversation_id="c", author="bot", text="?", analysis=flow_reply)

    oos = ("out_of_scope", 0.2, True)
    history = [said("recharge_credit"), asked(), said(*oos), asked()]
    in_flow = ctx("1000", history, intent=oos, replies=[Reply(text="between 5 and 500", extra=flow_reply)])
    assert "out_of_scope" not in rules(in_flow)
    # after the flow, one real out-of-scope message is the first, not the second
    after = ctx("la météo ?", history + [said(*oos), asked()], intent=oos)
    assert "out_of_scope" not in rules(after)
    assert "out_of_scope" in rules(ctx("la météo ?", [said(*oos)], intent=oos))


def test_a_hand_off_withdraws_the_bots_could_you_rephrase() -> None:
    c = _with_signals("VOUS ME VOLEZ", anger=0.75)
    c.replies = [Reply(text="Pouvez-vous reformuler ?", extra={"outcome": "not_confident"})]
    out = EscalationPolicyStep().process(c)
    assert out.escalation is not None and out.replies == []


def test_an_intent_read_in_a_slot_answer_is_no_sensitive_topic() -> None:
    """"رقم العقد 6603921" for the contract number reads as contract termination to the intent model."""
    flow_reply = Reply(text="8 أرقام", extra={"kind": "bot_flow", "outcome": "slot_invalid"})
    assert rules(ctx("رقم العقد 6603921", intent=("contract_termination", 0.8, False), replies=[flow_reply])) == []
    assert "sensitive_topic" in rules(ctx("أريد فسخ العقد", intent=("contract_termination", 0.8, False)))


def test_the_same_intent_while_answering_a_flow_is_no_loop_but_turns_without_progress_are() -> None:
    history = [said("roaming"), said("", author="bot", outcome="flow_started"), said("roaming"),
               said("", author="bot", outcome="slot_invalid")]
    answered = ctx("perdon, España", history, intent=("roaming", 0.9, False),
                   replies=[Reply(text="¿Su número?", extra={"kind": "bot_flow", "outcome": "slot_requested"})])
    assert "loop" not in rules(answered)
    stuck = [said("roaming"), said("", author="bot", outcome="slot_invalid"), said("roaming"),
             said("", author="bot", outcome="slot_invalid")]
    again = ctx("Narnia", stuck, intent=("roaming", 0.9, False),
                replies=[Reply(text="?", extra={"kind": "bot_flow", "outcome": "slot_invalid"})])
    assert "loop" in rules(again)


def test_follow_ups_the_bot_answers_are_no_low_confidence_turns() -> None:
    """"bghit lfatoura tjini f email" then "w wach katji b pdf?": the intent model is unsure of both, the
    knowledge base answered both (the e-bill article): no hand-off for low confidence."""
    unsure = ("check_bill", 0.2, False)
    answered = Reply(text="e-bill", extra={"outcome": "answered"})
    history = [said(*unsure), said("", author="bot", outcome="answered")]
    assert "low_confidence" not in rules(ctx("w wach katji b pdf?", history, intent=unsure, replies=[answered]))
    # unanswered, the same two turns are two low-confidence turns in a row
    missed = [said(*unsure), said("", author="bot", outcome="not_confident")]
    assert "low_confidence" in rules(ctx("w wach katji b pdf?", missed, intent=unsure))
