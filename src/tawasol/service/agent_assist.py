"""The agent's assistance: suggested replies for a conversation (from the knowledge base and the agents' past
replies to the same case, in the customer's language family) and knowledge search across the tenants served."""

from __future__ import annotations

from typing import Any

from tawasol import assist
from tawasol.domain.errors import NotFound
from tawasol.service.agents import STAFF
from tawasol.service.principals import UserPrincipal
from tawasol.store.uow import UnitOfWork


def assist_for(uow: UnitOfWork, who: UserPrincipal, conversation_id: str, index: Any) -> dict[str, Any]:
    """Suggested replies for the customer's last messages about the case, in the customer's language,
    ranked by the conversation's intent (past replies to the same intent and language first)."""
    who.require(*STAFF)
    with uow:
        conv = uow.conversations.require_in(who.tenant_ids, conversation_id)
        msgs = list(uow.messages.for_conversation(conv.id))
        customer_msgs = [m for m in msgs if m.author == "customer" and not assist_is_command(m.text)]
        intent, confidence = assist.conversation_intent(m.analysis for m in customer_msgs)
        query = _case_text(customer_msgs) or " ".join([m.text for m in msgs if m.author == "customer"][-3:])
        past = _past_replies(uow, conv)
    kb_index = index(conv.tenant_id) if index is not None else None
    suggestions = assist.suggest_replies(query, conv.language, kb_index, past, intent=intent,
                                         intent_confidence=confidence)
    return {"language": conv.language, "query": query, "intent": intent,
            "suggestions": [s.to_dict() for s in suggestions]}


def assist_is_command(text: str) -> bool:
    from tawasol.routing import is_agent_command

    return is_agent_command(text)


def _case_text(customer_msgs: list[Any], last: int = 2) -> str:
    """The customer's last messages about the case: not a greeting alone, thanks or a request for a person."""
    def about_the_case(m: Any) -> bool:
        intent = (m.analysis or {}).get("intent")
        return not (isinstance(intent, dict) and intent.get("label") in assist.suggestions.META_INTENTS
                    and not intent.get("out_of_scope"))
    return " ".join(m.text for m in [m for m in customer_msgs if about_the_case(m)][-last:])


def _past_replies(uow: UnitOfWork, conv: Any, limit: int = 400) -> list[assist.PastReply]:
    """The customer's words about the case -> the agent's next reply, with the case's intent, from the
    tenant's latest resolved conversations in the customer's language family; commands, internal notes
    and texts that could not be sent are left out."""
    from itertools import groupby

    from tawasol.routing.assignment import LANGUAGE_FAMILY

    family_languages = None
    if conv.language:
        family = LANGUAGE_FAMILY.get(conv.language, conv.language)
        family_languages = sorted({lang for lang, f in LANGUAGE_FAMILY.items() if f == family} | {conv.language})
    languages = uow.reports.ended_conversation_languages(conv.tenant_id, conv.id, family_languages, limit)
    if not languages:
        return []
    rows = uow.reports.exchanges(list(languages))
    out: list[assist.PastReply] = []
    for conversation_id, messages in groupby(rows, key=lambda m: m.conversation_id):
        said: list[Any] = []  # every customer message so far: the case's intent
        since: list[Any] = []  # the customer's messages since the last agent reply: what it answered
        for m in messages:
            if m.author == "customer" and not assist_is_command(m.text):
                said.append(m)
                since.append(m)
            elif (m.author == "agent" and since and not (m.analysis or {}).get("internal")
                  and not assist_is_command(m.text) and assist.offerable(m.text)):
                if text := _case_text(since):  # a reply to "thanks" alone is no reply to the case
                    intent, _ = assist.conversation_intent(x.analysis for x in said)
                    out.append(assist.PastReply(text, m.text, languages[conversation_id], intent))
                since = []
    return out


def kb_search(uow: UnitOfWork, who: UserPrincipal, query: str, language: str | None, index: Any,
              tenant_id: str | None = None) -> dict[str, Any]:
    who.require(*STAFF)
    tid = tenant_id if tenant_id in who.tenant_ids else who.tenant_ids[0] if who.tenant_ids else None
    if tid is None:
        raise NotFound("no tenant")
    data = assist.search_knowledge(index(tid) if index is not None else None, query, language)
    return {"data": data, "count": len(data)}
