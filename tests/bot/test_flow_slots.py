"""Slot filling as customers answer: the value of another slot typed instead of the one asked, city aliases
that are ordinary words in the customer's language, the amount due asked with "pay" in it."""

from __future__ import annotations

import pytest

from tawasol.bot.flows import load_flows
from tawasol.demo.backend import DemoBackend


@pytest.fixture
def backend():
    with DemoBackend() as b:
        yield b


def _flow(ctx):
    return ctx.replies[0].extra["bot_state"]["flow"]


@pytest.mark.parametrize("language, start, phone, amount_word", [
    ("en", "I want to top up my number", "0612345678", "500 MAD"),
    ("ary", "بغيت نشارجي", "0687654321", "500 درهم"),
])
def test_a_phone_number_typed_when_the_amount_is_asked_fills_the_phone_and_asks_the_amount_again(
        chat, backend, language, start, phone, amount_word):
    c = chat({"backend_url": backend.url})
    assert _flow(c.say(start, language=language))["awaiting"] == "amount"
    ctx = c.say(phone, language=language)
    reply = ctx.replies[0]
    assert reply.extra["outcome"] != "slot_invalid" and amount_word in reply.text  # asked, not refused
    assert _flow(ctx)["awaiting"] == "amount" and "phone" in _flow(ctx)["slots"]
    assert c.say("1000", language=language).replies[0].extra["outcome"] == "slot_invalid"  # one failure only
    again = c.say("200", language=language)  # the number was not kept in clear between turns: asked again
    assert again.replies[0].extra["outcome"] == "slot_requested_again" and again.escalation is None
    done = c.say(phone, language=language)
    assert done.replies[0].extra["outcome"] == "flow_completed" and done.escalation is None


def test_casa_is_home_in_spanish_and_casablanca_in_french(chat, backend):
    es = chat({"backend_url": backend.url})
    ctx = es.say("no tengo internet en casa desde ayer", language="es")
    assert _flow(ctx)["id"] == "report_outage" and _flow(ctx)["awaiting"] == "city"
    done = es.say("Tanger", language="es")
    assert done.replies[0].extra["outcome"] == "flow_completed"
    fr = chat({"backend_url": backend.url})
    ctx = fr.say("panne internet chez moi à casa depuis hier", language="fr")
    assert ctx.replies[0].extra["outcome"] == "flow_completed"


def test_ordinary_words_are_read_from_the_flow_file():
    outage = next(f for f in load_flows() if f.id == "report_outage")
    city = outage.slots[0]
    assert city.ordinary == {"es": ["casa"]}


@pytest.mark.parametrize("language, text", [
    ("ary_Latn", "bghit n3ref ch7al khassni nkhelles f lfatoura"),
    ("fr", "je voudrais savoir combien je dois payer sur ma facture"),
    ("en", "how much do I have to pay on my bill this month"),
])
def test_the_amount_due_asked_with_pay_in_it_starts_the_bill_check(chat, backend, language, text):
    c = chat({"backend_url": backend.url})
    assert _flow(c.say(text, language=language))["id"] == "check_bill"


def test_how_to_pay_the_bill_is_still_an_article(chat, backend):
    c = chat({"backend_url": backend.url})
    ctx = c.say("Comment payer ma facture ?", language="fr")
    assert ctx.replies[0].sources[0]["article_key"] == "bill-pay"


def test_apn_settings_with_internet_not_working_get_the_apn_article_not_the_outage_flow(chat, backend):
    c = chat({"backend_url": backend.url})
    ctx = c.say("أريد إعدادات الـ APN لأن الإنترنت لا يعمل في الهاتف الجديد", language="ar")
    assert ctx.replies[0].sources and ctx.replies[0].sources[0]["article_key"] == "internet-apn-settings"


def test_a_question_on_the_flows_own_topic_is_answered_and_the_flow_waits(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("فعل ليا الرومينغ عافاك، مسافر لفرانسا", intent="roaming", language="ary")
    ctx = c.say("شحال كيتخلص المكالمة ملي نكون برا؟", intent="roaming", language="ary")
    assert ctx.replies[0].sources and ctx.replies[0].sources[0]["article_key"] == "roaming-rates"
    assert _flow(ctx)["id"] == "roaming_activation"
    done = c.say("0661827364", language="ary")
    assert done.replies[0].extra["outcome"] == "flow_completed"
