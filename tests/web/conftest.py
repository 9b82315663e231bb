"""Browser tests: a real uvicorn server (fresh SQLite platform seeded with the demo) and Debian's chromium."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import skip_or_fail

BROWSER = os.environ.get("TAWASOL_BROWSER", "/usr/bin/chromium")
SHOTS = os.environ.get("TAWASOL_SCREENSHOTS", "")  # a directory: tests save screenshots there


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(BROWSER).exists():
        skip_or_fail(f"chromium not found at {BROWSER} (apt-get install chromium, or set TAWASOL_BROWSER)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install playwright)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=BROWSER, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[dict[str, Any]]:
    import uvicorn

    from tawasol.api import create_app
    from tawasol.config import Settings
    from tawasol.demo.seed import seed_demo
    from tawasol.service.bootstrap import bootstrap

    home = tmp_path_factory.mktemp("web")
    settings = Settings(home=home, database_url=f"sqlite:///{home / 'tawasol.db'}", data_key="", redis_url="",
                        rate_limit_per_minute=1000, conversations_per_minute=1000,
                        insights_interval_seconds=0, retention_interval_seconds=0,
                        qa_review_interval_seconds=0)
    platform = bootstrap(settings)
    seed_demo(platform.uow, platform.contacts)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(platform), host="127.0.0.1", port=port, log_level="warning",
                                           ws="websockets-sansio"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 240  # warm-up trains the models: slow on a loaded machine
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "platform": platform}
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def site(live_server: dict[str, Any]) -> dict[str, Any]:
    """The live server with every demo agent offline and no conversation left open."""
    from sqlalchemy import select

    from tawasol.domain.model import Conversation, User

    with live_server["platform"].uow() as uow:
        for u in uow.session.scalars(select(User)).all():
            u.presence = "offline"
        open_ones = select(Conversation).where(Conversation.status.in_(["queued", "assigned", "bot"]))
        for c in uow.session.scalars(open_ones).all():
            c.status = "closed"
        uow.commit()
    return live_server


@pytest.fixture
def pages(browser: Any) -> Iterator[Any]:
    """A factory of pages, each in its own browser context (own sessionStorage), closed after the test."""
    contexts: list[Any] = []

    def new_page(enforce_csp: bool = False) -> Any:
        # Playwright's own string predicates (wait_for_function) are evaluated in the page, which the pages'
        # Content-Security-Policy forbids; test_content_security_policy checks the pages under the real policy.
        ctx = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=not enforce_csp)
        ctx.set_default_timeout(10_000)
        contexts.append(ctx)
        return ctx.new_page()

    yield new_page
    for ctx in contexts:
        ctx.close()


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def open_widget(pages: Any, url: str, lang: str = "") -> Any:
    """The demo tenant's widget page, once its disclosure is shown and its socket connected."""
    from tawasol.demo.seed import TENANT

    page = pages()
    page.goto(f"{url}/static/widget.html?tenant={TENANT}" + (f"&lang={lang}" if lang else ""))
    page.wait_for_selector(".msg.disclosure")
    page.wait_for_selector("body[data-connected='1']")
    return page


def ask_bot(widget: Any, text: str) -> str:
    """Send `text` from the widget, wait for the bot's next message and return it."""
    before = widget.locator(".msg.bot").count()
    widget.fill("#text", text)
    widget.keyboard.press("Enter")
    widget.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}")
    return str(widget.locator(".msg.bot").nth(before).inner_text())
