"""axe-core in the browser (headless Chromium) on every page, in French and Arabic: no serious or critical
violation. axe-core (MPL-2.0, a test tool only: never served by the product) is installed by .ci/run with npm
into .ci/node_modules; set TAWASOL_AXE to another axe.min.js."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tawasol.demo.seed import DEMO_PASSWORD
from tests.conftest import skip_or_fail
from tests.web.conftest import ask_bot, open_widget

pytestmark = pytest.mark.browser
AXE = Path(os.environ.get("TAWASOL_AXE", Path(__file__).resolve().parents[2] / ".ci/node_modules/axe-core/axe.min.js"))
RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ["violations"]});
  return r.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                   where: v.nodes.slice(0, 3).map((n) => n.target.join(" "))}));
}"""


def _violations(page: Any) -> list[dict[str, Any]]:
    if not AXE.exists():
        skip_or_fail(f"axe-core not found at {AXE} (npm install --prefix .ci axe-core)")
    page.add_script_tag(path=str(AXE))
    found = list(page.evaluate(RUN))
    print(f"axe {page.url}: {[(v['id'], v['impact'], v['nodes']) for v in found]}")
    return [v for v in found if v["impact"] in ("serious", "critical")]


def _staff_page(browser: Any, url: str, path: str, email: str, locale: str, ready: str) -> Any:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale, bypass_csp=True)
    ctx.set_default_timeout(15_000)
    page = ctx.new_page()
    page.goto(f"{url}{path}")
    page.fill("#login-email", email)
    page.fill("#login-password", DEMO_PASSWORD)
    page.click("#login-submit")
    page.wait_for_selector(ready)
    return page


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_widget(site, pages, lang) -> None:  # type: ignore[no-untyped-def]
    widget = open_widget(pages, site["url"], lang)
    ask_bot(widget, "Comment consulter mon solde ?" if lang == "fr" else "كيف أعرف رصيدي المتبقي؟")
    widget.wait_for_selector(".quick-reply")
    assert _violations(widget) == []


@pytest.mark.parametrize("locale", ["fr-FR", "ar-MA"])
@pytest.mark.parametrize(
    ("path", "email", "ready"),
    [
        ("/static/console.html", "claire@atlas-telecom.example", "#inbox"),
        ("/static/supervisor.html", "amina@atlas-telecom.example", "#agents table"),
        ("/static/insights.html", "amina@atlas-telecom.example", "#plan .figures"),
        ("/static/admin.html", "admin@atlas-telecom.example", "#users-table"),
    ],
)
def test_the_staff_pages(site, browser, locale, path, email, ready) -> None:  # type: ignore[no-untyped-def]
    page = _staff_page(browser, site["url"], path, email, locale, ready)
    try:
        assert _violations(page) == []
        if path.endswith("admin.html"):
            page.click("#tab-kb")
            page.wait_for_selector("#articles-table")
            assert _violations(page) == []
            page.click("#tab-settings")
            page.wait_for_selector("#settings-form")
            assert _violations(page) == []
    finally:
        page.context.close()


def test_the_login_form(site, browser) -> None:  # type: ignore[no-untyped-def]
    ctx = browser.new_context(locale="ar-MA", bypass_csp=True)
    try:
        page = ctx.new_page()
        page.goto(f"{site['url']}/static/console.html")
        page.wait_for_selector("#login-submit")
        assert _violations(page) == []
    finally:
        ctx.close()
