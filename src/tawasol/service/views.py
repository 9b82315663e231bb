"""Plain-dict views of domain objects for the API and the event bus (no raw text, ever)."""

from __future__ import annotations

from typing import Any

from tawasol.domain.model import Conversation, DecisionRecord, Message, Queue, User


def message_view(m: Message, staff: bool = False) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": m.id,
        "conversation_id": m.conversation_id,
        "seq": m.seq,
        "author": m.author,
        "text": m.text,
        "client_message_id": m.client_message_id,
        "in_reply_to": m.in_reply_to,
        "created_at": m.created_at.isoformat(),
        "sources": (m.analysis or {}).get("sources", []),
        "choices": (m.analysis or {}).get("choices", []),  # the quick replies a bot question offers
        "internal": bool((m.analysis or {}).get("internal", False)),
    }
    if staff:
        view["analysis"] = m.analysis or {}
    return view


def conversation_view(c: Conversation) -> dict[str, Any]:
    return {
        "id": c.id,
        "tenant_id": c.tenant_id,
        "customer_id": c.customer_id,
        "channel": c.channel,
        "language": c.language,
        "status": c.status,
        "queue_id": c.queue_id,
        "assigned_agent_id": c.assigned_agent_id,
        "subject": c.subject,
        "created_at": c.created_at.isoformat(),
        "updated_at": c.updated_at.isoformat(),
    }


def decision_view(d: DecisionRecord) -> dict[str, Any]:
    return {
        "id": d.id,
        "kind": d.kind,
        "outcome": d.outcome,
        "model": d.model,
        "model_version": d.model_version,
        "inputs": d.inputs,
        "reasons": d.reasons,
        "message_id": d.message_id,
        "created_at": d.created_at.isoformat(),
    }


def user_view(u: User, tenant_ids: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": u.id,
        "email": u.email,
        "role": u.role,
        "display_name": u.display_name,
        "languages": u.languages,
        "skills": u.skills,
        "capacity": u.capacity,
        "presence": u.presence,
        "ui_language": u.ui_language,
        "tenant_ids": list(tenant_ids),
    }


def queue_view(q: Queue) -> dict[str, Any]:
    return {"id": q.id, "name": q.name, "skills": q.skills, "languages": q.languages,
            "sla_seconds": q.sla_seconds, "is_default": q.is_default}
