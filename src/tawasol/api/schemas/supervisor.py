"""The supervisor view: live queues and waits, agents' presence and load, sentiment alerts, routing fairness."""

from __future__ import annotations

from tawasol.api.schemas.common import Public


class WaitingConversation(Public):
    id: str
    language: str | None
    priority: int
    waited_seconds: int


class QueueLoadPublic(Public):
    id: str
    tenant_id: str
    name: str
    sla_seconds: int
    languages: list[str]
    skills: list[str]
    waiting: int
    longest_wait_seconds: int
    over_sla: int
    conversations: list[WaitingConversation]


class AgentLoadPublic(Public):
    id: str
    display_name: str
    role: str
    presence: str
    languages: list[str]
    skills: list[str]
    load: int
    capacity: int


class AlertPublic(Public):
    """An open conversation whose latest customer message is strongly negative or angry."""

    conversation_id: str
    status: str
    language: str | None
    text: str
    at: str
    sentiment: str | None
    intensity: float
    anger: float


class OverviewPublic(Public):
    queues: list[QueueLoadPublic]
    agents: list[AgentLoadPublic]
    alerts: list[AlertPublic]


class WaitGroupPublic(Public):
    language: str
    count: int
    median_seconds: float
    p90_seconds: float
    mean_seconds: float
    ratio_to_reference: float | None
    flagged: bool


class FairnessPublic(Public):
    """Waiting time before an agent took the conversation, by language and dialect."""

    days: int
    reference: str
    tolerance: float
    min_count: int
    groups: list[WaitGroupPublic]
    flagged: list[str]
