"""Each detector, and the project's own multilingual test set: no miss allowed."""

from __future__ import annotations

import pytest

from tawasol.privacy import detect
from tawasol.privacy.validators import dni_ok, iban_ok, luhn_ok, nir_ok, rib_ok
from tests.privacy.pii_cases import CASES, CLEAN, IBAN_FR, RIB_1, VISA


def found(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.text) for e in detect(text)}


@pytest.mark.parametrize(("language", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_every_identifier_of_the_project_set_is_found(language: str, text: str,
                                                      expected: list[tuple[str, str]]) -> None:
    assert set(expected) <= found(text)


def test_the_project_set_is_large_and_covers_every_language() -> None:
    assert len(CASES) >= 60
    assert {c[0] for c in CASES} >= {"fr", "ar", "ary", "ary_Latn", "en", "es"}


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_messages_are_left_alone(text: str) -> None:
    assert detect(text) == []


def test_validators() -> None:
    assert luhn_ok(VISA) and not luhn_ok(VISA[:-1] + "2")
    assert iban_ok(IBAN_FR) and not iban_ok(IBAN_FR[:-1] + "0")
    assert rib_ok(RIB_1) and not rib_ok(RIB_1[:-2] + "00")
    assert nir_ok("185057800608491") and not nir_ok("185057800608492")
    assert dni_ok("12345678Z") and not dni_ok("12345678A")


def test_a_card_number_failing_luhn_is_not_a_card() -> None:
    assert ("CARD", "4990 6958 4830 4012") not in found("ma carte 4990 6958 4830 4012")


def test_a_rib_with_a_wrong_key_is_not_taken_for_a_rib_without_context() -> None:
    assert all(e.type != "RIB" for e in detect("code 011780000012345678901200 reçu"))


def test_iban_stops_at_the_end_of_the_number() -> None:
    assert ("IBAN", "MA89 0117 8000 0012 3456 7890 1234") in found("IBAN MA89 0117 8000 0012 3456 7890 1234 merci")


@pytest.mark.parametrize("phone", [
    "0612345678", "06 12 34 56 78", "06-12-34-56-78", "06.12.34.56.78", "+212612345678", "+212 6 12 34 56 78",
    "+212 612-345678", "00212612345678", "00 212 6 12 34 56 78", "+212 (0)6 12 34 56 78", "0522 12 34 56",
    "0700112233", "+33 6 12 34 56 78", "+34 612 345 678", "612 345 678",
])
def test_phone_spellings(phone: str) -> None:
    assert ("PHONE", phone) in found(f"mon numéro: {phone}, merci")


def test_dates_amounts_and_times_are_not_phones() -> None:
    assert all(e.type != "PHONE" for e in detect("le 12-05-2023 à 10:30, j'ai payé 1 200 000 dh"))


def test_arabic_indic_digits_keep_their_offsets() -> None:
    text = "رقمي ٠٦١٢٣٤٥٦٧٨ شكرا"
    (entity,) = detect(text)
    assert text[entity.start:entity.end] == "٠٦١٢٣٤٥٦٧٨" == entity.text


def test_overlaps_resolve_to_the_checksummed_type() -> None:
    assert found(f"carte {VISA}") == {("CARD", VISA)}


def test_email_and_ip() -> None:
    assert found("a.b-c+d@sub.example.co.ma et 10.0.0.1") == {("EMAIL", "a.b-c+d@sub.example.co.ma"),
                                                              ("IP", "10.0.0.1")}
    assert all(e.type != "IP" for e in detect("version 1.2.3.400 et 12:13:52"))


def test_detect_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        detect(b"0612345678")  # type: ignore[arg-type]
