"""Handlers for the customer side: open a conversation, say something, read the transcript."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

from tawasol.domain.errors import Conflict, InvalidInput, NotFound
from tawasol.domain.model import (
    Author,
    Conversation,
    ConversationStatus,
    Customer,
    Message,
    Tenant,
)
from tawasol.domain.pipeline import MessageContext, Reply
from tawasol.privacy.step import PLACEHOLDERS_KEY
from tawasol.service import audit, auth, events, identity, replays
from tawasol.service.commands import CustomerSaid, OpenConversation
from tawasol.service.contacts import Contact, ContactBook
from tawasol.service.handoff import apply_outcome
from tawasol.service.pipeline import Pipeline
from tawasol.service.privacy import RawTextSealer
from tawasol.service.text import clean_text
from tawasol.service.views import conversation_view, message_view
from tawasol.store.repositories import AnalysisMark
from tawasol.store.uow import UnitOfWork


@dataclass
class OpenedConversation:
    id: str
    customer_token: str
    status: str
    customer_id: str
    greeting: list[dict[str, Any]]


def open_conversation(cmd: OpenConversation, uow: UnitOfWork, token_ttl_hours: int,
                      greeting: Greeter | None = None, contacts: ContactBook | None = None) -> OpenedConversation:
    """Open a conversation for a new or returning customer. A returning customer is recognised only by an
    external id the tenant's site signed (`identity.verified_external_id`); an unsigned or wrongly signed id,
    or any id for a tenant without an identity secret, is ignored: the visitor is a new customer without
    one, and the answer is the same whether the id exists or not. With a contact book, the customer's name,
    e-mail and phone are stored only encrypted under their own key."""
    with uow:
        tenant = uow.tenants.by_slug(cmd.tenant_slug)
        if tenant is None:
            raise NotFound("tenant not found")
        d = cmd.customer
        external_id = identity.verified_external_id(tenant, d.external_id, d.external_id_signature)
        customer = uow.customers.by_external_id(tenant.id, external_id) if external_id else None
        if customer is None:
            contact = Contact(d.name, d.email, d.phone)
            customer = Customer(tenant_id=tenant.id, external_id=external_id, consent=dict(d.consent),
                                preferred_language=d.preferred_language or cmd.language)
            if contacts is None:  # never flushed with clear details when they can be sealed
                customer.name, customer.email, customer.phone = d.name, d.email, d.phone
            customer = uow.customers.add(customer)
            if contacts is not None:
                contacts.seal(uow, customer, contact)
        conv = uow.conversations.add(Conversation(
            tenant_id=tenant.id, customer_id=customer.id, channel=cmd.channel,
            language=cmd.language or customer.preferred_language,
        ))
        uow.flush()
        token = auth.issue_customer_token(uow, tenant.id, conv.id, token_ttl_hours)
        first: list[Message] = []
        for i, text in enumerate(greeting(tenant, conv) if greeting else [], start=1):
            first.append(uow.messages.add(Message(
                tenant_id=tenant.id, conversation_id=conv.id, author=Author.SYSTEM.value, text=text, seq=i,
                analysis={"kind": "disclosure"},
            )))
        uow.emit(events.tenant_channel(tenant.id), events.conversation_event("conversation.opened", conv))
        uow.commit()
        return OpenedConversation(id=conv.id, customer_token=token, status=conv.status,
                                  customer_id=customer.id, greeting=[message_view(m) for m in first])


class Greeter(Protocol):
    """(tenant, conversation) -> the texts to show first (e.g. the AI disclosure)."""

    def __call__(self, tenant: Any, conversation: Conversation) -> list[str]: ...


@dataclass
class CustomerSaidResult:
    message: dict[str, Any]
    replies: list[dict[str, Any]]
    status: str
    replayed: bool = False


def customer_said(cmd: CustomerSaid, uow: UnitOfWork, pipeline: Pipeline, max_chars: int,
                  raw_text_sealer: RawTextSealer | None = None, greeting: Greeter | None = None) -> CustomerSaidResult:
    """Store the message, run the pipeline, store replies and decisions: one transaction.

    The local models read what the customer typed (`ctx.raw_text`, in memory); what is stored, logged,
    published and shown to staff is the redaction (`ctx.text`); the typed text is kept only sealed under
    the customer's key, and the customer's own view of the message shows it.

    When the conversation was opened without a language, the AI disclosure is given again in the language
    of the first message (if it differs from the one shown at opening).

    The result is returned (acknowledged) only after commit; a retry with the same
    client_message_id returns the stored result instead of storing the message twice.
    """
    text = clean_text(cmd.text, max_chars)
    if cmd.client_message_id is not None and not (0 < len(cmd.client_message_id) <= 128):
        raise InvalidInput("client_message_id", "must be 1 to 128 characters")
    with uow:
        conv = uow.conversations.require_in(cmd.tenant_id, cmd.conversation_id, lock=True)
        if cmd.client_message_id:
            previous = uow.messages.by_client_id(conv.id, cmd.client_message_id)
            if previous is not None:
                return _replay(uow, conv, previous, raw_text_sealer, text)
        if conv.status == ConversationStatus.CLOSED.value:
            raise Conflict("conversation is closed")
        tenant = uow.tenants.get(conv.tenant_id)
        customer = uow.customers.get(conv.customer_id)
        assert tenant is not None and customer is not None
        # Not the whole conversation: the recent turns, plus the bot's latest state and the placeholder
        # mapping (bot.state.load_state, ConversationRedaction) however long ago they were written.
        history = uow.messages.recent(conv.id, 50, keep=(AnalysisMark(("bot_state",), Author.BOT.value),
                                                         AnalysisMark(("extra", PLACEHOLDERS_KEY))))
        seq = uow.messages.next_seq(conv.id, locked=True)  # the conversation's counter, under its row lock
        msg = Message(tenant_id=conv.tenant_id, conversation_id=conv.id, author=Author.CUSTOMER.value,
                      text=text, seq=seq, client_message_id=cmd.client_message_id)
        reopened = conv.status == ConversationStatus.RESOLVED.value and not closing_words(text)
        if reopened:  # a new request after the wrap-up: the bot takes it, and everyone watching is told
            conv.move_to(ConversationStatus.BOT)
        ctx = MessageContext(tenant=tenant, conversation=conv, customer=customer, message=msg,
                             history=history, text=text, raw_text=text)
        first_words = not conv.language and not any(m.author == Author.CUSTOMER.value for m in history)
        # A person owns an assigned conversation: understand the message, never let the bot answer.
        # After the wrap-up, "merci, bonne journée" is stored and understood, and the conversation stays resolved.
        silent = conv.status in (ConversationStatus.ASSIGNED.value, ConversationStatus.RESOLVED.value)
        ctx = pipeline.run_for_human(ctx) if silent else pipeline.run(ctx)
        msg.text = ctx.text  # redacted by the privacy step when it runs
        if raw_text_sealer is not None:
            msg.text_encrypted = raw_text_sealer(uow, customer, msg, text)
        msg.analysis = _analysis_dict(ctx)
        _learn_language(ctx, tenant, conv, history, greeting if first_words else None)
        uow.messages.add(msg)
        uow.flush()
        _announce(uow, conv, msg, reopened)
        stored_replies = apply_outcome(uow, ctx, conv, msg)
        _audit_decisions(uow, ctx, conv, msg)
        uow.commit()
        return CustomerSaidResult(message={**message_view(msg), "text": text},  # the customer's own words
                                  replies=[message_view(r) for r in stored_replies], status=conv.status)


def _learn_language(ctx: MessageContext, tenant: Tenant, conv: Conversation, history: list[Message],
                    greeting: Greeter | None) -> None:
    """A conversation opened without a language takes the first one understood; with `greeting` (its first
    words), the AI disclosure is given again in that language."""
    if ctx.analysis.language and ctx.analysis.language.label not in ("", "und") and not conv.language:
        conv.language = ctx.analysis.language.label
        if greeting is not None:
            _disclose_again(ctx, tenant, conv, history, greeting)


def _announce(uow: UnitOfWork, conv: Conversation, msg: Message, reopened: bool) -> None:
    """The customer's message to their stream and to the tenant's staff (and the reopening, if it reopened)."""
    uow.emit(events.conversation_channel(conv.id), events.message_event(msg))
    uow.emit(events.tenant_channel(conv.tenant_id), events.message_event(msg, staff=True))
    if reopened:
        uow.emit(events.conversation_channel(conv.id), events.status_event(conv, reopened=True))
        uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event("conversation.reopened", conv))


def _audit_decisions(uow: UnitOfWork, ctx: MessageContext, conv: Conversation, msg: Message) -> None:
    """The message's automated decisions, linked into the audit chain (one entry for all of them)."""
    if ctx.decisions:
        audit.append(uow, "system", "decisions", f"message:{msg.id}", {
            "decisions": [{"id": d.id, "kind": d.kind, "outcome": d.outcome, "model": d.model,
                           "version": d.model_version} for d in ctx.decisions]}, tenant_id=conv.tenant_id)


