"""Handlers for staff: inbox, conversation view with handoff packet, claim, decline, transfer, reply,
notes, assist, wrap-up, presence (going away or offline hands one's conversations to others)."""

from __future__ import annotations

import logging
from typing import Any

from tawasol import assist
from tawasol.domain.errors import Conflict, InvalidInput, NotFound
from tawasol.domain.model import Author, ConversationStatus, Customer, Message, Presence, Role, utcnow
from tawasol.service import events, replays, routing
from tawasol.service.commands import AgentSaid
from tawasol.service.contacts import Contact, ContactBook
from tawasol.service.principals import UserPrincipal
from tawasol.service.privacy import RawTextSealer, TextRedactor
from tawasol.service.text import clean_text
from tawasol.service.unit_of_work import AbstractUnitOfWork
from tawasol.service.views import conversation_view, decision_view, message_view, queue_view, user_view
from tawasol.store.uow import UnitOfWork

STAFF = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN)
log = logging.getLogger(__name__)


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
        uow.flush()
        if value == Presence.ONLINE:
            routing.dispatch(uow, who.tenant_ids)
        else:
            _hand_back(uow, user.id, who.tenant_ids, f"agent_{value.value}")
        uow.commit()
        return user_view(user, who.tenant_ids)


def inbox(uow: UnitOfWork, who: UserPrincipal, statuses: list[str] | None = None,
          mine: bool = False, contacts: ContactBook | None = None) -> dict[str, Any]:
    who.require(*STAFF)
    allowed = {s.value for s in ConversationStatus}
    for s in statuses or []:
        if s not in allowed:
            raise InvalidInput("status", f"expected one of {sorted(allowed)}, got {s!r}")
    with uow:
        convs = uow.conversations.search(who.tenant_ids, statuses=statuses,
                                         agent_id=who.user.id if mine else None)
        # One query for the previews and one for the customers, whatever the number of conversations.
        # The preview is what the customer last wrote (stored redacted), never a notice or the bot's reply.
        last = uow.messages.last_of([c.id for c in convs], authors=[Author.CUSTOMER.value])
        customers = uow.customers.get_many([c.customer_id for c in convs])
        keys = uow.customers.load_keys([k for k, c in customers.items() if c.contact_encrypted is not None]) \
            if contacts is not None else []
        data = []
        for c in convs:
            view = conversation_view(c)
            view["last_message"] = message_view(last[c.id]) if c.id in last else None
            view["customer_name"] = _contact(uow, contacts, customers.get(c.customer_id)).name
            view["priority"], view["assigned_at"] = c.priority, c.assigned_at.isoformat() if c.assigned_at else None
            view["queued_at"] = c.queued_at.isoformat() if c.queued_at else None
            data.append(view)
        del keys  # held until here so that contacts.read finds them in the session
        return {"data": data, "count": len(data)}


def _contact(uow: UnitOfWork, contacts: ContactBook | None, customer: Customer | None) -> Contact:
    if customer is None:
        return Contact()
    return contacts.read(uow, customer) if contacts is not None else Contact(customer.name, customer.email,
                                                                                customer.phone)


def conversation_detail(uow: UnitOfWork, who: UserPrincipal, conversation_id: str,
                        contacts: ContactBook | None = None) -> dict[str, Any]:
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id)
        customer = uow.customers.get(conv.customer_id)
        earlier = [c for c in uow.conversations.search([conv.tenant_id], customer_id=conv.customer_id, limit=20)
                   if c.id != conv.id]
        previous = [conversation_view(c) for c in earlier]
        queue = uow.queues.get(conv.queue_id) if conv.queue_id else None
        messages = list(uow.messages.for_conversation(conv.id))
        decisions = list(uow.decisions.for_conversation(conv.id))
        packet = assist.handoff_packet(conv, customer, messages, decisions,
                                       [(c, list(uow.messages.for_conversation(c.id))) for c in earlier[:5]])
        assignee = uow.users.get(conv.assigned_agent_id) if conv.assigned_agent_id else None
        return {
            "handoff": packet,
            "assigned_agent": {"id": assignee.id, "display_name": assignee.display_name} if assignee else None,
            "queue_status": routing.queue_status(uow, conv).fields(),
            "conversation": conversation_view(conv),
            "customer": None if customer is None else {
                "id": customer.id, "name": _contact(uow, contacts, customer).name,
                "preferred_language": customer.preferred_language,
                "attributes": customer.attributes, "external_id": customer.external_id,
            },
            "queue": queue_view(queue) if queue else None,
            "messages": [message_view(m, staff=True) for m in messages],
            "decisions": [decision_view(d) for d in decisions],
            "previous_conversations": previous,
        }


