import json
from pathlib import Path

import pytest

from tawasol.nlu import Analyzer, ArtifactError, IntentClassifier
from tawasol.nlu.language import LanguageIdentifier
from tawasol.nlu.sentiment import SentimentModel

PROBES = ["bghit nkhles lfactura", "واش كاين الريزو", "je veux résilier", "my phone was stolen", "😡", "", "42"]
TENANT_ROWS = [
    ("where is my parcel", "track_parcel"), ("my package has not arrived", "track_parcel"), ("fin wslat la commande dyali", "track_parcel"),
    ("je n'ai pas reçu mon colis", "track_parcel"), ("I want my money back", "refund"), ("rembourser ma commande", "refund"),
    ("bghit nrj3 flousi", "refund"), ("quiero un reembolso", "refund"), ("what's the weather", "out_of_scope"), ("tell me a joke", "out_of_scope"),
    ("chno ljow lyoum", "out_of_scope"), ("qui a gagné le match", "out_of_scope"),
]


def test_builtin_models_round_trip_with_identical_predictions(tmp_path: Path) -> None:
    trained = Analyzer.default(tmp_path)  # trains and saves the versioned artifacts
    versions = list((tmp_path / "builtin").iterdir())
    assert len(versions) == 1 and versions[0].name.startswith("builtin-")
    root = versions[0]
    loaded = Analyzer(LanguageIdentifier.load(root / "language"), IntentClassifier.load(root / "intent"), SentimentModel.load(root / "sentiment"))
    for text in PROBES:
        assert loaded.analyze(text).to_dict() == trained.analyze(text).to_dict()


def test_loading_refuses_unknown_artifact_types(tmp_path: Path) -> None:
    Analyzer.default(tmp_path)
    intent_dir = next((tmp_path / "builtin").iterdir()) / "intent"
    manifest = json.loads((intent_dir / "manifest.json").read_text())
    manifest["type"] = "pickle"
    (intent_dir / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(ArtifactError, match="type 'pickle'"):
        IntentClassifier.load(intent_dir)
    with pytest.raises(ArtifactError, match="sentiment"):
        IntentClassifier.load(intent_dir.parent / "sentiment")  # a model of another kind
    with pytest.raises(ArtifactError, match="no model"):
        IntentClassifier.load(tmp_path / "nowhere")


def test_tenant_model_is_trained_saved_and_used(tmp_path: Path) -> None:
    texts, labels = zip(*TENANT_ROWS, strict=True)
    Analyzer.train_tenant("shop-one", list(texts), list(labels), tmp_path)
    analyzer = Analyzer.for_tenant("shop-one", tmp_path)
    assert set(analyzer.intent.labels) == {"track_parcel", "refund", "out_of_scope"}
    assert analyzer.analyze("mazal ma wslatni la commande").intent.label == "track_parcel"  # type: ignore[union-attr]
    assert Analyzer.for_tenant("other", tmp_path).intent.labels == Analyzer.default(tmp_path).intent.labels


def test_tenant_slug_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="slug"):
        Analyzer.train_tenant("../evil", ["a", "b"], ["x", "y"], tmp_path)


def test_training_needs_two_labels() -> None:
    with pytest.raises(ValueError, match="at least 2 labels"):
        IntentClassifier().fit(["hello", "hi"], ["greet", "greet"])
