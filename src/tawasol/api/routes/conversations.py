"""Customer-facing endpoints used by the chat widget and integrations."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from tawasol.api.deps import CurrentCustomer, PlatformDep, publish_events
from tawasol.api.limits import RateLimiter
from tawasol.api.schemas import MAX_SEQ, ConversationCreate, ConversationCreated, MessageCreate, MessagePosted, MessagesPublic
from tawasol.service import conversations as svc
from tawasol.service.commands import CustomerDetails, CustomerSaid, OpenConversation

router = APIRouter(prefix="/api/v1/conversations", tags=["conversations"])


def _limit(request: Request, limiter_name: str, key: object) -> None:
    limiter: RateLimiter = getattr(request.app.state, limiter_name)
    wait = limiter.hit(key)
    if wait is not None:
        raise HTTPException(429, "too many requests; slow down", headers={"Retry-After": str(int(wait) + 1)})


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.post("", status_code=201, response_model=ConversationCreated)
async def open_conversation(body: ConversationCreate, request: Request, platform: PlatformDep) -> ConversationCreated:
    _limit(request, "open_limiter", _client(request))
    cmd = OpenConversation(
        tenant_slug=body.tenant, channel=body.channel, language=body.language,
        customer=CustomerDetails(**body.customer.model_dump()),
    )
    uow = platform.uow()
    opened = await run_in_threadpool(svc.open_conversation, cmd, uow, platform.settings.customer_token_ttl_hours,
                                     platform.extras.get("greeter"), platform.extras.get("contacts"))
    await publish_events(platform, uow.events)
    return ConversationCreated(id=opened.id, customer_token=opened.customer_token, status=opened.status,
                               messages=opened.greeting)


@router.post("/{conversation_id}/messages", status_code=201, response_model=MessagePosted)
async def post_message(conversation_id: str, body: MessageCreate, request: Request, who: CurrentCustomer,
                       platform: PlatformDep) -> MessagePosted:
    _limit(request, "message_limiter", (conversation_id, _client(request)))
    cmd = CustomerSaid(conversation_id=conversation_id, tenant_id=who.tenant_id, text=body.text,
                       client_message_id=body.client_message_id)
    uow = platform.uow()
    result = await run_in_threadpool(svc.customer_said, cmd, uow, platform.pipeline,
                                     platform.settings.max_message_chars, platform.extras.get("raw_text_sealer"),
                                     platform.extras.get("greeter"))
    await publish_events(platform, uow.events)
    return MessagePosted(message=result.message, replies=result.replies, status=result.status,
                         replayed=result.replayed)


@router.get("/{conversation_id}/messages", response_model=MessagesPublic)
async def list_messages(conversation_id: str, who: CurrentCustomer, platform: PlatformDep,
                        after_seq: int = Query(0, ge=0, le=MAX_SEQ)) -> MessagesPublic:
    data = await run_in_threadpool(svc.list_messages, platform.uow(), [who.tenant_id], conversation_id, after_seq,
                                   False, platform.extras.get("raw_text_sealer"))
    return MessagesPublic(**data)
