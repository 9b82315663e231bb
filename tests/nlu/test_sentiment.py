"""Sentiment evidence (lexicon with negation, emoji), the trainable model, and the built-in model's behaviour."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from tawasol.nlu import Analyzer
from tawasol.nlu.normalize import normalize
from tawasol.nlu.sentiment import SentimentModel, evidence, lexicon_polarity, macro_f1_offsets


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
    own = {e for e in evidence(normalize(text)) if not e.startswith("zzx")}  # zzx: the published lexicons, below
    assert own == expected


@pytest.mark.skipif(
    importlib.util.find_spec("vaderSentiment") is None or importlib.util.find_spec("textblob_fr") is None,
    reason="the published lexicons ship with vadersentiment and textblob-fr",
)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an ecstatic crowd", ["zzxpos"]),  # VADER, a word the hand-written lexicon does not hold
        ("not ecstatic at all", ["zzxnotpos"]),
        ("un accueil épouvantable", ["zzxneg"]),  # textblob-fr's French adjectives
        ("what time do you open", []),
    ],
)
def test_published_lexicons_add_their_own_pseudo_words(text: str, expected: list[str]) -> None:
    found = evidence(normalize(text))
    assert [e for e in found if e.startswith("zzx")] == expected
    assert lexicon_polarity(normalize(text), [e for e in found if e.startswith("zzx")]) == 0  # model features only


def test_macro_f1_offsets_undo_a_skewed_model() -> None:
    rng = np.random.default_rng(0)
    y = np.repeat([0, 1, 2], 100)
    proba = np.full((300, 3), 0.2)
    proba[np.arange(300), y] = 0.5  # right label 0.5, but positive (2) gets a constant boost that wins ties
    proba[:, 2] += 0.35 + 0.01 * rng.random(300)
    proba /= proba.sum(axis=1, keepdims=True)
    offsets = macro_f1_offsets(proba, y)
    assert offsets[1] == 0.0 and offsets[2] < 0
    assert ((np.log(proba) + offsets).argmax(axis=1) == y).mean() == 1.0
    balanced = np.eye(3)[y] * 0.5 + 0.25  # already right: no offsets
    assert not macro_f1_offsets(balanced, y).any()


def test_offsets_are_fitted_on_training_rows_and_round_trip(tmp_path: Path) -> None:
    rows = TRAIN * 10
    model = SentimentModel(folds=0, offsets=True).fit([t for t, _ in rows], [lab for _, lab in rows])
    assert model.offsets_ is not None and model.offsets_.shape == (3,)
    model.save(tmp_path / "s")
    loaded = SentimentModel.load(tmp_path / "s")
    assert loaded.offsets_ is not None and np.allclose(loaded.offsets_, model.offsets_)
    for text in ("absolutely wonderful", "pas terrible", "quel est le prix"):
        assert loaded.predict(text) == model.predict(text)
    few = SentimentModel(folds=0, offsets=True).fit([t for t, _ in TRAIN], [lab for _, lab in TRAIN])
    assert few.offsets_ is None  # too few rows per label to choose offsets on


class _KeywordEncoder:
    """A stand-in sentence encoder: one dimension per cue word, so the head has something to learn."""

    dim = 3

    def encode(self, texts: list[str]) -> np.ndarray:
        cues = ("zorg", "blip", "frub")  # nonsense words: only the encoder head can read them
        return np.array([[float(c in t) for c in cues] for t in texts], dtype=np.float32)


def test_encoder_head_is_combined_with_the_linear_model_and_round_trips(tmp_path: Path) -> None:
    words = {"negative": "zorg", "neutral": "blip", "positive": "frub"}
    rows = [(f"{words[lab]} {t}", lab) for t, lab in TRAIN]
    plain = SentimentModel(folds=0).fit([t for t, _ in TRAIN], [lab for _, lab in TRAIN])
    model = SentimentModel(folds=0, encoder=_KeywordEncoder()).fit([t for t, _ in rows], [lab for _, lab in rows])
    assert model.head_ is not None and plain.head_ is None
    assert model.predict("frub").label == "positive" and model.predict("zorg").label == "negative"
    with_head = model.predict("frub").scores["positive"]
    head, model.head_ = model.head_, None
    assert with_head > model.predict("frub").scores["positive"]  # the head adds its own confidence
    model.head_ = head
    model.save(tmp_path / "s")
    loaded = SentimentModel.load(tmp_path / "s", encoder=_KeywordEncoder())  # type: ignore[arg-type]
    for text in ("frub", "zorg blip", "pas terrible"):
        assert loaded.predict(text) == model.predict(text)


def test_lexicon_polarity_signs() -> None:
    assert lexicon_polarity(normalize("merci beaucoup, vraiment génial 😍")) > 0
    assert lexicon_polarity(normalize("service nul, vous êtes des voleurs")) < 0
    assert lexicon_polarity(normalize("not bad at all")) == 0


TRAIN = [
    ("great service thank you", "positive"), ("merci c'est parfait", "positive"),
    ("zwin bzaf", "positive"), ("love it", "positive"),
    ("terrible, nothing works", "negative"), ("service nul", "negative"),
    ("khayb bzaf", "negative"), ("I hate this", "negative"),
    ("what time do you open", "neutral"), ("quel est le prix", "neutral"),
    ("fin kayna l'agence", "neutral"), ("my number is 0612", "neutral"),
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
