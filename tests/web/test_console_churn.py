"""The agent console shows the customer's churn risk with its reasons when a conversation opens."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tawasol.demo.seed import DEMO_IDENTITY_SECRET, TENANT
from tawasol.service.insights import refresh_scores
from tests.factories import signed
from tests.web.test_handoff_browser import _agent_console

pytestmark = pytest.mark.browser


def test_console_shows_churn_risk_of_a_known_customer(site: dict[str, Any], pages: Any) -> None:
    refresh_scores(site["platform"].uow, TENANT)
    console = _agent_console(pages, site["url"], "salma@atlas-telecom.example")
    opened = httpx.post(f"{site['url']}/api/v1/conversations", json={
        "tenant": TENANT, "channel": "web", "language": "ary",
        "customer": {**signed("ATL-100587", DEMO_IDENTITY_SECRET), "preferred_language": "ary"}}).json()
    headers = {"authorization": f"Bearer {opened['customer_token']}"}
    r = httpx.post(f"{site['url']}/api/v1/conversations/{opened['id']}/messages", headers=headers,
                   json={"text": "بغيت نهضر مع شي واحد"})
    assert r.status_code == 201
    console.wait_for_selector("#churn-score")
    assert console.inner_text("#churn-score").split("%")[0].strip().isdigit()
    assert console.locator("#churn-reasons li").count() >= 1
