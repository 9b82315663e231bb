"""Quality gates on Presidio's synthetic PII set (../shared/data/pii_presidio_synth), token-level scoring."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from tawasol.privacy.evaluation import load_presidio_json, score, tawasol_predict

pytestmark = pytest.mark.dataset
FILES = ["synth_dataset_v2.json", "generated_large_testdata.json"]


@lru_cache(maxsize=None)
def report(path: str) -> dict[str, dict[str, float | int]]:
    return score(load_presidio_json(path), tawasol_predict).report()


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("kind", ["CARD", "IBAN", "EMAIL", "PHONE", "IP"])
def test_structured_identifiers_meet_the_issue_targets(data_dir: Path, name: str, kind: str) -> None:
    row = report(str(data_dir / "pii_presidio_synth" / name))[kind]
    assert row["recall"] >= 0.99 and row["precision"] >= 0.95, row


@pytest.mark.parametrize("name", FILES)
def test_overall_floor_against_regressions(data_dir: Path, name: str) -> None:
    row = report(str(data_dir / "pii_presidio_synth" / name))["overall"]
    assert row["precision"] >= 0.90 and row["recall"] >= 0.70, row


@pytest.mark.xfail(strict=True, reason="issue 4 target (overall recall 0.90) not reached: the token tagger "
                                       "(tawasol.privacy.tagger) reaches ~0.72; names without cues remain")
@pytest.mark.parametrize("name", FILES)
def test_overall_recall_target(data_dir: Path, name: str) -> None:
    assert report(str(data_dir / "pii_presidio_synth" / name))["overall"]["recall"] >= 0.90
