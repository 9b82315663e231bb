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


def test_the_digits_of_an_arabizi_word_are_no_amount():
    from tawasol.bot.flows import _numbers

    assert [m.group() for m in _numbers("wach n9der nchri pass internet mn solde?")] == []
    assert [m.group() for m in _numbers("3afak dir 100dh, 7ta 20 dh")] == ["100", "20"]


def test_a_question_mid_recharge_with_an_arabizi_digit_is_answered_not_read_as_9_dh(chat, backend):
    c = chat({"backend_url": backend.url})
    assert _flow(c.say("bghit nchargi solde dyali b la carte guichet", language="ary_Latn"))["id"] == "recharge"
    ctx = c.say("wach n9der nchri pass internet mn solde?", language="ary_Latn")
    assert _flow(ctx)["awaiting"] == "amount" and "amount" not in _flow(ctx)["slots"]


@pytest.mark.parametrize("language, text, flow", [
    ("fr", "Bonjour, je voudrais savoir combien je dois payer pour ce mois", "check_bill"),
    ("en", "i need to see what i owe on this month's bill", "check_bill"),
    ("fr", "je dois remettre du credit sur ma ligne, on peut faire ca ici ?", "recharge"),
    ("en", "need to put some credit on my mobile", "recharge"),
    ("es", "tengo que meterle saldo al movil", "recharge"),
    ("ary_Latn", "dir lia recharge dyal 100dh l nemra dyali", "recharge"),
    ("ary_Latn", "fa3elli roaming 3afak, ghadi l mirikan", "roaming_activation"),
    ("fr", "Salut ! Ma connexion internet a la maison est tombee depuis hier soir", "report_outage"),
    ("ar", "انقطعت خدمة الإنترنت في منزلي منذ البارحة", "report_outage"),
])
def test_requests_in_customers_words_start_their_flow(chat, backend, language, text, flow):
    c = chat({"backend_url": backend.url})
    assert _flow(c.say(text, language=language))["id"] == flow


def test_credit_kept_for_roaming_is_a_question_not_a_top_up(chat, backend):
    c = chat({"backend_url": backend.url})
    ctx = c.say("I'm on prepaid, do I need to keep some credit on my line for roaming to work abroad?", language="en")
    assert ctx.replies[0].extra["bot_state"]["flow"] is None


def test_a_number_a_digit_short_hears_the_rule_not_an_article(chat, backend):
    c = chat({"backend_url": backend.url})
    assert _flow(c.say("كم يبلغ مبلغ فاتورتي لهذا الشهر؟", language="ar"))["id"] == "check_bill"
    ctx = c.say("رقم العقد 6603921", language="ar")
    assert ctx.replies[0].extra["outcome"] == "slot_invalid" and not ctx.replies[0].sources
    done = c.say("آسف نسيت رقما، الرقم الصحيح هو 66039218", language="ar")
    assert done.replies[0].extra["outcome"] == "flow_completed"


def test_a_city_without_an_agency_hears_the_cities_and_the_flow_waits(chat, backend):
    c = chat({"backend_url": backend.url})
    start = c.say("necesito pedir cita en una tienda para un duplicado de la sim", language="es")
    assert _flow(start)["awaiting"] == "city"
    ctx = c.say("Oujda", language="es")
    assert ctx.replies[0].extra["outcome"] == "slot_invalid" and "Casablanca" in ctx.replies[0].text
    assert c.say("vale, pues en Fez", language="es").replies[0].extra["outcome"] == "flow_completed"
