"""Endpoints of the agent console: inbox, conversation view, claim, decline, transfer, reply, notes, assist,
knowledge-base search, wrap-up, presence."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import CurrentUser, PlatformDep, publish_events
from tawasol.api.schemas import AgentMessageCreate, PresenceIn, ResolveIn
from tawasol.service import agents as svc
from tawasol.service.bootstrap import Platform
from tawasol.service.commands import AgentSaid

router = APIRouter(prefix="/api/v1/agent", tags=["agent"])


class TransferIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    queue: str | None = Field(default=None, max_length=100)
    agent_id: str | None = Field(default=None, max_length=36)
    note: str | None = Field(default=None, max_length=2000)


def knowledge(platform: Platform) -> Any:
    """The tenant -> knowledge index provider (the bot's when the pipeline has one)."""
    provider = platform.extras.get("knowledge")
    if provider is None:
        from tawasol.service.knowledge import KnowledgeIndexProvider

        provider = platform.extras.setdefault("assist_knowledge", KnowledgeIndexProvider(platform.uow))
    return provider


@router.get("/me")
async def me(who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(svc.me, platform.uow(), who)


@router.put("/presence")
async def presence(body: PresenceIn, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    uow = platform.uow()
    result = await run_in_threadpool(svc.set_presence, uow, who, body.presence)
    await publish_events(platform, uow.events)
    return result


@router.get("/conversations")
async def inbox(who: CurrentUser, platform: PlatformDep, status: list[str] | None = Query(None),
                mine: bool = False) -> dict[str, Any]:
    return await run_in_threadpool(svc.inbox, platform.uow(), who, status, mine, platform.extras.get("contacts"))


@router.get("/conversations/{conversation_id}")
async def conversation(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(svc.conversation_detail, platform.uow(), who, conversation_id,
                                   platform.extras.get("contacts"))


@router.post("/conversations/{conversation_id}/claim")
async def claim(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    uow = platform.uow()
    result = await run_in_threadpool(svc.claim, uow, who, conversation_id)
    await publish_events(platform, uow.events)
    return result


@router.post("/conversations/{conversation_id}/messages", status_code=201)
async def reply(conversation_id: str, body: AgentMessageCreate, who: CurrentUser,
                platform: PlatformDep) -> dict[str, Any]:
    cmd = AgentSaid(conversation_id=conversation_id, text=body.text, client_message_id=body.client_message_id,
                    internal=body.internal)
    uow = platform.uow()
    result = await run_in_threadpool(svc.agent_said, uow, who, cmd, platform.settings.max_message_chars,
                                     platform.extras.get("staff_text_redactor"), platform.extras.get("raw_text_sealer"))
    await publish_events(platform, uow.events)
    return result


@router.post("/conversations/{conversation_id}/resolve")
async def resolve(conversation_id: str, body: ResolveIn, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    uow = platform.uow()
    result = await run_in_threadpool(svc.resolve, uow, who, conversation_id, body.disposition, body.summary)
    await publish_events(platform, uow.events)
    return result


@router.post("/conversations/{conversation_id}/decline")
async def decline(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    uow = platform.uow()
    result = await run_in_threadpool(svc.decline, uow, who, conversation_id)
    await publish_events(platform, uow.events)
    return result


@router.post("/conversations/{conversation_id}/transfer")
async def transfer(conversation_id: str, body: TransferIn, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    uow = platform.uow()
    result = await run_in_threadpool(svc.transfer, uow, who, conversation_id, body.queue, body.agent_id, body.note)
    await publish_events(platform, uow.events)
    return result


@router.get("/conversations/{conversation_id}/assist")
async def assist(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(svc.assist_for, platform.uow(), who, conversation_id, knowledge(platform))


@router.get("/kb")
async def kb_search(who: CurrentUser, platform: PlatformDep, q: str = Query(min_length=1, max_length=500),
                    language: str | None = Query(None, max_length=16), tenant_id: str | None = None) -> dict[str, Any]:
    return await run_in_threadpool(svc.kb_search, platform.uow(), who, q, language, knowledge(platform), tenant_id)


@router.get("/colleagues")
async def colleagues(who: CurrentUser, platform: PlatformDep) -> dict[str, Any]:
    return await run_in_threadpool(svc.colleagues, platform.uow(), who)
