"""WebSockets: the customer's conversation stream and the agent's live inbox.

Each connection: authenticate -> accept -> subscribe -> send backlog -> pump events both ways;
cleanup in `finally`. Close codes: 4401 bad token, 4404 unknown conversation, 4400 protocol error (also an
`after_seq` out of range). A frame that is not a JSON object (or nests too deep, or holds NUL) gets an error frame.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect

from tawasol.api.deps import handle
from tawasol.api.input_guard import text_problem
from tawasol.api.schemas import MAX_SEQ
from tawasol.bus import Subscription
from tawasol.domain.errors import DomainError, NotFound, Unauthorized
from tawasol.service import agents, auth, events
from tawasol.service import conversations as conv_svc
from tawasol.service.bootstrap import Platform

router = APIRouter()
log = logging.getLogger(__name__)


def _code(exc: DomainError) -> int:
    return 4401 if isinstance(exc, Unauthorized) else 4404 if isinstance(exc, NotFound) else 4400


async def _pump(ws: WebSocket, sub: Subscription, view: Any = None) -> None:
    async for event in sub:
        await ws.send_json(await view(event) if view is not None else event)


async def _serve(ws: WebSocket, sub: Subscription, on_receive: Any, view: Any = None) -> None:
    pump = asyncio.create_task(_pump(ws, sub, view))
    try:
        while True:
            raw = await ws.receive_text()
            try:
                data = json.loads(raw)
                if not isinstance(data, dict):
                    raise ValueError
            except (ValueError, RecursionError):  # a frame nested thousands deep is not one we read
                await ws.send_json({"type": "error", "detail": "expected a JSON object, got " + raw[:40]})
                continue
            problem = text_problem(raw)
            if problem is not None:
                await ws.send_json({"type": "error", "detail": f"{'.'.join(map(str, problem[0])) or 'frame'}: "
                                                              f"{problem[1]}"})
                continue
            if data.get("type") == "ping":
                await ws.send_json({"type": "pong"})
                continue
            await on_receive(data)
    except WebSocketDisconnect:
        pass
    finally:
        pump.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await pump
        await sub.close()


@router.websocket("/api/v1/conversations/{conversation_id}/ws")
async def customer_ws(ws: WebSocket, conversation_id: str, token: str = "", after_seq: int = 0) -> None:
    platform: Platform = ws.app.state.platform
    if not 0 <= after_seq <= MAX_SEQ:  # accepted first so that a browser reads the code and the reason
        await ws.accept()
        await ws.close(code=4400, reason=f"after_seq: expected 0 to {MAX_SEQ}")
        return
    try:
        who = await handle(platform, lambda uow: auth.authenticate_customer(uow, token, conversation_id),
                           readonly=True)
    except DomainError as exc:
        await ws.close(code=_code(exc))
        return
    await ws.accept()
    sub = await platform.bus.subscribe([events.conversation_channel(conversation_id)])
    # Backlog after subscribing: a reconnecting widget misses nothing (it de-duplicates by seq).
    sealer = platform.raw_text_sealer
    backlog = await handle(platform, lambda uow: conv_svc.list_messages(
        uow, [who.tenant_id], conversation_id, max(after_seq, 0), False, sealer), readonly=True)
    await ws.send_json({"type": "backlog", "conversation": backlog["conversation"], "messages": backlog["data"]})

    async def on_receive(data: dict[str, Any]) -> None:
        if data.get("type") == "typing":
            await platform.bus.publish(events.conversation_channel(conversation_id),
                                       events.typing_event(conversation_id, "customer", bool(data.get("typing", True))))
            await platform.bus.publish(events.tenant_channel(who.tenant_id),
                                       events.typing_event(conversation_id, "customer", bool(data.get("typing", True))))
        else:
            await ws.send_json({"type": "error", "detail": f"expected type ping or typing, got {data.get('type')!r}"})

    async def as_the_customer_reads_it(event: dict[str, Any]) -> dict[str, Any]:
        if event.get("type") != "message" or not isinstance(event.get("message"), dict):
            return event
        message = event["message"]
        view = await handle(platform, lambda uow: conv_svc.customer_message(
            uow, who.tenant_id, conversation_id, message, sealer), readonly=True)
        return {**event, "message": view}

    await _serve(ws, sub, on_receive, as_the_customer_reads_it)


class ConsolePresence:
    """Counts each agent's open console sockets in this process; when the last one has been closed
    for a grace period (a reload or a short network drop is not leaving), the agent goes offline
    and their conversations are handed to colleagues."""

    def __init__(self, grace_seconds: float) -> None:
        self.grace_seconds = grace_seconds
        self.open: dict[str, int] = {}

    def connected(self, user_id: str) -> None:
        self.open[user_id] = self.open.get(user_id, 0) + 1

    async def disconnected(self, platform: Platform, user_id: str) -> None:
        self.open[user_id] = max(0, self.open.get(user_id, 1) - 1)
        if self.open[user_id]:
            return
        await asyncio.sleep(self.grace_seconds)
        if self.open.get(user_id, 0):
            return
        try:
            await handle(platform, lambda uow: agents.agent_disconnected(uow, user_id))
        except Exception:  # noqa: BLE001 - best effort; presence also changes from the console
            log.exception("could not hand back the conversations of a disconnected agent")


def _console_presence(ws: WebSocket, platform: Platform) -> ConsolePresence:
    tracker = getattr(ws.app.state, "console_presence", None)
    if tracker is None:
        tracker = ConsolePresence(platform.settings.agent_disconnect_grace_seconds)
        ws.app.state.console_presence = tracker
    return tracker


@router.websocket("/api/v1/agent/ws")
async def agent_ws(ws: WebSocket, token: str = "") -> None:
    platform: Platform = ws.app.state.platform
    try:
        who = await handle(platform, lambda uow: auth.authenticate_user(uow, token), readonly=True)
    except DomainError as exc:
        await ws.close(code=_code(exc))
        return
    await ws.accept()
    sub = await platform.bus.subscribe([events.tenant_channel(t) for t in who.tenant_ids])
    await ws.send_json({"type": "hello", "user_id": who.user.id, "tenant_ids": list(who.tenant_ids)})

    async def on_receive(data: dict[str, Any]) -> None:
        conv_id = str(data.get("conversation_id", ""))
        if data.get("type") != "typing" or not conv_id:
            await ws.send_json({"type": "error", "detail": "expected {type: typing, conversation_id}"})
            return
        typing = bool(data.get("typing", True))
        await handle(platform, lambda uow: agents.agent_typing(uow, who, conv_id, typing), readonly=True)

    presence = _console_presence(ws, platform)
    presence.connected(who.user.id)
    try:
        await _serve(ws, sub, on_receive)
    finally:
        # Not awaited here: the grace period must not hold the closed socket's handler.
        task = asyncio.get_running_loop().create_task(presence.disconnected(platform, who.user.id))
        _pending.add(task)
        task.add_done_callback(_pending.discard)


_pending: set[asyncio.Task[None]] = set()
