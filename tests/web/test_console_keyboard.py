"""The agent console by keyboard (headless Chromium): opening a conversation puts focus in the reply box;
`?` outside a text field opens the shortcut help, Escape closes it."""

from __future__ import annotations

import pytest

from tests.web.test_handoff_browser import _agent_console, _say, _widget

pytestmark = pytest.mark.browser


def test_open_focuses_the_reply_and_question_mark_shows_shortcuts(site, pages) -> None:  # type: ignore[no-untyped-def]
    console = _agent_console(pages, site["url"], "claire@atlas-telecom.example")
    widget = _widget(pages, site["url"])
    _say(widget, "Bonjour, je voudrais parler à un conseiller pour ma facture")
    widget.click("#human")
    console.wait_for_selector("#inbox li button")
    console.click("#inbox li button >> nth=0")
    console.wait_for_selector("#reply")
    console.wait_for_function("document.activeElement && document.activeElement.id === 'reply'")
    console.keyboard.type("?")  # in the reply box: a question mark, no help
    assert console.input_value("#reply") == "?"
    assert not console.locator("#shortcuts[open]").count()
    console.fill("#reply", "")
    console.evaluate("document.activeElement.blur()")
    console.keyboard.press("?")
    console.wait_for_selector("#shortcuts[open]")
    help_text = console.inner_text("#shortcuts")
    for key in ("Alt+I", "Alt+R", "Ctrl+Enter", "Alt+S", "Alt+K"):
        assert key in help_text
    console.keyboard.press("Escape")
    console.wait_for_selector("#shortcuts[open]", state="detached")
