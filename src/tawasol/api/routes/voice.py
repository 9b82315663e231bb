"""The voice channel: a telephony media-stream WebSocket, and whether calls can be answered here.

`WS /api/v1/voice/stream?tenant=T` speaks the common JSON framing of media streams (see
`service/call_session.py`). Close codes: 1000 the call ended, 4400 a malformed frame (the reason names it),
4429 too many calls from one address (TAWASOL_CONVERSATIONS_PER_MINUTE),
4404 unknown tenant, 4415 a language without a speech model, 4503 voice not installed (the reason names the
install command; `GET /api/v1/voice/status` answers 503 with the same message).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Query, WebSocket, WebSocketDisconnect
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import PlatformDep, handle
from tawasol.api.input_guard import text_problem
from tawasol.domain.errors import InvalidInput, NotFound
from tawasol.service import calls, events
from tawasol.service import conversations as conv_svc
from tawasol.service.bootstrap import Platform
from tawasol.service.call_session import CallHooks, CallSession
from tawasol.voice import VoiceUnavailable
from tawasol.voice.stt import LanguageNotSupported

router = APIRouter(prefix="/api/v1/voice", tags=["voice"])
log = logging.getLogger(__name__)
MAX_FRAME_CHARS = 64 * 1024


class VoiceStatus(BaseModel):
    available: bool
    model: str
    languages: list[str]


@router.get("/status", responses={503: {"description": "voice not installed here; the detail names the command"}})
async def voice_status(platform: PlatformDep) -> VoiceStatus:
    """The speech model and the languages calls are answered in; 503 naming the install command when missing."""
    status = await run_in_threadpool(calls.voice_status, platform.settings)
    if not status["available"]:
        raise HTTPException(503, status["detail"])
    return VoiceStatus.model_validate(status)


def _hooks(platform: Platform) -> CallHooks:
    s = platform.settings

    async def open_call(cmd: calls.StartCall) -> calls.CallOpened:
        return await handle(
            platform, lambda uow: calls.start_call(cmd, uow, s.customer_token_ttl_hours, platform.contacts)
        )

    async def say(call: calls.CallOpened, text: str, turn: str) -> Any:
        return await handle(
            platform,
            lambda uow: calls.caller_said(
                call, text, turn, uow, platform.pipeline, s.max_message_chars, platform.raw_text_sealer
            ),
        )

    async def language(call: calls.CallOpened) -> str | None:
        return await handle(platform, lambda uow: calls.call_language(uow, call), readonly=True)

    return CallHooks(open_call=open_call, say=say, language=language)


async def _close(ws: WebSocket, code: int, reason: str) -> None:
    await ws.close(code=code, reason=reason[:120])  # a close reason holds at most 123 bytes


@router.websocket("/stream")
async def media_stream(ws: WebSocket, tenant: str = Query("", max_length=64)) -> None:
    platform: Platform = ws.app.state.platform
    await ws.accept()
    wait = await ws.app.state.limits.conversations.hit(ws.client.host if ws.client else "?")
    if wait is not None:  # each call opens a conversation: the same limit per address as the chat's
        await _close(ws, 4429, f"too many calls from this address; retry in {int(wait) + 1} s")
        return
    try:
        engine = await run_in_threadpool(calls.voice_engine, platform.settings)
    except VoiceUnavailable as exc:
        await _close(ws, 4503, str(exc))
        return
    session = CallSession(tenant, engine, _hooks(platform), ws.send_json)
    code, reason = 1000, "call ended"
    agents: asyncio.Task[None] | None = None
    try:
        while True:
            raw = await ws.receive_text()
            frame = _frame(raw)
            if not await session.on_event(frame):
                break
            if agents is None and session.call is not None:
                agents = asyncio.create_task(_speak_agent_replies(platform, session, session.call))
    except WebSocketDisconnect:
        code = 0
    except LanguageNotSupported as exc:
        code, reason = 4415, str(exc)
    except InvalidInput as exc:
        code, reason = 4400, str(exc)
    except NotFound as exc:
        code, reason = 4404, str(exc)
    finally:
        if agents is not None:
            agents.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await agents
        await session.hang_up()
    if code:
        await _close(ws, code, reason)


async def _speak_agent_replies(platform: Platform, session: CallSession, call: calls.CallOpened) -> None:
    """Once a person has the call, what they write to the caller is spoken (as the customer reads it in chat)."""
    sub = await platform.bus.subscribe([events.conversation_channel(call.conversation_id)])
    try:
        async for event in sub:
            message = event.get("message") if event.get("type") == "message" else None
            if not isinstance(message, dict) or message.get("author") != "agent" or message.get("internal"):
                continue
            view = await handle(platform, _reader(call, message, platform), readonly=True)
            await session.relay(str(view.get("text") or ""))
    finally:
        await sub.close()


def _reader(call: calls.CallOpened, message: dict[str, Any], platform: Platform) -> Callable[[Any], dict[str, Any]]:
    def read(uow: Any) -> dict[str, Any]:
        return conv_svc.customer_message(uow, call.tenant_id, call.conversation_id, message, platform.raw_text_sealer)

    return read


def _frame(raw: str) -> dict[str, Any]:
    if len(raw) > MAX_FRAME_CHARS:
        raise InvalidInput("frame", f"expected at most {MAX_FRAME_CHARS} characters")
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        raise InvalidInput("frame", "expected a JSON object") from None
    if not isinstance(data, dict):
        raise InvalidInput("frame", "expected a JSON object")
    problem = text_problem(raw)
    if problem is not None:
        raise InvalidInput("frame", str(problem[1]))
    return data
