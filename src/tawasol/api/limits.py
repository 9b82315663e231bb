"""Request-size limit (ASGI middleware), a sliding-window rate limiter for public endpoints, the login throttle."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


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
    """At most `limit` hits per key in any `window` seconds (per process)."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[Any, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: Any) -> float | None:
        """Record a hit; returns None when allowed, else the seconds to wait."""
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

    def wait(self, key: Any) -> float | None:
        """Without recording a hit: None when one more would be allowed, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            q = self._hits.get(key)
            if q is None:
                return None
            q = self._recent(key, now)
            return max(0.0, q[0] + self.window - now) if len(q) >= self.limit else None

    def forget(self, key: Any) -> None:
        with self._lock:
            self._hits.pop(key, None)

    def _recent(self, key: Any, now: float) -> deque[float]:
        q = self._hits.setdefault(key, deque())
        while q and q[0] <= now - self.window:
            q.popleft()
        return q


class LoginThrottle:
    """Failed logins counted per (e-mail, client address) and per client address. Only failures count, and
    a success clears its (e-mail, address) count: someone guessing from elsewhere never locks the right
    password out, while one address cannot try many passwords on one account or a few on many accounts."""

    def __init__(self, per_account: int, per_address: int, window: float = 60.0) -> None:
        self.account = RateLimiter(per_account, window)
        self.address = RateLimiter(per_address, window)

    @staticmethod
    def account_key(email: str, address: str) -> tuple[str, str]:
        return email.strip().lower(), address  # the same e-mail the login looks up

    def wait(self, email: str, address: str) -> float | None:
        waits = [w for w in (self.account.wait(self.account_key(email, address)), self.address.wait(address))
                 if w is not None]
        return max(waits) if waits else None

    def failed(self, email: str, address: str) -> None:
        self.account.hit(self.account_key(email, address))
        self.address.hit(address)

    def succeeded(self, email: str, address: str) -> None:
        self.account.forget(self.account_key(email, address))


@dataclass(frozen=True)
class Limits:
    """The app's limits on public endpoints, one set per app (`create_app` builds it from the settings)."""

    conversations: RateLimiter  # conversations opened per client address
    messages: RateLimiter  # messages posted per conversation and client address
    logins: LoginThrottle
