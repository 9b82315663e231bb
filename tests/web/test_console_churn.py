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
    from tawasol.domain.model import Customer, CustomerScore

    with site["platform"].uow() as uow:  # a known customer the model finds at risk, with its reasons
        rows = uow.session.query(CustomerScore, Customer).join(Customer, Customer.id == CustomerScore.customer_id) \
            .filter(CustomerScore.kind == "churn", Customer.external_id.is_not(None)) \
            .order_by(CustomerScore.score.desc()).all()
        external_id = next(c.external_id for s, c in rows if (s.explanation or {}).get("reasons"))
    console = _agent_console(pages, site["url"], "salma@atlas-telecom.example")
    opened = httpx.post(f"{site['url']}/api/v1/conversations", json={
        "tenant": TENANT, "channel": "web", "language": "ary",
        "customer": {**signed(external_id, DEMO_IDENTITY_SECRET), "preferred_language": "ary"}}).json()
    headers = {"authorization": f"Bearer {opened['customer_token']}"}
    r = httpx.post(f"{site['url']}/api/v1/conversations/{opened['id']}/messages", headers=headers,
                   json={"text": "بغيت نهضر مع شي واحد"})
    assert r.status_code == 201
    console.wait_for_selector("#churn-score")
    assert console.inner_text("#churn-score").split("%")[0].strip().isdigit()
    assert console.locator("#churn-reasons li").count() >= 1
