"""The widget after the agent's wrap-up (headless Chromium): the survey takes a star then an optional comment;
thanks typed after it get no bot answer and leave the survey done; a new question reopens the conversation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tawasol.demo.seed import DEMO_PASSWORD
from tests.web.conftest import ask_bot, open_widget, shot

pytestmark = pytest.mark.browser


def _staff(url: str, email: str) -> dict[str, str]:
    r = httpx.post(f"{url}/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD})
    assert r.status_code == 200, r.text
    auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
    assert httpx.put(f"{url}/api/v1/agent/presence", headers=auth, json={"presence": "online"}).status_code == 200
    return auth


def _resolved_widget(site: dict[str, Any], pages: Any, lang: str, email: str) -> Any:
    staff = _staff(site["url"], email)
    widget = open_widget(pages, site["url"], lang)
    widget.click("#human")
    widget.wait_for_selector("#banner[data-kind^='assigned']")  # with the agent's name or without
    conv_id = widget.get_attribute("body", "data-conversation")
    done = httpx.post(f"{site['url']}/api/v1/agent/conversations/{conv_id}/resolve", headers=staff, json={})
    assert done.status_code == 200, done.text
    widget.wait_for_selector("#csat:not([hidden]) button[data-score]")
    return widget


@pytest.mark.parametrize(
    ("lang", "email", "thanks_word", "comment_thanks"),
    [
        ("fr", "claire@atlas-telecom.example", "merci beaucoup", "commentaire est enregistré"),
        ("ar", "salma@atlas-telecom.example", "شكرا جزيلا", "تم تسجيل تعليقك"),
    ],
)
def test_survey_comment_then_thanks_stay_quiet(  # type: ignore[no-untyped-def]
    site, pages, lang, email, thanks_word, comment_thanks
) -> None:
    widget = _resolved_widget(site, pages, lang, email)
    widget.click("#csat button[data-score='4']")
    widget.wait_for_selector("#csat-comment textarea")
    assert widget.locator("#csat-comment label").inner_text()
    widget.fill("#csat-text", "Rapide et aimable")
    widget.click("#csat-comment button[type='submit']")
    widget.wait_for_selector(f"#csat :text('{comment_thanks}')")
    shot(widget, f"widget-survey-comment-{lang}")
    bots = widget.locator(".msg.bot").count()
    widget.fill("#text", thanks_word)
    widget.keyboard.press("Enter")
    widget.wait_for_selector(f".msg.customer[data-seq]:has-text('{thanks_word}')")  # stored: the reply came back
    assert widget.locator(".msg.bot").count() == bots  # the bot did not answer the thanks
    assert widget.is_visible("#csat") and widget.get_attribute("#banner", "data-kind") == "resolved"


def test_a_new_question_after_the_wrap_up_reopens_for_the_bot(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = _resolved_widget(site, pages, "fr", "claire@atlas-telecom.example")
    answer = ask_bot(widget, "Comment consulter mon solde ?")
    assert "solde" in answer.lower()
    assert not widget.is_visible("#csat")  # the survey waits for the next wrap-up
    assert widget.locator(".msg.bot").last.locator("a.source").count() == 1
    # the source is cited once: as the link, not again in the text
    title = widget.locator(".msg.bot a.source").last.inner_text().replace("📄 ", "")
    assert answer.count(title) == 1
