"""`evaluate`: kappa and accuracy against human labels, and the fairness warning."""

from __future__ import annotations

import pytest

from tawasol.qa import builtin_identify, default_scorecard
from tawasol.qa.evaluation import evaluate, fairness

GOOD = [{"author": "customer", "text": "Hello, my bill is wrong", "at": 0},
        {"author": "agent", "text": "Hello, I will look at your bill now. Anything else? Have a nice day!", "at": 20}]
BAD = [{"author": "customer", "text": "Hello, my bill is wrong", "at": 0},
       {"author": "agent", "text": "Give me your password so I can look at it", "at": 500}]


@pytest.fixture(scope="module")
def identify():  # type: ignore[no-untyped-def]
    return builtin_identify()


def test_agreement_with_human_labels(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [{"language": "en", "agent_language": "en", "turns": GOOD, "disposition": "billing",
             "labels": {"greeting": "yes", "closing": "yes", "personal_data": "yes"}},
            {"language": "en", "agent_language": "en", "turns": BAD,
             "labels": {"greeting": "no", "closing": "no", "personal_data": "no"}}]
    report = evaluate(rows, default_scorecard(), identify)
    assert report["conversations"] == 2
    assert report["questions"]["greeting"]["kappa"] == 1.0
    assert report["questions"]["personal_data"]["accuracy"] == 1.0
    # questions the humans left out count as "na": the reviewer answered "no" on response time for BAD
    assert report["questions"]["response_time"]["accuracy"] == 0.0


def test_a_group_scored_lower_than_humans_score_it_is_warned_about() -> None:
    report = fairness({"fr": [(80.0, 80.0)] * 5, "ary_Latn": [(60.0, 80.0)] * 5})
    assert any("ary_Latn" in w for w in report["warnings"])
    assert not fairness({"fr": [(60.0, 60.0)] * 5, "ary_Latn": [(40.0, 40.0)] * 5})["warnings"]


def test_conversations_the_bot_kept_are_reported_but_never_compared_with_the_agents() -> None:
    # the bot's conversations are scored far above the humans' view; that must not flag every agent group
    report = fairness({"bot": [(90.0, 40.0)] * 5, "fr": [(80.0, 80.0)] * 5, "ary": [(79.0, 80.0)] * 5})
    assert not report["warnings"]
    assert report["groups"]["bot"]["gap"] == 50.0


def test_agreement_is_reported_per_agent_language(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [{"language": "en", "agent_language": "en", "turns": GOOD, "disposition": "billing",
             "labels": {"greeting": "yes", "closing": "yes", "personal_data": "yes"}},
            {"language": "en", "agent_language": "fr", "turns": BAD,
             "labels": {"greeting": "yes", "closing": "no", "personal_data": "no"}}]
    groups = evaluate(rows, default_scorecard(), identify)["groups"]
    assert groups["en"]["answers"] == groups["fr"]["answers"] == len(default_scorecard().questions)
    assert groups["fr"]["accuracy"] < groups["en"]["accuracy"]  # the "fr" row's greeting label disagrees
