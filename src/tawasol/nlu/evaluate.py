"""Evaluation of intent, sentiment and language models on `text,label` data: quality and latency."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from tawasol.nlu.intent import IntentClassifier
from tawasol.nlu.language import LanguageIdentifier
from tawasol.nlu.sentiment import SentimentModel

TASKS = ("intent", "sentiment", "language")


def _timed(predict: Callable[[str], str], texts: Sequence[str]) -> tuple[list[str], dict[str, float]]:
    predictions, times = [], []
    for text in texts:
        start = time.perf_counter()
        predictions.append(predict(text))
        times.append((time.perf_counter() - start) * 1000)
    if not times:
        return predictions, {"p50": 0.0, "p99": 0.0}
    return predictions, {"p50": round(float(np.median(times)), 4), "p99": round(float(np.percentile(times, 99)), 4)}


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    labels = sorted(set(gold) | set(predicted))
    p, r, f, n = precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0)
    return {
        "accuracy": round(100 * float(accuracy_score(gold, predicted)), 2),
        "macro_f1": round(float(f1_score(gold, predicted, labels=sorted(set(gold)), average="macro",
                                         zero_division=0)), 4),
        "per_label": {lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                            "f1": round(float(f[i]), 4), "support": int(n[i])} for i, lab in enumerate(labels)},
    }


def evaluate_intent(
    model: IntentClassifier, n_train: int, texts: Sequence[str], labels: Sequence[str], oos_label: str | None = None
) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label scores and latency; with `oos_label` also in-scope accuracy and oos recall."""

    def predict(text: str) -> str:
        result = model.predict(text)
        if oos_label is None:  # a test set without out-of-scope rows: judge the best in-scope answer
            return next((label for label, _ in result.ranking if label != model.oos_label), result.label)
        return oos_label if result.out_of_scope else result.label

    predicted, latency = _timed(predict, texts)
    report: dict[str, Any] = {"task": "intent", "n_train": n_train, "n_test": len(texts), **scores(labels, predicted),
                              "latency_ms": latency}
    if oos_label is not None:
        gold = np.array(labels)
        pred = np.array(predicted)
        in_scope = gold != oos_label
        in_acc = round(100 * float((pred[in_scope] == gold[in_scope]).mean()), 2) if in_scope.any() else None
        oos_recall = round(100 * float((pred[~in_scope] == oos_label).mean()), 2) if (~in_scope).any() else None
        report["in_scope_accuracy"], report["oos_recall"] = in_acc, oos_recall
    return report


def evaluate_sentiment(model: SentimentModel, n_train: int, texts: Sequence[str],
                       labels: Sequence[str]) -> dict[str, Any]:
    predicted, latency = _timed(lambda t: model.predict(t).label, texts)
    return {"task": "sentiment", "n_train": n_train, "n_test": len(texts), **scores(labels, predicted),
            "latency_ms": latency}


def evaluate_language(model: LanguageIdentifier, n_train: int, texts: Sequence[str],
                      labels: Sequence[str]) -> dict[str, Any]:
    predicted, latency = _timed(lambda t: model.identify(t).label, texts)
    return {"task": "language", "n_train": n_train, "n_test": len(texts), **scores(labels, predicted),
            "latency_ms": latency}
