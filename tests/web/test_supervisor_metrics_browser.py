"""The supervisor page's service figures in headless Chromium, in French and Arabic: a tile per queue and language
with the figures the API computed, the hourly chart drawn by the vendored uPlot (served by the app, CSP on), the
window select, and axe-core finding no serious or critical violation."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.demo.seed import DEMO_PASSWORD
from tests.web.conftest import shot
from tests.web.test_accessibility import _violations

pytestmark = pytest.mark.browser


def _open_week(page: Any, site: dict[str, Any]) -> None:
    """Sign in to the supervisor page as the demo supervisor and pick the last week's window."""
    page.goto(f"{site['url']}/static/supervisor.html")
    page.fill("#login-email", "amina@atlas-telecom.example")
    page.fill("#login-password", DEMO_PASSWORD)
    page.click("#login-submit")
    page.wait_for_selector("#metrics .tile, #metrics p")
    page.select_option("#m-window", "168")


@pytest.mark.parametrize("locale", ["fr-FR", "ar-MA"])
def test_tiles_chart_and_window(site: dict[str, Any], browser: Any, locale: str) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)  # the app's CSP applies
    ctx.set_default_timeout(15_000)
    errors: list[str] = []
    try:
        page = ctx.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        _open_week(page, site)
        want = page.evaluate("() => Tawasol.api('/api/v1/supervisor/metrics?hours=168')")
        assert want["hours"] == 168 and want["groups"], "the demo has conversations in the last week"
        page.wait_for_function("n => document.querySelectorAll('#metrics .tile').length === n", arg=len(want["groups"]))
        first = want["groups"][0]
        tile = page.locator("#metrics .tile").first
        assert tile.get_attribute("data-language") == first["language"]
        shown = tile.locator('dd[data-metric="conversations"]').inner_text()
        assert "".join(ch for ch in shown if ch.isdigit() or "\u0660" <= ch <= "\u0669")  # a localised number
        assert tile.locator('dd[data-metric="backlog"]').count() == 1
        page.wait_for_selector("#m-chart canvas")  # uPlot loaded from /static/vendor under the CSP and drew
        assert page.locator("#m-chart .u-legend .u-series").count() == len(want["groups"]) + 1
        assert page.evaluate("document.documentElement.lang") == locale[:2]
        shot(page, f"supervisor-metrics-{locale}")
        assert errors == []
    finally:
        ctx.close()
    # axe is injected as a script, which the app's CSP refuses: the same page, signed in, without the CSP
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale, bypass_csp=True)
    ctx.set_default_timeout(15_000)
    try:
        page = ctx.new_page()
        _open_week(page, site)
        page.wait_for_selector("#metrics .tile")
        page.wait_for_selector("#m-chart canvas")
        assert _violations(page) == []
    finally:
        ctx.close()
