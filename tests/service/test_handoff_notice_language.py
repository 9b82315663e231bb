"""The hand-off notice is in the language of the turn: after the bot's own answer, in the answer's language."""

from __future__ import annotations

from tawasol.domain.analysis import LanguageResult, MessageAnalysis
from tawasol.domain.model import Author, Message
from tawasol.domain.pipeline import Escalation, MessageContext, Reply
from tawasol.routing.notices import notice
from tawasol.service.handoff import apply_outcome
from tests import factories


def _turn(platform, conv_id: str, reply_language: str | None):  # type: ignore[no-untyped-def]
    uow = platform.uow()
    with uow:
        conv = uow.conversations.get(conv_id)
        conv.language = "ar"  # the first message was Modern Standard Arabic
        tenant, customer = uow.tenants.get(conv.tenant_id), uow.customers.get(conv.customer_id)
        msg = uow.messages.add(Message(tenant_id=conv.tenant_id, conversation_id=conv.id,
                                       author=Author.CUSTOMER.value, text="بغيت ندير شكاية على الوكالة",
                                       seq=uow.messages.next_seq(conv.id)))
        ctx = MessageContext(tenant=tenant, conversation=conv, customer=customer, message=msg, history=[],
                             text=msg.text, raw_text=msg.text)
        ctx.analysis = MessageAnalysis(language=LanguageResult(label="ary", confidence=0.9))
        if reply_language:
            ctx.replies.append(Reply(text="باش دير شكاية، كتب لينا هنا", extra={"language": reply_language}))
        ctx.escalation = Escalation(reasons=[{"code": "complaint"}])
        stored = apply_outcome(uow, ctx, conv, msg)
        uow.commit()
        return [m.text for m in stored if m.author == Author.SYSTEM.value]


def test_after_the_bots_darija_answer_the_handoff_notice_is_darija_too(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    conv_id, _ = factories.open_conversation(client, t.slug)
    notices = _turn(platform, conv_id, "ary")
    assert notices and notices[0] == notice("handoff", "ary") != notice("handoff", "ar")


def test_without_an_answer_the_notice_keeps_the_conversations_language(client, platform) -> None:  # type: ignore[no-untyped-def]
    t = factories.tenant(platform)
    conv_id, _ = factories.open_conversation(client, t.slug)
    assert _turn(platform, conv_id, None)[0] == notice("handoff", "ar")
