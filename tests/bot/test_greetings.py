"""A greeting is small talk only when nothing else is asked; greet-and-ask messages get an answer."""

from __future__ import annotations

import pytest

from tawasol.demo.backend import DemoBackend


@pytest.fixture
def backend():
    with DemoBackend() as b:
        yield b


@pytest.mark.parametrize("language, text, flow, hello", [
    ("fr", "Bonsoir, internet est coupé chez moi depuis ce matin", "report_outage", "Bonjour !"),
    ("ary_Latn", "salam, bghit n3ref ch7al lfatoura dyal had chhar", "check_bill", "Salam!"),
    ("es", "Hola, quiero saber el importe de mi factura", "check_bill", "¡Hola!"),
    ("ary", "السلام عليكم، الانترنيت مقطوع عندي فالدار", "report_outage", "السلام!"),
])
def test_a_greeting_with_a_problem_starts_on_the_problem(chat, backend, language, text, flow, hello):
    ctx = chat({"backend_url": backend.url}).say(text, language=language, intent="greeting", confidence=0.9)
    reply = ctx.replies[0]
    assert not reply.extra["outcome"].startswith("small_talk")
    assert reply.extra["bot_state"]["flow"]["id"] == flow and reply.text.startswith(hello)


def test_a_greeting_with_a_question_gets_the_answer(chat):
    ctx = chat().say("Bonjour, comment payer ma facture ?", language="fr", intent="greeting", confidence=0.8)
    assert ctx.replies[0].sources and ctx.replies[0].sources[0]["article_key"] == "bill-pay"
    assert ctx.replies[0].text.startswith("Bonjour !")


@pytest.mark.parametrize("language, text", [("fr", "Bonjour madame"), ("ary_Latn", "salam, labas?"),
                                            ("es", "Hola, buenas tardes"), ("ar", "السلام عليكم")])
def test_a_greeting_alone_is_greeted(chat, language, text):
    ctx = chat().say(text, language=language)
    assert ctx.replies[0].extra["outcome"] == "small_talk:greeting"


def test_darija_in_arabic_letters_with_french_words_is_answered_in_darija(chat):
    # the identifier reads "fr" (three French words), but the customer writes Darija in Arabic letters
    ctx = chat().say("بغيت نعرف كيفاش نحيد les SMS publicitaires", language="fr", languages=["fr", "ary"])
    assert ctx.replies[0].extra["language"] == "ary"
    ctx = chat().say("je veux savoir comment arrêter les SMS publicitaires", language="fr")
    assert ctx.replies[0].extra["language"] == "fr"


def test_a_short_answer_keeps_the_conversation_language(chat):
    c = chat()
    c.say("Quiero saber cuánto es mi factura de este mes", language="es")
    ctx = c.say("perdon, en Tanger", language="fr")  # three words the identifier reads as French
    assert ctx.replies[0].extra["language"] == "es"


def test_spanish_imperative_and_no_internet_name_their_concepts(demo_index):
    tokens = set(demo_index.tokenizer.tokens("activame el roaming por favor", "es"))
    assert {"#activate", "#roaming"} <= tokens
    assert "#outage" in set(demo_index.tokenizer.tokens("no tengo internet en casa desde ayer", "es"))


def test_buying_a_data_pass_is_not_an_outage(demo_index):
    # "pass" folds to "pas" (not): a "no internet" form written with "pas" would read every data pass as an outage
    assert "#outage" not in set(demo_index.tokenizer.tokens("bghit nchri pass internet dyal 10 giga", "ary_Latn"))
    assert "#outage" not in set(demo_index.tokenizer.tokens("je veux acheter un pass internet", "fr"))
