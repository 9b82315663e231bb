"""Refuse, in one place and before any route or login, input that no database column can hold: NUL characters
(PostgreSQL text cannot store them), lone UTF-16 surrogates and request bodies that are not UTF-8 (JSON is UTF-8,
RFC 8259). Each answers 422 naming where the problem is, never a 500 from the driver."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# A JSON escape for NUL or for a surrogate, not itself escaped (preceded by an even number of backslashes).
_NUL_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")
_SURROGATE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
NUL_MESSAGE = "NUL characters (\\u0000) are not allowed in text"
SURROGATE_MESSAGE = "unpaired UTF-16 surrogates are not allowed in text"


def text_problem(text: str) -> tuple[list[str | int], str] | None:
    """Where (the path of the string inside the JSON) and why a JSON text, a body or a WebSocket frame,
    cannot be accepted; None when it can. The JSON is parsed only when a suspicious escape is present."""
    if "\x00" in text:
        return [], NUL_MESSAGE
    if _NUL_ESCAPE.search(text):
        value = _parsed(text)
        where = None if value is _UNREADABLE else _walk(value, _has_nul, [])
        return where or [], NUL_MESSAGE
    if _SURROGATE_ESCAPE.search(text):
        value = _parsed(text)  # a pair of surrogate escapes is one character, and fine
        where = None if value is _UNREADABLE else _walk(value, _unencodable, [])
        return None if where is None else (where, SURROGATE_MESSAGE)
    return None


_UNREADABLE = object()  # not JSON, or nested too deep to read: the route's own parsing answers 422


def _parsed(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _UNREADABLE


def _has_nul(value: str) -> bool:
    return "\x00" in value


def _unencodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _walk(value: Any, bad: Callable[[str], bool], path: list[str | int], depth: int = 0) -> list[str | int] | None:
    """The path to the first string (value or key) that is `bad`, or None."""
    if depth > 200:
        return None
    if isinstance(value, str):
        return path if bad(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(key, str) and bad(key):
            return path
        found = _walk(item, bad, [*path, key], depth + 1)
        if found is not None:
            return found
    return None


def _address_problem(scope: Scope) -> tuple[str, str] | None:
    if "\x00" in scope.get("path", ""):
        return "path", "NUL characters are not allowed in the path"
    query: bytes = scope.get("query_string", b"")
    if b"%00" in query or b"\x00" in query:
        return "query", "NUL characters are not allowed in the query string"
    return None


def _body_problem(body: bytes) -> tuple[list[str | int], str] | None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [], f"the body is not valid UTF-8 (byte {exc.start})"
    return text_problem(text)


class InputGuard:
    """ASGI middleware: 422 for NUL characters in the path, query or body and for non-UTF-8 bodies;
    a WebSocket handshake with NUL in its address is refused (close code 4400)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        problem = _address_problem(scope)
        if problem is not None:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 4400, "reason": problem[1]})
            else:
                await _refuse(send, [problem[0]], problem[1])
            return
        if scope["type"] != "http" or scope.get("method") not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before sending its body
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        in_body = _body_problem(body) if body else None
        if in_body is not None:
            await _refuse(send, ["body", *in_body[0]], in_body[1])
            return
        await self.app(scope, _replay(body, receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed


async def _refuse(send: Send, loc: list[str | int], msg: str) -> None:
    detail: dict[str, Any] = {"detail": [{"loc": loc, "msg": msg, "type": "value_error"}]}
    payload = json.dumps(detail).encode()
    await send({"type": "http.response.start", "status": 422,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
    await send({"type": "http.response.body", "body": payload})
