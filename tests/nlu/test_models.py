import json
from pathlib import Path

import pytest

from tawasol.nlu import Analyzer, ArtifactError, IntentClassifier
from tawasol.nlu.language import LanguageIdentifier
from tawasol.nlu.sentiment import SentimentModel

PROBES = ["bghit nkhles lfactura", "واش كاين الريزو", "je veux résilier", "my phone was stolen", "😡", "", "42"]
TENANT_ROWS = [
    ("where is my parcel", "track_parcel"), ("my package has not arrived", "track_parcel"),
    ("fin wslat la commande dyali", "track_parcel"),
    ("je n'ai pas reçu mon colis", "track_parcel"),
    ("I want my money back", "refund"), ("rembourser ma commande", "refund"),
    ("bghit nrj3 flousi", "refund"), ("quiero un reembolso", "refund"),
    ("what's the weather", "out_of_scope"), ("tell me a joke", "out_of_scope"),
    ("chno ljow lyoum", "out_of_scope"), ("qui a gagné le match", "out_of_scope"),
]


def test_builtin_models_round_trip_with_identical_predictions(tmp_path: Path) -> None:
    trained = Analyzer.default(tmp_path)  # trains and saves the versioned artifacts
    versions = list((tmp_path / "builtin").iterdir())
    assert len(versions) == 1 and versions[0].name.startswith("builtin-")
    root = versions[0]
    loaded = Analyzer(LanguageIdentifier.load(root / "language"), IntentClassifier.load(root / "intent"),
                      SentimentModel.load(root / "sentiment"))
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


def test_darija_words_are_read_as_msa_before_all_ngrams() -> None:
    from tawasol.nlu.arabic import dialect_to_msa, msa_reading
    from tawasol.nlu.features import FeatureConfig, extract
    from tawasol.nlu.normalize import normalize

    assert msa_reading(normalize("فين لاكارط ديالي؟")) == "اين البطاقه لي?"
    assert msa_reading("fin lcarte") == "fin lcarte"  # Arabizi words may be French or English: not rewritten
    assert dialect_to_msa(normalize("كنتسنى")) == dialect_to_msa("نتسني") == "انتظر"  # aspect marker كـ
    assert dialect_to_msa(normalize("غانصيفط")) == "ارسل"  # future غا + personal prefix + stem
    assert dialect_to_msa(normalize("دازتش")) == "لا تمت"  # ما ... ش with ما written apart
    assert dialect_to_msa(normalize("ابغى")) == "اريد"  # map keys take the normalised spelling (ى -> ي)
    feats = extract("شحال الفريس ديال الفيرمون", FeatureConfig(arabic=2))
    assert feats["wالرسوم"] == 1 and feats["wل التحويل"] == 1 and "wالفريس" not in feats
    assert "wالفريس" in extract("شحال الفريس ديال الفيرمون", FeatureConfig(arabic=1))


def test_model_trained_on_msa_reads_darija_loanwords() -> None:
    rows = [
        ("كم رسوم التحويل", "transfer_fee"), ("هل هناك رسوم على التحويل", "transfer_fee"),
        ("ما هي رسوم التحويل الدولي", "transfer_fee"),
        ("اريد تغيير الرمز السري", "change_pin"), ("كيف اغير الرمز", "change_pin"),
        ("اريد رمزا جديدا لبطاقتي", "change_pin"),
        ("اين بطاقتي الجديدة", "card_arrival"),
        ("لم تصل البطاقة بعد", "card_arrival"), ("متى تصل البطاقة", "card_arrival"),
    ]
    model = IntentClassifier().fit([t for t, _ in rows], [label for _, label in rows])
    assert model.predict("شحال الفريس ديال الفيرمون").ranking[0][0] == "transfer_fee"
    assert model.predict("بغيت نبدل الكود").ranking[0][0] == "change_pin"
    assert model.predict("لاكارط ما جاتش").ranking[0][0] == "card_arrival"


def test_builtin_version_follows_the_nlu_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A word added to a lexicon in code must retrain the cached built-in models, not reuse stale ones."""
    from tawasol.nlu import analyzer as analyzer_module

    for path in analyzer_module._NLU_DIR.glob("*.py"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(analyzer_module, "_NLU_DIR", tmp_path)
    analyzer_module._code_digest.cache_clear()
    before = analyzer_module.builtin_version()
    with (tmp_path / "lexicons.py").open("a", encoding="utf-8") as f:
        f.write("\n# one more word\n")
    analyzer_module._code_digest.cache_clear()
    after = analyzer_module.builtin_version()
    analyzer_module._code_digest.cache_clear()
    assert before != after and after.startswith("builtin-")