def claim(uow: UnitOfWork, who: UserPrincipal, conversation_id: str) -> dict[str, Any]:
    """Take a conversation (queued, or still with the bot) for oneself; the row lock makes it exclusive."""
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id, lock=True)
        if conv.status == ConversationStatus.ASSIGNED.value and conv.assigned_agent_id == who.user.id:
            return conversation_view(conv)
        if conv.status not in (ConversationStatus.QUEUED.value, ConversationStatus.BOT.value):
            raise Conflict(f"conversation is {conv.status}; only queued or bot conversations can be claimed")
        conv.move_to(ConversationStatus.ASSIGNED)
        conv.assigned_agent_id, conv.assigned_at = who.user.id, utcnow()
        user = uow.users.get(who.user.id)
        assert user is not None
        user.last_assigned_at = conv.assigned_at
        routing.joined(uow, conv, who.user.display_name)
        uow.emit(events.conversation_channel(conv.id), events.status_event(conv, agent=who.user.display_name))
        uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event("conversation.assigned", conv))
        uow.commit()
        return conversation_view(conv)


def agent_said(uow: UnitOfWork, who: UserPrincipal, cmd: AgentSaid, max_chars: int,
               redactor: TextRedactor | None = None, sealer: RawTextSealer | None = None) -> dict[str, Any]:
    """A reply to the customer (or an internal note). Personal data in it is redacted with the conversation's
    placeholders before it is stored or published; a reply's clear text is kept only sealed under the
    customer's key (they read it as written; erasing them erases it)."""
    who.require(*STAFF)
    text = clean_text(cmd.text, max_chars)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, cmd.conversation_id, lock=True)
        if cmd.client_message_id:
            previous = uow.messages.by_client_id(conv.id, cmd.client_message_id)
            if previous is not None:  # a retry: the same words, else 409
                replays.require_same_text(_as_written(uow, conv, previous, sealer), text)
                return message_view(previous, staff=True)
        if conv.status == ConversationStatus.CLOSED.value:
            raise Conflict("conversation is closed")
        if not cmd.internal and conv.assigned_agent_id != who.user.id:
            raise Conflict("claim the conversation before replying to the customer")
        stored, privacy = redactor(uow, conv, text) if redactor is not None else (text, {})
        msg = uow.messages.add(Message(
            tenant_id=conv.tenant_id, conversation_id=conv.id, author=Author.AGENT.value, text=stored,
            seq=uow.messages.next_seq(conv.id), author_user_id=who.user.id,
            client_message_id=cmd.client_message_id,
            # Agents' messages are never scored for emotion (EU AI Act): no analysis beyond flags and redaction.
            analysis={**privacy, "internal": True} if cmd.internal else privacy,
        ))
        conv.updated_at = utcnow()
        uow.flush()
        customer = uow.customers.get(conv.customer_id) if sealer is not None and stored != text else None
        if sealer is not None and customer is not None and not cmd.internal:
            msg.text_encrypted = sealer(uow, customer, msg, text)
        if not cmd.internal:
            uow.emit(events.conversation_channel(conv.id), events.message_event(msg))
        uow.emit(events.tenant_channel(conv.tenant_id), events.message_event(msg, staff=True))
        uow.commit()
        return message_view(msg, staff=True)


def _as_written(uow: UnitOfWork, conv: Any, msg: Message, sealer: RawTextSealer | None) -> str:
    """A stored reply's words as the agent wrote them when they are still sealed for the customer, else the
    redaction (compared placeholder by placeholder). Used only to compare a retry, never shown."""
    customer = uow.customers.get(conv.customer_id) if sealer is not None and msg.text_encrypted else None
    if sealer is None or customer is None:
        return msg.text
    return sealer.open(uow, customer, [msg]).get(msg.id, msg.text)


def resolve(uow: UnitOfWork, who: UserPrincipal, conversation_id: str, disposition: str | None = None,
            summary: str | None = None) -> dict[str, Any]:
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id, lock=True)
        auto = assist.wrap_up_summary(list(uow.messages.for_conversation(conv.id)))
        conv.move_to(ConversationStatus.RESOLVED)
        msg = routing.tell(uow, conv, "resolved")
        msg.analysis = {**msg.analysis, "kind": "wrap_up", "disposition": disposition, "summary": summary or auto,
                        "automatic_summary": auto, "agent_id": who.user.id,
                        "internal_fields": ["disposition", "summary", "automatic_summary"]}
        uow.emit(events.conversation_channel(conv.id), events.status_event(conv, survey=True))
        uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event("conversation.resolved", conv))
        uow.flush()
        routing.dispatch(uow, [conv.tenant_id])  # a slot just freed up
        uow.commit()
        view = conversation_view(conv)
    _review_quality(uow, conv.id)
    return view


def _review_quality(uow: UnitOfWork, conversation_id: str) -> None:
    """The automatic QA review of the wrapped-up conversation, after its commit: queued for the job queue's
    workers on PostgreSQL, done here in a unit of work of its own on SQLite (the caller's events are still to be
    published); a failure never fails the wrap-up (the periodic qa-review job catches what it missed)."""
    from tawasol.service import qa

    try:
        qa.after_wrap_up(lambda: UnitOfWork(uow.session_factory), conversation_id)
    except Exception:  # noqa: BLE001 - logged; the conversation is resolved either way
        log.exception("automatic QA review of conversation %s failed", conversation_id)


