"""Rate limits: in this process without Redis; shared by every process through Redis when it is configured (two
Limits objects stand for two server processes); counted locally while Redis cannot be reached."""

from __future__ import annotations

import asyncio
import logging
import uuid

import pytest

from tawasol.api.limits import Limits, LoginThrottle, RateLimiter, SharedRateLimiter
from tawasol.config import Settings


def _settings(redis_url: str = "") -> Settings:
    return Settings(
        redis_url=redis_url,
        conversations_per_minute=3,
        rate_limit_per_minute=2,
        login_failures_per_account=2,
        login_failures_per_address=5,
    )


def test_without_redis_each_process_counts_alone() -> None:
    async def run() -> None:
        one, other = Limits.from_settings(_settings()), Limits.from_settings(_settings())
        assert isinstance(one.conversations, RateLimiter)
        assert [await one.conversations.hit("1.2.3.4") for _ in range(3)] == [None, None, None]
        wait = await one.conversations.hit("1.2.3.4")
        assert wait is not None and 0 < wait <= 60
        assert await other.conversations.hit("1.2.3.4") is None  # another process: its own count

    asyncio.run(run())


@pytest.mark.redis
def test_with_redis_the_processes_share_one_count(redis_url: str) -> None:
    async def run() -> None:
        one, other = Limits.from_settings(_settings(redis_url)), Limits.from_settings(_settings(redis_url))
        assert isinstance(one.messages, SharedRateLimiter)
        key = (f"conv-{uuid.uuid4().hex}", "1.2.3.4")
        assert await one.messages.hit(key) is None and await other.messages.hit(key) is None
        for limits in (one, other):
            wait = await limits.messages.hit(key)
            assert wait is not None and 0 < wait <= 60
        assert await one.messages.hit((key[0], "5.6.7.8")) is None  # another key, another count
        await other.messages.forget(key)
        assert await one.messages.wait(key) is None

    asyncio.run(run())


@pytest.mark.redis
def test_failed_logins_lock_out_across_processes_and_a_success_clears(redis_url: str) -> None:
    async def run() -> None:
        one, other = Limits.from_settings(_settings(redis_url)), Limits.from_settings(_settings(redis_url))
        email = f"{uuid.uuid4().hex}@example.com"
        await one.logins.failed(email, "9.9.9.9")
        assert await other.logins.wait(f" {email.upper()}", "9.9.9.9") is None
        await other.logins.failed(email, "9.9.9.9")
        assert await one.logins.wait(email, "9.9.9.9") is not None  # two failures, one on each process
        await one.logins.succeeded(email, "9.9.9.9")
        assert await other.logins.wait(email, "9.9.9.9") is None

    asyncio.run(run())


def test_an_unreachable_redis_counts_in_the_process_and_warns_once(caplog: pytest.LogCaptureFixture) -> None:
    async def run() -> None:
        limits = Limits.from_settings(_settings("redis://127.0.0.1:1/0"))  # nothing listens on port 1
        with caplog.at_level(logging.WARNING, logger="tawasol.api.limits"):
            assert [await limits.conversations.hit("ip") for _ in range(3)] == [None, None, None]
            assert await limits.conversations.hit("ip") is not None
            assert await limits.conversations.wait("other-ip") is None
        assert sum("Redis unreachable" in r.getMessage() for r in caplog.records) == 1

    asyncio.run(run())


def test_the_in_process_login_throttle_keys_on_the_stripped_email() -> None:
    async def run() -> None:
        throttle = LoginThrottle.in_process(per_account=1, per_address=10)
        await throttle.failed("A@x.test", "ip")
        assert await throttle.wait("  a@x.test ", "ip") is not None

    asyncio.run(run())
