"""The virtual agent in the customer widget (headless Chromium): answers with a linked source in each language
and script, a flow against the demo back end, a graceful failure when that back end is down, and an honest
offer of a human when the question has no answer."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tawasol.demo.backend import DemoBackend
from tawasol.demo.seed import use_backend
from tawasol.domain.model import Conversation
from tests.web.conftest import ask_bot, open_widget, shot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("question", "article", "expect"), [
    ("Comment je peux payer ma facture ?", "bill-pay", "Source"),
    ("ما هي أسعار المكالمات والإنترنت في الخارج؟", "roaming", "المصدر"),
    ("الفاكتورة ديالي غالية بزاف هاد الشهر، علاش؟", "bill-high", "المصدر"),
    ("lfatoura dyali ghalya bzaf had chher", "bill-high", "Source"),  # the Arabizi article itself, no note
])
def test_answers_with_a_linked_source_in_each_language(site, pages, question, article, expect) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"])
    answer = ask_bot(widget, question)
    link = widget.locator(".msg.bot a.source").first
    assert link.get_attribute("data-article").startswith(article), answer
    assert link.get_attribute("href").startswith("https://") and link.get_attribute("rel") == "noopener noreferrer"
    assert expect in answer
    assert widget.locator(".msg.bot").first.evaluate("n => n.textContent.includes('https://')") is False
    shot(widget, f"bot-answer-{article}")


def test_check_bill_flow_completes_against_the_demo_back_end(site, pages) -> None:  # type: ignore[no-untyped-def]
    with DemoBackend() as backend:
        use_backend(site["platform"].uow, backend.url)
        widget = open_widget(pages, site["url"])
        prompt = ask_bot(widget, "Je veux connaître le montant de ma facture")
        assert "numéro de contrat" in prompt
        assert "8 chiffres" in ask_bot(widget, "123")  # validated: asked again, nothing called
        assert backend.calls == []
        result = ask_bot(widget, "c'est le 12345679")
        assert "Votre dernière facture est de" in result and "DH" in result
        assert ("GET", "/bills/12345679") in backend.calls
        shot(widget, "bot-flow-bill")


def test_flow_fails_gracefully_when_the_back_end_is_down(site, pages) -> None:  # type: ignore[no-untyped-def]
    with DemoBackend(failing=True) as down:
        use_backend(site["platform"].uow, down.url)
        widget = open_widget(pages, site["url"])
        ask_bot(widget, "Je veux connaître le montant de ma facture")
        reply = ask_bot(widget, "12345679")
        assert len(down.calls) == 3  # one try, two retries, then an apology and a human
        assert "désolé" in reply.lower() or "excuse" in reply.lower(), reply
        widget.wait_for_function("!document.getElementById('banner').hidden")  # queued: place and wait shown
        with site["platform"].uow() as uow:
            conv = uow.session.scalars(select(Conversation).order_by(Conversation.created_at.desc())).first()
            assert conv is not None and conv.status == "queued"


def test_unanswerable_questions_lead_to_an_offer_of_a_human(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"])
    first = ask_bot(widget, "Quel temps fera-t-il à Paris demain ?")
    assert "conseiller" in first and widget.locator(".msg.bot a.source").count() == 0
    ask_bot(widget, "Et qui a gagné le match de foot hier soir ?")
    widget.wait_for_function("!document.getElementById('banner').hidden")  # queued: place and wait shown
    shot(widget, "bot-handoff")
