"""Customer-facing endpoints used by the chat widget and integrations."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request

from tawasol.api.deps import CurrentCustomer, LimitsDep, PlatformDep, handle
from tawasol.api.limits import Limiter
from tawasol.api.schemas import (
    MAX_SEQ,
    ConversationCreate,
    ConversationCreated,
    MessageCreate,
    MessagePosted,
    MessagesPublic,
)
from tawasol.service import conversations as svc
from tawasol.service.commands import CustomerDetails, CustomerSaid, OpenConversation

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])


async def _limit(limiter: Limiter, key: object) -> None:
    wait = await limiter.hit(key)
    if wait is not None:
        raise HTTPException(429, "too many requests; slow down", headers={"Retry-After": str(int(wait) + 1)})


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.post("", status_code=201)
async def open_conversation(body: ConversationCreate, request: Request, platform: PlatformDep,
                            limits: LimitsDep) -> ConversationCreated:
    await _limit(limits.conversations, _client(request))
    cmd = OpenConversation(
        tenant_slug=body.tenant, channel=body.channel, language=body.language,
        customer=CustomerDetails(**body.customer.model_dump()),
    )
    ttl = platform.settings.customer_token_ttl_hours
    opened = await handle(platform, lambda uow: svc.open_conversation(cmd, uow, ttl, platform.greeter,
                                                                      platform.contacts))
    return ConversationCreated.model_validate({"id": opened.id, "customer_token": opened.customer_token,
                                               "status": opened.status, "messages": opened.greeting})


@router.post("/{conversation_id}/messages", status_code=201)
async def post_message(conversation_id: str, body: MessageCreate, request: Request, who: CurrentCustomer,
                       platform: PlatformDep, limits: LimitsDep) -> MessagePosted:
    await _limit(limits.messages, (conversation_id, _client(request)))
    cmd = CustomerSaid(conversation_id=conversation_id, tenant_id=who.tenant_id, text=body.text,
                       client_message_id=body.client_message_id)
    max_chars = platform.settings.max_message_chars
    result = await handle(platform, lambda uow: svc.customer_said(cmd, uow, platform.pipeline, max_chars,
                                                                  platform.raw_text_sealer, platform.greeter))
    return MessagePosted.model_validate({"message": result.message, "replies": result.replies,
                                         "status": result.status, "replayed": result.replayed})


@router.get("/{conversation_id}/messages")
async def list_messages(conversation_id: str, who: CurrentCustomer, platform: PlatformDep,
                        after_seq: int = Query(0, ge=0, le=MAX_SEQ)) -> MessagesPublic:
    data = await handle(platform, lambda uow: svc.list_messages(uow, [who.tenant_id], conversation_id, after_seq,
                                                                False, platform.raw_text_sealer))
    return MessagesPublic.model_validate(data)
