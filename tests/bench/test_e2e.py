"""End-to-end benchmark rows: texts go through the privacy step as served; the redacted-input row sees the rewrite."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tawasol.bench.e2e import (
    COMPONENT,
    REDACTED,
    SERVED,
    PrivacyPass,
    PrivacyView,
    beside_components,
    changed_share,
    kb_view_reports,
    privacy_views,
    question_files_for,
    served_privacy,
    view_rows,
)
from tawasol.cli import app
from tawasol.config import get_settings

PHONE = "Je veux recharger le 0661234567 avec une carte a gratter: comment faire ?"
DARIJA = "سلام، بغيت نعرف شحال الفاتورة"
KB = Path(__file__).resolve().parents[2] / "src" / "tawasol" / "demo" / "kb"


@pytest.fixture(scope="module")
def through(model_dir: Path) -> Iterator[PrivacyPass]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TAWASOL_PII_MODEL_DIR", str(model_dir / "pii"))  # the session's PII model, built once
        yield served_privacy(model_dir)


def test_a_phone_number_is_a_placeholder_on_the_redacted_path_and_raw_as_served(through: PrivacyPass) -> None:
    view = through(PHONE)
    assert "0661234567" not in view.redacted and "[PHONE_1]" in view.redacted  # fails if the step was skipped
    assert view.served == PHONE and view.text(COMPONENT) == PHONE
    assert view.changed


def test_an_ordinary_darija_question_is_read_and_stored_as_typed(through: PrivacyPass) -> None:
    view = through(DARIJA)
    assert view.redacted == DARIJA and view.served == DARIJA and not view.changed


def test_each_row_scores_what_its_component_reads(through: PrivacyPass) -> None:
    views = privacy_views([PHONE, DARIJA], through)

    def share_with_a_phone(texts: list[str]) -> float:  # a component that needs the number to do its job
        return sum(bool(re.search(r"\b0[5-7]\d{8}\b", t)) for t in texts) / len(texts)

    rows = view_rows({"task": "intent", "dataset": "toy", "metric": "accuracy", "target": ""}, views,
                     share_with_a_phone)
    by_view = {r["view"]: r for r in rows}
    assert [r["view"] for r in rows] == [COMPONENT, SERVED, REDACTED]
    assert by_view[COMPONENT]["value"] == by_view[SERVED]["value"] == 0.5
    assert by_view[REDACTED]["value"] == 0.0  # the redaction hides the number: the row shows the loss
    assert by_view[SERVED]["dataset"] == "toy [e2e (as served)]" and rows[0]["changed_by_redaction"] == 0.5


def test_an_unknown_view_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="component"):
        PrivacyView("a", "a", "a").text("raw")


def test_the_question_files_are_copied_as_each_view_reads_them(through: PrivacyPass, tmp_path: Path) -> None:
    source = tmp_path / "q.csv"
    source.write_text(f"question,article_id,language\n{PHONE},recharge-how,fr\n{DARIJA},check-bill,\n",
                      encoding="utf-8")
    copies, views = question_files_for([source], through, tmp_path)
    [served], [redacted] = copies[SERVED], copies[REDACTED]
    read = {name: list(csv.DictReader(path.open(encoding="utf-8"))) for name, path in
            (("served", served), ("redacted", redacted))}
    assert [r["question"] for r in read["served"]] == [PHONE, DARIJA]
    assert "[PHONE_1]" in read["redacted"][0]["question"] and read["redacted"][1]["question"] == DARIJA
    assert [r["language"] for r in read["redacted"]] == ["fr", ""]  # an empty language is guessed from the view
    assert changed_share(views) == 0.5


def test_kb_view_reports_evaluates_the_served_and_the_redacted_questions(through: PrivacyPass, tmp_path: Path) -> None:
    source = tmp_path / "q.csv"
    source.write_text(f"question,article_id\n{PHONE},recharge-how\n", encoding="utf-8")

    def evaluate(paths: list[Path]) -> dict:  # type: ignore[type-arg]
        return {"questions": [r["question"] for p in paths for r in csv.DictReader(p.open(encoding="utf-8"))]}

    report = kb_view_reports([source], through, evaluate)
    assert report["views"][SERVED]["questions"] == [PHONE]
    assert "[PHONE_1]" in report["views"][REDACTED]["questions"][0]
    assert report["n_changed"] == 1 and report["changed_examples"][0]["raw"] == PHONE


def test_e2e_rows_sit_right_after_their_component_row() -> None:
    suite = [{"task": "intent", "dataset": "banking77", "metric": "accuracy", "value": 90.0},
             {"task": "sentiment", "dataset": "umsab fr", "metric": "macro F1", "value": 0.6}]
    e2e = [{"task": "intent", "dataset": "banking77", "metric": "accuracy", "value": 90.0, "view": COMPONENT,
            "changed_by_redaction": 0.01},
           {"task": "intent", "dataset": "banking77 [e2e (as served)]", "metric": "accuracy", "value": 90.0,
            "view": SERVED},
           {"task": "intent", "dataset": "banking77 [on redacted text]", "metric": "accuracy", "value": 89.0,
            "view": REDACTED}]
    rows = beside_components(suite, e2e)
    assert [r["dataset"] for r in rows] == ["banking77", "banking77 [e2e (as served)]",
                                            "banking77 [on redacted text]", "umsab fr"]
    assert rows[0]["changed_by_redaction"] == 0.01 and rows[0]["value"] == 90.0


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str, model_dir: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TAWASOL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TAWASOL_DATABASE_URL", database_url)
    monkeypatch.setenv("TAWASOL_MODEL_DIR", str(model_dir))
    monkeypatch.setenv("TAWASOL_PII_MODEL_DIR", str(model_dir / "pii"))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_kb_eval_e2e_adds_the_served_and_redacted_rows(env) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    result = runner.invoke(app, ["kb", "import", "--tenant", "atlas-telecom", "--create-tenant", str(KB)])
    assert result.exit_code == 0, result.output
    questions = env / "q.csv"
    questions.write_text(f"question,article_id,language\n{PHONE},recharge-how,fr\n"
                         "Comment payer ma facture ?,bill-pay,fr\n", encoding="utf-8")
    args = ["kb", "eval", "--tenant", "atlas-telecom", "--questions", str(questions), "--retrieval-only", "--e2e"]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    e2e = report["e2e"]
    assert e2e["n"] == 2 and e2e["n_changed"] == 1 and e2e["changed_by_redaction"] == 0.5
    assert e2e["views"][SERVED]["overall"] == report["overall"]  # served reads the raw text: same figures
    assert e2e["views"][REDACTED]["overall"]["n"] == 2
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.startswith("fr e2e (as served)") for line in lines)
    assert any(line.startswith("overall on redacted text") for line in lines)
    assert "changed by redaction: 1 of 2 questions (50.0 %)" in result.output


def _write_csv(path: Path, header: tuple[str, str], rows: list[tuple[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def _tiny_datasets(root: Path) -> Path:
    """The files `nlu_rows` reads, a few lines each: two intents that hinge on the word 'card'."""
    card = [f"my {w} card has not arrived yet" for w in ("new", "debit", "credit", "bank", "visa", "replacement")]
    top = [f"how do I top up my {w} account" for w in ("main", "savings", "online", "euro", "travel", "child")]
    train = [(t, "card_arrival") for t in card] + [(t, "top_up") for t in top]
    test = [("where is my card", "card_arrival"), ("the card never came", "card_arrival"),
            ("top up please", "top_up"), ("I want to top up", "top_up")]
    _write_csv(root / "banking77" / "train.csv", ("text", "category"), train)
    _write_csv(root / "banking77" / "test.csv", ("text", "category"), test)
    _write_csv(root / "arbanking77" / "Banking77_Arabized_MSA_PAL_train.csv", ("text", "label"), train)
    _write_csv(root / "arbanking77" / "Banking77_Arabized_MSA_test.csv", ("text", "label"), test)
    mood = [("merci beaucoup c'est parfait", "1"), ("service nul je suis furieux", "0"),
            ("tres content du service", "1"), ("horrible, rien ne marche", "0")]
    _write_csv(root / "darija_sentiment_myc" / "myc_cleaned.csv", ("sentence", "polarity"), mood)
    for name in ("french", "english"):
        _write_csv(root / "umsab_sentiment" / f"{name}_test.csv", ("text", "label"),
                   [("great card, love it", "positive"), ("awful card, hate it", "negative")])
    return root


def test_a_redaction_that_rewrites_an_ordinary_word_shows_as_an_understanding_regression(tmp_path: Path) -> None:
    from tawasol.bench.e2e import nlu_rows

    def rewrites_card(text: str) -> PrivacyView:  # a regressed redaction: 'card' taken for a name
        return PrivacyView(raw=text, served=text, redacted=text.replace("card", "[PERSON_1]"))

    rows = nlu_rows(_tiny_datasets(tmp_path / "data"), rewrites_card)
    banking = {r["view"]: r for r in rows if r["dataset"].startswith("banking77")}
    assert banking[COMPONENT]["value"] == banking[SERVED]["value"] == 100.0
    assert banking[REDACTED]["value"] < banking[COMPONENT]["value"]
    assert banking[COMPONENT]["changed_by_redaction"] == 0.5
    tasks = {(r["task"], r["dataset"].split(" [")[0]) for r in rows}
    assert ("sentiment", "umsab fr built-in (no training)") in tasks and ("intent", "arbanking77 MSA") in tasks
