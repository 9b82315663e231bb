"""Escalation policy and routing of conversations to queues and agents (pure rules, no I/O).

Public surface:
- `EscalationPolicyStep`, `EscalationPolicy`: the pipeline step "escalation" and its per-tenant thresholds.
- `rank_agents`, `choose_queue`, `skills_for_intent`, `AgentState`, `Need`: who should take a conversation.
- `base_priority`, `effective_priority`, `queue_order`: the order of a queue.
- `estimate_wait`, `wait_notice`: what the waiting customer is told, in their language.
- `wait_report`: waiting time by language and dialect (routing fairness).
"""

from tawasol.routing.assignment import (
    AgentState,
    Candidate,
    Need,
    choose_queue,
    language_fit,
    rank_agents,
    skills_for_intent,
)
from tawasol.routing.escalation import EscalationPolicy, EscalationPolicyStep, handoff_notice, is_agent_command
from tawasol.routing.fairness import wait_report
from tawasol.routing.priority import base_priority, effective_priority, queue_order
from tawasol.routing.waiting import estimate_wait, wait_notice

__all__ = [
    "AgentState", "Candidate", "EscalationPolicy", "EscalationPolicyStep", "Need", "base_priority",
    "choose_queue", "effective_priority", "estimate_wait", "handoff_notice", "is_agent_command",
    "language_fit", "queue_order", "rank_agents", "skills_for_intent", "wait_notice", "wait_report",
]
