"""Issue 12: redaction must not rewrite ordinary words; names after a cue are still found in every language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.cli.pii import app
from tawasol.privacy import detect, redact

# The examples of the issue, each in the language it was seen (all replaced a word by [PERSON_n]/[ADDRESS_n]).
ISSUE_EXAMPLES = [
    ("ary", "سلام، بغيت نعرف شحال الفاتورة"),
    ("ar", "كيف أفعّل التجوال الدولي؟"),
    ("ary", "بغيت نلغي الأبونمون"),
    ("fr", "J'ai perdu ma carte SIM"),
    ("es", "mi factura es mucho más alta"),
    ("en", "I would like to change my card PIN"),
]
# More ordinary customer-service messages, project-written: codes, currencies, brands, capitalised words.
ORDINARY = [
    ("fr", "Mon téléphone demande un code PUK"),
    ("fr", "Je passe chez Atlas, est-ce que je garde mon numéro ?"),
    ("en", "Does my phone support eSIM and how do I switch?"),
    ("en", "I need AUD not GBP, how do I change it?"),
    ("en", "Why can't I use my American Express with Apple Pay?"),
    ("en", "Which ATM's accept my card?"),
    ("en", "There is a transfer from China I am waiting for"),
    ("ar", "لماذا تم إلغاء دفعتي؟"),
    ("ar", "الإنترنت لا يعمل في الحي منذ الصباح"),
    ("ary", "كيفاش نصلح سميتي ف الحساب"),
    ("ary_Latn", "salam lfatoura dyali tal3a bzaf had chhar"),
    ("ary_Latn", "t9t3o lia frais 3la virement"),
    ("es", "¿Cuánto saldo me queda en EUR?"),
    ("fr", "Je suis à Paris et je n'ai pas de connexion internet"),
]


@pytest.mark.parametrize(("lang", "text"), ISSUE_EXAMPLES + ORDINARY, ids=lambda x: x[:20])
def test_ordinary_messages_are_left_as_typed(lang: str, text: str) -> None:
    assert redact(text).text == text, [(e.type, e.text) for e in detect(text)]


NAMED = [
    ("fr", "Bonjour, je m'appelle Nadia Berrada et ma box ne marche plus", "Nadia Berrada"),
    ("fr", "mon nom est karim tazi", "karim tazi"),
    ("ar", "اسمي سلمى بناني وأريد إلغاء الاشتراك", "سلمى بناني"),
    ("ary", "أنا اسمي يوسف العلوي والكارط تبلوكات", "يوسف العلوي"),
    ("ary_Latn", "salam, ana smiti hamza berrada, lcompte tbloka", "hamza berrada"),
    ("ary_Latn", "smiti Imane w lfatoura ghalya", "Imane"),
    ("en", "Hello, my name is Daniel Okoro and my SIM is blocked", "Daniel Okoro"),
    ("es", "Hola, me llamo Lucía Romero y no tengo internet", "Lucía Romero"),
    ("es", "mi nombre es Javier Soto", "Javier Soto"),
]


@pytest.mark.parametrize(("lang", "text", "name"), NAMED, ids=lambda x: x[:20])
def test_names_after_a_cue_are_found_in_every_language(lang: str, text: str, name: str) -> None:
    assert ("PERSON", name) in [(e.type, e.text) for e in detect(text)]


def test_moroccan_identifiers_are_still_found_next_to_ordinary_words() -> None:
    text = "CIN BE123456, tel +212 661 23 45 67, RIB 011780000012345678901296, contrat n° 4587123, carte SIM"
    found = {(e.type, e.text) for e in detect(text)}
    assert {("CIN", "BE123456"), ("PHONE", "+212 661 23 45 67"), ("RIB", "011780000012345678901296")} <= found
    assert not any(e.type in ("PERSON", "ADDRESS") for e in detect(text))


runner = CliRunner()


def test_clean_file_reports_the_share_changed_and_lists_them(tmp_path: Path) -> None:
    path = tmp_path / "clean.csv"
    rows = [t for _, t in ISSUE_EXAMPLES] + ["Merci, smiti Karim Tazi"]  # the last one does hold a name
    path.write_text("text\n" + "\n".join(f'"{r}"' for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--clean", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["messages"] == 7 and data["changed"] == 1
    assert data["examples"][0]["redacted"] == "Merci, smiti [PERSON_1]"
    text = runner.invoke(app, ["eval", "--clean", str(path)]).output
    assert "1 of 7 messages changed" in text and "-> Merci, smiti [PERSON_1]" in text


def test_clean_file_without_a_text_column_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("question\nhello\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--clean", str(path)])
    assert result.exit_code == 2 and "expected a CSV file with a 'text' column" in result.output
    result = runner.invoke(app, ["eval", "--clean", str(tmp_path / "missing.csv")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_data_and_clean_side_by_side(tmp_path: Path) -> None:
    sample = tmp_path / "s.json"
    sample.write_text(json.dumps([{"full_text": "call me at 0612345678", "spans": [
        {"entity_type": "PHONE_NUMBER", "start_position": 11, "end_position": 21}]}]))
    clean = tmp_path / "c.csv"
    clean.write_text("text\nJ'ai perdu ma carte SIM\n", encoding="utf-8")
    data = json.loads(runner.invoke(app, ["eval", "--data", str(sample), "--clean", str(clean), "--json"]).output)
    assert data["scores"]["tawasol"]["PHONE"]["recall"] == 1.0 and data["clean"]["rate"] == 0.0
