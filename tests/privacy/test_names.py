"""Person names and postal addresses (learned tagger + rules), project-written sentences in several languages."""

from __future__ import annotations

import pytest

from tawasol.privacy import detect, synth, tagger


def spans(text: str, kind: str) -> list[str]:
    return [e.text for e in detect(text) if e.type == kind]


def covered(text: str, kind: str, value: str) -> bool:
    start = text.index(value)
    end = start + len(value)
    return any(e.type == kind and e.start <= start and e.end >= end for e in detect(text))


@pytest.mark.parametrize(("text", "name"), [
    ("I spoke with Katarzyna Wiśniewska on the phone yesterday.", "Katarzyna Wiśniewska"),
    ("Le technicien Baptiste Lemaire n'est jamais venu.", "Baptiste Lemaire"),
    ("La factura está a nombre de Ximena Arroyo Quintana.", "Ximena Arroyo"),
    ("Please forward this to Chinedu Okafor in accounts.", "Chinedu Okafor"),
    ("smiti salma bennani w bghit n9ad l'abonnement", "salma bennani"),
    ("اسمي خديجة العلوي وعندي مشكل في الفاتورة", "خديجة العلوي"),
])
def test_names_in_several_languages(text: str, name: str) -> None:
    assert covered(text, "PERSON", name), detect(text)


@pytest.mark.parametrize(("text", "address"), [
    ("Please send the modem to 742 Hawthorn Crescent, apartment above the shop.", "742 Hawthorn Crescent"),
    ("J'habite au 18 bis avenue des Platanes depuis deux ans.", "18 bis avenue des Platanes"),
    ("Mi dirección es Calle de Goya 24, 3º B.", "Calle de Goya 24"),
    ("sifto liya l 45 zanqa Oued Dra, hay Salam", "zanqa Oued Dra"),
    ("العنوان هو شارع الجيش الملكي رقم 14", "شارع الجيش الملكي رقم 14"),
])
def test_addresses_in_several_languages(text: str, address: str) -> None:
    assert covered(text, "ADDRESS", address), detect(text)


@pytest.mark.parametrize("text", [
    "My Galaxy S23 keeps restarting since the update.",
    "Maroc Telecom a coupé ma ligne en septembre.",
    "Internet ne marche plus depuis lundi.",
    "Unfortunately Nothing Works After The Update",
    "Casablanca Finance City and Royal Air Maroc are partners.",
    "Quiero cancelar mi contrato de Movistar en marzo.",
    "Thank you for your patience, we will call you back.",
    "wach l'offre dyal Inwi mazal khdama?",
])
def test_products_months_companies_and_sentence_starts_are_no_names(text: str) -> None:
    assert spans(text, "PERSON") == [], detect(text)


def test_cities_alone_are_no_address() -> None:
    assert spans("I flew from Madrid to Marrakech on Friday.", "ADDRESS") == []


def test_training_is_deterministic_and_versioned() -> None:
    assert synth.corpus(50) == synth.corpus(50)
    assert len(tagger.version()) == 16
    assert tagger.weights()[""] and len(tagger.weights()) > 1000
