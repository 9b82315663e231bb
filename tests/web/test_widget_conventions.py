"""The widget follows the conventions of the messengers customers use (headless Chromium): the customer's
own bubbles at the end side (right in French, left in Arabic), the assistant's at the start side, and a
name and a time on each message."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import ask_bot, open_widget, shot

pytestmark = pytest.mark.browser


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).last.bounding_box()
    assert box is not None, selector
    return dict(box)


@pytest.mark.parametrize(("lang", "question", "you"), [
    ("fr", "Comment consulter mon solde ?", "Vous"),
    ("ar", "كيف أعرف رصيدي المتبقي؟", "أنت"),
])
def test_own_bubbles_at_the_end_side(site, pages, lang, question, you) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"], lang)
    ask_bot(widget, question)
    mine, bot = _box(widget, ".msg.customer"), _box(widget, ".msg.bot")
    panel = _box(widget, "#messages")
    mine_right = mine["x"] + mine["width"]
    bot_right = bot["x"] + bot["width"]
    if lang == "ar":  # right to left: mirrored
        assert mine["x"] < bot["x"] and mine["x"] - panel["x"] < 20
    else:
        assert mine_right > bot_right and panel["x"] + panel["width"] - mine_right < 20
    assert widget.locator(".msg.customer .who").last.inner_text() == you
    assert widget.locator(".msg.bot .who").last.inner_text()
    for sel in (".msg.customer", ".msg.bot"):
        assert widget.locator(sel).last.get_attribute("data-time")
    shot(widget, f"widget-bubbles-{lang}")


def _texts(page: Any) -> list[str]:
    return list(page.locator(".msg.customer").evaluate_all(
        "ns => ns.map((n) => [...n.childNodes].find((c) => c.nodeType === 3).textContent)"))


def test_the_person_button_shows_its_own_words_not_a_keyword(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"], "fr")
    widget.click("#human")
    widget.wait_for_selector(".msg.customer")
    assert _texts(widget) == ["Parler à un conseiller"]
    widget.reload()  # the backlog holds the keyword; the widget still shows the button's words
    widget.wait_for_selector(".msg.customer")
    assert _texts(widget) == ["Parler à un conseiller"]


def test_a_message_typed_offline_is_kept_and_sent_when_back(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"], "fr")
    widget.context.set_offline(True)
    widget.fill("#text", "Comment consulter mon solde ?")
    widget.keyboard.press("Enter")
    widget.wait_for_selector(".msg.customer.failed button.retry")
    assert widget.inner_text(".msg.customer.failed .not-sent") == "Non envoyé"
    assert widget.input_value("#text") == ""  # the text lives on in its bubble, not lost
    widget.context.set_offline(False)  # back: sent by itself, once
    widget.wait_for_selector(".msg.bot")
    widget.wait_for_selector(".msg.customer.failed", state="detached")
    assert _texts(widget) == ["Comment consulter mon solde ?"]
    widget.reload()  # what the server stored: the message once
    widget.wait_for_selector(".msg.bot")
    assert _texts(widget) == ["Comment consulter mon solde ?"]
