"""The quality and coaching page in headless Chromium: the supervisor's review queue, a conversation's scorecard
with its evidence and a correction, an agent's trend per question; an agent sees their own trends."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.demo.seed import DEMO_PASSWORD
from tawasol.service import qa
from tests.web.conftest import shot

pytestmark = pytest.mark.browser


def _login(page: Any, url: str, email: str) -> None:
    page.goto(f"{url}/static/coaching.html")
    page.fill("#login-email", email)
    page.fill("#login-password", DEMO_PASSWORD)
    page.keyboard.press("Enter")


def test_supervisor_reviews_corrects_and_coaches(site: dict[str, Any], pages: Any) -> None:
    ran = qa.review_pending(site["platform"].uow)  # the qa-review job over the demo's history
    assert ran["failed"] == 0
    page = pages()
    _login(page, site["url"], "amina@atlas-telecom.example")
    page.wait_for_selector("#qa-queue tbody tr")
    first = page.locator("#qa-queue tbody tr").first
    conversation = first.get_attribute("data-conversation")
    assert first.locator("td").nth(3).inner_text().strip()  # why it is in the queue
    first.locator("button").click()
    page.wait_for_selector("#qa-answers tbody tr")
    assert page.locator("#qa-answers tbody tr").count() == len(qa.qa.default_scorecard().questions)
    greeting = page.locator('#qa-answers tr[data-question="greeting"]')
    was = greeting.locator("td").nth(1).inner_text()
    wanted = "no" if was == "yes" else "yes"
    greeting.locator("select").select_option(wanted)
    greeting.locator("input").fill("checked by hand")
    greeting.locator("button").click()
    page.wait_for_selector('#qa-answers tr[data-question="greeting"] [role=status]:has-text("Saved")')
    shot(page, "coaching-scorecard")
    with site["platform"].uow() as uow:  # the correction is stored, the automatic answer kept
        review = uow.qa.latest_review([t.id for t in uow.tenants.list()], conversation)
        answer = next(a for a in uow.qa.answers(review.id) if a.question == "greeting")
    assert answer.choice == wanted and answer.automatic_choice == was and answer.note == "checked by hand"
    page.wait_for_function(  # a conversation a person looked at leaves the queue
        "(id) => ![...document.querySelectorAll('#qa-queue tbody tr')].some((r) => r.dataset.conversation === id)",
        arg=conversation)
    page.select_option("#qa-agent", label="Salma Benali")
    page.click("#qa-agent-form button")
    page.wait_for_selector("#qa-summary-table tbody tr")
    assert "reviewed conversations" in page.locator("#qa-reviews").inner_text()
    assert page.locator('#qa-summary-table tr[data-question="greeting"] .weeks span').count() >= 1
    shot(page, "coaching-agent")


def test_an_agent_sees_their_own_trends(site: dict[str, Any], pages: Any) -> None:
    qa.review_pending(site["platform"].uow)
    page = pages()
    _login(page, site["url"], "salma@atlas-telecom.example")
    page.wait_for_selector("#qa-summary-table tbody tr")
    assert page.locator("#qa-queue").count() == 0  # the review queue is the supervisors'
    low = page.locator("#qa-summary-table .low button")
    if low.count():
        low.first.click()
        page.wait_for_selector("#qa-answers tbody tr")
        assert page.locator("#qa-answers form.fix").count() == 0  # no correction form for an agent
