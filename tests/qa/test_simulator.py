"""The practice simulator's customer and scoring, without a database (issue 17)."""

from __future__ import annotations

import pytest

from tawasol import qa
from tawasol.qa import simulator

GOOD_FR = ["Bonjour, je comprends, je vais vous aider. Pouvez-vous me donner votre numéro de contrat ?",
           "Merci. Quelle facture est concernée, de quel mois ?",
           "J'ai retiré les frais en double, le remboursement de 30 euros est enregistré.",
           "Y a-t-il autre chose ? Bonne journée."]
BAD_FR = ["Oui.", "Il faut attendre.", "J'ai retiré les frais.", "Ok."]


def _scenario(key: str) -> simulator.Scenario:
    return next(s for s in simulator.seed_scenarios() if s.key == key)


def _play(scenario: simulator.Scenario, agent_turns: list[str]) -> list[dict[str, object]]:
    customer = simulator.SimulatedCustomer(scenario)
    turns: list[dict[str, object]] = [{"author": "customer", "text": customer.opening().text, "at": 0.0}]
    at = 0.0
    for text in agent_turns:
        at += 30
        turns.append({"author": "agent", "text": text, "at": at})
        if customer.state.done:
            break
        at += 30
        turns.append({"author": "customer", "text": customer.reply(text).text, "at": at})
    return turns


@pytest.fixture(scope="module")
def identify() -> qa.reviewers.Identify:
    return qa.builtin_identify()


def test_seed_scenarios_cover_the_six_languages() -> None:
    assert {s.language for s in simulator.seed_scenarios()} == set(qa.phrases.LANGUAGES)


def test_facts_are_released_only_when_asked() -> None:
    customer = simulator.SimulatedCustomer(_scenario("billing_fr"))
    customer.opening()
    vague = customer.reply("D'accord, je regarde cela.")
    assert vague.released == () and "48213" not in vague.text
    asked = customer.reply("Pouvez-vous me donner votre numéro de contrat ?")
    assert asked.released == ("contract_number",) and "48213" in asked.text
    again = customer.reply("Pouvez-vous me redonner votre numéro de contrat ?")
    assert "contract_number" not in again.released  # a fact is released once
    assert customer.state.released == ["contract_number"]


def test_anger_rises_when_ignored_and_falls_with_empathy() -> None:
    scenario = _scenario("cancellation_en")  # calm: starts at 0
    customer = simulator.SimulatedCustomer(scenario)
    customer.opening()
    angers = [customer.reply("Ok.").anger for _ in range(6)]
    assert angers[0] == 0 and angers[-1] > angers[0]
    assert angers == sorted(angers)
    last = customer.reply("I'm sorry, I understand how frustrating this is.")
    assert last.anger == angers[-1] - 1


def test_silence_raises_anger_at_once() -> None:
    customer = simulator.SimulatedCustomer(_scenario("cancellation_en"))
    customer.opening()
    assert customer.reply("").anger == 1


def test_goal_met_closes_with_thanks() -> None:
    customer = simulator.SimulatedCustomer(_scenario("cancellation_en"))
    customer.opening()
    turn = customer.reply("I have cancelled your contract for the end of the month.")
    assert turn.intent == "thanks" and turn.done and customer.state.goal_met
    with pytest.raises(ValueError):
        customer.reply("Anything else?")


def test_state_round_trips_as_data() -> None:
    scenario = _scenario("billing_fr")
    customer = simulator.SimulatedCustomer(scenario)
    customer.opening()
    customer.reply("Votre numéro de contrat ?")
    again = simulator.SimulatedCustomer(scenario, simulator.CustomerState.from_dict(customer.state.to_dict()))
    assert again.reply("Votre numéro de contrat ?").released == ()


def test_a_good_agent_scores_higher_than_a_bad_one(identify: qa.reviewers.Identify) -> None:
    scenario = _scenario("billing_fr")
    card = qa.default_scorecard()
    good, feedback = simulator.score(_play(scenario, GOOD_FR), card, identify, "fr", disposition="billing")
    bad, bad_feedback = simulator.score(_play(scenario, BAD_FR), card, identify, "fr")
    assert good.score is not None and bad.score is not None and good.score > bad.score
    by_key = {f["question"]: f for f in bad_feedback}
    assert by_key["identification"]["choice"] == "no"
    assert by_key["identification"]["evidence"][0]["author"] == "agent"  # the action taken without identification
    assert {f["question"] for f in feedback} == {q.key for q in card.questions}


def test_llm_wording_is_used_and_errors_fall_back_to_rules() -> None:
    scenario = _scenario("billing_fr")
    worded = simulator.SimulatedCustomer(scenario, wording=lambda lang, intent, text: f"[{lang}] {text}")
    assert worded.opening().text.startswith("[fr] ") and worded.opening().worded_by == "llm"

    def broken(lang: str, intent: str, text: str) -> str:
        raise TimeoutError("llm down")
    turn = simulator.SimulatedCustomer(scenario, wording=broken).opening()
    assert turn.worded_by == "rules" and turn.text in scenario.opening


@pytest.mark.parametrize("scenario", simulator.seed_scenarios(), ids=lambda s: s.key)
def test_every_language_speaks_its_language(scenario: simulator.Scenario, identify: qa.reviewers.Identify) -> None:
    customer = simulator.SimulatedCustomer(scenario)
    texts = [customer.opening().text]
    for ask in ("?", "", "", "", ""):
        texts.append(customer.reply(ask).text)
    texts += [line.format(value=f.value) for line in scenario.lines["fact"] for f in scenario.facts]
    for kind in ("follow_up", "impatient", "angry", "thanks", "unknown"):
        texts.extend(scenario.lines[kind])
    labels = {text: identify(text)[0] for text in texts}
    assert {t: lab for t, lab in labels.items() if lab != scenario.language} == {}


def test_bad_scenarios_are_refused() -> None:
    lines = simulator.seed_lines()
    base = {"key": "x", "language": "fr", "contact_reason": "billing", "goal": "g", "opening": ["Bonjour"],
            "facts": [{"key": "n", "value": "1", "keywords": ["numero"]}]}
    assert simulator.scenario_from_dict(base, lines).key == "x"
    for bad in ({"language": "de"}, {"temperament": "furious"}, {"goal": ""}, {"opening": [], "pool": []},
                {"facts": [{"key": "n", "value": "1"}]}, {"patience": 0}):
        with pytest.raises(ValueError):
            simulator.scenario_from_dict({**base, **bad}, lines)
    with pytest.raises(ValueError):
        simulator.scenarios_from_dict({"lines": lines, "scenarios": [base, base]})
