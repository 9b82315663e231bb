from tawasol.nlu.entities import extract_entities


def _types(text: str) -> dict[str, object]:
    return {e.type: e.value for e in extract_entities(text)}


def test_amounts_in_dirham_and_euro() -> None:
    assert _types("je veux recharger 50 dh")["amount"] == {"amount": 50.0, "currency": "MAD"}
    assert _types("خلصت 200 درهم")["amount"] == {"amount": 200.0, "currency": "MAD"}
    assert _types("paid €30")["amount"] == {"amount": 30.0, "currency": "EUR"}


def test_dates_durations_phone_email_and_references() -> None:
    found = _types("facture n° F-2024-00123, 3 iyam bla internet depuis le 12/03/2025, appelez le 0612345678 ou "
                   "a.b@x.ma")
    assert found["invoice_number"] == "F-2024-00123"
    assert found["duration"] == {"quantity": "3", "unit": "iyam"}
    assert found["date"] == {"day": 12, "month": 3, "year": 2025}
    assert found["phone"] == "0612345678"
    assert found["email"] == "a.b@x.ma"


def test_offsets_point_into_the_text() -> None:
    text = "commande 123456 svp"
    (entity,) = extract_entities(text)
    assert text[entity.start : entity.end] == "123456" and entity.type == "order_number"


def test_nothing_in_plain_text() -> None:
    assert extract_entities("") == [] and extract_entities("bonjour") == []
