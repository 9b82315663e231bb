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


# synth_dataset_v2 is the issue's target file. generated_large_testdata labels the city and country of a
# postal address as LOCATION apart from the street, where Tawasol masks the whole address (as
# synth_dataset_v2 labels it): its precision floor is lower for that reason.
FLOORS = {"synth_dataset_v2.json": (0.90, 0.90), "generated_large_testdata.json": (0.88, 0.88)}


@pytest.mark.parametrize("name", FILES)
def test_overall_floor_against_regressions(data_dir: Path, name: str) -> None:
    precision, recall = FLOORS[name]
    row = report(str(data_dir / "pii_presidio_synth" / name))["overall"]
    assert row["precision"] >= precision and row["recall"] >= recall, row


def test_issue_target_overall_precision_and_recall(data_dir: Path) -> None:
    """Issue 4: overall precision and recall >= 0.90 on synth_dataset_v2 (stock Presidio: 0.685 / 0.603)."""
    row = report(str(data_dir / "pii_presidio_synth" / "synth_dataset_v2.json"))["overall"]
    assert row["precision"] >= 0.90 and row["recall"] >= 0.90, row
