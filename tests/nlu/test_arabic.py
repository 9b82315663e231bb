"""Arabic clitic splitting and dialect words read as MSA, as intent features."""

from tawasol.nlu import IntentClassifier
from tawasol.nlu.arabic import arabic_views, dialect_to_msa, strip_clitics
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
        ("اين بطاقتي الجديدة", "card_arrival"), ("لم تصل البطاقة بعد", "card_arrival"), ("متى تصل البطاقة", "card_arrival"),
        ("اين البطاقة التي طلبتها", "card_arrival"), ("كم سعر الصرف اليوم", "exchange_rate"), ("ما هو سعر صرف الدولار", "exchange_rate"),
        ("اريد معرفة سعر الصرف", "exchange_rate"), ("كم يساوي اليورو", "exchange_rate"),
    ]
    model = IntentClassifier().fit([t for t, _ in rows], [label for _, label in rows])
    assert model.predict("فين لاكارط ديالي").ranking[0][0] == "card_arrival"
    assert model.predict("fin lcarte dyali").ranking[0][0] == "card_arrival"
