"""Flows that let go: questions mid-flow are answered first, refusals leave the flow without claiming
anything was cancelled in the account, slots that keep failing offer help and then a person."""

from __future__ import annotations

import pytest

from tawasol.bot.flows import parse_flow
from tawasol.demo.backend import DemoBackend


@pytest.fixture
def backend():
    with DemoBackend() as b:
        yield b


def _flow(ctx):
    return ctx.replies[0].extra["bot_state"]["flow"]


def test_a_roaming_question_mid_city_slot_is_answered_not_read_as_a_city(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("Internet est en panne chez moi", language="fr")
    ctx = c.say("Comment activer le roaming en Espagne ?", language="fr")
    text = ctx.replies[0].text
    assert "Je ne connais pas cette ville" not in text
    assert ctx.replies[0].sources[0]["article_key"] == "roaming-activate"
    assert "revenir à votre panne" in text and "Dans quelle ville" in text  # the way back
    assert _flow(ctx)["id"] == "report_outage" and _flow(ctx)["awaiting"] == "city"
    done = c.say("Rabat", language="fr")
    assert done.replies[0].extra["outcome"] == "flow_completed" and "Rabat" in done.replies[0].text


def test_a_darija_new_topic_mid_contract_number_is_answered_in_darija(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("بغيت نشوف شحال فيها الفاكتورة ديالي", language="ary")
    ctx = c.say("كيفاش نفعل الرومينغ قبل ما نسافر لفرانسا؟", language="ary")
    text = ctx.replies[0].text
    assert "8 ديال الأرقام" not in text.split("\n\n")[0]  # not the contract-number prompt again
    assert ctx.escalation is None and ctx.replies[0].sources[0]["article_key"].startswith("roaming")
    assert text.startswith("غادي نجاوبك") and "نرجعو ل" in text
    assert _flow(ctx)["id"] == "check_bill"
    done = c.say("12345679", language="ary")
    assert done.replies[0].extra["outcome"] == "flow_completed" and "درهم" in done.replies[0].text


def test_an_answered_digression_does_not_wait_for_did_it_help(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("I want to activate roaming", language="en")
    ctx = c.say("How do I pay my bill?", language="en")
    assert "Did this solve" not in ctx.replies[0].text
    assert ctx.replies[0].extra["bot_state"]["feedback"] is None


def test_non_mid_recharge_lets_go_without_the_number_rule_nor_a_cancellation(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("Je voudrais recharger mon numéro avec l'application", language="fr")
    ctx = c.say("non", language="fr")
    text = ctx.replies[0].text
    assert "doit commencer par" not in text and "annul" not in text.lower()
    assert ctx.replies[0].extra["outcome"] == "flow_cancelled" and _flow(ctx) is None


@pytest.mark.parametrize("language, start, refusal, forbidden", [
    ("fr", "Je veux connaître le montant de ma facture", "non merci", "annul"),
    ("fr", "Je veux connaître le montant de ma facture", "laisse tomber", "annul"),
    ("en", "What is the amount of my bill?", "no thanks", "cancel"),
    ("en", "What is the amount of my bill?", "stop", "cancel"),
    ("es", "Quiero saber el importe de mi factura", "no, gracias", "cancel"),
    ("ar", "أريد معرفة مبلغ فاتورتي", "لا", "إلغاء"),
    ("ary", "بغيت نعرف شحال الفاكتورة ديالي", "بلاش", "لغينا"),
    ("ary_Latn", "bghit n3ref ch7al lfatoura dyali", "safi", "lghinaha"),
    ("ary_Latn", "bghit n3ref ch7al lfatoura dyali", "la", "lghinaha"),
])
def test_refusals_let_go_in_every_language(chat, backend, language, start, refusal, forbidden):
    c = chat({"backend_url": backend.url})
    assert _flow(c.say(start, language=language))["id"] == "check_bill"
    ctx = c.say(refusal, language=language)
    assert ctx.replies[0].extra["outcome"] == "flow_cancelled"
    assert forbidden not in ctx.replies[0].text.lower() and ctx.escalation is None


def test_i_want_to_cancel_my_contract_mid_flow_is_a_topic_not_ok_cancelled(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("What is the amount of my bill?", language="en")
    ctx = c.say("I want to cancel my contract", language="en", intent="contract_termination", confidence=0.9)
    text = ctx.replies[0].text
    assert "cancelled" not in text.lower() and "must start with" not in text
    assert ctx.replies[0].extra["outcome"] != "flow_cancelled"
    assert ctx.replies[0].sources[0]["article_key"] == "contract-termination"


def test_termination_in_darija_mid_flow_is_a_new_topic(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("bghit n3ref ch7al lfatoura dyali", language="ary_Latn")
    ctx = c.say("bghit nlghi l'abonnement dyali", language="ary_Latn", intent="contract_termination")
    assert ctx.replies[0].extra["outcome"] != "flow_cancelled"
    assert "lghinaha" not in ctx.replies[0].text.lower()


def test_a_question_without_digits_is_asked_again_then_helped_then_handed_off(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("Je voudrais recharger mon numéro avec l'application", language="fr")
    c.say("50", language="fr")  # the amount; the number (personal) is asked last
    first = c.say("c'est lequel déjà, celui de ma femme ?", language="fr")
    assert "doit commencer par" not in first.replies[0].text and "Quel numéro" in first.replies[0].text
    second = c.say("je ne sais plus où le trouver", language="fr")
    assert "conseiller" in second.replies[0].text and "0612345678" in second.replies[0].text  # the way out, an example
    third = c.say("aucune idée", language="fr")
    assert third.escalation is not None and third.escalation.reasons[0]["code"] == "flow_slot_invalid"


def test_a_wrong_number_hears_the_rule(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("Je voudrais recharger mon numéro avec l'application", language="fr")
    c.say("50", language="fr")
    ctx = c.say("0812", language="fr")
    assert "doit commencer par 05, 06 ou 07" in ctx.replies[0].text


def test_a_choice_slot_lists_its_choices_and_a_person_after_two_misses(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("My internet is down", language="en")
    c.say("Paris", language="en")
    ctx = c.say("Lyon", language="en")
    assert "Casablanca" in ctx.replies[0].text and "advisor" in ctx.replies[0].text


def test_a_spanish_customer_gets_spanish_flow_replies(chat, backend):
    c = chat({"backend_url": backend.url})
    assert "¿Qué importe" in c.say("Quiero recargar mi número con la aplicación", language="es").replies[0].text
    assert "¿Qué número" in c.say("50").replies[0].text  # a short answer keeps the conversation's language
    ctx = c.say("0612345678")
    assert ctx.replies[0].text.startswith("Listo") and ctx.replies[0].extra["language"] == "es"


def test_statuses_are_shown_in_the_customer_language(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("Quiero saber el importe de mi factura", language="es")
    ctx = c.say("12345678")
    assert "pagada" in ctx.replies[0].text and "paid" not in ctx.replies[0].text


def test_a_new_flow_trigger_switches_flow(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("What is the amount of my bill?", language="en")
    ctx = c.say("Actually my internet is down at home", language="en")
    assert _flow(ctx)["id"] == "report_outage"


def test_a_refused_action_never_reads_as_done(chat, backend):
    flow = parse_flow({"id": "ghost", "triggers": [["recharge", "app"]], "slots": [],
                       "action": {"method": "GET", "path": "/nowhere", "retries": 0},
                       "replies": [{"text": {"fr": "C'est fait !", "en": "Done!"}}]})
    c = chat({"backend_url": backend.url})
    c.step.flow_provider = lambda tenant: [flow]
    ctx = c.say("Je veux recharger avec l'application", language="fr")
    assert "C'est fait" not in ctx.replies[0].text and "rien n'a été fait" in ctx.replies[0].text
    assert ctx.escalation is not None


def test_a_confident_intent_of_one_flow_starts_it_when_no_trigger_matched(chat, backend):
    c = chat({"backend_url": backend.url})
    ctx = c.say("mets-moi 50 dirhams sur ma puce stp", language="fr", intent="recharge_credit", confidence=0.92)
    assert _flow(ctx) is not None and _flow(ctx)["id"] == "recharge" and _flow(ctx)["slots"] == {"amount": "50"}
    unsure = chat({"backend_url": backend.url}).say("mets-moi 50 dirhams sur ma puce stp", language="fr")
    assert _flow(unsure) is None  # without the NLU's confident intent, no flow starts on these words


def test_a_correction_of_an_earlier_choice_is_taken_and_the_question_asked_again(chat, backend):
    c = chat({"backend_url": backend.url})
    first = c.say("Je veux activer l'itinérance pour la France", language="fr")
    assert _flow(first)["slots"] == {"zone": "europe"}
    ctx = c.say("pardon, je pars finalement au Canada", language="fr")
    assert _flow(ctx)["slots"] == {"zone": "americas"} and "Pour quel numéro" in ctx.replies[0].text
    done = c.say("0661234567", language="fr")
    assert "Amériques" in done.replies[0].text and "0661234567" not in done.replies[0].text
