"""`tawasol predict churn` on a small file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tawasol.cli import app
from tests.predict.test_churn import synthetic_customers

runner = CliRunner()


def test_churn_command_prints_metrics_and_fairness(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    synthetic_customers(400).to_csv(path, index=False)
    result = runner.invoke(app, ["predict", "churn", "--data", str(path), "--target", "left", "--positive", "Yes",
                                 "--id-col", "customer", "--sensitive", "region", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {"roc_auc", "pr_auc", "brier", "top_features", "fairness"} <= set(report)
    assert "region" in report["fairness"]["attributes"]
    bad = runner.invoke(app, ["predict", "churn", "--data", str(path), "--target", "nope"])
    assert bad.exit_code != 0
