"""Names and addresses found on weaker evidence (issue 12), and the ordinary words that evidence must not take."""

from __future__ import annotations

import pytest

from tawasol.privacy.redaction import redact


def _types(text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start:e.end]) for e in redact(text).entities]


@pytest.mark.parametrize(("text", "name"), [
    ("I'm Karim Benjelloun, I need help with my bill", "Karim Benjelloun"),
    ("The line is under Meryem Tazi since 2019", "Meryem Tazi"),
    ("Billing address: Sophie Marchand\n 14 Avenue Foch, Paris", "Sophie Marchand"),
    ("Youssef: my router is blinking red again", "Youssef"),
    ("Stephane Morel  4844 Søndergade 52  Apt. 656", "Stephane Morel"),
    ("Adil Bennani lives at 8 Rue Ibn Batouta, Rabat", "Adil Bennani"),
    ("They came with three friends: Omar, Salma and Hicham.", "Salma"),
    ("Salma called yesterday. Salma said the line was cut.", "Salma"),
    ("Sandra lives on Rue Allal Ben Abdellah", "Sandra"),
])
def test_a_name_with_evidence_is_found(text: str, name: str) -> None:
    persons = [value for kind, value in _types(text) if kind == "PERSON"]
    assert any(name in value for value in persons), (text, _types(text))


@pytest.mark.parametrize(("text", "address"), [
    ("My new address is 45 Hay Nahda, Agadir", "45 Hay Nahda"),
    ("He lives at 12 Kaevu Tänav, Tallinn", "12 Kaevu"),
    ("Send it to 221 Ostergade, please", "221 Ostergade"),
    ("Please change my address to 50541 Mlynska 1540 Trancoso for post mail", "Mlynska 1540"),
])
def test_an_address_after_its_cue_is_found(text: str, address: str) -> None:
    addresses = [value for kind, value in _types(text) if kind == "ADDRESS"]
    assert any(address in value for value in addresses), (text, _types(text))


@pytest.mark.parametrize("text", [
    "I'm tired of this network, it never works",
    "I'm Happy With The New Offer",
    "Called twice, nobody answered",
    "Send it to 2 people in my family please",
    "Roaming Pass: how much is the daily price?",
    "Agent: please hold on",
    "The Apple Pay option is under Settings",
    "I live at 5 minutes from your shop",
])
def test_ordinary_words_stay(text: str) -> None:
    assert [t for t in _types(text) if t[0] in {"PERSON", "ADDRESS"}] == [], _types(text)


def test_a_recipient_before_the_street_line_is_redacted() -> None:
    text = "Recipient below\nNadia Chraibi  27 Boulevard Zerktouni, Casablanca"
    assert "Chraibi" not in redact(text).text


def test_the_postcode_beside_an_address_is_part_of_it() -> None:
    text = "Ship to: 12 Rue de Fes > Apt. 4 > Meknes > Morocco 50000"
    assert "50000" not in redact(text).text
