"""Staff screens in French, Arabic and English (headless Chromium): the browser's language until the user
chooses; the choice is the user's (kept for them, also on the supervisor page), Arabic right to left, and
error texts from the API in the chosen language."""

from __future__ import annotations

from typing import Any

import pytest

from tawasol.demo.seed import DEMO_PASSWORD
from tests.web.conftest import shot

pytestmark = pytest.mark.browser


def _page(browser: Any, locale: str) -> Any:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale=locale, bypass_csp=True)
    ctx.set_default_timeout(10_000)
    return ctx.new_page()


def _login(page: Any, email: str) -> None:
    page.fill("#login-email", email)
    page.fill("#login-password", DEMO_PASSWORD)
    page.click("#login-submit")


def test_the_console_follows_the_browser_then_the_users_choice(site, browser) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser, "fr-FR")
    try:
        page.goto(f"{site['url']}/static/console.html")
        page.wait_for_selector("#login-submit:has-text('Se connecter')")
        assert page.inner_text("label[for='login-password']") == "Mot de passe"
        _login(page, "claire@atlas-telecom.example")
        page.wait_for_selector("#mine-h")
        assert page.text_content("#mine-h") == "Mes conversations"
        assert page.locator("#presence option[value='online']").inner_text() == "en ligne"
        # an API error in the staff language, never the server's English
        forbidden = page.evaluate("Tawasol.api('/api/v1/supervisor/overview').then(() => '', (e) => e.message)")
        assert forbidden == "Votre rôle ne permet pas cette action."
        page.select_option("#ui-language", "ar")
        page.wait_for_selector("html[dir='rtl'] #mine-h")
        assert page.text_content("#mine-h") == "محادثاتي"
        assert page.get_attribute("html", "lang") == "ar"
        assert page.locator("#presence option[value='online']").inner_text() == "متصل"
        shot(page, "console-ar")
        page.reload()  # kept for this user
        page.wait_for_selector("html[dir='rtl'] #mine-h")
        elsewhere = _page(browser, "en-GB")  # another desk, another browser: the user's language follows them
        try:
            elsewhere.goto(f"{site['url']}/static/console.html")
            elsewhere.wait_for_selector("#login-submit:has-text('Log in')")
            _login(elsewhere, "claire@atlas-telecom.example")
            elsewhere.wait_for_selector("html[dir='rtl'] #mine-h")
            assert elsewhere.text_content("#mine-h") == "محادثاتي"
        finally:
            elsewhere.context.close()
        page.select_option("#ui-language", "en")
        page.wait_for_selector("html[dir='ltr'] #mine-h:has-text('My conversations')")
        # back to the browser's language, as the other tests expect of this demo user
        page.evaluate("Tawasol.api('/api/v1/agent/language', {method: 'PUT', body: JSON.stringify({language: null})})")
    finally:
        page.context.close()


def test_the_supervisor_screen_in_arabic(site, browser) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser, "ar-MA")
    try:
        page.goto(f"{site['url']}/static/supervisor.html")
        page.wait_for_selector("#login-submit:has-text('دخول')")
        assert page.get_attribute("html", "dir") == "rtl"
        _login(page, "amina@atlas-telecom.example")
        page.wait_for_selector("#q-h")
        assert page.text_content("#q-h") == "قوائم الانتظار"
        page.wait_for_selector("#agents table")
        assert "الحضور" in page.inner_text("#agents thead")
        shot(page, "supervisor-ar")
    finally:
        page.context.close()


def test_a_wrong_password_is_told_in_the_chosen_language(site, browser) -> None:  # type: ignore[no-untyped-def]
    page = _page(browser, "en-GB")
    try:
        page.goto(f"{site['url']}/static/console.html")
        page.wait_for_selector("#ui-language")
        page.select_option("#ui-language", "fr")
        page.wait_for_selector("#login-submit:has-text('Se connecter')")
        page.fill("#login-email", "claire@atlas-telecom.example")
        page.fill("#login-password", "not-the-password")
        page.click("#login-submit")
        page.wait_for_selector(".login .error:has-text('E-mail ou mot de passe incorrect.')")
    finally:
        page.context.close()
