"""Personal data in the service layer: sealing raw text, reveal, export, erase, retention, key rotation."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from tawasol.domain.errors import Forbidden, InvalidInput, NotFound
from tawasol.domain.model import Conversation, Customer, Message, Role, utcnow
from tawasol.domain.pipeline import MessageContext
from tawasol.privacy import (
    DecryptionFailed,
    Keyring,
    RedactionSession,
    RetentionPolicy,
    decrypt,
    encrypt,
    rewrap,
    shred,
)
from tawasol.privacy.step import PLACEHOLDERS_KEY
from tawasol.service import audit
from tawasol.service.contacts import ContactBook, customer_data_key
from tawasol.service.principals import UserPrincipal
from tawasol.service.views import conversation_view, message_view
from tawasol.store.uow import UnitOfWork

DEFAULT_REVEAL_ROLES = ("supervisor", "admin")


def message_aad(msg: Message) -> str:
    return f"tawasol/message/{msg.tenant_id}/{msg.conversation_id}/{msg.id}"


class RawTextSealer:
    """Encrypts a customer's raw text under their own data key, bound to the message's ids."""

    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring

    def __call__(self, uow: UnitOfWork, customer: Customer, msg: Message, raw: str) -> bytes | None:
        key = customer_data_key(uow, self.keyring, customer)
        return None if key is None else encrypt(raw, key, message_aad(msg))

    def open(self, uow: UnitOfWork, customer: Customer, msgs: list[Message]) -> dict[str, str]:
        """The clear texts of `msgs` (by message id) that are still readable: not erased, not past retention.
        For the customer's own transcript only; staff read clear text through `reveal`, which is audited."""
        sealed = [(m, m.text_encrypted) for m in msgs if m.text_encrypted is not None]
        key = customer_data_key(uow, self.keyring, customer, create=False) if sealed else None
        out: dict[str, str] = {}
        if key is None:  # nothing sealed, or the customer's key is shredded
            return out
        for m, blob in sealed:
            try:
                out[m.id] = decrypt(blob, key, message_aad(m)).decode("utf-8")
            except DecryptionFailed:
                continue
        return out


class TextRedactor:
    """Redacts a text written by staff to the customer with the conversation's placeholders, so an agent's
    card number or phone is stored, logged and shown to staff as [CARD_1]/[PHONE_1] like the customer's."""

    def __init__(self, secret_key: str) -> None:
        self.sessions = ConversationRedaction(secret_key)

    def __call__(self, uow: UnitOfWork, conv: Conversation, text: str) -> tuple[str, dict[str, Any]]:
        history = list(uow.messages.for_conversation(conv.id))
        result = self.sessions.for_history(conv.customer_id, history).redact(text)
        if not result.entities:
            return text, {}
        return result.text, {"pii": [{"type": e.type, "text": e.value, "start": e.start, "end": e.end,
                                      "value": e.value} for e in result.entities],
                             "extra": {PLACEHOLDERS_KEY: result.placeholders}}


class ConversationRedaction:
    """Loads the conversation's placeholder mapping (digests only) from its last customer message,
    keyed by a per-customer secret derived from the server secret, so digests of short values
    (phone numbers) cannot be reversed by trying them all."""

    def __init__(self, secret_key: str) -> None:
        self.secret_key = secret_key.encode("utf-8")

    def __call__(self, ctx: MessageContext) -> RedactionSession:
        return self.for_history(ctx.customer.id, ctx.history)

    def for_history(self, customer_id: str, history: Sequence[Message]) -> RedactionSession:
        """The session of a conversation from its messages (the latest mapping stored), for this customer."""
        mapping: dict[str, str] | None = None
        for m in reversed(history):
            stored = ((m.analysis or {}).get("extra") or {}).get(PLACEHOLDERS_KEY)
            if stored:
                mapping = dict(stored)
                break
        secret = hmac.new(self.secret_key, f"placeholders/{customer_id}".encode(), hashlib.sha256).digest()
        return RedactionSession(mapping, secret)


def _may_reveal(who: UserPrincipal, settings: dict[str, Any]) -> bool:
    roles = (settings.get("privacy") or {}).get("reveal_roles", DEFAULT_REVEAL_ROLES)
    return who.user.role in roles


def reveal(uow: UnitOfWork, keyring: Keyring, who: UserPrincipal, conversation_id: str, message_id: str,
           reason: str) -> dict[str, Any]:
    """The clear text of one customer message, for a permitted role; every reveal is audited."""
    with uow:
        conv = uow.conversations.get_in(who.tenant_ids, conversation_id)
        msg = uow.messages.get(message_id)
        if conv is None or msg is None or msg.conversation_id != conv.id:
            raise NotFound("message not found")
        tenant = uow.tenants.get(conv.tenant_id)
        if not _may_reveal(who, tenant.settings if tenant else {}):
            raise Forbidden(f"role {who.user.role} may not reveal personal data")
        customer = uow.customers.get(conv.customer_id)
        key = customer_data_key(uow, keyring, customer, create=False) if customer else None
        if key is None or msg.text_encrypted is None:
            raise NotFound("no clear text is kept for this message (erased or past retention)")
        try:
            clear = decrypt(msg.text_encrypted, key, message_aad(msg)).decode("utf-8")
        except DecryptionFailed:
            raise NotFound("the clear text cannot be read") from None
        audit.append(uow, who.user.email, "pii.reveal", f"message:{msg.id}",
                     {"conversation_id": conv.id, "reason": reason}, tenant_id=conv.tenant_id)
        uow.commit()
        return {"message_id": msg.id, "text": clear}


