"""End to end in headless Chromium: the customer widget, the agent console and the supervisor view."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tawasol.demo.seed import DEMO_PASSWORD, TENANT
from tests.web.conftest import shot

pytestmark = pytest.mark.browser


def _agent_console(pages: Any, url: str, email: str) -> Any:
    page = pages()
    page.goto(f"{url}/static/console.html")
    page.fill("#login-email", email)
    page.fill("#login-password", DEMO_PASSWORD)
    page.keyboard.press("Enter")  # keyboard only
    page.wait_for_selector("#presence")
    page.select_option("#presence", "online")
    page.wait_for_selector("body[data-live='1']")
    page.wait_for_function("document.getElementById('announce').textContent.includes('online')")
    return page


def _widget(pages: Any, url: str) -> Any:
    page = pages()
    page.goto(f"{url}/static/widget.html?tenant={TENANT}")
    page.wait_for_selector(".msg.disclosure")  # the AI disclosure comes first
    page.wait_for_selector("body[data-connected='1']")
    return page


def _say(widget: Any, text: str) -> None:
    widget.fill("#text", text)
    widget.keyboard.press("Enter")
    widget.wait_for_selector(f".msg.customer:has-text({text[:20]!r})")


def test_darija_customer_reaches_darija_agent_who_uses_a_suggestion(site, pages) -> None:  # type: ignore[no-untyped-def]
    console = _agent_console(pages, site["url"], "salma@atlas-telecom.example")
    widget = _widget(pages, site["url"])
    assert "assistant virtuel" in widget.inner_text(".msg.disclosure")
    _say(widget, "السلام، الفاتورة ديالي غالية بزاف هاد الشهر")
    assert widget.get_attribute("#widget", "dir") == "rtl"
    widget.click("#human")  # "talk to a human"
    assert widget.get_attribute("#widget", "dir") == "rtl"  # a one-word "agent" keeps the customer's direction
    # Live: the conversation appears in Salma's console with the handoff packet, without reloading.
    console.wait_for_selector("#packet-language:has-text('ary')")
    assert "asked for a person" in console.inner_text("#packet-why")
    assert "Customer wrote" in console.inner_text("#packet-summary")
    assert console.get_attribute("#messages", "dir") == "rtl"
    console.wait_for_selector("#assist button.insert")
    suggestion = console.inner_text("#assist .suggestion p >> nth=0")
    console.keyboard.press("Alt+s")
    console.keyboard.press("Enter")  # insert the focused suggestion
    assert console.input_value("#reply") == suggestion
    console.keyboard.type(" 🙏")
    console.keyboard.press("Control+Enter")
    widget.wait_for_selector(".msg.agent")
    assert widget.inner_text(".msg.agent").strip().endswith(suggestion.strip() + " 🙏")
    shot(widget, "widget-darija")
    shot(console, "console-darija")


def test_french_negative_message_escalates_by_sentiment(site, pages) -> None:  # type: ignore[no-untyped-def]
    console = _agent_console(pages, site["url"], "claire@atlas-telecom.example")
    widget = _widget(pages, site["url"])
    _say(widget, "C'est inadmissible, troisième coupure cette semaine, je suis furieux, vous êtes nuls !")
    console.wait_for_selector("#packet-why .pill")
    why = console.inner_text("#packet-why")
    assert re.search("strongly negative message|customer is angry", why), why  # not a generic hand-off
    assert "asked for a person" not in why
    assert console.inner_text("#packet-language").startswith("fr")
    assert console.inner_text("#packet-sentiment").startswith("negative")
    console.fill("#reply", "Je suis vraiment désolée pour ces coupures, je regarde tout de suite.")
    console.click("#send")
    widget.wait_for_selector(".msg.agent:has-text('vraiment désolée')")
    assert widget.get_attribute("#widget", "dir") == "ltr"
    console.click("summary:has-text('Wrap-up')")
    console.click("#resolve")
    widget.wait_for_selector("#csat button")
    widget.click("#csat button[data-score='4']")
    widget.wait_for_selector("#csat:has-text('Merci')")
    shot(console, "console-french")


# Chromium's offline emulation does not cut open WebSockets, so the test cuts them itself: while "down",
# sockets are closed and new ones go to a dead port (fetch is cut by the emulation).
_NETWORK_SWITCH = """
(() => {
  const Native = window.WebSocket;
  window.__down = false;
  window.__sockets = [];
  window.WebSocket = function (url, protocols) {
    const s = new Native(window.__down ? "ws://127.0.0.1:9/down" : url, protocols);
    window.__sockets.push(s);
    return s;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
})();
"""


def test_widget_survives_a_dropped_connection(site, pages) -> None:  # type: ignore[no-untyped-def]
    console = _agent_console(pages, site["url"], "claire@atlas-telecom.example")
    widget = pages()
    widget.add_init_script(_NETWORK_SWITCH)
    widget.goto(f"{site['url']}/static/widget.html?tenant={TENANT}")
    widget.wait_for_selector("body[data-connected='1']")
    _say(widget, "agent")
    console.wait_for_selector("#packet-why .pill")
    conv_id = widget.evaluate("document.body.dataset.conversation")
    widget.context.set_offline(True)
    widget.evaluate("window.__down = true; window.__sockets.forEach((s) => s.close())")
    widget.wait_for_selector("body[data-connected='0']", state="attached")
    token = console.evaluate("JSON.parse(sessionStorage.getItem('tawasol.staff')).token")
    for text in ("Premier message pendant la coupure", "Second message pendant la coupure"):
        r = httpx.post(f"{site['url']}/api/v1/agent/conversations/{conv_id}/messages",
                       headers={"Authorization": f"Bearer {token}"}, json={"text": text})
        assert r.status_code == 201, r.text
    widget.wait_for_timeout(300)
    assert widget.locator(".msg.agent").count() == 0  # really cut off
    widget.context.set_offline(False)
    widget.evaluate("window.__down = false")
    widget.wait_for_selector(".msg.agent:has-text('Second message')", timeout=15_000)
    widget.wait_for_selector("body[data-connected='1']", state="attached")
    assert widget.locator(".msg.agent").count() == 2
    seqs = widget.eval_on_selector_all(".msg", "ns => ns.map(n => Number(n.dataset.seq))")
    assert seqs == sorted(seqs) and len(seqs) == len(set(seqs))  # nothing lost, nothing twice, in order


def test_supervisor_sees_queues_agents_and_alerts(site, pages) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(pages, site["url"])
    _say(widget, "C'est inadmissible, je suis furieux, vous êtes nuls !")  # nobody online: it waits
    widget.wait_for_selector("#banner:not([hidden])")
    sup = pages()
    sup.goto(f"{site['url']}/static/supervisor.html")
    sup.fill("#login-email", "amina@atlas-telecom.example")
    sup.fill("#login-password", DEMO_PASSWORD)
    sup.click("#login-submit")
    sup.wait_for_selector("#alerts .alert")
    assert "Salma Benali" in sup.inner_text("#agents")
    assert "general" in sup.inner_text("#queues")
    shot(sup, "supervisor")
    shot(widget, "widget-waiting")
