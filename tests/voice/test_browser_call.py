"""A call from the browser (static/call.html) over the media-stream WebSocket, with chromium's fake microphone
playing one of the project's recordings: the bot hears the question and its spoken answer plays."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import text

from tawasol.voice.audio import read_wav, write_wav
from tests.conftest import skip_or_fail
from tests.voice.conftest import AUDIO

BROWSER = os.environ.get("TAWASOL_BROWSER", "/usr/bin/chromium")
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def microphone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the fake microphone says, in a loop: silence while the disclosure plays (speaking over it would cut
    it: barge-in), the question, then silence while the answer plays."""
    question, rate = read_wav(AUDIO / "fr-facture.wav")
    path = tmp_path_factory.mktemp("mic") / "caller.wav"
    write_wav(path, np.concatenate([np.zeros(12 * rate, np.float32), question, np.zeros(30 * rate, np.float32)]), rate)
    return path


@pytest.fixture(scope="module")
def call_site(tmp_path_factory: pytest.TempPathFactory, speech_model_dir: Path) -> Iterator[dict[str, Any]]:
    import socket

    import uvicorn

    from tawasol.api import create_app
    from tawasol.config import Settings
    from tawasol.demo.seed import seed_demo
    from tawasol.service.bootstrap import bootstrap

    home = tmp_path_factory.mktemp("call-site")
    settings = Settings(
        home=home,
        database_url=f"sqlite:///{home / 'tawasol.db'}",
        data_key="",
        redis_url="",
        model_dir=speech_model_dir.parents[1],
        insights_interval_seconds=0,
        retention_interval_seconds=0,
    )
    platform = bootstrap(settings)
    seed_demo(platform.uow, platform.contacts)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(platform), host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 300
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "platform": platform}
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(microphone: Path) -> Iterator[Any]:
    if not Path(BROWSER).exists():
        skip_or_fail(f"chromium not found at {BROWSER} (apt-get install chromium, or set TAWASOL_BROWSER)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=BROWSER,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={microphone}",
                "--autoplay-policy=no-user-gesture-required",
            ],
        )
        ctx = browser.new_context()  # the page's own Content-Security-Policy applies
        ctx.grant_permissions(["microphone"])
        yield ctx.new_page()
        ctx.close()
        browser.close()


def test_a_browser_call_in_french_reaches_the_bot_and_plays_its_answer(call_site: dict[str, Any], page: Any) -> None:
    from tawasol.demo.seed import TENANT

    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{call_site['url']}/static/call.html?tenant={TENANT}")
    page.select_option("#language", "fr")
    page.click("#call")
    page.wait_for_selector("#status[data-state=listening]", timeout=30_000)
    # the disclosure, then the answer to the question: two marks played and echoed
    page.wait_for_selector(
        "#stats:not([data-answers='0']):not([data-answers='1'])", state="attached", timeout=300_000
    )  # speech recognition on a loaded machine takes its time
    page.click("#hangup")
    page.wait_for_selector("#status[data-state=ended]")
    assert not errors
    assert int(page.get_attribute("#stats", "data-bytes")) > 16_000  # over two seconds of speech heard
    with call_site["platform"].engine.connect() as conn:
        said = (
            conn.execute(
                text(
                    "SELECT m.text FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                    "WHERE c.channel = 'voice' AND m.author = 'customer' ORDER BY m.seq"
                )
            )
            .scalars()
            .all()
        )
        bot = conn.execute(
            text(
                "SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                "WHERE c.channel = 'voice' AND m.author = 'bot'"
            )
        ).scalar_one()
    assert said and "facture" in said[0].lower()
    assert bot >= 1
