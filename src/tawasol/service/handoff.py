"""Apply the pipeline's outcome: store replies and decisions, queue the conversation on escalation."""

from __future__ import annotations

from tawasol.domain.model import Author, Conversation, ConversationStatus, Message
from tawasol.domain.pipeline import MessageContext, Reply
from tawasol.routing.escalation import handoff_notice
from tawasol.service import events
from tawasol.store.uow import UnitOfWork


def apply_outcome(uow: UnitOfWork, ctx: MessageContext, conv: Conversation, msg: Message) -> list[Message]:
    stored: list[Message] = []
    seq = msg.seq
    replies = list(ctx.replies)
    escalate = ctx.escalation is not None and conv.status == ConversationStatus.BOT.value
    if escalate and not any(r.author == Author.SYSTEM.value for r in replies):
        replies.append(handoff_notice(ctx.analysis.language.label if ctx.analysis.language else conv.language))
    for reply in replies:
        seq += 1
        stored.append(uow.messages.add(_reply_message(reply, conv, msg, seq)))
    for decision in ctx.decisions:
        decision.message_id = decision.message_id or msg.id
        decision.conversation_id = decision.conversation_id or conv.id
        uow.decisions.add(decision)
    if escalate:
        assert ctx.escalation is not None
        queue = None
        if ctx.escalation.queue:
            queue = next((q for q in uow.queues.for_tenant(conv.tenant_id) if q.name == ctx.escalation.queue), None)
        queue = queue or uow.queues.default_for(conv.tenant_id)
        conv.queue_id = queue.id if queue else None
        conv.move_to(ConversationStatus.QUEUED)
        ev = events.status_event(conv, reasons=ctx.escalation.reasons, priority=ctx.escalation.priority)
        uow.emit(events.conversation_channel(conv.id), ev)
        uow.emit(events.tenant_channel(conv.tenant_id),
                 events.conversation_event("conversation.queued", conv, reasons=ctx.escalation.reasons,
                                           priority=ctx.escalation.priority))
    uow.flush()
    for m in stored:
        uow.emit(events.conversation_channel(conv.id), events.message_event(m))
        uow.emit(events.tenant_channel(conv.tenant_id), events.message_event(m, staff=True))
    return stored


def _reply_message(reply: Reply, conv: Conversation, msg: Message, seq: int) -> Message:
    analysis = dict(reply.extra)
    if reply.sources:
        analysis["sources"] = reply.sources
    return Message(tenant_id=conv.tenant_id, conversation_id=conv.id, author=reply.author, text=reply.text,
                   seq=seq, in_reply_to=msg.id, analysis=analysis)
