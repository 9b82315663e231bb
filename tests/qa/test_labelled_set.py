"""The labelled set (benchmarks/qa): its size, languages, split, and labels that follow the planted defects."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

QA_BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "qa"
LANGS = {"fr", "ar", "ary", "ary_Latn", "en", "es"}


def _rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (QA_BENCH / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def writer():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(QA_BENCH))
    spec = importlib.util.spec_from_file_location("write_labelled_set", QA_BENCH / "write_labelled_set.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    sys.path.remove(str(QA_BENCH))


def test_the_committed_files_are_what_the_writer_writes(writer) -> None:  # type: ignore[no-untyped-def]
    dev, heldout = writer.generate()
    assert _rows("heldout.jsonl") == json.loads(json.dumps(heldout, ensure_ascii=False))
    assert _rows("dev.jsonl")[len(writer.SEED_ROWS):] == json.loads(json.dumps(dev, ensure_ascii=False))


def test_at_least_200_conversations_in_six_languages_a_third_held_out() -> None:
    dev, heldout = _rows("dev.jsonl"), _rows("heldout.jsonl")
    assert len(dev) + len(heldout) >= 200
    assert len(heldout) >= (len(dev) + len(heldout)) / 3 - 12  # a third of the generated set; the seed is dev
    assert not {r["id"] for r in dev} & {r["id"] for r in heldout}
    for rows in (dev, heldout):
        assert {r["language"] for r in rows} == LANGS
        assert len({r["agent_language"] for r in rows} - {"bot"}) == 6  # agents of six languages/dialects
    texts = Counter(t["text"] for r in dev + heldout for t in r["turns"])
    assert len(texts) > 500  # varied sentences, not a handful repeated


def test_labels_follow_the_planted_defects() -> None:
    for row in _rows("dev.jsonl") + _rows("heldout.jsonl"):
        if "defects" not in row:
            continue  # the hand-written seed
        labels, defects = row["labels"], set(row["defects"])
        if row["agent_language"] == "bot":
            assert labels["greeting"] == labels["personal_data"] == labels["disposition"] == "na"
            continue
        assert (labels["greeting"] == "no") == ("no_greeting" in defects)
        assert (labels["closing"] == "no") == ("no_closing" in defects)
        assert (labels["personal_data"] == "no") == ("personal_data" in defects)
        assert (labels["language"] == "no") == ("wrong_language" in defects)
        assert (labels["disposition"] == "no") == bool({"disposition_missing", "disposition_wrong"} & defects)
        if row["reason"] in ("outage", "balance"):
            assert labels["identification"] == "na"
        else:
            assert (labels["identification"] == "no") == ("no_id" in defects)
        if "at" in row["turns"][0]:
            took = row["turns"][-1]["at"] - row["turns"][0]["at"]
            assert (labels["resolution_time"] == "yes") == (took <= 900)
        if "slow" in defects and "at" in row["turns"][0]:
            assert labels["response_time"] == "no"
