"""The QA reviewers on short transcripts in several languages."""

from __future__ import annotations

import pytest

from tawasol.qa import builtin_identify, decision_records, default_scorecard, review, scorecard_from_dict
from tawasol.qa import transcript_from_rows as tr


@pytest.fixture(scope="module")
def identify():  # type: ignore[no-untyped-def]
    return builtin_identify()


def answers(rows, identify, **kw):  # type: ignore[no-untyped-def]
    result = review(tr(rows, **kw), default_scorecard(), identify)
    return {a.question: a.choice for a in result.answers}, result


def test_a_good_french_agent_scores_full(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"author": "customer", "text": "Bonjour, c'est inadmissible, ma facture a encore augmenté", "at": 0},
        {"author": "agent", "text": "Bonjour Madame, je comprends votre agacement, je vérifie.", "at": 30},
        {"author": "agent", "text": "Pouvez-vous me donner votre numéro client et votre date de naissance ?", "at": 40},
        {"author": "customer", "text": "Oui c'est le [ID]", "at": 60},
        {"author": "agent", "text": "Merci, j'ai annulé les frais en trop sur votre facture de ce mois.", "at": 90},
        {"author": "agent", "text": "Puis-je vous aider pour autre chose ? Bonne journée !", "at": 100},
    ]
    got, result = answers(rows, identify, disposition="billing")
    assert got["greeting"] == got["closing"] == got["identification"] == got["empathy"] == "yes"
    assert got["language"] == got["personal_data"] == got["disposition"] == "yes"
    assert got["bot_article"] == "na"
    assert result.score == 100.0


def test_a_darija_agent_acting_before_identifying_and_asking_a_password(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"author": "customer", "text": "salam bghit nbeddel l offre dyali 3afak", "at": 0},
        {"author": "agent", "text": "wakha, 3tini lmot de passe dyal compte dyalk", "at": 400},
        {"author": "agent", "text": "safi beddelt lik l offre daba", "at": 420},
    ]
    got, result = answers(rows, identify)
    assert got["greeting"] == "no" and got["personal_data"] == "no" and got["identification"] == "no"
    assert got["response_time"] == "no" and got["disposition"] == "no"
    assert got["language"] == "yes"  # Arabizi answered in Arabizi
    assert result.score is not None and result.score < 40
    records = decision_records(result, "t1", "c1")
    pd = next(r for r in records if r.outcome == "personal_data=no")
    assert pd.kind == "qa_answer" and pd.reasons[0]["turns"] == [1]


def test_an_agent_answering_arabic_in_english_fails_the_language_question(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"author": "customer", "text": "السلام عليكم، أريد معرفة رصيد حسابي من فضلك"},
        {"author": "agent", "text": "Hello, I will check your balance right now for you"},
    ]
    got, _ = answers(rows, identify)
    assert got["language"] == "no"


def test_bot_missed_handoff_and_wrong_article(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"author": "customer", "text": "¿Cómo pago mi factura?"},
        {"author": "bot", "text": "Puede recargar su saldo en la aplicación."},
        {"author": "customer", "text": "No es lo que pregunté, quiero hablar con una persona"},
        {"author": "bot", "text": "Puede recargar su saldo en la aplicación."},
        {"author": "bot", "text": "¿Algo más?"},
    ]
    got, _ = answers(rows, identify)
    assert got["bot_article"] == "no" and got["bot_no_missed_handoff"] == "no"
    assert got["greeting"] == "na"


def test_handoff_without_reason_is_unjustified(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"author": "customer", "text": "What are your opening hours?"},
        {"author": "system", "text": "A colleague will take over.", "event": "handoff"},
        {"author": "agent", "text": "Hello, we are open from 9 to 6. Have a nice day!"},
    ]
    got, _ = answers(rows, identify)
    assert got["bot_handoff_justified"] in ("no", "na")


def test_a_scorecard_refuses_unknown_rules() -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        scorecard_from_dict({"questions": [{"key": "x", "rule": "mood_of_agent"}]})


def test_a_disposition_the_contact_reason_contradicts_is_wrong(identify) -> None:  # type: ignore[no-untyped-def]
    rows = [{"author": "customer", "text": "Bonjour, je souhaite résilier mon abonnement internet."},
            {"author": "agent", "text": "Bonjour, j'ai résilié votre abonnement. Bonne journée !"}]
    assert answers(rows, identify, disposition="cancellation")[0]["disposition"] == "yes"
    got, result = answers(rows, identify, disposition="billing")
    assert got["disposition"] == "no"
    evidence = next(a for a in result.answers if a.question == "disposition")
    assert evidence.detail["contact_reason"] == "cancellation" and evidence.turns == (0,)
    assert answers(rows, identify, disposition="loyalty_offer")[0]["disposition"] == "yes"  # no words: as is
    assert answers(rows, identify)[0]["disposition"] == "no"  # none recorded


def test_a_transfer_line_is_no_answer_and_a_bot_conversation_left_unresolved_is_not_resolved(identify) -> None:  # type: ignore[no-untyped-def]
    handed = [{"author": "customer", "text": "¿Cuánto saldo me queda?", "at": 0},
              {"author": "bot", "text": "Le paso con un asesor.", "at": 2},
              {"author": "system", "text": "Un asesor se encargará.", "event": "handoff", "at": 3},
              {"author": "agent", "text": "Hola, le quedan 35 dírhams. ¿Algo más?", "at": 40}]
    got, _ = answers(handed, identify)
    assert got["bot_article"] == "na" and got["bot_handoff_justified"] == "no"
    ignored = [{"author": "customer", "text": "How much credit do I have left?", "at": 0},
               {"author": "bot", "text": "You can check your balance by dialling *555#.", "at": 2},
               {"author": "customer", "text": "I'd like to talk to a real person, please.", "at": 30},
               {"author": "bot", "text": "You can check your balance by dialling *555#.", "at": 32}]
    got, _ = answers(ignored, identify)
    assert got["resolution_time"] == "no" and got["bot_no_missed_handoff"] == "no" and got["bot_article"] == "yes"
    # asking to cancel and being shown the self-service way is not a missed handoff
    selfserve = [{"author": "customer", "text": "How do I cancel my contract?"},
                 {"author": "bot", "text": "You can request a cancellation from your online account."},
                 {"author": "customer", "text": "Great, thanks."}]
    assert answers(selfserve, identify)[0]["bot_no_missed_handoff"] == "yes"
