"""Arabic clitic splitting and dialect words read as MSA, as intent features."""

import json
from pathlib import Path

from tawasol.nlu import IntentClassifier
from tawasol.nlu.arabic import arabic_views, arabizi_reading, dialect_to_msa, knows_arabizi, strip_clitics
from tawasol.nlu.features import FeatureConfig, extract
from tawasol.nlu.normalize import normalize


def test_clitics_are_split_off_but_short_roots_are_kept() -> None:
    assert strip_clitics("وبالبطاقه") == "بطاق"
    assert strip_clitics("بطاقتي") == "بطاق"
    assert strip_clitics("بغيت") == "بغيت"  # a root beginning with ب is not a preposition
    assert strip_clitics("card") == "card"


def test_dialect_words_in_both_scripts_map_to_msa() -> None:
    assert dialect_to_msa("بغيت") == dialect_to_msa("bghit") == "اريد"
    assert dialect_to_msa("ماخدامش") == "لا يعمل"  # Darija negation ما...ش around a known word
    assert dialect_to_msa("وفين") == "اين"
    assert dialect_to_msa("بطاقه") is None


def test_dialect_words_reach_the_word_features_of_msa() -> None:
    words = normalize("فين وصلات لاكارط ديالي").split()
    _, msa = arabic_views(words)
    assert "اين" in msa and "البطاقه" in msa
    feats = extract("فين لاكارط", FeatureConfig(arabic=1))
    assert feats["wاين"] == 1 and feats["aبطاق"] >= 1
    assert "wاين" not in extract("فين لاكارط", FeatureConfig(arabic=0))


def test_model_trained_on_msa_understands_darija_and_arabizi() -> None:
    rows = [
        ("اين بطاقتي الجديدة", "card_arrival"),
        ("لم تصل البطاقة بعد", "card_arrival"), ("متى تصل البطاقة", "card_arrival"),
        ("اين البطاقة التي طلبتها", "card_arrival"),
        ("كم سعر الصرف اليوم", "exchange_rate"), ("ما هو سعر صرف الدولار", "exchange_rate"),
        ("اريد معرفة سعر الصرف", "exchange_rate"), ("كم يساوي اليورو", "exchange_rate"),
    ]
    model = IntentClassifier().fit([t for t, _ in rows], [label for _, label in rows])
    assert model.predict("فين لاكارط ديالي").ranking[0][0] == "card_arrival"
    assert model.predict("fin lcarte dyali").ranking[0][0] == "card_arrival"


_ARABIC_ONLY = [
    ("اين بطاقتي الجديدة", "card_arrival"), ("لم تصل البطاقة بعد", "card_arrival"), ("متى تصل البطاقة", "card_arrival"),
    ("طلبت بطاقة ولم تصلني", "card_arrival"),
    ("اريد تحويل المال الى حساب اخر", "transfer"), ("كيف احول المال", "transfer"),
    ("التحويل لم يصل الى الحساب", "transfer"),
    ("ارسلت تحويلا بالامس", "transfer"), ("كم سعر الصرف اليوم", "exchange_rate"),
    ("ما هو سعر صرف الدولار", "exchange_rate"),
    ("اريد معرفة سعر الصرف", "exchange_rate"), ("كم يساوي اليورو", "exchange_rate"),
]


def test_arabizi_reading_replaces_known_darija_words_and_french_loans() -> None:
    reading = arabizi_reading(normalize("fin wslat la carte dyali"))
    assert "اين" in reading and "بطاقه" in reading and "fin" not in reading
    assert knows_arabizi(normalize("bghit nbdel la carte"))
    assert not knows_arabizi(normalize("my account is blocked")) and not knows_arabizi(normalize("مرحبا"))


def test_only_messages_identified_as_arabizi_are_read() -> None:
    model = IntentClassifier().fit([t for t, _ in _ARABIC_ONLY], [label for _, label in _ARABIC_ONLY])
    french = "ma carte n'est pas arrivée, fin de semaine"  # "carte" and "fin" are in the maps, but this is French
    assert model._view(french) == (french, None)
    text, norm = model._view("fin wslat la carte dyali")
    assert text == norm and "بطاقه" in text
    # the analyser's label wins
    assert model._view("fin wslat la carte dyali", language="fr")[0] == "fin wslat la carte dyali"


def test_model_trained_on_arabic_script_reads_arabizi_with_french_loans() -> None:
    model = IntentClassifier().fit([t for t, _ in _ARABIC_ONLY], [label for _, label in _ARABIC_ONLY])
    plain = IntentClassifier(arabizi=False).fit([t for t, _ in _ARABIC_ONLY], [label for _, label in _ARABIC_ONLY])
    for text, label in (("bghit nsift virement l compte akhor", "transfer"),
                        ("ch7al taux dyal l euro lyoum", "exchange_rate")):
        read = model.predict(text)
        assert read.ranking[0][0] == label
        assert dict(read.ranking)[label] > dict(plain.predict(text).ranking).get(label, 0.0)


def test_arabizi_reading_is_recorded_and_older_models_load_without_it(tmp_path: Path) -> None:
    model = IntentClassifier().fit([t for t, _ in _ARABIC_ONLY], [label for _, label in _ARABIC_ONLY])
    model.save(tmp_path / "m")
    loaded = IntentClassifier.load(tmp_path / "m")
    assert loaded.arabizi
    assert loaded.predict("fin wslat la carte").ranking == model.predict("fin wslat la carte").ranking
    manifest = json.loads((tmp_path / "m" / "manifest.json").read_text())
    manifest["extra"].pop("arabizi_reading")
    (tmp_path / "m" / "manifest.json").write_text(json.dumps(manifest))
    assert not IntentClassifier.load(tmp_path / "m").arabizi
