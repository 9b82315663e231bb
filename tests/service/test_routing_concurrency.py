"""Assignment under load: 200 conversations escalated at once to 20 agents; each assigned exactly once,
no agent above capacity (real PostgreSQL with row locks; SQLite serialises writers)."""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from tawasol.domain.model import Conversation, DecisionRecord, User
from tawasol.routing import EscalationPolicyStep
from tawasol.service import admin, conversations, routing
from tawasol.service.bootstrap import bootstrap
from tawasol.service.commands import CustomerSaid, OpenConversation
from tawasol.service.pipeline import Pipeline

N_CONVERSATIONS, N_AGENTS = 200, 20


@pytest.fixture
def centre(settings):  # type: ignore[no-untyped-def]
    p = bootstrap(settings, steps=[EscalationPolicyStep()])
    admin.create_tenant(p.uow(), "load-test", "Load Test")
    ids = []
    for i in range(N_AGENTS):
        view = admin.create_user(p.uow(), f"agent{i}@load.example", "load-test-agent-pass", "agent", ["load-test"],
                                 languages=["fr"], capacity=5 if i % 2 else 10)
        ids.append(view["id"])
    with p.uow() as uow:
        for u in uow.session.scalars(select(User)).all():
            u.presence = "online"
        uow.commit()
    convs = [conversations.open_conversation(OpenConversation(tenant_slug="load-test", language="fr"), p.uow(), 1)
             for _ in range(N_CONVERSATIONS)]
    yield p, [c.id for c in convs]
    p.engine.dispose()


def _state(p):  # type: ignore[no-untyped-def]
    with p.uow() as uow:
        convs = list(uow.session.scalars(select(Conversation)).all())
        routed = Counter(d.conversation_id for d in uow.session.scalars(
            select(DecisionRecord).where(DecisionRecord.kind == "routing")).all())
        capacity = {u.id: u.capacity for u in uow.session.scalars(select(User)).all()}
    return convs, routed, capacity


def test_200_simultaneous_escalations_to_20_agents(centre) -> None:  # type: ignore[no-untyped-def]
    p, conv_ids = centre
    tenant_id = _tenant_id(p)
    pipeline = Pipeline([EscalationPolicyStep()])
    start = threading.Barrier(32)

    def escalate(conv_id: str) -> str:
        with contextlib.suppress(threading.BrokenBarrierError):
            start.wait(timeout=5)
        cmd = CustomerSaid(conversation_id=conv_id, tenant_id=tenant_id, text="agent")
        return conversations.customer_said(cmd, p.uow(), pipeline, 4000).status

    with ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(escalate, conv_ids))

    total_capacity = sum(5 if i % 2 else 10 for i in range(N_AGENTS))  # 150
    assert Counter(statuses) == {"assigned": total_capacity, "queued": N_CONVERSATIONS - total_capacity}
    convs, routed, capacity = _state(p)
    load = Counter(c.assigned_agent_id for c in convs if c.status == "assigned")
    assert all(load[a] == capacity[a] for a in capacity)  # every agent full, none above
    assert len(routed) == total_capacity and set(routed.values()) == {1}  # each assigned exactly once

    # Capacity frees up: concurrent dispatchers hand out the rest, still each exactly once.
    with p.uow() as uow:
        for u in uow.session.scalars(select(User)).all():
            u.capacity += 3
        uow.commit()

    def dispatch(_: int) -> int:
        uow = p.uow()
        with uow:
            n = routing.dispatch(uow, [tenant_id])
            uow.commit()
            return n

    with ThreadPoolExecutor(max_workers=8) as pool:
        assigned = sum(pool.map(dispatch, range(8)))
    convs, routed, capacity = _state(p)
    load = Counter(c.assigned_agent_id for c in convs if c.status == "assigned")
    assert assigned == N_CONVERSATIONS - total_capacity
    assert all(load[a] <= capacity[a] for a in capacity)
    assert len(routed) == N_CONVERSATIONS and set(routed.values()) == {1}


def _tenant_id(p) -> str:  # type: ignore[no-untyped-def]
    with p.uow() as uow:
        t = uow.tenants.by_slug("load-test")
        assert t is not None
        return t.id