def _customer_in(uow: UnitOfWork, tenant_slug: str, customer_id: str) -> Customer:
    tenant = uow.tenants.by_slug(tenant_slug)
    customer = uow.customers.get_in(tenant.id, customer_id) if tenant else None
    if customer is None and tenant is not None:
        customer = uow.customers.by_external_id(tenant.id, customer_id)
    if customer is None:
        raise NotFound("customer not found")
    return customer


def _admin_serving(uow: UnitOfWork, who: UserPrincipal, tenant_slug: str) -> None:
    """Inside the caller's unit of work: the caller administers this tenant; another tenant's slug answers
    404 like an unknown one."""
    tenant = uow.tenants.by_slug(tenant_slug)
    if tenant is None or tenant.id not in who.tenant_ids:
        raise NotFound("tenant not found")


def export_customer(uow: UnitOfWork, keyring: Keyring, tenant_slug: str, customer_id: str,
                    actor: str, who: UserPrincipal | None = None) -> dict[str, Any]:
    """Everything held about a customer (data-subject access), with their own raw texts decrypted.

    With `who` (the API), only an admin serving the tenant; without (the CLI, an operator), anyone."""
    if who is not None:
        who.require(Role.ADMIN)
    with uow:
        if who is not None:
            _admin_serving(uow, who, tenant_slug)
        customer = _customer_in(uow, tenant_slug, customer_id)
        key = customer_data_key(uow, keyring, customer, create=False)
        contact = ContactBook(keyring).read(uow, customer)
        conversations = []
        for conv in uow.conversations.search([customer.tenant_id], customer_id=customer.id, limit=10_000):
            msgs = []
            for m in uow.messages.for_conversation(conv.id, limit=100_000):
                view = message_view(m)
                if m.author in ("customer", "agent") and key is not None and m.text_encrypted is not None:
                    try:
                        view["original_text"] = decrypt(m.text_encrypted, key, message_aad(m)).decode("utf-8")
                    except DecryptionFailed:
                        view["original_text"] = None
                msgs.append(view)
            conversations.append({**conversation_view(conv), "messages": msgs})
        audit.append(uow, actor, "privacy.export", f"customer:{customer.id}", {}, tenant_id=customer.tenant_id)
        uow.commit()
        return {
            "customer": {"id": customer.id, "name": contact.name, "email": contact.email, "phone": contact.phone,
                         "external_id": customer.external_id, "preferred_language": customer.preferred_language,
                         "consent": customer.consent, "attributes": customer.attributes,
                         "created_at": customer.created_at.isoformat()},
            "conversations": conversations,
            "exported_at": utcnow().isoformat(),
        }


def erase_customer(uow: UnitOfWork, tenant_slug: str, customer_id: str, actor: str,
                   who: UserPrincipal | None = None, confirm: bool = True) -> dict[str, Any]:
    """Crypto-shred the customer's key, drop their contact details and stored ciphertexts.

    With `who` (the API), only an admin serving the tenant, who confirms; without (the CLI), anyone."""
    if who is not None:
        who.require(Role.ADMIN)
    if not confirm:
        raise InvalidInput("confirm", "must be true to erase")
    with uow:
        if who is not None:
            _admin_serving(uow, who, tenant_slug)
        customer = _customer_in(uow, tenant_slug, customer_id)
        row = uow.privacy.customer_key(customer.id)
        if row is not None:
            shred(row)
        customer.name = customer.email = customer.phone = None
        customer.contact_encrypted = None
        customer.attributes = {"erased": True}
        conv_ids = [c.id for c in uow.conversations.search([customer.tenant_id], customer_id=customer.id,
                                                              limit=100_000)]
        uow.privacy.drop_raw_texts(conv_ids)
        # Scores and their explanations describe the person: they go too.
        uow.privacy.delete_scores_of(customer.id)
        audit.append(uow, actor, "privacy.erase", f"customer:{customer.id}",
                     {"conversations": len(conv_ids)}, tenant_id=customer.tenant_id)
        uow.commit()
        return {"customer_id": customer.id, "conversations": len(conv_ids), "key_shredded": row is not None}


def purge_expired(uow: UnitOfWork, actor: str = "retention-job") -> dict[str, int]:
    """Apply each tenant's retention: drop raw ciphertexts, then whole transcripts, past their age."""
    raw_count = transcript_count = 0
    with uow:
        for tenant in uow.tenants.list():
            policy = RetentionPolicy.from_settings(tenant.settings or {})
            now = utcnow()
            raw = transcripts = 0  # None in the policy keeps that kind until the customer's erasure
            if policy.raw_text_days is not None:
                raw = uow.privacy.drop_raw_texts_before(tenant.id, now - timedelta(days=policy.raw_text_days))
            if policy.redacted_days is not None:
                old_cut = now - timedelta(days=policy.redacted_days)
                for conv_id in uow.privacy.conversations_untouched_since(tenant.id, old_cut):
                    transcripts += uow.privacy.expire_transcript(conv_id)
            if raw or transcripts:
                audit.append(uow, actor, "retention.purge", f"tenant:{tenant.slug}",
                             {"raw_texts": raw, "transcript_messages": transcripts}, tenant_id=tenant.id)
            raw_count += raw
            transcript_count += transcripts
        uow.commit()
    return {"raw_texts": raw_count, "transcript_messages": transcript_count}


def rotate_master_key(uow: UnitOfWork, keyring: Keyring, actor: str = "cli") -> tuple[Keyring, int]:
    """New master key version; every customer key is re-wrapped under it in one transaction."""
    new = keyring.with_new_version()
    with uow:
        rows = uow.privacy.wrapped_keys()
        changed = len(list(rewrap(new, rows)))
        audit.append(uow, actor, "keys.rotate", "keyring", {"rewrapped": changed})
        uow.commit()
    return new, changed
