"""Escalation policy and routing of conversations to queues and agents."""

from tawasol.routing.escalation import EscalationPolicy, EscalationPolicyStep

__all__ = ["EscalationPolicy", "EscalationPolicyStep"]
