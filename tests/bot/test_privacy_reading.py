"""Privacy-aware reading: the bot understands what the customer typed, and keeps, logs or sends out only
the redaction; personal slot values live in memory for one turn's action, never in clear in the state."""

from __future__ import annotations

import json

import pytest

from tawasol.bot.llm import LLMResult
from tawasol.demo.backend import DemoBackend, _ref
from tawasol.domain.analysis import Entity

PHONE = "0661234567"  # not the prompts' example number


@pytest.fixture
def backend():
    with DemoBackend() as b:
        yield b


def _phone_in(text: str, start: int) -> tuple[str, list[Entity]]:
    redacted = text[:start] + "[PHONE_1]" + text[start + len(PHONE):]
    return redacted, [Entity(type="PHONE", text="[PHONE_1]", start=start, end=start + len(PHONE), value="[PHONE_1]")]


def _kept(chat_) -> str:
    """Everything the bot's messages keep (texts and states), as the service would store them."""
    return json.dumps([{"text": m.text, "analysis": m.analysis} for m in chat_.history if m.author == "bot"],
                      ensure_ascii=False)


def test_a_question_the_redaction_mangled_is_understood_from_what_was_typed(chat):
    typed = "كيف أفعّل التجوال الدولي؟"
    ctx = chat().say(typed, redacted="كيف [PERSON_1]؟", language="ar",
                     pii=[Entity(type="PERSON", text="[PERSON_1]", start=4, end=24, value="[PERSON_1]")])
    assert ctx.replies[0].sources and ctx.replies[0].sources[0]["article_key"] == "roaming-activate"
    assert ctx.decisions[0].inputs["text"] == "كيف [PERSON_1]؟"  # the record keeps the redaction


def test_the_llm_is_sent_the_redaction_never_the_typed_text(chat):
    asked: list[str] = []

    class FakeLLM:
        def __init__(self, cfg) -> None: ...

        def answer(self, question, passages, language):
            asked.append(question)
            return LLMResult(text="Vous pouvez payer dans l'application.")

    typed = "Je suis Karim Benali, comment payer ma facture ?"
    redacted = "Je suis [PERSON_1], comment payer ma facture ?"
    c = chat({"llm": {"base_url": "http://127.0.0.1:9/v1", "model": "m"}}, llm_factory=FakeLLM)
    ctx = c.say(typed, redacted=redacted, language="fr",
                pii=[Entity(type="PERSON", text="[PERSON_1]", start=8, end=20, value="[PERSON_1]")])
    assert asked == [redacted] and ctx.replies[0].sources


def test_a_phone_in_the_turn_that_completes_the_flow_reaches_the_back_end_and_is_shown_masked(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("Je voudrais recharger mon numéro avec l'application", language="fr")
    c.say("50", language="fr")
    typed = f"c'est le {PHONE}"
    redacted, pii = _phone_in(typed, 9)
    ctx = c.say(typed, redacted=redacted, pii=pii, language="fr")
    text = ctx.replies[0].text
    assert ctx.replies[0].extra["outcome"] == "flow_completed"
    assert _ref("RC", PHONE, "50") in text  # the back end got the real number, not the placeholder
    assert "••••••4567" in text and PHONE not in _kept(c)
    assert ctx.decisions[0].inputs["text"] == redacted


def test_a_phone_from_an_earlier_turn_is_kept_as_its_placeholder_and_asked_again(chat, backend):
    c = chat({"backend_url": backend.url})
    typed = f"Je voudrais recharger le {PHONE} avec l'application"
    redacted, pii = _phone_in(typed, 25)
    first = c.say(typed, redacted=redacted, pii=pii, language="fr")
    stored = first.replies[0].extra["bot_state"]["flow"]["slots"]["phone"]
    assert stored["placeholder"] == "[PHONE_1]" and stored["message_id"] == first.message.id
    assert "Quel montant" in first.replies[0].text and PHONE not in _kept(c)
    again = c.say("50", language="fr")
    assert again.replies[0].extra["outcome"] == "slot_requested_again"
    assert "Par sécurité" in again.replies[0].text and "Quel numéro" in again.replies[0].text
    assert not any(path == "/recharges" for _, path in backend.calls)  # no placeholder sent out
    redacted, pii = _phone_in(PHONE, 0)
    done = c.say(PHONE, redacted=redacted, pii=pii, language="fr")
    assert done.replies[0].extra["outcome"] == "flow_completed" and _ref("RC", PHONE, "50") in done.replies[0].text
    assert PHONE not in _kept(c)


def test_a_slot_declared_personal_is_masked_even_when_the_privacy_step_missed_it(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("I want to activate roaming for Spain", language="en")
    ctx = c.say(PHONE, language="en")  # no pii entity: the slot's own declaration protects it
    assert ctx.replies[0].extra["outcome"] == "flow_completed"
    assert "••••••4567" in ctx.replies[0].text and PHONE not in _kept(c)


def test_a_value_the_privacy_step_tagged_is_never_stored_in_clear(chat, backend):
    c = chat({"backend_url": backend.url})
    c.say("Quiero saber el importe de mi factura", language="es")
    ctx = c.say("12345679", language="es",
                pii=[Entity(type="ACCOUNT", text="[ACCOUNT_1]", start=0, end=8, value="[ACCOUNT_1]")],
                redacted="[ACCOUNT_1]")
    assert ctx.replies[0].extra["outcome"] == "flow_completed" and "12345679" not in _kept(c)


def test_an_email_address_in_the_question_is_not_what_the_question_is_about(chat):
    typed = "ana smiti Othmane, email othmane.kettani@gmail.com, drt reclamation hadi 10 ayam w ma jawbni 7ad"
    start = typed.index("othmane.kettani")
    end = start + len("othmane.kettani@gmail.com")
    ctx = chat().say(typed, intent="complaint", language="ary_Latn", redacted=typed[:start] + "[EMAIL_1]" + typed[end:],
                     pii=[Entity(type="EMAIL", text="[EMAIL_1]", start=start, end=end, value="[EMAIL_1]")])
    assert ctx.replies[0].sources and ctx.replies[0].sources[0]["article_key"] == "complaint-follow-up"
