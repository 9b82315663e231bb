"""Apply the pipeline's outcome: store replies and decisions; on escalation, queue the conversation,
give it to the best free agent at once, or tell the customer their place and wait."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tawasol.domain.model import Author, Conversation, ConversationStatus, Message
from tawasol.domain.pipeline import MessageContext, Reply
from tawasol.routing import handoff_notice, skills_for_intent
from tawasol.service import events, routing
from tawasol.store.uow import UnitOfWork


def apply_outcome(uow: UnitOfWork, ctx: MessageContext, conv: Conversation, msg: Message) -> list[Message]:
    stored: list[Message] = []
    seq = msg.seq
    replies = list(ctx.replies)
    escalate = ctx.escalation is not None and conv.status == ConversationStatus.BOT.value
    language = ctx.analysis.language.label if ctx.analysis.language else None
    if escalate and not conv.language and language and language != "und":
        conv.language = language  # routing needs it now, not after the caller's own update
    announced = any((r.author == Author.SYSTEM.value and r.extra.get("kind") != "disclosure")
                    or r.extra.get("kind") == "bot_handoff" for r in replies)
    if escalate and not announced:
        # The conversation's language is sticky: a one-word "agent" must not switch a Darija speaker to French.
        # When the bot answered this turn, the notice follows that answer: one turn, one language.
        answered = [r.extra["language"] for r in replies if r.author == Author.BOT.value and r.extra.get("language")]
        replies.append(handoff_notice(answered[-1] if answered else conv.language or language))
    for reply in replies:
        seq += 1
        stored.append(uow.messages.add(_reply_message(reply, conv, msg, seq)))
    for decision in ctx.decisions:
        decision.message_id = decision.message_id or msg.id
        decision.conversation_id = decision.conversation_id or conv.id
        uow.decisions.add(decision)
    uow.flush()
    for m in stored:
        uow.emit(events.conversation_channel(conv.id), events.message_event(m))
        uow.emit(events.tenant_channel(conv.tenant_id), events.message_event(m, staff=True))
    if escalate:
        assert ctx.escalation is not None
        esc = ctx.escalation
        intent = ctx.analysis.intent.label if ctx.analysis.intent and not ctx.analysis.intent.out_of_scope else None
        skills = list(dict.fromkeys(skills_for_intent(intent) + [s for k in esc.skills for s in skills_for_intent(k)]))
        sentiment = msg.analysis.get("sentiment") if isinstance(msg.analysis, dict) else None
        routing.enqueue(uow, conv, esc.priority, esc.queue, skills, sentiment, ctx.customer)
        uow.emit(events.conversation_channel(conv.id), events.status_event(conv, reasons=esc.reasons,
                                                                           priority=conv.priority))
        uow.emit(events.tenant_channel(conv.tenant_id),
                 events.conversation_event("conversation.queued", conv, reasons=esc.reasons, priority=conv.priority))
        if routing.route(uow, conv, wait=True) is None:
            routing.tell_wait(uow, conv)
        uow.flush()
    return stored


def _reply_message(reply: Reply, conv: Conversation, msg: Message, seq: int) -> Message:
    analysis = dict(reply.extra)
    if reply.sources:
        analysis["sources"] = reply.sources
    return Message(tenant_id=conv.tenant_id, conversation_id=conv.id, author=reply.author, text=reply.text,
                   seq=seq, in_reply_to=msg.id, analysis=analysis)


CommentRedactor = Callable[[UnitOfWork, Conversation, str], tuple[str, dict[str, Any]]]


def waiting_status(uow: UnitOfWork, tenant_id: str, conversation_id: str) -> routing.QueueStatus:
    """For the widget: the customer's place in the queue and the estimated wait."""
    with uow:
        conv = uow.conversations.require_in(tenant_id, conversation_id)
        return routing.queue_status(uow, conv)


def record_csat(uow: UnitOfWork, tenant_id: str, conversation_id: str, score: int,
                comment: str | None = None, redact: CommentRedactor | None = None) -> dict[str, Any]:
    """The customer's satisfaction (1..5) at the end; one answer per conversation, the last one wins.
    `redact`: the comment is stored as its redaction (a phone or card typed in it becomes [PHONE_1])."""
    from tawasol.domain.errors import Conflict, InvalidInput

    if not 1 <= score <= 5:
        raise InvalidInput("score", f"expected 1 to 5, got {score}")
    with uow:
        conv = uow.conversations.require_in(tenant_id, conversation_id, lock=True)
        if conv.status not in (ConversationStatus.RESOLVED.value, ConversationStatus.CLOSED.value):
            raise Conflict("the survey opens when the conversation is resolved")
        comment = (comment or "").strip() or None
        if comment is not None and redact is not None:
            comment = redact(uow, conv, comment)[0]
        previous = [m for m in uow.messages.for_conversation(conv.id) if (m.analysis or {}).get("kind") == "csat"]
        if previous:
            msg = previous[-1]
            kept = comment if comment is not None else msg.analysis.get("comment")  # a score alone keeps the comment
            msg.analysis = {**msg.analysis, "score": score, "comment": kept}
            msg.text = f"CSAT {score}/5"
        else:
            msg = routing.note(uow, conv, f"CSAT {score}/5", internal=True,
                               analysis={"kind": "csat", "score": score, "comment": comment})
        uow.emit(events.tenant_channel(conv.tenant_id), {"type": "csat", "conversation_id": conv.id, "score": score})
        uow.commit()
        return {"conversation_id": conv.id, "score": score}
