"""Flows against the demo back end, which runs on 127.0.0.1 in a thread for these tests."""

from __future__ import annotations

import pytest

from tawasol.demo.backend import DemoBackend


@pytest.fixture
def backend():
    with DemoBackend() as b:
        yield b


def test_check_bill_asks_the_contract_number_validates_it_and_reads_the_bill(chat, backend):
    c = chat({"backend_url": backend.url})
    ctx = c.say("chhal lfatoura dyali had chhar?")
    assert "contrat" in ctx.replies[0].text and ctx.decisions[0].kind == "bot_flow"
    ctx = c.say("123")
    assert "8 dial ar9am" in ctx.replies[0].text  # re-asked, with the rule
    ctx = c.say("ha howa 1234 5679")
    assert "dh" in ctx.replies[0].text and "2026-12-15" in ctx.replies[0].text
    assert ctx.replies[0].extra["outcome"] == "flow_completed" and ("GET", "/bills/12345679") in backend.calls


def test_report_outage_in_french_with_the_city_in_the_first_message(chat, backend):
    ctx = chat({"backend_url": backend.url}).say("Internet est en panne chez moi à Casablanca")
    assert "panne" in ctx.replies[0].text and "18:00" in ctx.replies[0].text


def test_report_outage_asks_the_city_in_darija(chat, backend):
    c = chat({"backend_url": backend.url})
    assert "فأي مدينة" in c.say("الانترنيت مقطوع عندي دابا").replies[0].text
    ctx = c.say("فاس")
    assert "Fès" in ctx.replies[0].text and "كاين عطل" in ctx.replies[0].text
    assert ctx.replies[0].extra["outcome"] == "flow_completed"


def test_a_flow_can_be_cancelled(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("I want to activate roaming")
    ctx = c.say("cancel")
    assert ctx.replies[0].extra["outcome"] == "flow_cancelled" and ctx.replies[0].extra["bot_state"]["flow"] is None


def test_when_the_back_end_is_down_the_flow_apologises_and_hands_off(chat):
    with DemoBackend(failing=True) as down:
        c = chat({"backend_url": down.url})
        c.say("activer l'itinérance pour l'Espagne")
        ctx = c.say("0612345678")
        assert ctx.escalation is not None and ctx.escalation.reasons[0]["code"] == "action_failed"
        assert "Désolé" in ctx.replies[0].text
        assert len(down.calls) == 3  # one try and two retries


def test_when_the_back_end_is_unreachable_the_flow_fails_quickly_and_hands_off(chat):
    c = chat({"backend_url": "http://127.0.0.1:9"})
    c.say("bghit nakhod maw3id l lapuce jdida f casa")
    assert c.history[-1].analysis["kind"] == "bot_handoff"


def test_three_invalid_answers_hand_off(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("How much is my bill?")
    c.say("no idea")
    c.say("still no idea")
    ctx = c.say("abc")
    assert ctx.escalation.reasons[0]["code"] == "flow_slot_invalid"
