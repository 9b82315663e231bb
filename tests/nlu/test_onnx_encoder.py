"""The ONNX MiniLM encoder, built from a tiny random BERT written by the test (no real weights needed)."""

import logging
from pathlib import Path

import numpy as np
import pytest

from tawasol.nlu import onnx_encoder
from tawasol.nlu.embeddings import SentenceEncoder
from tawasol.nlu.onnx_encoder import EncoderRuntimeMissing, OnnxSentenceEncoder, build_cached, fast_encoder

from .test_embeddings import _write_tiny_bert

pytest.importorskip("onnxruntime", reason="the ONNX encoder needs the optional extra tawasol[encoder] (onnxruntime)")
pytest.importorskip("onnx", reason="building the ONNX graph needs the optional extra tawasol[encoder] (onnx)")

TEXTS = ["I lost my card", "internet down?", "cards", "", "my card lost internet down ? " * 4]


@pytest.fixture()
def tiny_model(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    _write_tiny_bert(folder, hidden=16, heads=4)
    return folder


def test_onnx_graph_matches_the_numpy_encoder(tiny_model: Path, tmp_path: Path) -> None:
    reference = SentenceEncoder.from_dir(tiny_model).encode(TEXTS)
    fast = OnnxSentenceEncoder.from_dir(tiny_model, tmp_path / "cache")
    vectors = fast.encode(TEXTS, batch_size=2)  # mixed lengths in a batch: the padding mask matters
    assert vectors.shape == (len(TEXTS), 16)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert (vectors * reference).sum(axis=1).min() > 0.999
    one_by_one = np.vstack([fast.encode([t]) for t in TEXTS])
    np.testing.assert_allclose(vectors, one_by_one, atol=1e-5)


def test_graph_is_cached_and_int8_stays_close(tiny_model: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = build_cached(tiny_model, cache, "fp32")
    stamp = path.stat().st_mtime_ns
    assert build_cached(tiny_model, cache, "fp32") == path and path.stat().st_mtime_ns == stamp
    int8 = OnnxSentenceEncoder.from_dir(tiny_model, cache, precision="int8")
    assert int8.path.name == "encoder-int8.onnx" and int8.path.parent == path.parent
    assert int8.path.stat().st_size < path.stat().st_size
    vocab = (tiny_model / "vocab.txt").read_text(encoding="utf-8").splitlines()
    reference = OnnxSentenceEncoder(path, vocab).encode(TEXTS)
    vectors = int8.encode(TEXTS)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert (vectors * reference).sum(axis=1).mean() > 0.9
    with pytest.raises(ValueError, match="precision"):
        build_cached(tiny_model, cache, "fp16")


def test_without_onnxruntime_the_numpy_encoder_serves_and_says_so(
    tiny_model: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(SentenceEncoder, "installed_dir", staticmethod(lambda: tiny_model))
    monkeypatch.setattr(onnx_encoder, "runtime_available", lambda: False)
    with caplog.at_level(logging.WARNING, logger="tawasol.nlu.onnx_encoder"):
        encoder = fast_encoder()
    assert isinstance(encoder, SentenceEncoder)
    assert "onnxruntime is not installed" in caplog.text
    with pytest.raises(EncoderRuntimeMissing, match=r"tawasol\[encoder\]"):
        fast_encoder(precision="int8")
