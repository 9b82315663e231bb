"""Escalation cues in the six languages: anger in the customer's own words, a repeated unanswered contact,
a threat to leave for a competitor; ordinary requests carry none."""

from __future__ import annotations

import pytest

from tawasol.nlu.normalize import normalize
from tawasol.nlu.sentiment import escalation_signals


def _signals(text: str) -> dict[str, float]:
    return escalation_signals(text, normalize(text))


@pytest.mark.parametrize("text", [
    "internet coupé depuis 4 jours, vous vous foutez de nous",
    "HADI TALT MRA KANKTEB LIKOM W 7TA WA7ED MA JAWEB, NTOMA MAKAT7CHMOUCH",
    "واش نتوما ماكتحشموش؟",
    "this is a joke, you don't care about your customers",
    "me están tomando el pelo con esta factura",
    "هذا استهتار بالزبائن",
])
def test_anger_in_customers_words(text: str) -> None:
    assert _signals(text)["anger"] >= 0.6


@pytest.mark.parametrize("text", [
    "c'est la troisième fois que j'écris",
    "hadi talt mra w 7ta wa7ed ma jaweb",
    "this is the third time I contact you",
    "es la tercera vez que escribo",
    "هادي تالت مرة كنكتب ليكم",
])
def test_a_repeated_contact_is_frustration(text: str) -> None:
    assert _signals(text)["frustration"] >= 0.6


@pytest.mark.parametrize("text", [
    "je résilie et je pars chez la concurrence",
    "I'm switching to another provider",
    "me voy a la competencia",
    "ghadi nbedel l operateur",
    "غادي نبدل الشركة",
    "سأنتقل إلى شركة أخرى",
])
def test_leaving_for_a_competitor_is_a_churn_threat(text: str) -> None:
    assert _signals(text)["churn_threat"] >= 0.6


@pytest.mark.parametrize("text", [
    "comment résilier mon contrat ?", "How do I pay my bill?", "bghit n3ref ch7al lfatoura dyali",
    "¿Cómo activo el roaming?", "أريد معرفة مبلغ فاتورتي", "ma carte SIM ne marche plus",
])
def test_ordinary_requests_carry_no_anger_nor_churn_threat(text: str) -> None:
    s = _signals(text)
    assert s["anger"] < 0.6 and s["churn_threat"] < 0.6


def test_arabic_cues_are_whole_words() -> None:
    assert _signals("حي المعاريف")["anger"] == 0.0  # "عار" (shame) inside a district's name
    assert _signals("هذا عار")["anger"] >= 0.6


@pytest.mark.parametrize("text", [
    "VOUS ME VOLEZ TOUS LES MOIS, J'EN AI MARRE",
    "هذه خدمة سيئة جدا! للمرة الرابعة ينقطع الخط ولا أحد يهتم",
])
def test_more_anger_and_repeats(text: str) -> None:
    s = _signals(text)
    assert s["anger"] >= 0.6 or s["frustration"] >= 0.7


@pytest.mark.parametrize("text", [
    "سألغي اشتراكي فورا", "je vais résilier", "I'll cancel my contract", "voy a darme de baja",
])
def test_an_announced_cancellation_is_a_churn_threat(text: str) -> None:
    assert _signals(text)["churn_threat"] >= 0.6


@pytest.mark.parametrize("text", [
    "je suis chez un autre operateur et je veux venir chez atlas sans perdre mon numero en 06, c possible ?",
    "mon ancien operateur me bloque la portabilite", "is my phone locked to my operator?",
    "mi operador actual es otro", "wach nqder nkhdem b puce dyal operateur akhor?",
])
def test_the_operator_as_a_telecom_company_is_no_request_for_a_person(text: str) -> None:
    assert _signals(text)["human_request"] < 0.5


@pytest.mark.parametrize("text", [
    "je veux parler a un operateur", "passez-moi un opérateur", "an operator please", "operador por favor",
    "bghit nhder m3a operateur", "opérateur", "quiero un operador",
])
def test_an_operator_asked_for_is_a_request_for_a_person(text: str) -> None:
    assert _signals(text)["human_request"] >= 0.5
