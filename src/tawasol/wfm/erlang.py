"""Erlang C and Erlang A queueing: waiting, service level, abandonment and the agents a target needs.

Erlang C (M/M/N) assumes infinitely patient callers; Erlang A (M/M/N+M) gives each caller an
exponential patience and lets them abandon. Both are computed without factorials or powers of the
traffic, so hundreds or thousands of agents are fine: Erlang C from the Erlang B recursion, Erlang A
from the birth-death chain in log space.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np
from scipy.special import logsumexp
from scipy.stats import poisson

from tawasol.domain.errors import InvalidInput

# Erlang A: probability mass below this is cut from the queue tail and from the uniformisation sum.
_TAIL = 1e-13
_MAX_QUEUE = 2_000_000


@dataclass(frozen=True)
class QueueMetrics:
    """What one staffing level gives for one interval."""

    agents: int
    traffic_erlangs: float
    prob_wait: float
    service_level: float
    asa_seconds: float
    occupancy: float
    abandon_rate: float

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def traffic_erlangs(volume: float, interval_minutes: float, aht_seconds: float) -> float:
    """Offered load: contacts per interval times handle time, over the interval length."""
    if interval_minutes <= 0 or aht_seconds <= 0 or volume < 0:
        raise InvalidInput("volume", "volume must be >= 0, interval_minutes and aht_seconds > 0")
    return volume * aht_seconds / (interval_minutes * 60.0)


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability with `agents` servers (stable recursion, no factorials)."""
    b = 1.0
    for n in range(1, agents + 1):
        b = traffic * b / (n + traffic * b)
    return b


def erlang_c(agents: int, traffic: float) -> float:
    """Probability that a contact waits (1.0 when the queue is unstable)."""
    if agents <= traffic:
        return 1.0
    b = erlang_b(agents, traffic)
    return agents * b / (agents - traffic * (1.0 - b))


def erlang_c_metrics(agents: int, traffic: float, aht_seconds: float, answer_within: float) -> QueueMetrics:
    """Service level, ASA and occupancy of M/M/N; an unstable queue gets SL 0 and infinite ASA."""
    if agents <= traffic:
        return QueueMetrics(agents, traffic, 1.0, 0.0, math.inf, 1.0, 0.0)
    pw = erlang_c(agents, traffic)
    sl = 1.0 - pw * math.exp(-(agents - traffic) * answer_within / aht_seconds)
    asa = pw * aht_seconds / (agents - traffic)
    return QueueMetrics(agents, traffic, pw, sl, asa, traffic / agents, 0.0)


def _stationary_log(agents: int, traffic: float, theta: float) -> np.ndarray:
    """Log of the unnormalised stationary law of the Erlang A chain, states 0..N+K (time unit = AHT)."""
    if traffic <= 0:
        return np.array([0.0])
    n = np.arange(1, agents + 1)
    head = np.concatenate([[0.0], np.cumsum(math.log(traffic) - np.log(n))])
    # queue of k callers: ratio lambda / (N mu + k theta); grow until terms are negligible
    size = 1024
    while True:
        k = np.arange(1, size + 1)
        tail = head[-1] + np.cumsum(np.log(traffic) - np.log(agents + k * theta))
        peak = max(head.max(), tail.max())
        if tail[-1] < peak + math.log(_TAIL) and (traffic / (agents + size * theta)) < 1 or size >= _MAX_QUEUE:
            return np.concatenate([head, tail])
        size *= 4