def _hand_back(uow: UnitOfWork, agent_id: str, tenant_ids: tuple[str, ...] | list[str], reason: str) -> int:
    """Requeue an agent's conversations (they went away, offline or disconnected) to other agents."""
    convs = uow.conversations.search(tenant_ids, statuses=[ConversationStatus.ASSIGNED.value], agent_id=agent_id)
    for conv in convs:
        locked = uow.conversations.lock_in(tenant_ids, conv.id)
        if locked is not None and locked.assigned_agent_id == agent_id:
            routing.note(uow, locked, f"Handed back to the queue ({reason.replace('_', ' ')}).", internal=True)
            routing.requeue(uow, locked, reason, exclude=[agent_id])
    return len(convs)


def agent_disconnected(uow: UnitOfWork, user_id: str) -> int:
    """Hook for the agent WebSocket: the last console of this agent closed; mark offline and requeue."""
    with uow:
        user = uow.users.get(user_id)
        if user is None or user.presence == Presence.OFFLINE.value:
            return 0
        user.presence = Presence.OFFLINE.value
        tenant_ids = uow.users.tenant_ids(user_id)
        for tid in tenant_ids:
            uow.emit(events.tenant_channel(tid), {"type": "presence", "user_id": user.id, "presence": "offline"})
        n = _hand_back(uow, user_id, tenant_ids, "agent_disconnected")
        uow.commit()
        return n


def decline(uow: UnitOfWork, who: UserPrincipal, conversation_id: str) -> dict[str, Any]:
    """The assignee gives the conversation back; it goes to someone else."""
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id, lock=True)
        if conv.status != ConversationStatus.ASSIGNED.value or conv.assigned_agent_id != who.user.id:
            raise Conflict("only the assigned agent can decline this conversation")
        routing.note(uow, conv, f"{who.user.display_name} declined the conversation.", internal=True)
        routing.requeue(uow, conv, "declined", exclude=[who.user.id])
        uow.commit()
        return conversation_view(conv)


def transfer(uow: UnitOfWork, who: UserPrincipal, conversation_id: str, queue: str | None = None,
             agent_id: str | None = None, note: str | None = None) -> dict[str, Any]:
    """Send a conversation to another queue (routing picks the agent) or to a named agent."""
    who.require(*STAFF)
    if bool(queue) == bool(agent_id):
        raise InvalidInput("queue", "give either a queue or an agent_id")
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id, lock=True)
        if conv.status not in (ConversationStatus.QUEUED.value, ConversationStatus.ASSIGNED.value,
                               ConversationStatus.BOT.value):
            raise Conflict(f"conversation is {conv.status}; it cannot be transferred")
        previous = conv.assigned_agent_id
        if note:
            routing.note(uow, conv, clean_text(note, 2000), internal=True)
        if agent_id:
            target = uow.users.get(agent_id)
            if target is None or conv.tenant_id not in uow.users.tenant_ids(agent_id):
                raise NotFound("agent not found")
            if target.presence == Presence.OFFLINE.value:
                raise Conflict("that agent is offline")
            if conv.status != ConversationStatus.ASSIGNED.value:
                conv.move_to(ConversationStatus.ASSIGNED)
            conv.assigned_agent_id, conv.assigned_at = target.id, utcnow()
            routing.joined(uow, conv, target.display_name)
            uow.emit(events.conversation_channel(conv.id), events.status_event(conv, agent=target.display_name))
            uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event(
                "conversation.assigned", conv, agent_id=target.id, agent_name=target.display_name, transferred=True))
        else:
            target_queue = next((q for q in uow.queues.for_tenant(conv.tenant_id) if queue in (q.name, q.id)), None)
            if target_queue is None:
                raise NotFound("queue not found")
            if conv.status == ConversationStatus.BOT.value:
                conv.move_to(ConversationStatus.QUEUED)
            routing.tell(uow, conv, "transferred")
            routing.requeue(uow, conv, "transfer", exclude=[previous] if previous else [], queue=target_queue)
        uow.commit()
        return conversation_view(conv)


def colleagues(uow: UnitOfWork, who: UserPrincipal) -> dict[str, Any]:
    """Agents and queues one can transfer to."""
    who.require(*STAFF)
    with uow:
        users = [u for u in routing.staff_of(uow, who.tenant_ids) if u.role != Role.ADMIN.value]
        load = routing.loads(uow, [u.id for u in users])
        agents = [{"id": u.id, "display_name": u.display_name, "presence": u.presence, "languages": u.languages,
                   "skills": u.skills, "load": load.get(u.id, 0), "capacity": u.capacity} for u in users]
        queues = [queue_view(q) | {"tenant_id": t} for t in who.tenant_ids for q in uow.queues.for_tenant(t)]
        return {"agents": agents, "queues": queues}


def agent_typing(uow: AbstractUnitOfWork, who: UserPrincipal, conversation_id: str, typing: bool) -> bool:
    """Staff typing in a conversation of a tenant they serve: the typing event for the customer's stream
    (published with the unit of work's events). Another tenant's or an unknown conversation sends nothing (False)."""
    who.require(*STAFF)
    with uow:
        if uow.conversations.get_in(who.tenant_ids, conversation_id) is None:
            return False
        uow.emit(events.conversation_channel(conversation_id),
                 events.typing_event(conversation_id, Author.AGENT.value, typing))
        return True
