"""Quick replies in the widget (headless Chromium): the bot's yes/no question and a flow's choices show as
buttons in the customer's language; a click sends the choice as the customer's message, the buttons go."""

from __future__ import annotations

import pytest

from tests.web.conftest import ask_bot, open_widget, shot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("lang", "question", "yes", "no", "resolved"),
    [
        ("fr", "Comment consulter mon solde ?", "Oui", "Non", "Parfait"),
        ("ar", "كيف أعرف رصيدي المتبقي؟", "نعم", "لا", "ممتاز"),
    ],
)
def test_yes_no_buttons_answer_the_feedback_question(  # type: ignore[no-untyped-def]
    site, pages, lang, question, yes, no, resolved
) -> None:
    widget = open_widget(pages, site["url"], lang)
    answer = ask_bot(widget, question)
    buttons = widget.locator(".quick-replies .quick-reply")
    buttons.first.wait_for()
    assert buttons.all_inner_texts() == [yes, no]
    assert f"({yes.lower()} / {no.lower()})" not in answer.lower()  # the buttons say it, not the text
    assert widget.locator(".msg.bot a.source").count() == 1
    shot(widget, f"widget-quick-replies-{lang}")
    before = widget.locator(".msg.bot").count()
    buttons.first.click()
    widget.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}")
    assert widget.locator(".msg.bot").last.inner_text().find(resolved) >= 0
    assert widget.locator(".msg.customer").last.inner_text().endswith(yes.lower())
    assert widget.locator(".quick-replies").count() == 0  # the question is answered: no buttons left


def test_a_typed_message_takes_the_buttons_away_and_a_reload_keeps_them(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"], "fr")
    ask_bot(widget, "Comment consulter mon solde ?")
    widget.wait_for_selector(".quick-replies")
    widget.reload()  # the backlog carries the choices: still offered under the last message
    widget.wait_for_selector(".quick-replies .quick-reply")
    assert widget.locator(".quick-replies").count() == 1
    ask_bot(widget, "merci")
    assert widget.locator(".quick-reply", has_text="Oui").count() == 0


def test_a_flow_offers_its_cities_and_a_click_fills_the_slot(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"], "fr")
    ask_bot(widget, "panne internet chez moi depuis hier")
    rabat = widget.locator(".quick-reply", has_text="Rabat")
    rabat.wait_for()
    assert widget.locator(".quick-reply", has_text="Casablanca").count() == 1
    before = widget.locator(".msg.bot").count()
    rabat.click()
    widget.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}")
    assert "Rabat" in widget.locator(".msg.customer").last.inner_text()
    assert widget.locator(".quick-reply", has_text="Rabat").count() == 0
