import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.cli import app
from tawasol.config import get_settings

runner = CliRunner()


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TAWASOL_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("text,label\n" + "".join(f'"{t}",{lab}\n' for t, lab in rows), encoding="utf-8")
    return path


def test_analyze_prints_the_full_analysis_as_json() -> None:
    result = runner.invoke(app, ["nlu", "analyze", "salam, bghit nkhles lfactura dyali 100 dh"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["intent"]["label"] == "pay_bill"
    assert data["language"]["label"] == "ary_Latn"
    assert data["entities"][0]["type"] == "amount"


def test_train_then_analyze_with_the_tenant(tmp_path: Path) -> None:
    rows = [("where is my parcel", "track"), ("fin wslat la commande", "track"), ("colis pas reçu", "track"),
            ("refund please", "refund"), ("bghit nrj3 flousi", "refund"), ("remboursez-moi", "refund")]
    result = runner.invoke(app, ["nlu", "train", "--tenant", "shop", "--data", str(_csv(tmp_path / "t.csv", rows))])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["nlu", "analyze", "--tenant", "shop", "my parcel is late"])
    assert json.loads(result.output)["intent"]["label"] == "track"


def test_eval_reports_the_documented_keys(tmp_path: Path) -> None:
    train = _csv(tmp_path / "train.csv", [("pay my bill", "pay"), ("payer facture", "pay"), ("nkhles lfactura", "pay"),
                                          ("internet down", "outage"), ("pas de connexion", "outage"),
                                          ("internet makhdamch", "outage"),
                                          ("tell me a joke", "oos"), ("weather today", "oos"),
                                          ("recette couscous", "oos")])
    test = _csv(tmp_path / "test.csv",
                [("I want to pay my bill", "pay"), ("no internet", "outage"), ("who won the match", "oos")])
    result = runner.invoke(app,
                           ["nlu", "eval", "--task", "intent", "--train", str(train), "--test", str(test),
                            "--oos-label", "oos", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {"n_train", "n_test", "accuracy", "macro_f1", "per_label", "latency_ms", "in_scope_accuracy",
            "oos_recall"} <= set(report)
    assert set(report["latency_ms"]) == {"p50", "p99"} and report["n_test"] == 3


def test_eval_builtin_language_and_unknown_task(tmp_path: Path) -> None:
    test = _csv(tmp_path / "lang.csv",
                [("bghit nkhles lfactura dyali", "ary_Latn"), ("je veux payer ma facture", "fr")])
    result = runner.invoke(app, ["nlu", "eval", "--task", "language", "--test", str(test), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["accuracy"] == 100.0
    result = runner.invoke(app, ["nlu", "eval", "--task", "topic", "--test", str(test)])
    assert result.exit_code != 0 and "task must be one of" in result.output


def test_train_refuses_both_optional_embedders(tmp_path: Path) -> None:
    data = _csv(tmp_path / "d.csv", [("pay my bill", "pay_bill"), ("recharge 50 dh", "recharge")])
    result = runner.invoke(app, ["nlu", "train", "--tenant", "t1", "--data", str(data), "--embeddings",
                                 "--static-vectors"])
    assert result.exit_code == 2 and "not both" in result.output