def erlang_a_metrics(agents: int, traffic: float, aht_seconds: float, answer_within: float,
                     patience_seconds: float) -> QueueMetrics:
    """M/M/N+M metrics; service level counts a contact as good when answered within the time.

    ASA is the mean wait of answered contacts; abandon_rate is the share of arrivals that hang up.
    """
    if patience_seconds <= 0:
        raise InvalidInput("patience_seconds", "patience_seconds must be > 0")
    if agents < 1:
        return QueueMetrics(agents, traffic, 1.0, 0.0, math.inf, 0.0, 1.0)
    theta = aht_seconds / patience_seconds  # abandonment rate per caller, in units of 1/AHT
    logp = _stationary_log(agents, traffic, theta)
    logp -= logsumexp(logp)
    p = np.exp(logp)
    queue_at_arrival = p[agents:]  # PASTA: an arrival sees j = 0.. callers ahead
    prob_wait = float(queue_at_arrival.sum())
    j = np.arange(queue_at_arrival.size)
    # tagged caller with i ahead moves up at rate N + i*theta, and abandons at rate theta
    advance = agents + j * theta
    keep = advance / (advance + theta)
    served_if = np.cumprod(keep)  # P(served | j ahead)
    mean_wait_served = np.empty_like(served_if)  # E[W 1{served} | j ahead], recursion over i
    prev_s, prev_m = 1.0, 0.0
    for i in range(j.size):
        rate = advance[i] + theta
        prev_m = keep[i] * (prev_s / rate + prev_m)
        prev_s = served_if[i]
        mean_wait_served[i] = prev_m
    answered = (1.0 - prob_wait) + float(queue_at_arrival @ served_if)
    abandon = 1.0 - answered
    asa = float(queue_at_arrival @ mean_wait_served) / answered * aht_seconds if answered > 0 else math.inf
    sl = (1.0 - prob_wait) + _answered_within(queue_at_arrival, agents, theta, answer_within / aht_seconds)
    busy = float(p @ np.minimum(np.arange(p.size), agents))
    return QueueMetrics(agents, traffic, prob_wait, sl, asa, busy / agents, abandon)


def _answered_within(start: np.ndarray, agents: int, theta: float, t: float) -> float:
    """P(a waiting caller is answered within t) by uniformisation of the tagged caller's chain."""
    nz = np.nonzero(start > _TAIL)[0]
    if nz.size == 0 or t <= 0:
        return 0.0
    dist = start[: nz[-1] + 1].copy()
    i = np.arange(dist.size)
    advance = agents + i * theta
    big = float(advance[-1] + theta)
    stay = 1.0 - (advance + theta) / big
    move = advance / big
    steps = int(poisson.ppf(1 - _TAIL, big * t)) + 1
    weights = poisson.sf(np.arange(steps), big * t)  # P(at least k+1 jumps by t)
    total = 0.0
    for k in range(steps):
        served_now = dist[0] * move[0]
        total += served_now * weights[k]
        shifted = dist * move
        dist = dist * stay
        dist[:-1] += shifted[1:]
        if dist.sum() < _TAIL:
            break
    return float(total)


def queue_metrics(agents: int, traffic: float, aht_seconds: float, answer_within: float,
                  patience_seconds: float | None = None) -> QueueMetrics:
    """Erlang A when a patience is given, Erlang C otherwise."""
    if patience_seconds is None:
        return erlang_c_metrics(agents, traffic, aht_seconds, answer_within)
    return erlang_a_metrics(agents, traffic, aht_seconds, answer_within, patience_seconds)


def required_agents(traffic: float, aht_seconds: float, target_sl: float, answer_within: float,
                    patience_seconds: float | None = None, max_occupancy: float = 1.0,
                    max_agents: int = 100_000) -> QueueMetrics:
    """The fewest agents meeting the service level and the occupancy cap, with their metrics."""
    if not 0 < target_sl < 1:
        raise InvalidInput("target_sl", "target_sl must be between 0 and 1 (exclusive)")
    if not 0 < max_occupancy <= 1:
        raise InvalidInput("max_occupancy", "max_occupancy must be in (0, 1]")
    if traffic <= 0:
        return QueueMetrics(0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0)
    def meets(n: int) -> QueueMetrics | None:
        m = queue_metrics(n, traffic, aht_seconds, answer_within, patience_seconds)
        return m if m.service_level >= target_sl and m.occupancy <= max_occupancy + 1e-12 else None

    # both criteria only improve with more agents, so bracket by doubling, then bisect
    lo = 0 if patience_seconds is not None else math.floor(traffic)  # lo never meets the target
    hi = max(lo + 1, math.ceil(traffic))
    while meets(hi) is None:
        lo, hi = hi, hi * 2
        if hi > max_agents:
            raise InvalidInput("target_sl", f"target not reachable with {max_agents} agents")
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if meets(mid) is None:
            lo = mid
        else:
            hi = mid
    result = meets(hi)
    assert result is not None
    return result


def scheduled_agents(agents: int, shrinkage: float) -> int:
    """Agents to schedule so that `agents` are on the phones after breaks, training and absence."""
    if not 0 <= shrinkage < 1:
        raise InvalidInput("shrinkage", "shrinkage must be in [0, 1)")
    return math.ceil(agents / (1.0 - shrinkage) - 1e-9)
