import pytest

from tawasol.nlu import DEFAULT_INTENTS, Analyzer

HUMAN_REQUESTS = [
    "bghit nhder m3a chi wahed",
    "بغيت نهضر مع شي واحد",
    "je veux parler à un conseiller",
    "agent",
    "quiero hablar con una persona",
    "أريد التحدث مع موظف",
    "I want to talk to a human",
]


def test_default_intents_cover_customer_service() -> None:
    assert 20 <= len(DEFAULT_INTENTS) <= 30
    assert {"check_bill", "internet_outage", "human_agent", "fraud_report"} <= set(DEFAULT_INTENTS)
    assert "out_of_scope" not in DEFAULT_INTENTS


@pytest.mark.parametrize("text", HUMAN_REQUESTS)
def test_human_request_fires_in_every_language(analyzer: Analyzer, text: str) -> None:
    result = analyzer.analyze(text)
    assert result.sentiment is not None and result.sentiment.signals["human_request"] >= 0.5
    assert result.intent is not None and result.intent.label == "human_agent"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("wach kayn réseau f casa", "network_coverage"),
        ("واش كاين الريزو ف كازا", "network_coverage"),
        ("internet makhdamach mn lbare7", "internet_outage"),
        ("الانترنيت ماخدامش من الصباح", "internet_outage"),
        ("salam, je veux activer l'option dyal internet", "activate_option"),
        ("how much is my bill this month", "check_bill"),
    ],
)
def test_intents_in_darija_both_scripts_and_code_switching(analyzer: Analyzer, text: str, intent: str) -> None:
    assert analyzer.analyze(text).intent.label == intent  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("bghit nkhles lfactura dyali", "ary_Latn"),
        ("بغيت نخلص الفاتورة ديالي", "ary"),
        ("أريد دفع فاتورتي من فضلك", "ar"),
        ("je voudrais payer ma facture", "fr"),
        ("I would like to pay my bill", "en"),
        ("quiero pagar mi factura", "es"),
    ],
)
def test_language_and_dialect(analyzer: Analyzer, text: str, language: str) -> None:
    assert analyzer.analyze(text).language.label == language  # type: ignore[union-attr]


def test_code_switching_is_flagged(analyzer: Analyzer) -> None:
    result = analyzer.analyze("salam, je veux activer l'option dyal internet").language
    assert result is not None and result.code_switching and {"ary_Latn", "fr"} <= set(result.languages)


def test_out_of_scope_when_nothing_fits(analyzer: Analyzer) -> None:
    result = analyzer.analyze("what is the capital of peru").intent
    assert result is not None and result.out_of_scope and result.label == "out_of_scope"


@pytest.mark.parametrize("text", ["", "   ", "😡😡😡", "0612345678", "123"])
def test_degenerate_messages_do_not_crash_and_are_out_of_scope(analyzer: Analyzer, text: str) -> None:
    result = analyzer.analyze(text)
    assert result.intent is not None and result.intent.out_of_scope
    assert result.language is not None


def test_emoji_only_anger_is_negative(analyzer: Analyzer) -> None:
    result = analyzer.analyze("😡😡😡").sentiment
    assert result is not None and result.label == "negative" and result.signals["anger"] > 0


def test_very_long_message_is_analysed(analyzer: Analyzer) -> None:
    text = "internet makhdamach " * 2000 + " contactez-moi a.b@example.ma"
    result = analyzer.analyze(text)
    assert result.intent is not None and result.intent.label == "internet_outage"
    assert any(e.type == "email" for e in result.entities)


def test_sentiment_and_signals(analyzer: Analyzer) -> None:
    angry = analyzer.analyze("c'est inadmissible, ça fait 3 jours sans internet, vous êtes des voleurs !!!").sentiment
    happy = analyzer.analyze("choukran bzaf, service wa3er 😍").sentiment
    urgent = analyzer.analyze("c'est urgent, coupure depuis ce matin").sentiment
    assert angry is not None and angry.label == "negative" and angry.signals["anger"] >= 0.5
    assert happy is not None and happy.label == "positive"
    assert urgent is not None and urgent.signals["urgency"] >= 0.5
    assert set(angry.signals) == {"anger", "frustration", "urgency", "human_request", "churn_threat"}
    assert all(0.0 <= v <= 1.0 for v in angry.signals.values())
