"""Quality gates on Presidio's synthetic PII set (../shared/data/pii_presidio_synth), token-level scoring."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tawasol.privacy.evaluation import load_presidio_json, score, tawasol_predict

pytestmark = pytest.mark.dataset
FILES = ["synth_dataset_v2.json", "generated_large_testdata.json"]


@cache
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
# Issue 12 made names and addresses evidence-based (a cue, a title, listed names in a cased message, a street
# word with a number): ordinary words are no longer replaced (false changes 1-17 % -> <= 0.5 % on the clean
# corpora), at a cost in recall on these Faker-generated sentences, whose names often stand alone without any
# cue. The recall floors follow the issue's own floor (overall 0.72, PERSON 0.53 on synth_dataset_v2), measured
# 0.753 / 0.538 (generated_large: 0.756 / 0.640) at the change; precision rose (0.904 -> 0.932).
FLOORS = {"synth_dataset_v2.json": (0.90, 0.72), "generated_large_testdata.json": (0.88, 0.72)}


@pytest.mark.parametrize("name", FILES)
def test_overall_floor_against_regressions(data_dir: Path, name: str) -> None:
    precision, recall = FLOORS[name]
    row = report(str(data_dir / "pii_presidio_synth" / name))["overall"]
    assert row["precision"] >= precision and row["recall"] >= recall, row


def test_issue_target_overall_precision_and_recall(data_dir: Path) -> None:
    """Issue 12 floor on synth_dataset_v2: recall PERSON >= 0.53, overall >= 0.72; precision >= 0.90 (issue 4)."""
    table = report(str(data_dir / "pii_presidio_synth" / "synth_dataset_v2.json"))
    assert table["overall"]["precision"] >= 0.90 and table["overall"]["recall"] >= 0.72, table["overall"]
    assert table["PERSON"]["recall"] >= 0.53, table["PERSON"]
