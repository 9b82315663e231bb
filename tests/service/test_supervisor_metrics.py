"""Supervisor metrics per queue and language come from the conversations' own timestamps over the window."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tawasol.domain.errors import Forbidden
from tawasol.domain.model import ConversationStatus, Queue, utcnow
from tawasol.service import conversations as conv_svc
from tawasol.service import supervisor
from tawasol.service.admin import create_tenant, create_user
from tawasol.service.bootstrap import bootstrap
from tawasol.service.commands import CustomerDetails, OpenConversation
from tawasol.service.principals import UserPrincipal


def _principal(platform: Any, email: str, role: str, tenant_id: str) -> UserPrincipal:
    create_user(platform.uow(), email, "a-long-passphrase-1", role, ["acme"])
    with platform.uow() as uow:
        user = uow.users.by_email(email)
        assert user is not None
    return UserPrincipal(user=user, tenant_ids=(tenant_id,))


def _conv(platform: Any, queue_id: str | None, language: str, status: str, queued: float | None,
          assigned: float | None, closed: float | None) -> None:
    """A conversation created an hour ago; `queued`/`assigned`/`closed` are seconds after creation."""
    opened = conv_svc.open_conversation(OpenConversation(tenant_slug="acme", customer=CustomerDetails(name="C")),
                                        platform.uow(), 1, contacts=platform.contacts)
    t0 = utcnow() - timedelta(hours=1)
    with platform.uow() as uow:
        c = uow.conversations.get(opened.id)
        assert c is not None
        c.created_at, c.language, c.queue_id, c.status = t0, language, queue_id, status
        c.queued_at = t0 + timedelta(seconds=queued) if queued is not None else None
        c.assigned_at = t0 + timedelta(seconds=assigned) if assigned is not None else None
        c.closed_at = t0 + timedelta(seconds=closed) if closed is not None else None
        uow.commit()


def test_metrics_per_queue_and_language(settings) -> None:  # type: ignore[no-untyped-def]
    platform = bootstrap(settings, steps=[])
    tenant = create_tenant(platform.uow(), "acme", "Acme")
    with platform.uow() as uow:
        q = uow.queues.add(Queue(tenant_id=tenant.id, name="Billing", sla_seconds=60))
        uow.commit()
        qid = q.id
    done, queued = ConversationStatus.RESOLVED.value, ConversationStatus.QUEUED.value
    _conv(platform, qid, "fr", done, 10, 40, 340)     # answered in 30 s (in SLA), handled 300 s
    _conv(platform, qid, "fr", done, 10, 130, 230)    # answered in 120 s (over SLA), handled 100 s
    _conv(platform, qid, "fr", done, 10, None, 200)   # abandoned
    _conv(platform, qid, "fr", queued, 10, None, None)  # still waiting
    _conv(platform, qid, "ar", done, 5, 15, 75)       # other language, its own group
    _conv(platform, None, "fr", done, None, None, 50)  # the bot resolved it alone
    who = _principal(platform, "sup@acme.example", "supervisor", tenant.id)

    out = supervisor.metrics(platform.uow(), who, hours=4)
    rows = {(g["queue"], g["language"]): g for g in out["groups"]}
    fr = rows[("Billing", "fr")]
    assert fr["conversations"] == 4 and fr["backlog"] == 1
    assert fr["service_level"] == 0.25  # 1 of 4 queued answered within 60 s
    assert fr["asa_seconds"] == 75.0 and fr["handle_seconds"] == 200.0
    assert fr["abandonment"] == 0.25 and fr["bot_containment"] == 0.0
    assert rows[("Billing", "ar")]["service_level"] == 1.0
    bot = rows[(None, "fr")]
    assert bot["bot_containment"] == 1.0 and bot["service_level"] is None and bot["asa_seconds"] is None
    assert len(out["buckets"]) == 4 and sum(fr["hourly"]) == 4 and len(fr["hourly"]) == 4

    assert supervisor.metrics(platform.uow(), who, hours=1)["groups"] == []  # created an hour ago: outside
    agent = _principal(platform, "agent@acme.example", "agent", tenant.id)
    with pytest.raises(Forbidden):
        supervisor.metrics(platform.uow(), agent, hours=4)
