"""Sparse n-gram features (words, characters, and cross-script skeletons) with a fast single-message path.

Written here rather than taken from scikit-learn's vectorisers so that the vocabulary and weights are
plain data (saved as JSON + NumPy arrays, no pickle) and one short message is featurised in tens of
microseconds, which the 2 ms budget for a full analysis needs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from tawasol.nlu.arabic import arabic_views, msa_reading, strip_clitics
from tawasol.nlu.normalize import matching_form_of_normalized, normalize

_WORD = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class FeatureConfig:
    """Which n-grams to extract; pinned with the model so a loaded model featurises as it was trained."""

    word_ngrams: int = 2  # word 1..n-grams of the normalised text
    char_min: int = 2
    char_max: int = 5  # character n-grams inside word boundaries (like char_wb)
    skeleton_ngrams: int = 2  # word 1..n-grams of the cross-script matching form
    skeleton_chars: int = 0  # character n-grams (2..n) of the matching form; 0 = none
    # 1 = Arabic stems without clitics, and the MSA words that dialect words stand for (see `arabic`);
    # 2 = the same, with Arabic-script dialect words replaced by their MSA words before all n-grams (`msa_reading`)
    arabic: int = 0
    min_df: int = 1
    max_features: int = 400_000

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def extract(text: str, config: FeatureConfig, normalized: str | None = None) -> Counter[str]:
    """All n-gram strings of one message, with counts; prefixes keep the kinds apart."""
    norm = normalize(text) if normalized is None else normalized
    if config.arabic >= 2:
        norm = msa_reading(norm)
    feats: Counter[str] = Counter()
    words = _WORD.findall(norm)
    for n in range(1, config.word_ngrams + 1):
        for i in range(len(words) - n + 1):
            feats["w" + " ".join(words[i : i + n])] += 1
    if config.arabic:
        stems, msa = arabic_views(words)
        for stem in stems:
            feats["a" + stem] += 1
        for phrase in msa:  # into the word namespace: a dialect word meets what an MSA-trained model learned
            for word in phrase.split():
                feats["w" + word] += 1
                feats["a" + strip_clitics(word)] += 1
    if config.char_max:
        for word in norm.split():
            padded = f" {word} "
            for n in range(config.char_min, config.char_max + 1):
                for i in range(len(padded) - n + 1):
                    feats["c" + padded[i : i + n]] += 1
    if config.skeleton_ngrams or config.skeleton_chars:
        skel = matching_form_of_normalized(norm).split()
        for n in range(1, config.skeleton_ngrams + 1):
            for i in range(len(skel) - n + 1):
                feats["s" + " ".join(skel[i : i + n])] += 1
        if config.skeleton_chars:
            for word in skel:
                padded = f" {word} "
                for n in range(2, config.skeleton_chars + 1):
                    for i in range(len(padded) - n + 1):
                        feats["k" + padded[i : i + n]] += 1
    return feats


class Featurizer:
    """TF-IDF over `extract`'s n-grams: sublinear term frequency, smoothed idf, L2-normalised rows."""

    def __init__(self, config: FeatureConfig | None = None) -> None:
        self.config = config or FeatureConfig()
        self.vocabulary_: dict[str, int] = {}
        self.idf_: np.ndarray = np.zeros(0, dtype=np.float32)

    def fit(self, texts: Sequence[str]) -> Featurizer:
        df: Counter[str] = Counter()
        for text in texts:
            df.update(extract(text, self.config).keys())
        kept = [(f, c) for f, c in df.items() if c >= self.config.min_df]
        kept.sort(key=lambda fc: (-fc[1], fc[0]))
        kept = kept[: self.config.max_features]
        kept.sort()
        n = len(texts)
        self.vocabulary_ = {f: i for i, (f, _) in enumerate(kept)}
        self.idf_ = np.array([math.log((1 + n) / (1 + c)) + 1.0 for _, c in kept], dtype=np.float32)
        return self

    def _row(self, text: str, normalized: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        vocab = self.vocabulary_
        found = [(j, count) for feat, count in extract(text, self.config, normalized).items()
                 if (j := vocab.get(feat)) is not None]
        if not found:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        index = np.fromiter((j for j, _ in found), dtype=np.int64, count=len(found))
        counts = np.fromiter((c for _, c in found), dtype=np.float32, count=len(found))
        values = (1.0 + np.log(counts)) * self.idf_[index]
        norm = float(np.sqrt(values @ values)) if len(values) else 0.0
        if norm > 0:
            values /= norm
        return index, values

    def transform(self, texts: Iterable[str]) -> sparse.csr_matrix:
        indptr, indices, data = [0], [], []
        for text in texts:
            idx, val = self._row(text)
            indices.append(idx)
            data.append(val)
            indptr.append(indptr[-1] + len(idx))
        return sparse.csr_matrix(
            (
                np.concatenate(data) if data else np.zeros(0, np.float32),
                np.concatenate(indices) if indices else np.zeros(0, np.int64),
                np.asarray(indptr),
            ),
            shape=(len(indptr) - 1, len(self.vocabulary_)),
            dtype=np.float32,
        )

    def sparse_row(self, text: str, normalized: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Indices and weights of one message: the fast path used when serving."""
        return self._row(text, normalized)
