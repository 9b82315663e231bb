"""The supervisor planning page in headless Chromium: staffing chart, outreach list and send, model cards."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.demo.seed import DEMO_PASSWORD, TENANT
from tawasol.service.insights import refresh_scores
from tests.web.conftest import shot

pytestmark = pytest.mark.browser


def test_planning_page_shows_plan_outreach_and_cards(site: dict[str, Any], pages: Any) -> None:
    refresh_scores(site["platform"].uow, TENANT)
    page = pages()
    page.goto(f"{site['url']}/static/insights.html")
    page.fill("#login-email", "amina@atlas-telecom.example")
    page.fill("#login-password", DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_selector("svg.chart path")
    assert page.locator("#containment").inner_text().endswith("%")
    page.wait_for_selector("#outreach tbody tr")
    page.wait_for_selector("#cards .card")
    assert "churn" in page.locator("#cards").inner_text()
    shot(page, "insights")
    page.locator("#outreach tbody tr button").first.click()
    page.wait_for_function("document.querySelector('#outreach tbody tr').textContent.includes('sent (')")
