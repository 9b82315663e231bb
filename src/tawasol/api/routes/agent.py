"""Endpoints of the agent console: inbox, conversation view, claim, decline, transfer, reply, notes, assist,
knowledge-base search, wrap-up, presence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from tawasol.api.deps import CurrentUser, PlatformDep, handle
from tawasol.api.schemas import (
    AgentMessageCreate,
    AssistPublic,
    ColleaguesPublic,
    ConversationDetailPublic,
    ConversationPublic,
    InboxPublic,
    KbHitsPublic,
    MePublic,
    PresenceIn,
    ResolveIn,
    StaffMessagePublic,
    TransferIn,
    UserPublic,
)
from tawasol.api.schemas.admin import UiLanguageIn
from tawasol.service import agent_assist, staff_preferences
from tawasol.service import agents as svc
from tawasol.service.commands import AgentSaid

router = APIRouter(prefix="/api/v1/agent", tags=["agent"])


@router.get("/me")
async def me(who: CurrentUser, platform: PlatformDep) -> MePublic:
    return MePublic.model_validate(await handle(platform, lambda uow: svc.me(uow, who)))


@router.put("/language", summary="The staff screens' language of the user (fr, ar, en; null: the browser's)")
async def ui_language(body: UiLanguageIn, who: CurrentUser, platform: PlatformDep) -> UserPublic:
    return UserPublic.model_validate(await handle(platform, lambda uow: staff_preferences.set_ui_language(
        uow, who, body.language)))


@router.put("/presence")
async def presence(body: PresenceIn, who: CurrentUser, platform: PlatformDep) -> UserPublic:
    return UserPublic.model_validate(await handle(platform, lambda uow: svc.set_presence(uow, who, body.presence)))


@router.get("/conversations")
async def inbox(who: CurrentUser, platform: PlatformDep, status: Annotated[list[str] | None, Query()] = None,
                mine: bool = False) -> InboxPublic:
    return InboxPublic.model_validate(
        await handle(platform, lambda uow: svc.inbox(uow, who, status, mine, platform.contacts)))


# Only a queued conversation's queue status has an SLA, a wait and a notice: the others' keys stay absent.
@router.get("/conversations/{conversation_id}", response_model_exclude_unset=True)
async def conversation(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> ConversationDetailPublic:
    return ConversationDetailPublic.model_validate(
        await handle(platform, lambda uow: svc.conversation_detail(uow, who, conversation_id, platform.contacts)))


@router.post("/conversations/{conversation_id}/claim")
async def claim(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> ConversationPublic:
    return ConversationPublic.model_validate(await handle(platform, lambda uow: svc.claim(uow, who, conversation_id)))


@router.post("/conversations/{conversation_id}/messages", status_code=201)
async def reply(conversation_id: str, body: AgentMessageCreate, who: CurrentUser,
                platform: PlatformDep) -> StaffMessagePublic:
    cmd = AgentSaid(conversation_id=conversation_id, text=body.text, client_message_id=body.client_message_id,
                    internal=body.internal)
    max_chars = platform.settings.max_message_chars
    return StaffMessagePublic.model_validate(await handle(platform, lambda uow: svc.agent_said(
        uow, who, cmd, max_chars, platform.staff_text_redactor, platform.raw_text_sealer)))


@router.post("/conversations/{conversation_id}/resolve")
async def resolve(conversation_id: str, body: ResolveIn, who: CurrentUser, platform: PlatformDep) -> ConversationPublic:
    return ConversationPublic.model_validate(await handle(platform, lambda uow: svc.resolve(
        uow, who, conversation_id, body.disposition, body.summary)))


@router.post("/conversations/{conversation_id}/decline")
async def decline(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> ConversationPublic:
    return ConversationPublic.model_validate(await handle(platform, lambda uow: svc.decline(uow, who, conversation_id)))


@router.post("/conversations/{conversation_id}/transfer")
async def transfer(conversation_id: str, body: TransferIn, who: CurrentUser,
                   platform: PlatformDep) -> ConversationPublic:
    return ConversationPublic.model_validate(await handle(platform, lambda uow: svc.transfer(
        uow, who, conversation_id, body.queue, body.agent_id, body.note)))


@router.get("/conversations/{conversation_id}/assist")
async def assist(conversation_id: str, who: CurrentUser, platform: PlatformDep) -> AssistPublic:
    return AssistPublic.model_validate(await handle(platform, lambda uow: agent_assist.assist_for(
        uow, who, conversation_id, platform.knowledge)))


@router.get("/kb")
async def kb_search(who: CurrentUser, platform: PlatformDep, q: str = Query(min_length=1, max_length=500),
                    language: str | None = Query(None, max_length=16), tenant_id: str | None = None) -> KbHitsPublic:
    return KbHitsPublic.model_validate(await handle(platform, lambda uow: agent_assist.kb_search(
        uow, who, q, language, platform.knowledge, tenant_id)))


@router.get("/colleagues")
async def colleagues(who: CurrentUser, platform: PlatformDep) -> ColleaguesPublic:
    return ColleaguesPublic.model_validate(await handle(platform, lambda uow: svc.colleagues(uow, who)))
