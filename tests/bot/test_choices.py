"""Quick replies: the bot's yes/no question and a flow's choice slots offer buttons whose value, sent as the
customer's message, is read as if typed."""

from __future__ import annotations

import pytest

from tawasol.bot.choices import slot_choices, yes_no
from tawasol.bot.flows import load_flows
from tawasol.bot.text import Tokenizer
from tawasol.demo.backend import DemoBackend

LANGUAGES = ("fr", "ar", "ary", "ary_Latn", "en", "es")


@pytest.mark.parametrize(
    "language, labels",
    [
        ("fr", ["Oui", "Non"]),
        ("ar", ["نعم", "لا"]),
        ("ary", ["إيه", "لا"]),
        ("ary_Latn", ["Ih", "La"]),
        ("en", ["Yes", "No"]),
        ("es", ["Sí", "No"]),
    ],
)
def test_yes_no_are_the_words_the_feedback_question_names(language, labels):
    assert [c["label"] for c in yes_no(language)] == labels


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_answer_offers_yes_and_no_and_yes_confirms_it(chat, language):
    c = chat()
    ctx = c.say("comment payer ma facture en ligne ?", language=language)
    reply = ctx.replies[0]
    assert reply.extra["outcome"] == "answered"
    choices = reply.extra["choices"]
    assert choices == yes_no(language) and len(choices) == 2
    done = c.say(choices[0]["value"], language=language)
    assert done.replies[0].extra["outcome"] == "resolution_confirmed"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_hands_over(chat, language):
    c = chat()
    c.say("comment payer ma facture en ligne ?", language=language)
    no = c.say(yes_no(language)[1]["value"], language=language)
    assert no.escalation is not None and no.escalation.reasons[0]["code"] == "answer_did_not_help"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_choice_of_every_flow_reads_back_as_its_value(language):
    tokenizer = Tokenizer()
    for flow in load_flows():
        for slot in flow.slots:
            choices = slot_choices(flow, slot, language, tokenizer)
            assert bool(choices) == (slot.type == "choice")
            for choice, value in zip(choices, slot.choices, strict=True):
                assert choice["label"]
                assert slot.extract(choice["value"], tokenizer, language) == value, (flow.id, choice)


def test_arabic_readers_see_the_cities_in_arabic_letters():
    outage = next(f for f in load_flows() if f.id == "report_outage")
    labels = [c["label"] for c in slot_choices(outage, outage.slots[0], "ar", Tokenizer())]
    assert "مراكش" in labels and "فاس" in labels
    latin = [c["label"] for c in slot_choices(outage, outage.slots[0], "fr", Tokenizer())]
    assert "Casablanca" in latin and "Fès" in latin


def test_a_flow_asking_for_a_city_offers_the_cities_and_a_click_completes_it(chat):
    with DemoBackend() as backend:
        c = chat({"backend_url": backend.url})
        ctx = c.say("panne internet chez moi depuis hier", language="fr")
        reply = ctx.replies[0]
        assert reply.extra["bot_state"]["flow"]["awaiting"] == "city"
        rabat = next(ch for ch in reply.extra["choices"] if ch["label"] == "Rabat")
        done = c.say(rabat["value"], language="fr")
        assert done.replies[0].extra["outcome"] == "flow_completed"
        assert "choices" not in done.replies[0].extra


def test_small_talk_offers_nothing(chat):
    assert "choices" not in chat().say("bonjour", language="fr").replies[0].extra
