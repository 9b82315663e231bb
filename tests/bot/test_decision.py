"""The answer decision is one function: the bot and `kb eval` answer exactly the same questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tawasol.bot import BotSettings, Reading, decide, evaluate, read_questions

DEMO = Path(__file__).resolve().parents[2] / "src" / "tawasol" / "demo"


def test_rows_without_an_article_are_unanswerable_and_measured_as_false_answers(demo_index, tmp_path):
    csv_file = tmp_path / "q.csv"
    csv_file.write_text("question,article_id,language\n"
                        "Comment payer ma facture ?,bill-pay,fr\n"
                        "Qui a peint la Joconde ?,,fr\n", encoding="utf-8")
    questions = read_questions(csv_file)
    assert [q.article_key for q in questions] == ["bill-pay", ""]
    report = evaluate(demo_index, questions).as_dict()
    fr = report["by_language"]["fr"]
    assert fr["n"] == 1 and fr["recall@1"] == 1.0 and fr["answer_rate"] == 1.0
    assert fr["n_unanswerable"] == 1 and fr["false_answer_rate"] == 0.0


def test_a_file_of_unanswerable_questions_only_reports_no_recall(demo_index):
    report = evaluate(demo_index, read_questions(DEMO / "kb_eval_unanswerable_dev.csv")).as_dict()
    assert report["overall"]["n"] == 0 and "recall@1" not in report["overall"]
    assert report["overall"]["n_unanswerable"] >= 50
    assert set(report["by_language"]) == {"fr", "en", "es", "ar", "ary", "ary_Latn"}


def test_out_of_scope_is_never_answered_even_when_an_article_ranks(demo_index):
    decision = decide(demo_index, "Comment payer ma facture ?", Reading("out_of_scope", 0.9, True, "fr"),
                      BotSettings())
    assert decision.best is not None and decision.best.article_key == "bill-pay"
    assert not decision.answer and decision.reason == "out_of_scope"


@pytest.mark.parametrize("question", [
    "Comment payer ma facture ?", "lfatoura dyali ghalya bzaf", "Quel temps fera-t-il à Paris demain ?",
    "Est-ce que vous vendez des voitures ?", "How tall is the Eiffel tower?", "ما هي عاصمة فرنسا؟",
])
def test_the_bot_answers_exactly_when_the_decision_says_so(chat, demo_index, question):
    ctx = chat().say(question)
    language = ctx.replies[0].extra["language"]
    decision = decide(demo_index, question, Reading(language=language), BotSettings())
    assert bool(ctx.replies[0].sources) == decision.answer
    if decision.answer:
        assert ctx.replies[0].sources[0]["article_key"] == decision.best.article_key
