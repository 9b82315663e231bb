"""Erlang C against published examples and exact arithmetic; Erlang A sanity; large centres."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import pytest

from tawasol.domain.errors import InvalidInput
from tawasol.wfm import (
    erlang_a_metrics,
    erlang_c,
    erlang_c_metrics,
    required_agents,
    scheduled_agents,
    traffic_erlangs,
)


def exact_erlang_c(agents: int, traffic: int) -> float:
    """Textbook closed form in exact rationals: independent of the Erlang B recursion."""
    a = Fraction(traffic)
    term = a**agents / math.factorial(agents) * Fraction(agents, agents - traffic)
    head = sum(a**k / math.factorial(k) for k in range(agents))
    return float(term / (head + term))


def test_call_centre_helper_worked_example() -> None:
    # Call Centre Helper, "Erlang C formula - made simple with an easy worked example":
    # 100 calls in 30 min, AHT 180 s, 80 % in 20 s -> A = 10 Erlangs; 11 agents give P(wait) 68.21 %;
    # 14 agents are the first to reach 80 %; 30 % shrinkage -> 20 scheduled. Every figure is also
    # checked here against the closed form in exact rational arithmetic.
    load = traffic_erlangs(100, 30, 180)
    assert load == pytest.approx(10.0)
    eleven = erlang_c_metrics(11, load, 180, 20)
    assert eleven.prob_wait == pytest.approx(0.6821, abs=1e-4)
    assert eleven.prob_wait == pytest.approx(exact_erlang_c(11, 10), rel=1e-12)
    assert eleven.service_level == pytest.approx(1 - exact_erlang_c(11, 10) * math.exp(-1 * 20 / 180), rel=1e-12)
    assert erlang_c_metrics(13, load, 180, 20).service_level < 0.8
    best = required_agents(load, 180, 0.8, 20)
    assert best.agents == 14
    assert best.service_level == pytest.approx(1 - exact_erlang_c(14, 10) * math.exp(-4 * 20 / 180), rel=1e-12)
    assert best.service_level == pytest.approx(0.8884, abs=1e-4)
    assert best.asa_seconds == pytest.approx(7.84, abs=0.01)
    assert best.occupancy == pytest.approx(10 / 14)
    assert scheduled_agents(best.agents, 0.3) == 20


def test_westbay_erlang_c_example_matches_exact_formula() -> None:
    # Westbay Engineers' "The Erlang-C formula" example: 360 calls per half hour, 4 min calls, 55 agents, 15 s.
    load = traffic_erlangs(360, 30, 240)
    m = erlang_c_metrics(55, load, 240, 15)
    assert load == 48
    assert m.prob_wait == pytest.approx(exact_erlang_c(55, 48), rel=1e-12)
    assert m.prob_wait == pytest.approx(0.2387, abs=1e-4)
    assert m.asa_seconds == pytest.approx(m.prob_wait * 240 / 7)
    assert m.service_level == pytest.approx(1 - m.prob_wait * math.exp(-7 * 15 / 240))
    assert m.occupancy == pytest.approx(48 / 55)


def test_large_centre_is_stable_and_exact() -> None:
    assert erlang_c(610, 600) == pytest.approx(exact_erlang_c(610, 600), rel=1e-10)
    m = required_agents(600.0, 180, 0.8, 20)
    assert 600 < m.agents < 700 and 0.8 <= m.service_level < 1
    a = erlang_a_metrics(620, 600.0, 180, 20, 120)
    assert all(math.isfinite(v) for v in (a.service_level, a.asa_seconds, a.abandon_rate, a.occupancy))


def test_unstable_erlang_c_reports_no_service() -> None:
    m = erlang_c_metrics(10, 10.0, 180, 20)
    assert m.service_level == 0.0 and m.asa_seconds == math.inf


def test_erlang_a_approaches_erlang_c_as_patience_grows() -> None:
    c = erlang_c_metrics(13, 10.0, 180, 20)
    a = erlang_a_metrics(13, 10.0, 180, 20, 1e8)
    assert a.service_level == pytest.approx(c.service_level, abs=1e-4)
    assert a.prob_wait == pytest.approx(c.prob_wait, abs=1e-4)
    assert a.asa_seconds == pytest.approx(c.asa_seconds, rel=1e-3)
    assert a.abandon_rate < 1e-5


def test_erlang_a_abandonment_falls_with_agents_and_matches_queue_length() -> None:
    rates = [erlang_a_metrics(n, 10.0, 180, 20, 90).abandon_rate for n in range(6, 20)]
    assert all(x > y for x, y in itertools.pairwise(rates))
    # Independent check: abandonment = theta * E[queue] / lambda from the birth-death chain written plainly.
    agents, load, theta = 9, 10.0, 180 / 90
    weights = [1.0]
    for n in range(1, 400):
        death = min(n, agents) + max(n - agents, 0) * theta
        weights.append(weights[-1] * load / death)
    total = sum(weights)
    queue = sum(max(n - agents, 0) * w for n, w in enumerate(weights)) / total
    assert erlang_a_metrics(agents, load, 180, 20, 90).abandon_rate == pytest.approx(theta * queue / load, rel=1e-9)


def test_erlang_a_service_level_increases_with_agents_and_can_run_above_load() -> None:
    levels = [erlang_a_metrics(n, 10.0, 180, 20, 60).service_level for n in range(5, 20)]
    assert all(x < y for x, y in itertools.pairwise(levels))
    assert required_agents(10.0, 180, 0.8, 20, patience_seconds=60).agents <= 14


def test_max_occupancy_caps_and_bad_inputs_are_refused() -> None:
    assert required_agents(100.0, 180, 0.5, 60, max_occupancy=0.85).agents >= math.ceil(100 / 0.85)
    with pytest.raises(InvalidInput):
        required_agents(10.0, 180, 1.5, 20)
    with pytest.raises(InvalidInput):
        scheduled_agents(10, 1.0)
