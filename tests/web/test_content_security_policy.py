"""The pages work under their real Content-Security-Policy: no violation while the widget chats live and the
console logs in and goes online (scripts, styles and WebSockets all come from the page's origin)."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.demo.seed import DEMO_PASSWORD, TENANT

pytestmark = pytest.mark.browser


def _watch(page: Any) -> list[str]:
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None)
    return seen


def test_widget_and_console_run_under_the_real_policy(site: dict[str, Any], pages: Any) -> None:
    widget = pages(enforce_csp=True)
    widget_violations = _watch(widget)
    widget.goto(f"{site['url']}/static/widget.html?tenant={TENANT}")
    widget.wait_for_selector(".msg.disclosure")
    widget.wait_for_selector("body[data-connected='1']")  # the WebSocket is allowed by connect-src 'self'
    widget.fill("#text", "Bonjour, comment activer le roaming ?")
    widget.keyboard.press("Enter")
    widget.wait_for_selector(".msg.customer:has-text('Bonjour, comment')")
    console = pages(enforce_csp=True)
    console_violations = _watch(console)
    console.goto(f"{site['url']}/static/console.html")
    console.fill("#login-email", "claire@atlas-telecom.example")
    console.fill("#login-password", DEMO_PASSWORD)
    console.keyboard.press("Enter")
    console.wait_for_selector("#presence")
    console.select_option("#presence", "offline")
    console.wait_for_selector("body[data-live='1']")
    for page in ("insights", "supervisor"):
        console.goto(f"{site['url']}/static/{page}.html")
        console.wait_for_load_state("networkidle")
    assert widget_violations == [] and console_violations == []
