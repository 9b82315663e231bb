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
            Message("t", conv.id, "bot", "jawab", seq=2, analysis={"sources": [{"title": "Facture"}], "outcome": "answered"}),
            Message("t", conv.id, "customer", "agent", seq=3,
                    analysis={"sentiment": {"label": "negative", "intensity": 0.8}, "intent": {"label": "human_agent", "confidence": 1}})]
    decision = DecisionRecord(tenant_id="t", kind="escalation", outcome="escalate", model="m", model_version="1",
                              reasons=[{"rule": "human_request"}])
    packet = handoff_packet(conv, Customer(tenant_id="t", attributes={"segment": "vip"}), msgs, [decision], [])
    assert packet["language"] == "ary" and packet["segment"] == "vip"
    assert packet["reasons_in_words"] == ["asked for a person"]
    assert packet["worst_negative_intensity"] == 0.8
    assert "Facture" in packet["summary"]
    assert "Request: salam" in wrap_up_summary(msgs)
