"""A quick quality gate on the shared evaluation datasets (skipped where they are absent)."""

import json
import random
from pathlib import Path

import pytest

from tawasol.nlu import Analyzer, IntentClassifier
from tawasol.nlu.bench import _csv


@pytest.mark.dataset
def test_banking77_subsample_floor(data_dir: Path) -> None:
    texts, labels = _csv(data_dir / "banking77" / "train.csv", "text", "category")
    rng = random.Random(0)
    rows = rng.sample(list(zip(texts, labels, strict=True)), 3000)
    test_texts, test_labels = _csv(data_dir / "banking77" / "test.csv", "text", "category")
    model = IntentClassifier(oos_label="__none__").fit([t for t, _ in rows], [lab for _, lab in rows])
    predicted = [r.label for r in model.predict_many(test_texts[::3])]
    accuracy = sum(p == g for p, g in zip(predicted, test_labels[::3], strict=True)) / len(predicted)
    assert accuracy >= 0.80


@pytest.mark.dataset
def test_clinc150_oos_is_recognised(data_dir: Path) -> None:
    clinc = json.loads((data_dir / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    train = clinc["train"][::3] + clinc["oos_train"]
    model = IntentClassifier(oos_label="oos").fit([t for t, _ in train], [lab for _, lab in train])
    oos = [r.out_of_scope for r in model.predict_many([t for t, _ in clinc["oos_test"][:300]])]
    in_scope = clinc["test"][::5]
    right = [r.label == lab for r, (_, lab) in zip(model.predict_many([t for t, _ in in_scope]), in_scope, strict=True)]
    assert sum(oos) / len(oos) >= 0.4 and sum(right) / len(right) >= 0.75


@pytest.mark.dataset
def test_builtin_language_id_on_darija_and_arabizi(data_dir: Path, analyzer: Analyzer) -> None:
    latin, arabic = _csv(data_dir / "darija_doda" / "sentences_arabizi_arabic_parallel.csv", "darija_latin",
                         "darija_arabic")
    latin_hits = [analyzer.language.identify(t).label == "ary_Latn" for t in latin[:300]]
    arabic_hits = [analyzer.language.identify(t).label == "ary" for t in arabic[:300]]
    assert sum(latin_hits) / 300 >= 0.8 and sum(arabic_hits) / 300 >= 0.6
