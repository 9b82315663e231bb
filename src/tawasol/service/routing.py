"""Assignment of queued conversations to agents, atomic under concurrency.

PostgreSQL: the conversation row is locked by the caller (or taken with SKIP LOCKED by the dispatcher);
each candidate agent row is locked in a savepoint, its load re-counted under the lock, and the savepoint
rolled back (releasing the lock) when the agent turns out to be full. A transaction therefore waits for at
most one agent row at a time while holding no other, so assignments cannot deadlock, and two transactions
never both fill an agent's last slot. SQLite: writers are serialised by BEGIN IMMEDIATE (store/db.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from tawasol.domain.model import (
    Conversation,
    ConversationStatus,
    Customer,
    DecisionRecord,
    Message,
    Presence,
    Queue,
    Role,
    User,
    utcnow,
)
from tawasol.routing import (
    AgentState,
    Need,
    base_priority,
    choose_queue,
    estimate_wait,
    queue_order,
    rank_agents,
    skills_for_intent,
    wait_notice,
)
from tawasol.routing.notices import notice, notice_language
from tawasol.service import events
from tawasol.store.uow import UnitOfWork

ROUTING_VERSION = "1"
ROUTED_ROLES = (Role.AGENT.value,)  # supervisors take conversations by hand


def _pg(uow: UnitOfWork) -> bool:
    return uow.routing.postgresql


def _seconds(since: datetime | None, now: datetime) -> float:
    if since is None:
        return 0.0
    if since.tzinfo is None:  # SQLite hands back naive UTC
        since = since.replace(tzinfo=now.tzinfo)
    return max(0.0, (now - since).total_seconds())


def loads(uow: UnitOfWork, agent_ids: Sequence[str]) -> dict[str, int]:
    """Assigned conversations per agent, across all tenants they serve."""
    if not agent_ids:
        return {}
    return uow.routing.loads(agent_ids)


def tenant_agents(uow: UnitOfWork, tenant_id: str) -> list[User]:
    return uow.routing.active_members(tenant_id, ROUTED_ROLES)


def staff_of(uow: UnitOfWork, tenant_ids: Sequence[str]) -> list[User]:
    """Users serving any of these tenants (no DISTINCT over JSON columns: PostgreSQL cannot compare json)."""
    return uow.routing.staff_of(tenant_ids)


def agent_states(uow: UnitOfWork, tenant_id: str) -> list[AgentState]:
    agents = tenant_agents(uow, tenant_id)
    load = loads(uow, [a.id for a in agents])
    return [AgentState(id=a.id, languages=tuple(a.languages or ()), skills=tuple(a.skills or ()),
                       capacity=a.capacity, load=load.get(a.id, 0), online=a.presence == Presence.ONLINE.value,
                       last_assigned_at=a.last_assigned_at) for a in agents]


def need_of(uow: UnitOfWork, conv: Conversation, exclude: Sequence[str] = ()) -> Need:
    queue = uow.queues.get(conv.queue_id) if conv.queue_id else None
    intent = _last_intent(uow, conv)
    return Need(language=conv.language, queue_skills=tuple(queue.skills or ()) if queue else (),
                wanted_skills=tuple(skills_for_intent(intent)), excluded=frozenset(exclude))


def _last_intent(uow: UnitOfWork, conv: Conversation) -> str | None:
    for m in reversed(list(uow.messages.for_conversation(conv.id))):
        intent = (m.analysis or {}).get("intent") if m.author == "customer" else None
        if isinstance(intent, dict) and intent.get("label") and not intent.get("out_of_scope"):
            return str(intent["label"])
    return None


def _lock_agent(uow: UnitOfWork, agent_id: str, skip_locked: bool) -> User | None:
    return uow.routing.lock_agent(agent_id, skip_locked)


def _acquire(uow: UnitOfWork, candidates: list[str], wait: bool) -> User | None:
    """Lock the first candidate that still has room; see the module docstring."""
    pg = _pg(uow)
    full: set[str] = set()
    for skip in ((True, False) if wait else (True,)):
        for agent_id in candidates:
            if agent_id in full:
                continue
            savepoint = uow.routing.savepoint() if pg else None
            agent = _lock_agent(uow, agent_id, skip_locked=skip)
            if agent is not None and agent.presence == Presence.ONLINE.value and \
                    loads(uow, [agent.id]).get(agent.id, 0) < agent.capacity:
                if savepoint is not None:
                    savepoint.commit()
                return agent
            if savepoint is not None:
                savepoint.rollback()
            if agent is not None:
                full.add(agent_id)
    return None


def route(uow: UnitOfWork, conv: Conversation, exclude: Sequence[str] = (), wait: bool = False) -> User | None:
    """Assign a queued conversation (locked by the caller) to the best available agent, if any.

    `wait=True` may block on one agent row: only for callers holding no agent row lock."""
    if conv.status != ConversationStatus.QUEUED.value:
        return None
    need = need_of(uow, conv, exclude)
    ranked = rank_agents(need, agent_states(uow, conv.tenant_id))
    agent = _acquire(uow, [c.agent_id for c in ranked], wait)
    if agent is None:
        return None
    chosen = next(c for c in ranked if c.agent_id == agent.id)
    now = utcnow()
    waited = _seconds(conv.queued_at, now)
    conv.move_to(ConversationStatus.ASSIGNED)
    conv.assigned_agent_id, conv.assigned_at = agent.id, now
    agent.last_assigned_at = now
    uow.decisions.add(DecisionRecord(
        tenant_id=conv.tenant_id, kind="routing", outcome=f"assigned:{agent.id}", model="routing",
        model_version=ROUTING_VERSION, conversation_id=conv.id,
        inputs={"language": conv.language, "queue_id": conv.queue_id, "priority": conv.priority,
                "wait_seconds": round(waited, 3), "required_skills": list(need.queue_skills),
                "wanted_skills": list(need.wanted_skills), "excluded": sorted(need.excluded)},
        reasons=[{"rule": "most_suitable_longest_idle", "agent_id": agent.id, "suitability": chosen.suitability,
                  "signals": chosen.reasons, "candidates": len(ranked)}],
    ))
    joined(uow, conv, agent.display_name)
    uow.emit(events.conversation_channel(conv.id), events.status_event(conv, agent=agent.display_name))
    uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event(
        "conversation.assigned", conv, agent_id=agent.id, agent_name=agent.display_name, priority=conv.priority))
    return agent


def note(uow: UnitOfWork, conv: Conversation, text: str, internal: bool = False,
         analysis: dict[str, Any] | None = None) -> Message:
    """A system message in the conversation (internal ones only staff see)."""
    data = dict(analysis or {})
    if internal:
        data["internal"] = True
    msg = uow.messages.add(Message(tenant_id=conv.tenant_id, conversation_id=conv.id, author="system", text=text,
                                   seq=uow.messages.next_seq(conv.id), analysis=data))
    if not internal:
        uow.emit(events.conversation_channel(conv.id), events.message_event(msg))
    uow.emit(events.tenant_channel(conv.tenant_id), events.message_event(msg, staff=True))
    return msg


def tell(uow: UnitOfWork, conv: Conversation, key: str, **values: Any) -> Message:
    """A notice of the catalogue (`routing/notices.yaml`) to the customer, in the conversation's language."""
    return note(uow, conv, notice(key, conv.language, **values),
                analysis={"kind": "notice", "notice": key, "language": notice_language(conv.language)})


