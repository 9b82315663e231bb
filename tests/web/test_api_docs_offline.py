"""The operator surface works on an offline site: /docs (Swagger UI) and /redoc render the API under the
real Content-Security-Policy with every request to another origin refused, their assets coming from the
installed package."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _offline(page: Any, base: str) -> tuple[list[str], list[str]]:
    """Abort any request leaving the site; collect those attempts and CSP violations."""
    outside: list[str] = []
    violations: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith(base):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    return outside, violations


@pytest.mark.parametrize(("path", "ready"), [
    ("/docs", ".swagger-ui .opblock-tag"),
    ("/redoc", "[role=menuitem], .menu-content li"),
])
def test_docs_render_offline_under_the_policy(site: dict[str, Any], pages: Any, path: str, ready: str) -> None:
    page = pages(enforce_csp=True)
    outside, violations = _offline(page, site["url"])
    page.goto(site["url"] + path)
    page.wait_for_selector(ready, timeout=20_000)
    assert "conversations" in page.content().lower()  # the API's own operations are listed
    # ReDoc's "powered by" badge points at cdn.redoc.ly: the policy blocks that one decorative image; nothing else.
    assert outside == [] and [v for v in violations if "cdn.redoc.ly/redoc/logo-mini.svg" not in v] == []
