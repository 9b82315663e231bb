"""The agent console (headless Chromium): opening a conversation puts focus in the reply box; `?` outside a
text field opens the shortcut help, Escape closes it; a new conversation counts in the tab title while the
tab is not looked at and raises a silent desktop notification when permitted."""

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


NOTIFICATION_STUB = """
window.__notes = [];
window.Notification = class { static permission = "granted";
  static requestPermission() { return Promise.resolve("granted"); }
  constructor(title, options) { window.__notes.push({title, silent: options && options.silent}); } };
"""


def test_a_new_conversation_counts_in_the_title_and_notifies(site, pages) -> None:  # type: ignore[no-untyped-def]
    console = _agent_console(pages, site["url"], "claire@atlas-telecom.example")
    console.add_init_script(NOTIFICATION_STUB)
    console.reload()
    console.wait_for_selector("#presence")
    console.select_option("#presence", "online")
    console.wait_for_selector("body[data-live='1']")
    first = _widget(pages, site["url"])
    _say(first, "Bonjour, ma facture est trop élevée")
    first.click("#human")
    console.wait_for_selector("#reply")  # the first one opens by itself, in view: no count
    console.wait_for_function("window.__notes.length === 1")
    assert not console.title().startswith("(")
    console.evaluate("""() => { Object.defineProperty(document, "hidden", {value: true, configurable: true}); }""")
    second = _widget(pages, site["url"])
    _say(second, "Bonjour, mon internet ne marche plus")
    second.click("#human")
    console.wait_for_function("window.__notes.length === 2")
    console.wait_for_function("document.title.startsWith('(1) ')")
    assert all(n["silent"] for n in console.evaluate("window.__notes"))


def test_transfer_lists_online_colleagues_and_has_a_note(site, pages) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from tawasol.domain.model import User

    console = _agent_console(pages, site["url"], "claire@atlas-telecom.example")
    widget = _widget(pages, site["url"])
    _say(widget, "Bonjour, je voudrais parler à un conseiller")
    widget.click("#human")
    console.wait_for_selector("#transfer-to")
    with site["platform"].uow() as uow:  # a colleague comes online after the conversation reached Claire
        salma = uow.session.scalars(select(User).where(User.email == "salma@atlas-telecom.example")).one()
        salma.presence = "online"
        offline = [u.display_name for u in uow.session.scalars(select(User)).all() if u.presence == "offline"]
        salma_name = salma.display_name
        uow.commit()
    console.click("#inbox li button >> nth=0")  # opening again reads who is online now
    console.wait_for_function("[...document.querySelectorAll('#transfer-to option')]"
                              f".some(o => o.textContent.startsWith({salma_name!r}))")
    options = console.locator("#transfer-to option").all_inner_texts()
    assert offline and not any(o.startswith(name) for o in options for name in offline), options
    assert console.get_attribute("#transfer-note", "placeholder")
