"""Who takes a conversation: language and dialect, skills, capacity, presence, idle time, queue order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from tawasol.routing import AgentState, Need, choose_queue, effective_priority, queue_order, rank_agents

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def agent(id_: str, langs: tuple[str, ...] = ("fr",), skills: tuple[str, ...] = (), load: int = 0, capacity: int = 3,
          online: bool = True, idle_minutes: int = 0) -> AgentState:
    return AgentState(id_, langs, skills, capacity, load, online, T0 - timedelta(minutes=idle_minutes))


def test_darija_goes_to_a_darija_speaker_either_script_and_never_to_others() -> None:
    agents = [agent("claire", ("fr", "en"), idle_minutes=60), agent("salma", ("ary", "fr")), agent("y", ("ary_Latn",))]
    assert [c.agent_id for c in rank_agents(Need("ary"), agents)] == ["salma", "y"]
    assert rank_agents(Need("es"), agents) == []


def test_full_offline_and_declined_agents_are_skipped() -> None:
    agents = [agent("a", load=3), agent("b", online=False), agent("c"), agent("d")]
    assert [c.agent_id for c in rank_agents(Need("fr", excluded=frozenset({"d"})), agents)] == ["c"]


def test_skills_first_then_longest_idle() -> None:
    agents = [agent("recent", skills=("billing",), idle_minutes=1), agent("idle", idle_minutes=90),
              agent("billing_idle", skills=("billing",), idle_minutes=30)]
    ranked = rank_agents(Need("fr", wanted_skills=("billing",)), agents)
    assert [c.agent_id for c in ranked] == ["billing_idle", "recent", "idle"]
    assert [c.agent_id for c in rank_agents(Need("fr", queue_skills=("technical",)), agents)] == []


def test_queue_by_language_then_skill_then_default() -> None:
    q = lambda name, skills=(), langs=(), default=False: SimpleNamespace(name=name, skills=list(skills),  # noqa: E731
                                                                          languages=list(langs), is_default=default)
    queues = [q("general", default=True), q("billing", ["billing"]), q("darija", langs=["ary", "ary_Latn"])]
    assert choose_queue(queues, "ary_Latn", ["billing"]).name == "darija"
    assert choose_queue(queues, "fr", ["billing"]).name == "billing"
    assert choose_queue(queues, "fr", []).name == "general"
    assert choose_queue(queues, "ary", [], named="billing").name == "billing"


def test_waiting_past_the_sla_ages_priority_but_within_bounds() -> None:
    assert effective_priority(0, 120, 60) == 2.0
    assert effective_priority(0, 10_000, 60) == 3.0
    assert queue_order([("calm", 0, 10, 60), ("angry", 4, 0, 60), ("old", 0, 600, 60)]) == ["angry", "old", "calm"]
