"""Handlers for staff: inbox, conversation view, claim, reply, notes, resolve, presence."""

from __future__ import annotations

from typing import Any

from tawasol.domain.errors import Conflict, InvalidInput, NotFound
from tawasol.domain.model import Author, ConversationStatus, Message, Presence, Role, utcnow
from tawasol.service import events
from tawasol.service.commands import AgentSaid
from tawasol.service.principals import UserPrincipal
from tawasol.service.text import clean_text
from tawasol.service.views import conversation_view, decision_view, message_view, queue_view, user_view
from tawasol.store.uow import UnitOfWork

STAFF = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)


def me(uow: UnitOfWork, who: UserPrincipal) -> dict[str, Any]:
    with uow:
        tenants = [uow.tenants.get(t) for t in who.tenant_ids]
        view = user_view(who.user, who.tenant_ids)
        view["tenants"] = [{"id": t.id, "slug": t.slug, "name": t.name} for t in tenants if t]
        return view


def set_presence(uow: UnitOfWork, who: UserPrincipal, presence: str) -> dict[str, Any]:
    try:
        value = Presence(presence)
    except ValueError:
        raise InvalidInput("presence", f"expected one of {[p.value for p in Presence]}, got {presence!r}") from None
    with uow:
        user = uow.users.get(who.user.id)
        assert user is not None
        user.presence = value.value
        for tid in who.tenant_ids:
            uow.emit(events.tenant_channel(tid), {"type": "presence", "user_id": user.id, "presence": value.value})
        uow.commit()
        return user_view(user, who.tenant_ids)


def inbox(uow: UnitOfWork, who: UserPrincipal, statuses: list[str] | None = None,
          mine: bool = False) -> dict[str, Any]:
    who.require(*STAFF)
    allowed = {s.value for s in ConversationStatus}
    for s in statuses or []:
        if s not in allowed:
            raise InvalidInput("status", f"expected one of {sorted(allowed)}, got {s!r}")
    with uow:
        convs = uow.conversations.search(who.tenant_ids, statuses=statuses,
                                         agent_id=who.user.id if mine else None)
        data = []
        for c in convs:
            view = conversation_view(c)
            last = uow.messages.for_conversation(c.id)[-1:]
            view["last_message"] = message_view(last[0]) if last else None
            customer = uow.customers.get(c.customer_id)
            view["customer_name"] = customer.name if customer else None
            data.append(view)
        return {"data": data, "count": len(data)}


def conversation_detail(uow: UnitOfWork, who: UserPrincipal, conversation_id: str) -> dict[str, Any]:
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.get_in(who.tenant_ids, conversation_id)
        if conv is None:
            raise NotFound("conversation not found")
        customer = uow.customers.get(conv.customer_id)
        previous = [conversation_view(c) for c in uow.conversations.search(
            [conv.tenant_id], customer_id=conv.customer_id, limit=20) if c.id != conv.id]
        queue = uow.queues.get(conv.queue_id) if conv.queue_id else None
        return {
            "conversation": conversation_view(conv),
            "customer": None if customer is None else {
                "id": customer.id, "name": customer.name, "preferred_language": customer.preferred_language,
                "attributes": customer.attributes, "external_id": customer.external_id,
            },
            "queue": queue_view(queue) if queue else None,
            "messages": [message_view(m, staff=True) for m in uow.messages.for_conversation(conv.id)],
            "decisions": [decision_view(d) for d in uow.decisions.for_conversation(conv.id)],
            "previous_conversations": previous,
        }


def claim(uow: UnitOfWork, who: UserPrincipal, conversation_id: str) -> dict[str, Any]:
    """Take a conversation (queued, or still with the bot) for oneself; the row lock makes it exclusive."""
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.lock_in(who.tenant_ids, conversation_id)
        if conv is None:
            raise NotFound("conversation not found")
        if conv.status == ConversationStatus.ASSIGNED.value and conv.assigned_agent_id == who.user.id:
            return conversation_view(conv)
        if conv.status not in (ConversationStatus.QUEUED.value, ConversationStatus.BOT.value):
            raise Conflict(f"conversation is {conv.status}; only queued or bot conversations can be claimed")
        conv.move_to(ConversationStatus.ASSIGNED)
        conv.assigned_agent_id = who.user.id
        user = uow.users.get(who.user.id)
        assert user is not None
        user.last_assigned_at = utcnow()
        _system_note(uow, conv.id, conv.tenant_id, f"{who.user.display_name or 'An agent'} joined the conversation.")
        uow.emit(events.conversation_channel(conv.id), events.status_event(conv, agent=who.user.display_name))
        uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event("conversation.assigned", conv))
        uow.commit()
        return conversation_view(conv)


def agent_said(uow: UnitOfWork, who: UserPrincipal, cmd: AgentSaid, max_chars: int) -> dict[str, Any]:
    who.require(*STAFF)
    text = clean_text(cmd.text, max_chars)
    with uow:
        conv = uow.conversations.lock_in(who.tenant_ids, cmd.conversation_id)
        if conv is None:
            raise NotFound("conversation not found")
        if cmd.client_message_id:
            previous = uow.messages.by_client_id(conv.id, cmd.client_message_id)
            if previous is not None:
                return message_view(previous, staff=True)
        if conv.status == ConversationStatus.CLOSED.value:
            raise Conflict("conversation is closed")
        if not cmd.internal and conv.assigned_agent_id != who.user.id:
            raise Conflict("claim the conversation before replying to the customer")
        msg = uow.messages.add(Message(
            tenant_id=conv.tenant_id, conversation_id=conv.id, author=Author.AGENT.value, text=text,
            seq=uow.messages.next_seq(conv.id), author_user_id=who.user.id,
            client_message_id=cmd.client_message_id,
            # Agents' messages are never scored for emotion (EU AI Act): no analysis beyond flags.
            analysis={"internal": True} if cmd.internal else {},
        ))
        conv.updated_at = utcnow()
        uow.flush()
        if not cmd.internal:
            uow.emit(events.conversation_channel(conv.id), events.message_event(msg))
        uow.emit(events.tenant_channel(conv.tenant_id), events.message_event(msg, staff=True))
        uow.commit()
        return message_view(msg, staff=True)


def resolve(uow: UnitOfWork, who: UserPrincipal, conversation_id: str, disposition: str | None = None,
            summary: str | None = None) -> dict[str, Any]:
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.lock_in(who.tenant_ids, conversation_id)
        if conv is None:
            raise NotFound("conversation not found")
        conv.move_to(ConversationStatus.RESOLVED)
        msg = _system_note(uow, conv.id, conv.tenant_id, "The conversation was marked as resolved.")
        msg.analysis = {"kind": "wrap_up", "disposition": disposition, "summary": summary,
                        "agent_id": who.user.id, "internal_fields": ["disposition", "summary"]}
        uow.emit(events.conversation_channel(conv.id), events.status_event(conv))
        uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event("conversation.resolved", conv))
        uow.commit()
        return conversation_view(conv)


def _system_note(uow: UnitOfWork, conversation_id: str, tenant_id: str, text: str) -> Message:
    msg = uow.messages.add(Message(tenant_id=tenant_id, conversation_id=conversation_id,
                                   author=Author.SYSTEM.value, text=text,
                                   seq=uow.messages.next_seq(conversation_id)))
    uow.flush()
    uow.emit(events.conversation_channel(conversation_id), events.message_event(msg))
    uow.emit(events.tenant_channel(tenant_id), events.message_event(msg, staff=True))
    return msg