def joined(uow: UnitOfWork, conv: Conversation, agent_name: str | None) -> Message:
    """"<agent> joined the conversation", in the customer's language."""
    if agent_name:
        return tell(uow, conv, "agent_joined", agent=agent_name)
    return tell(uow, conv, "agent_joined_anonymous")


def enqueue(uow: UnitOfWork, conv: Conversation, escalation_priority: int, named_queue: str | None,
            skills: Sequence[str], sentiment: dict[str, Any] | None, customer: Customer | None) -> Queue | None:
    """Put a conversation in the queue that serves its language or skill, with its priority."""
    queues = list(uow.queues.for_tenant(conv.tenant_id))
    queue: Queue | None = choose_queue(queues, conv.language, list(skills), named_queue)
    conv.queue_id = queue.id if queue else None
    segment = (customer.attributes or {}).get("segment") if customer else None
    conv.priority = base_priority(escalation_priority, sentiment, segment)
    conv.queued_at = utcnow()
    conv.move_to(ConversationStatus.QUEUED)
    return queue


def requeue(uow: UnitOfWork, conv: Conversation, reason: str, exclude: Sequence[str] = (),
            queue: Queue | None = None) -> User | None:
    """Back to a queue (ahead of newcomers) and straight to another agent when one is free."""
    if conv.status == ConversationStatus.ASSIGNED.value:
        conv.move_to(ConversationStatus.QUEUED)
    conv.assigned_agent_id = None
    if queue is not None:
        conv.queue_id = queue.id
    conv.priority = min(conv.priority + 1, 9)
    conv.queued_at = conv.queued_at or utcnow()
    uow.decisions.add(DecisionRecord(
        tenant_id=conv.tenant_id, kind="requeue", outcome=reason, model="routing", model_version=ROUTING_VERSION,
        conversation_id=conv.id, inputs={"excluded": list(exclude), "queue_id": conv.queue_id},
        reasons=[{"rule": reason}]))
    uow.emit(events.tenant_channel(conv.tenant_id), events.conversation_event("conversation.queued", conv,
                                                                                reasons=[{"rule": reason}]))
    agent = route(uow, conv, exclude=exclude)
    if agent is None:
        tell_wait(uow, conv)
    return agent


