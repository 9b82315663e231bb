"""Moroccan Darija (`ary`) against the other Arabic (MSA, Egyptian, Gulf, Levantine) in Arabic script, trained
from public labelled data at build time: the opt-in dialect model of the language identifier.

The built-in identifier learns `ar` vs `ary` from the project's seed corpora and Darija marker words only, so a
Moroccan tweet written without a marker word reads `ar`. This model reads it from the training parts of the
shared sets (read in place from the data directory, never copied): MAC's dialectal vs standard tweets (licence
not stated; "open and free"), ArSarcasm-v2's Egyptian, Gulf, Levantine and MSA tweets (MIT) and DoDa's
Arabic-script Darija sentences (CC-BY-NC-4.0), plus the seed. Because of those licences the model is trained on
the user's machine (`tawasol nlu train-dialect`) into the model directory and never shipped; without it the
identifier is the seed-only one. ArSarcasm's "magreb" rows are left out: they mix Algerian and Tunisian with
Moroccan, and those are not `ary`.

The training part is four fifths by text hash (`is_dev` is the rest) of MAC and DoDa (no splits of their own)
and of ArSarcasm's training file; ArSarcasm's test file is never read.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from pathlib import Path

from tawasol.nlu import seed
from tawasol.nlu.features import FeatureConfig
from tawasol.nlu.linear import ArtifactError, LinearTextClassifier
from tawasol.nlu.normalize import normalize

DIALECT_FEATURES = FeatureConfig(word_ngrams=1, char_min=2, char_max=5, skeleton_ngrams=0)
KIND = "language.dialect"
OTHER_DIALECTS = ("egypt", "gulf", "levant", "msa")  # ArSarcasm-v2 dialect labels read as `ar`


def is_dev(text: str) -> bool:
    """The development fifth of a set without splits (by text hash); the other four fifths train."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def _rows(path: Path, text: str, label: str) -> list[tuple[str, str]]:
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the dialect model is trained from the shared data directory")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [{k.strip(): v for k, v in r.items() if k} for r in csv.DictReader(f)]
    return [(r[text], r[label].strip()) for r in rows if r.get(text) and r.get(label)]


def training_rows(data_dir: Path, part: str = "train") -> tuple[list[str], list[str]]:
    """(text, ar|ary) rows of the shared sets' training part (`part="dev"`: their development fifth), plus the
    seed's Arabic-script rows for the training part."""
    if part not in ("train", "dev"):
        raise ValueError("part must be train or dev")
    keep = is_dev if part == "dev" else (lambda t: not is_dev(t))
    out: list[tuple[str, str]] = []
    for text, cls in _rows(data_dir / "darija_sentiment_mac" / "MAC_corpus.csv", "tweets", "class"):
        if keep(text):
            out.append((text, "ar" if cls == "standard" else "ary"))  # dialectal (and its 12 'diatectal')
    for _, arabic in _rows(data_dir / "darija_doda" / "sentences_arabizi_arabic_parallel.csv", "darija_latin",
                           "darija_arabic"):
        if keep(arabic):
            out.append((arabic, "ary"))
    for text, dialect in _rows(data_dir / "arsarcasm_v2" / "training_data.csv", "tweet", "dialect"):
        if dialect in OTHER_DIALECTS and keep(text):
            out.append((text, "ar"))
    if part == "train":
        out += [(t, lang) for t, lang in seed.language_examples() if lang in ("ar", "ary")]
    return [t for t, _ in out], [lab for _, lab in out]


class DialectModel:
    """p(ary) of an Arabic-script message; `fit` on (text, ar|ary) rows."""

    def __init__(self, c: float = 0.5) -> None:
        self.c = c
        self.model_: LinearTextClassifier | None = None

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> DialectModel:
        unknown = set(labels) - {"ar", "ary"}
        if unknown:
            raise ValueError(f"dialect labels must be ar or ary, got {sorted(unknown)}")
        if len(set(labels)) < 2:
            raise ValueError("the dialect model needs rows of both ar and ary")
        self.model_ = LinearTextClassifier(DIALECT_FEATURES, c=self.c, folds=0).fit(
            [normalize(t) for t in texts], list(labels))
        self.model_.oof_proba_ = None
        return self

    def p_ary(self, normalized: str) -> float:
        """p(ary) of a normalised message (its Arabic words)."""
        if self.model_ is None:
            raise RuntimeError("this dialect model is not fitted yet")
        return float(self.model_.predict_proba(normalized)[self.model_.labels_.index("ary")])

    def save(self, path: Path) -> None:
        if self.model_ is None:
            raise RuntimeError("this dialect model is not fitted yet")
        self.model_.save(path, extra={"kind": KIND})

    @classmethod
    def load(cls, path: Path) -> DialectModel:
        model, extra = LinearTextClassifier.load(path)
        if extra.get("kind") != KIND:
            raise ArtifactError(f"refusing to load {path} as a dialect model: it holds a {extra.get('kind')!r} model")
        dm = cls(c=model.c)
        dm.model_ = model
        return dm


def dialect_model_path(model_dir: Path) -> Path:
    return model_dir / "dialect"