def closing_words(text: str) -> bool:
    """Only thanks and goodbyes ("merci, bonne journée", "ok", "chokran"): what a customer says to end a
    conversation, not a new request (a greeting opens one: "Bonjour, j'ai encore une question")."""
    from tawasol.bot.turn_words import turn_words

    words = turn_words()
    return words.is_courtesy(text) and not words.greets(text)


PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")


def customer_message(uow: UnitOfWork, tenant_id: str, conversation_id: str, view: dict[str, Any],
                     sealer: RawTextSealer | None) -> dict[str, Any]:
    """A live message event's view as the customer reads it: a sealed message with placeholders (their own
    words, an agent's reply quoting their card number) is opened under their key; anything else is as is."""
    if sealer is None or not PLACEHOLDER.search(str(view.get("text") or "")):
        return view
    with uow:
        conv = uow.conversations.require_in(tenant_id, conversation_id)
        msg = uow.messages.get(str(view.get("id")))
        if msg is None or msg.conversation_id != conv.id:
            return view
        return {**view, **_customer_views(uow, conv, [msg], sealer)[0]}


def _disclose_again(ctx: MessageContext, tenant: Tenant, conv: Conversation, history: list[Message],
                    greeting: Greeter) -> None:
    """The disclosure in the customer's language, first among the replies, when the one shown differs."""
    shown = {m.text for m in history if (m.analysis or {}).get("kind") == "disclosure"}
    for text in greeting(tenant, conv):
        if text not in shown:
            ctx.replies.insert(0, Reply(text=text, author=Author.SYSTEM.value,
                                        extra={"kind": "disclosure", "language": conv.language}))