def dispatch(uow: UnitOfWork, tenant_ids: Sequence[str], limit: int = 100) -> int:
    """Give waiting conversations to free agents, most urgent first; returns how many were assigned.

    Never waits for a lock: whatever is locked elsewhere is being handled by that transaction."""
    convs = {c.id: c for c in uow.routing.queued_for_dispatch(tenant_ids, limit)}
    if not convs:
        return 0
    sla = {q.id: q.sla_seconds for t in tenant_ids for q in uow.queues.for_tenant(t)}
    now = utcnow()
    order = queue_order([(c.id, c.priority, _seconds(c.queued_at, now), sla.get(c.queue_id or "", 60))
                         for c in convs.values()])
    assigned = 0
    for cid in order:
        if route(uow, convs[cid]) is not None:
            assigned += 1
    return assigned


@dataclass(frozen=True)
class QueueStatus:
    """A conversation's place in its queue. Only a queued conversation has an SLA, a wait so far and a
    notice (`sla_seconds`, `waited_seconds`, `notice` are None for the others)."""

    status: str
    position: int
    estimated_wait_seconds: int
    agents_online: int | None
    sla_seconds: int | None = None
    waited_seconds: int | None = None
    notice: str | None = None

    @property
    def queued(self) -> bool:
        return self.status == ConversationStatus.QUEUED.value

    def fields(self) -> dict[str, Any]:
        """The fields a response carries: the queue-only ones are absent (not null) when not queued."""
        out: dict[str, Any] = {"status": self.status, "position": self.position,
                               "estimated_wait_seconds": self.estimated_wait_seconds,
                               "agents_online": self.agents_online}
        if self.queued:
            out.update(sla_seconds=self.sla_seconds, waited_seconds=self.waited_seconds, notice=self.notice)
        return out


def queue_status(uow: UnitOfWork, conv: Conversation) -> QueueStatus:
    """The customer's place in the queue and the estimated wait."""
    if conv.status != ConversationStatus.QUEUED.value:
        return QueueStatus(status=conv.status, position=0, estimated_wait_seconds=0, agents_online=None)
    now = utcnow()
    queue = uow.queues.get(conv.queue_id) if conv.queue_id else None
    sla = queue.sla_seconds if queue else 60
    waiting = uow.routing.waiting_in_queue(conv.tenant_id, conv.queue_id) if conv.queue_id else [conv]
    order = queue_order([(c.id, c.priority, _seconds(c.queued_at, now), sla) for c in waiting])
    position = order.index(conv.id) + 1 if conv.id in order else len(order) + 1
    need = need_of(uow, conv)
    states = [s for s in agent_states(uow, conv.tenant_id) if s.online]
    eligible = [s for s in states if rank_agents(need, [replace(s, load=0)])]
    free = sum(max(0, s.capacity - s.load) for s in eligible)
    tenant = uow.tenants.get(conv.tenant_id)
    handle = int((((tenant.settings if tenant else None) or {}).get("routing") or {}).get("handle_seconds", 240))
    seconds = estimate_wait(position, free, len(eligible), handle)
    return QueueStatus(status=conv.status, position=position, estimated_wait_seconds=seconds,
                       agents_online=len(eligible), sla_seconds=sla,
                       waited_seconds=round(_seconds(conv.queued_at, now)),
                       notice=wait_notice(conv.language, position, seconds, len(eligible)))


def tell_wait(uow: UnitOfWork, conv: Conversation) -> QueueStatus:
    """Tell the waiting customer their place and the estimated wait, in their language."""
    status = queue_status(uow, conv)
    if conv.status == ConversationStatus.QUEUED.value:
        note(uow, conv, status.notice or "", analysis={"kind": "wait_estimate", "position": status.position,
                                                       "estimated_wait_seconds": status.estimated_wait_seconds})
        uow.emit(events.conversation_channel(conv.id), events.status_event(
            conv, position=status.position, estimated_wait_seconds=status.estimated_wait_seconds))
    return status
