"""The widget in the customer's language (headless Chromium): Spanish and Darija (Arabic script, right to
left) show their buttons, placeholder, answers and satisfaction survey in that language; without a page
language the widget follows the language of the conversation."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from tawasol.domain.model import Conversation
from tests.web.conftest import ask_bot, open_widget, shot

pytestmark = pytest.mark.browser


def _resolve(site: dict[str, Any], widget: Any) -> None:
    """Mark the widget's conversation resolved and reload: the survey opens."""
    cid = widget.evaluate("document.body.dataset.conversation")
    with site["platform"].uow() as uow:
        conv = uow.session.scalars(select(Conversation).where(Conversation.id == cid)).one()
        conv.status = "resolved"
        uow.commit()
    widget.reload()
    widget.wait_for_selector("#csat:not([hidden])")


@pytest.mark.parametrize(("lang", "dir_", "human", "placeholder", "question", "article", "title", "survey", "five",
                          "thanks"), [
    ("es", "ltr", "Hablar con un agente", "Escriba su mensaje…", "¿cómo sé cuánto saldo me queda?", "recharge-balance",
     "Consultar su saldo", "¿Cómo valora esta conversación?", "5 de 5", "¡Gracias por su opinión!"),
    ("ary", "rtl", "بغيت نهضر مع شي واحد", "كتب الميساج ديالك…", "الفاكتورة ديالي غالية بزاف هاد الشهر، علاش؟",
     "bill-high",
     None, "شنو رأيك فهاد المحادثة؟", "5 من 5", "شكراً على الرأي ديالك!"),
])
def test_widget_speaks_the_customer_language(site, pages, lang, dir_, human, placeholder, question, article, title,
                                             survey, five, thanks) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"], lang)
    assert widget.get_attribute("#widget", "dir") == dir_
    assert widget.inner_text("#human") == human
    assert widget.get_attribute("#text", "placeholder") == placeholder
    answer = ask_bot(widget, question)
    link = widget.locator(".msg.bot a.source").first
    assert link.get_attribute("data-article") == article, answer
    if title:
        assert title in link.inner_text()  # the Spanish variant of the article, not the French one
    customer = widget.locator(".msg.customer").first.evaluate(
        "n => [...n.childNodes].find((c) => c.nodeType === 3).textContent")
    assert customer == question  # the customer's bubble shows exactly what they typed
    assert widget.locator(".msg.customer").first.get_attribute("data-time")  # its time, formatted by Intl
    _resolve(site, widget)
    assert widget.get_attribute("#widget", "dir") == dir_
    assert widget.inner_text("#csat-q") == survey
    assert widget.get_attribute("#csat button[data-score='5']", "aria-label") == five
    shot(widget, f"widget-{lang}")
    widget.click("#csat button[data-score='5']")
    widget.wait_for_selector(f"#csat >> text={thanks}")


def test_widget_follows_the_conversation_language(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"])  # no page language: the browser's (English here)
    assert widget.evaluate("document.body.dataset.language") == "en"
    assert widget.inner_text("#send") == "Send"
    ask_bot(widget, "hice una recarga hace una hora y todavía no tengo el saldo")
    widget.wait_for_function("document.body.dataset.language === 'es'")
    assert widget.inner_text("#send") == "Enviar"
    assert widget.get_attribute("#text", "placeholder") == "Escriba su mensaje…"
