"""Sentiment evidence (lexicon with negation, emoji), the trainable model, and the built-in model's behaviour."""

from pathlib import Path

import pytest

from tawasol.nlu import Analyzer
from tawasol.nlu.normalize import normalize
from tawasol.nlu.sentiment import SentimentModel, evidence, lexicon_polarity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("service excellent, merci", {"zzpos"}),
        ("ce n'est pas génial", {"zznotpos"}),
        ("I am not happy with this", {"zznotpos", "zzneg"}),  # and the phrase "not happy"
        ("no es bueno", {"zznotpos"}),
        ("mamzyanch had service", {"zznotpos"}),  # Darija ma-...-ch around the word
        ("ماعجبنيش", {"zznotpos"}),
        ("والسعادة", {"zzpos"}),  # Arabic clitics: conjunction and article
        ("خدمة سيئة", {"zzneg"}),
        ("😡😡", {"zzemoneg"}),
        ("👍", {"zzemopos"}),
        ("je voudrais connaître le numéro de mon contrat", set()),
    ],
)
def test_evidence_reads_lexicon_negation_and_emoji(text: str, expected: set[str]) -> None:
    assert set(evidence(normalize(text))) == expected


def test_lexicon_polarity_signs() -> None:
    assert lexicon_polarity(normalize("merci beaucoup, vraiment génial 😍")) > 0
    assert lexicon_polarity(normalize("service nul, vous êtes des voleurs")) < 0
    assert lexicon_polarity(normalize("not bad at all")) == 0


TRAIN = [
    ("great service thank you", "positive"), ("merci c'est parfait", "positive"), ("zwin bzaf", "positive"), ("love it", "positive"),
    ("terrible, nothing works", "negative"), ("service nul", "negative"), ("khayb bzaf", "negative"), ("I hate this", "negative"),
    ("what time do you open", "neutral"), ("quel est le prix", "neutral"), ("fin kayna l'agence", "neutral"), ("my number is 0612", "neutral"),
]


def test_trained_model_generalises_through_the_lexicon_and_round_trips(tmp_path: Path) -> None:
    model = SentimentModel(folds=0).fit([t for t, _ in TRAIN], [lab for _, lab in TRAIN])
    # words absent from the training rows, known to the lexicon
    assert model.predict("absolutely wonderful, brilliant support").label == "positive"
    assert model.predict("pathetic and disgusting").label == "negative"
    model.save(tmp_path / "s")
    loaded = SentimentModel.load(tmp_path / "s")
    for text in ("absolutely wonderful", "pas terrible", "😡", ""):
        assert loaded.predict(text) == model.predict(text)


def test_lexicon_weight_shrinks_with_the_training_set() -> None:
    small = SentimentModel(folds=0, lexicon=0.3).fit([t for t, _ in TRAIN], [lab for _, lab in TRAIN])
    rows = TRAIN * 300
    large = SentimentModel(folds=0, lexicon=0.3).fit([t for t, _ in rows], [lab for _, lab in rows])
    assert small.lexicon_ == pytest.approx(0.3)
    assert large.lexicon_ < 0.1


def test_unknown_labels_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        SentimentModel().fit(["a", "b"], ["good", "bad"])


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("merci beaucoup, le technicien a été très efficace", "positive"),
        ("thanks a lot, the problem is fixed", "positive"),
        ("الله يعطيك الصحة، تحل المشكل", "positive"),
        ("lah y3tik se7a, tbarkallah 3likom", "positive"),
        ("ça ne marche toujours pas, c'est honteux", "negative"),
        ("still no internet, this is a joke", "negative"),
        ("سيرفيس خايب، عييت ما نعيط", "negative"),
        ("3yit man3iyet, service khayb", "negative"),
        ("quelle est l'adresse de l'agence", "neutral"),
    ],
)
def test_builtin_model_on_customer_messages(analyzer: Analyzer, text: str, label: str) -> None:
    result = analyzer.analyze(text).sentiment
    assert result is not None and result.label == label


def test_arabic_lexicon_look_ups_read_clitics_and_dialect_words() -> None:
    from tawasol.nlu.arabic import stem_candidates

    readings = stem_candidates("فالمشكله")
    assert readings[0] == "فالمشكله" and {"المشكله", "مشكله"} <= set(readings)  # a lone ف in front is tried too
    assert stem_candidates("bghit") == ["bghit"]
    assert evidence(normalize("فالمشكلة")) == ["zzneg"]
    assert evidence(normalize("وممتازين")) == ["zzpos"]
    assert evidence(normalize("سرقو")) == ["zzneg"]  # Darija spelling read as the MSA word of the lexicon


def test_sentiment_features_read_darija_as_msa() -> None:
    from tawasol.nlu.features import extract
    from tawasol.nlu.sentiment import SENTIMENT_FEATURES

    feats = extract(normalize("الخدمة خاسرة بزاف"), SENTIMENT_FEATURES)
    assert feats["wكثيرا"] == 1 and "wبزاف" not in feats
