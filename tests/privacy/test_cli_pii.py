"""`tawasol pii redact` and `tawasol pii eval` on a small project-written file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.cli.pii import app
from tawasol.privacy.presidio_compare import PresidioMissing

runner = CliRunner()


def test_redact_prints_placeholders() -> None:
    result = runner.invoke(app, ["redact", "smiti Karim, tel 0612345678"])
    assert result.exit_code == 0 and result.output.strip() == "smiti [PERSON_1], tel [PHONE_1]"
    data = json.loads(runner.invoke(app, ["redact", "tel 0612345678", "--json"]).output)
    assert data["text"] == "tel [PHONE_1]" and data["entities"][0]["type"] == "PHONE"


def sample_file(tmp_path: Path) -> Path:
    text = "call me at 0612345678 please"
    rows = [{"full_text": text, "spans": [{"entity_type": "PHONE_NUMBER", "entity_value": "0612345678",
                                           "start_position": 11, "end_position": 21}]}]
    path = tmp_path / "sample.json"
    path.write_text(json.dumps(rows))
    return path


def test_eval_scores_a_presidio_format_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--data", str(sample_file(tmp_path)), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["scores"]["tawasol"]["PHONE"]["recall"] == 1.0


def test_eval_says_clearly_when_presidio_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise PresidioMissing("presidio-analyzer is not installed: pip install presidio-analyzer")

    monkeypatch.setattr("tawasol.privacy.presidio_compare.presidio_predictor", missing)
    result = runner.invoke(app, ["eval", "--data", str(sample_file(tmp_path)), "--compare-presidio"])
    assert result.exit_code == 2 and "presidio-analyzer is not installed" in result.output
