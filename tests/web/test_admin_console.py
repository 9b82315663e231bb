"""The admin console (headless Chromium), on a second tenant set up from the browser: invite a person (the
temporary password shown once logs in), disable and enable them, reset their password; write a knowledge-base
article with its preview, import another, test a question; then the same console in Arabic, right to left."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from tawasol.demo.seed import DEMO_PASSWORD
from tests.web.conftest import shot

pytestmark = pytest.mark.browser
ADMIN = "admin@atlas-telecom.example"


@pytest.fixture
def second_tenant(site: dict[str, Any]) -> str:
    from tawasol.service import admin

    platform = site["platform"]
    tenant = admin.create_tenant(platform.uow(), f"souss-{uuid.uuid4().hex[:6]}", "Souss Énergie")
    with platform.uow() as uow:
        user = uow.users.by_email(ADMIN)
        assert user is not None
        uow.users.add_membership(user.id, tenant.id)
        user.ui_language = None  # the browser's language, whatever an earlier test chose
        uow.commit()
    return str(tenant.slug)


def _login(url: str, email: str, password: str) -> int:
    return httpx.post(f"{url}/api/v1/auth/login", json={"email": email, "password": password}).status_code


def _console(browser: Any, url: str, slug: str, locale: str) -> Any:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale, bypass_csp=True)
    ctx.set_default_timeout(10_000)
    page = ctx.new_page()
    page.goto(f"{url}/admin")
    page.fill("#login-email", ADMIN)
    page.fill("#login-password", DEMO_PASSWORD)
    page.click("#login-submit")
    page.wait_for_selector("#tenant")
    page.select_option("#tenant", slug)
    page.wait_for_selector("#users-table")
    return page


def test_people_of_a_new_tenant_from_the_browser(site, browser, second_tenant) -> None:  # type: ignore[no-untyped-def]
    url = site["url"]
    page = _console(browser, url, second_tenant, "fr-FR")
    try:
        assert page.locator("#users-table tbody tr").count() == 1  # only its admin: no other tenant's people
        email = f"leila.{uuid.uuid4().hex[:6]}@souss.example"
        page.fill("#invite-email", email)
        page.fill("#invite-name", "Leïla Amrani")
        page.select_option("#invite-role", "agent")
        page.check("#invite input[value='ar']")
        page.check("#invite input[value='ary']")
        page.click("#invite button[type='submit']")
        page.wait_for_selector(f"#users-table tr[data-email='{email}']")
        password = page.text_content("#temporary-password")
        assert password and _login(url, email, password) == 200
        assert "une seule fois" in page.inner_text("#secret")
        row = page.locator(f"#users-table tr[data-email='{email}']")
        assert "ar, ary" in row.inner_text()
        shot(page, "admin-users-fr")
        row.locator("button.toggle").click()
        page.wait_for_selector(f"#users-table tr.inactive[data-email='{email}']")
        assert "désactivé" in page.locator(f"tr[data-email='{email}']").inner_text()
        assert _login(url, email, password) == 401
        page.locator(f"tr[data-email='{email}'] button.toggle").click()
        page.wait_for_selector(f"#users-table tr:not(.inactive)[data-email='{email}']")
        page.locator(f"tr[data-email='{email}'] button.reset").click()
        page.wait_for_function(
            f"(n => n && n.textContent !== {json.dumps(password)})(document.getElementById('temporary-password'))"
        )
        fresh = page.text_content("#temporary-password")
        assert fresh and _login(url, email, password) == 401 and _login(url, email, fresh) == 200
    finally:
        page.context.close()


def test_knowledge_base_of_a_new_tenant_then_arabic(site, browser, second_tenant) -> None:  # type: ignore[no-untyped-def]
    page = _console(browser, site["url"], second_tenant, "fr-FR")
    try:
        page.click("#tab-kb")
        page.wait_for_selector("#article-form")
        page.fill("#article-key", "horaires")
        page.select_option("#article-language", "fr")
        page.fill("#article-title", "Horaires d'ouverture")
        page.fill(
            "#article-body",
            "Nos agences sont ouvertes du lundi au samedi de 9 h à 18 h.\n\n"
            "Le dimanche, le service client répond en ligne.",
        )
        assert page.locator("#article-preview p").count() == 2  # the preview follows the text as typed
        assert page.text_content("#article-preview h4") == "Horaires d'ouverture"
        page.click("#article-save")
        page.wait_for_selector("#articles-table button[data-key='horaires/fr']")
        articles = [
            {
                "article_key": "coupure",
                "language": "ar",
                "title": "انقطاع الكهرباء",
                "body": "في حالة انقطاع الكهرباء، اتصل بنا أو أبلغ عن الانقطاع عبر التطبيق.",
            }
        ]
        page.fill("#import-json", json.dumps(articles, ensure_ascii=False))
        page.click("#import button[type='submit']")
        page.wait_for_selector("#articles-table button[data-key='coupure/ar']")
        assert "1 nouveaux" in page.inner_text("#notice")
        page.fill("#test-q", "Quels sont vos horaires d'ouverture le samedi ?")
        page.click("#test button[type='submit']")
        page.wait_for_selector("#test-articles li")
        assert "Horaires d'ouverture" in page.locator("#test-articles li").first.inner_text()
        assert page.text_content("#test-decision")
        shot(page, "admin-kb-fr")
        page.click("#articles-table button[data-key='coupure/ar']")
        page.wait_for_selector("#article-key[readonly]")
        assert page.get_attribute("#article-preview", "dir") == "rtl"
        page.select_option("#ui-language", "ar")
        page.wait_for_selector("html[dir='rtl'] #tab-kb")
        assert page.text_content("#tab-users") == "المستخدمون"
        page.select_option("#tenant", second_tenant)
        page.click("#tab-kb")
        page.wait_for_selector("#articles-table button[data-key='horaires/fr']")
        assert page.text_content("#articles-h") == "المقالات"
        shot(page, "admin-kb-ar")
    finally:
        page.context.close()


def test_an_agent_is_told_the_console_is_for_admins(site, browser) -> None:  # type: ignore[no-untyped-def]
    ctx = browser.new_context(locale="ar-MA", bypass_csp=True)
    try:
        page = ctx.new_page()
        page.goto(f"{site['url']}/static/admin.html")
        page.fill("#login-email", "claire@atlas-telecom.example")
        page.fill("#login-password", DEMO_PASSWORD)
        page.click("#login-submit")
        page.wait_for_selector("#not-admin")
        assert page.text_content("#not-admin") == "دورك لا يسمح بهذا الإجراء."
    finally:
        ctx.close()


def test_thresholds_and_retention_of_a_new_tenant(site, browser, second_tenant) -> None:  # type: ignore[no-untyped-def]
    page = _console(browser, site["url"], second_tenant, "fr-FR")
    try:
        page.click("#tab-settings")
        page.wait_for_selector("#settings-form")
        assert page.input_value("#setting-escalation-anger") == "0.6"
        assert "Colère" in page.inner_text("label[for='setting-escalation-anger']")
        page.fill("#setting-escalation-anger", "0.55")
        page.fill("#setting-bot-max_misses", "3")
        page.fill("#setting-retention-raw_text_days", "")  # kept forever
        page.click("#settings-save")
        page.wait_for_selector("#notice:has-text('Enregistré')")
        page.reload()
        page.wait_for_selector("#tenant")
        page.select_option("#tenant", second_tenant)
        page.click("#tab-settings")
        page.wait_for_selector("#settings-form")
        assert page.input_value("#setting-escalation-anger") == "0.55"
        assert page.input_value("#setting-bot-max_misses") == "3"
        assert page.input_value("#setting-retention-raw_text_days") == ""
        shot(page, "admin-settings-fr")
        from tawasol.routing import EscalationPolicy

        with site["platform"].uow() as uow:
            tenant = uow.tenants.by_slug(second_tenant)
            assert tenant is not None and EscalationPolicy.from_settings(tenant.settings).anger == 0.55
    finally:
        page.context.close()
