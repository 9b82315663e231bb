"""Suggested replies and the handoff packet."""

from __future__ import annotations

from tawasol.assist import PastReply, handoff_packet, similarity, suggest_replies, wrap_up_summary
from tawasol.bot import KnowledgeIndex, load_articles
from tawasol.domain.model import Conversation, Customer, DecisionRecord, Message
from tawasol.service.knowledge import DEMO_KB_DIR


def test_past_replies_match_across_scripts_and_stay_in_the_language_family() -> None:
    past = [PastReply("الفاتورة ديال هاد الشهر غالية بزاف", "شفت الفاتورة: كاين روامينغ.", "ary"),
            PastReply("ma facture est trop chère", "Je regarde votre facture.", "fr")]
    out = suggest_replies("l fatura ghalya bzaf had chhar", "ary_Latn", None, past)
    assert [s.text for s in out] == ["شفت الفاتورة: كاين روامينغ."]
    assert similarity("", "x") == 0.0


def test_knowledge_suggestions_come_in_the_customers_language() -> None:
    index = KnowledgeIndex.build(load_articles(DEMO_KB_DIR), version="t")
    out = suggest_replies("الفاتورة ديالي غالية بزاف", "ary", index, [])
    assert out and out[0].source == "kb" and out[0].language == "ary" and out[0].article_key == "bill-high"


def test_packet_reads_analysis_defensively() -> None:
    conv = Conversation(tenant_id="t", customer_id="c", language="ary")
    msgs = [Message("t", conv.id, "customer", "salam", seq=1, analysis={"sentiment": "broken", "intent": None}),
            Message("t", conv.id, "bot", "jawab", seq=2,
                    analysis={"sources": [{"title": "Facture"}], "outcome": "answered"}),
            Message("t", conv.id, "customer", "agent", seq=3,
                    analysis={"sentiment": {"label": "negative", "intensity": 0.8},
                              "intent": {"label": "human_agent", "confidence": 1}})]
    decision = DecisionRecord(tenant_id="t", kind="escalation", outcome="escalate", model="m", model_version="1",
                              reasons=[{"rule": "human_request"}])
    packet = handoff_packet(conv, Customer(tenant_id="t", attributes={"segment": "vip"}), msgs, [decision], [])
    assert packet["language"] == "ary" and packet["segment"] == "vip"
    assert packet["reasons_in_words"] == ["asked for a person"]
    assert packet["worst_negative_intensity"] == 0.8
    assert "Facture" in packet["summary"]
    assert "Request: salam" in wrap_up_summary(msgs)


def test_placeholders_seed_artefacts_empty_and_system_texts_are_never_offered() -> None:
    from tawasol.assist import offerable

    assert not offerable("[synthetic history: agent reply]") and not offerable("   ") and not offerable(None)
    assert not offerable("Votre facture: {{amount}}") and not offerable("CSAT 4/5") and not offerable("/resolve")
    assert not offerable("[PHONE_1]") and not offerable("Lorem ipsum dolor sit amet")
    assert offerable("Je vous rappelle au [PHONE_1] dans la journée.")
    past = [PastReply("salam 3andi so2al 3la lfatura", "[synthetic history: agent reply]", "ary_Latn", "check_bill"),
            PastReply("salam 3andi so2al 3la lfatura", "", "ary_Latn", "check_bill")]
    assert suggest_replies("salam 3andi so2al 3la lfatura", "ary_Latn", None, past, intent="check_bill") == []


def test_past_replies_of_the_same_intent_and_language_come_first() -> None:
    past = [PastReply("السلام، عندي سؤال", "مرحبا، شنو هو السؤال ديالك؟", "ary", "greeting"),
            PastReply("السلام، بغيت نشعل الروامينغ", "شعلت ليك الروامينغ فالخط.", "ary", "roaming"),
            PastReply("الفاتورة غالية", "شفت الفاتورة: كاين روامينغ.", "ary_Latn", "bill_dispute"),
            PastReply("شحال الفاتورة ديالي؟", "الفاتورة ديالك كاينة فالتطبيق.", "ary", "check_bill")]
    out = suggest_replies("السلام، عندي سؤال على الفاتورة", "ary", None, past, intent="check_bill")
    assert out[0].text == "الفاتورة ديالك كاينة فالتطبيق." and out[0].intent == "check_bill"
    # a shared greeting is not a shared case: a reply to another intent needs real word overlap
    assert "شعلت ليك الروامينغ فالخط." not in [s.text for s in out]


def test_knowledge_suggestions_follow_the_conversations_intent() -> None:
    index = KnowledgeIndex.build(load_articles(DEMO_KB_DIR), version="t")
    without = [s.article_key for s in suggest_replies("الانترنيت مقطوع فالدار", "ary", index, [])]
    assert "contract-move-home" not in without[:1]  # "الدار" (home) is where the problem is, not a move
    out = suggest_replies("الانترنيت مقطوع فالدار", "ary", index, [], intent="internet_outage", intent_confidence=0.95)
    assert [s.intent for s in out[:2]] == ["internet_outage", "internet_outage"]
    assert out[0].article_key in ("internet-outage-check", "internet-router-restart") and out[0].language == "ary"


def test_conversation_intent_skips_greetings_requests_for_a_person_and_unsure_readings() -> None:
    from tawasol.assist import conversation_intent

    analyses = [{"intent": {"label": "greeting", "confidence": 0.99}},
                {"intent": {"label": "internet_outage", "confidence": 0.9}},
                {"intent": {"label": "roaming", "confidence": 0.3}},
                {"intent": {"label": "human_agent", "confidence": 1.0}}, None, {"intent": "broken"}]
    assert conversation_intent(analyses) == ("internet_outage", 0.9)
    assert conversation_intent([]) == (None, 0.0)
