"""Request-size limit (ASGI middleware), sliding-window rate limits for public endpoints (in this process, or shared
in Redis by every process of the deployment), the login throttle."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from limits import RateLimitItemPerSecond
from limits.aio.storage import Storage as AsyncStorage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError
from limits.storage import storage_from_string
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if TYPE_CHECKING:
    from tawasol.config import Settings

log = logging.getLogger(__name__)


class BodySizeLimit:
    """Refuse bodies above `max_bytes` with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = False
                if too_big:
                    await _too_large(send, self.max_bytes)
                    return
        seen = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not response_started:
                await _too_large(send, self.max_bytes)


class _TooLarge(HTTPException):
    # An HTTPException so that FastAPI's body parsing re-raises it as a 413 instead of a 400.
    def __init__(self, limit: int = 0) -> None:
        super().__init__(413, f"request body above the limit of {limit} bytes")


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body above the limit of {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RateLimiter:
    """At most `limit` hits per key in any `window` seconds, counted in this process."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[Any, deque[float]] = {}
        self._lock = threading.Lock()

    async def hit(self, key: Any) -> float | None:
        """Record a hit; returns None when allowed, else the seconds to wait."""
        return self.hit_now(key)

    async def wait(self, key: Any) -> float | None:
        """Without recording a hit: None when one more would be allowed, else the seconds to wait."""
        return self.wait_now(key)

    async def forget(self, key: Any) -> None:
        self.forget_now(key)

    def hit_now(self, key: Any) -> float | None:
        now = time.monotonic()
        with self._lock:
            q = self._recent(key, now)
            if len(q) >= self.limit:
                return max(0.0, q[0] + self.window - now)
            q.append(now)
            if len(self._hits) > 100_000:  # forget idle keys so memory stays bounded
                for k in [k for k, v in self._hits.items() if not v or v[-1] <= now - self.window]:
                    del self._hits[k]
            return None

    def wait_now(self, key: Any) -> float | None:
        now = time.monotonic()
        with self._lock:
            q = self._hits.get(key)
            if q is None:
                return None
            q = self._recent(key, now)
            return max(0.0, q[0] + self.window - now) if len(q) >= self.limit else None

    def forget_now(self, key: Any) -> None:
        with self._lock:
            self._hits.pop(key, None)

    def _recent(self, key: Any, now: float) -> deque[float]:
        q = self._hits.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q


class SharedRateLimiter:
    """The same limit counted in Redis for every process of the deployment: the `limits` library (MIT), moving
    window, on redis-py's asyncio client. While Redis cannot be reached the process counts alone (a warning is
    logged once per outage), so an outage of Redis slows no request and refuses none that the local count allows."""

    def __init__(self, storage: AsyncStorage, name: str, limit: int, window: float = 60.0) -> None:
        self.name = name
        self.item = RateLimitItemPerSecond(limit, max(1, round(window)))
        self.strategy = MovingWindowRateLimiter(storage)
        self.local = RateLimiter(limit, window)
        self._down = False

    def _ids(self, key: Any) -> list[str]:
        return [self.name, *(map(str, key) if isinstance(key, tuple) else [str(key)])]

    async def _wait_after(self, ids: list[str]) -> float:
        stats = await self.strategy.get_window_stats(self.item, *ids)
        return max(0.0, stats.reset_time - time.time())

    def _unreachable(self, exc: Exception) -> None:
        if not self._down:
            log.warning("rate limit %s: Redis unreachable (%s); counting in this process until it is back",
                        self.name, exc)
        self._down = True

    async def hit(self, key: Any) -> float | None:
        ids = self._ids(key)
        try:
            allowed = await self.strategy.hit(self.item, *ids)
            wait = None if allowed else await self._wait_after(ids)
        except StorageError as exc:
            self._unreachable(exc)
            return self.local.hit_now(key)
        self._down = False
        return wait

    async def wait(self, key: Any) -> float | None:
        ids = self._ids(key)
        try:
            return None if await self.strategy.test(self.item, *ids) else await self._wait_after(ids)
        except StorageError as exc:
            self._unreachable(exc)
            return self.local.wait_now(key)

    async def forget(self, key: Any) -> None:
        try:
            await self.strategy.clear(self.item, *self._ids(key))
        except StorageError as exc:
            self._unreachable(exc)
        self.local.forget_now(key)


class Limiter(Protocol):
    async def hit(self, key: Any) -> float | None: ...
    async def wait(self, key: Any) -> float | None: ...
    async def forget(self, key: Any) -> None: ...


class LoginThrottle:
    """Failed logins counted per (e-mail, client address) and per client address. Only failures count, and
    a success clears its (e-mail, address) count: someone guessing from elsewhere never locks the right
    password out, while one address cannot try many passwords on one account or a few on many accounts."""

    def __init__(self, account: Limiter, address: Limiter) -> None:
        self.account, self.address = account, address

    @classmethod
    def in_process(cls, per_account: int, per_address: int, window: float = 60.0) -> LoginThrottle:
        return cls(RateLimiter(per_account, window), RateLimiter(per_address, window))

    @staticmethod
    def account_key(email: str, address: str) -> tuple[str, str]:
        return email.strip().lower(), address  # the same e-mail the login looks up

    async def wait(self, email: str, address: str) -> float | None:
        waits = [w for w in (await self.account.wait(self.account_key(email, address)),
                             await self.address.wait(address)) if w is not None]
        return max(waits) if waits else None

    async def failed(self, email: str, address: str) -> None:
        await self.account.hit(self.account_key(email, address))
        await self.address.hit(address)

    async def succeeded(self, email: str, address: str) -> None:
        await self.account.forget(self.account_key(email, address))


@dataclass(frozen=True)
class Limits:
    """The app's limits on public endpoints, one set per app (`create_app` builds it from the settings)."""

    conversations: Limiter  # conversations opened per client address
    messages: Limiter  # messages posted per conversation and client address
    logins: LoginThrottle

    @classmethod
    def from_settings(cls, s: Settings) -> Limits:
        """Counted in Redis when the deployment has Redis (`TAWASOL_REDIS_URL`: every process shares the counts),
        in this process otherwise."""
        if not s.redis_url:
            return cls(RateLimiter(s.conversations_per_minute), RateLimiter(s.rate_limit_per_minute),
                       LoginThrottle.in_process(s.login_failures_per_account, s.login_failures_per_address))
        url = s.redis_url if s.redis_url.startswith("async+") else f"async+{s.redis_url}"
        storage = storage_from_string(url, implementation="redispy", wrap_exceptions=True, key_prefix="tawasol")
        if not isinstance(storage, AsyncStorage):  # pragma: no cover - the async+ scheme gives an async storage
            raise TypeError(f"expected an asyncio storage for {url}")

        def shared(name: str, limit: int) -> SharedRateLimiter:
            return SharedRateLimiter(storage, name, limit)

        return cls(shared("conversations", s.conversations_per_minute), shared("messages", s.rate_limit_per_minute),
                   LoginThrottle(shared("login-account", s.login_failures_per_account),
                                 shared("login-address", s.login_failures_per_address)))