def _analysis_dict(ctx: MessageContext) -> dict[str, Any]:
    data = ctx.analysis.to_dict()
    data.pop("normalized", None)  # derived from the text; not worth storing twice
    return data


def _replay(uow: UnitOfWork, conv: Conversation, previous: Message, sealer: RawTextSealer | None,
            text: str) -> CustomerSaidResult:
    """The stored result of a retry; 409 when the retry says something else (compared with the words as
    typed when they can still be read, else with the redaction stored)."""
    view = _customer_views(uow, conv, [previous], sealer)[0]
    replays.require_same_text(str(view.get("text") or ""), text)
    replies = uow.messages.replies_to(previous.id)
    return CustomerSaidResult(message=view, replies=[message_view(r) for r in replies], status=conv.status,
                              replayed=True)


def _customer_views(uow: UnitOfWork, conv: Conversation, msgs: list[Message],
                    sealer: RawTextSealer | None) -> list[dict[str, Any]]:
    """The messages as the customer reads them: their own words and what the agent wrote to them in clear
    (decrypted under the customer's key while it exists), everything else as stored."""
    customer = uow.customers.get(conv.customer_id) if sealer is not None else None
    clear = sealer.open(uow, customer, msgs) if sealer is not None and customer is not None else {}
    return [{**message_view(m), "text": clear[m.id]} if m.id in clear else message_view(m) for m in msgs]


def list_messages(uow: UnitOfWork, tenant_ids: list[str] | tuple[str, ...], conversation_id: str,
                  after_seq: int = 0, staff: bool = False, sealer: RawTextSealer | None = None) -> dict[str, Any]:
    """The transcript. Staff read the stored (redacted) texts; the customer (`staff=False`, with the
    `sealer`) reads their own words as typed."""
    with uow:
        conv = uow.conversations.require_in(tenant_ids, conversation_id)
        msgs = uow.messages.for_conversation(conv.id, after_seq=after_seq)
        visible = [m for m in msgs if staff or not (m.analysis or {}).get("internal")]
        views = [message_view(m, staff=True) for m in visible] if staff else \
            _customer_views(uow, conv, visible, sealer)
        return {"conversation": conversation_view(conv), "data": views, "count": len(visible)}
