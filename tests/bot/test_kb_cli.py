"""`tawasol kb eval`: recall, answer rate and false-answer rate, from a CSV with unanswerable rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.cli import app
from tawasol.config import get_settings


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str, model_dir: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TAWASOL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TAWASOL_DATABASE_URL", database_url)
    monkeypatch.setenv("TAWASOL_MODEL_DIR", str(model_dir))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_kb_eval_reports_the_false_answer_rate_of_unanswerable_rows(env) -> None:  # type: ignore[no-untyped-def]
    kb = Path(__file__).resolve().parents[2] / "src" / "tawasol" / "demo" / "kb"
    code, out = run("kb", "import", "--tenant", "atlas-telecom", "--create-tenant", str(kb))
    assert code == 0, out
    questions = env / "q.csv"
    questions.write_text("question,article_id,language\n"
                         "Comment payer ma facture ?,bill-pay,fr\n"
                         "Qui a peint la Joconde ?,,fr\n"
                         "Recommend a good book about cooking,,en\n", encoding="utf-8")
    code, out = run("kb", "eval", "--tenant", "atlas-telecom", "--questions", str(questions), "--json")
    assert code == 0, out
    report = json.loads(out)
    assert report["overall"]["n"] == 1 and report["overall"]["answer_rate"] == 1.0
    assert report["overall"]["n_unanswerable"] == 2 and report["overall"]["false_answer_rate"] == 0.0
    code, out = run("kb", "eval", "--tenant", "atlas-telecom", "--questions", str(questions))
    assert code == 0 and "false_ans" in out
    assert out.splitlines()[-1].split()[:2] == ["overall", "1"]
