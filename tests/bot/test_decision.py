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


def test_a_sure_out_of_scope_from_the_nlu_is_never_answered_even_when_an_article_ranks(demo_index):
    decision = decide(demo_index, "Comment payer ma facture ?", Reading("out_of_scope", 0.95, True, "fr", 0.95),
                      BotSettings())
    assert decision.best is not None and decision.best.article_key == "bill-pay"
    assert not decision.answer and decision.reason == "out_of_scope"


def test_an_intent_model_merely_unsure_does_not_veto_a_well_supported_article(demo_index):
    # The NLU flags low-confidence messages out of scope too; its intents do not cover every article.
    unsure = Reading("out_of_scope", 0.3, True, "en", 0.05)
    decision = decide(demo_index, "My screen is broken, is it covered by the warranty?", unsure, BotSettings())
    assert decision.answer and decision.best.article_key == "device-warranty"


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


@pytest.mark.parametrize("question", [
    "How tall is the Eiffel tower?",  # "tall" ~tl and "eiffel" ~fl: two-consonant skeletons of unrelated words
    "ما هي عاصمة فرنسا؟",  # a country name alone does not make a roaming question
    "Est-ce que vous vendez des voitures ?",
    "demain",  # ~dmn meets "الضمان" only across scripts
    "Quelle heure est-il à New York ?",
    "pizza",
])
def test_coincidences_are_not_answers(demo_index, question):
    decision = decide(demo_index, question, Reading(), BotSettings())
    assert not decision.answer, (decision.best, decision.probability, decision.features)


def test_short_skeletons_and_place_names_are_not_evidence(demo_index):
    hits = demo_index.search("demain", k=1, language="fr")
    assert hits and hits[0].evidence is not None and hits[0].evidence.support == 0.0
    hits = demo_index.search("ما هي عاصمة فرنسا؟", k=1, language="ar")
    evidence = hits[0].evidence
    assert evidence.support == 0.0 and evidence.support_with_places > 0.5  # France is why roaming ranked


def test_a_place_name_still_counts_beside_the_words_that_say_what_is_asked(demo_index):
    decision = decide(demo_index, "Je pars en France, comment activer le roaming ?", Reading(language="fr"),
                      BotSettings())
    assert decision.answer and decision.best.article_key == "roaming-activate"


def test_two_word_place_names_are_places():
    from tawasol.bot.text import Tokenizer

    words = {w.word: w.place for w in Tokenizer().words("Quelle heure est-il à New York ?")}
    assert words == {"heure": False, "new": True, "york": True}
    assert not any(w.place for w in Tokenizer().words("je veux une new sim"))


def test_refitting_the_answer_weights_on_the_dev_files_separates_answers_from_coincidences(demo_index):
    from tawasol.bot.decision import FEATURES, answer_probability, fit_answer_weights

    files = ["kb_eval.csv", "kb_eval_dev.csv", "kb_eval_unanswerable_dev.csv"]
    report = evaluate(demo_index, [q for f in files for q in read_questions(DEMO / f)])
    features, labels = zip(*report.decisions, strict=True)
    weights = fit_answer_weights(features, labels)
    assert set(weights) == {"bias", *FEATURES} and weights["support"] > 0 and weights["matched_head"] > 0
    p_yes = [answer_probability(f, weights) for f, y in report.decisions if y]
    p_no = [answer_probability(f, weights) for f, y in report.decisions if not y]
    assert sum(p_yes) / len(p_yes) > 0.8 > 0.4 > sum(p_no) / len(p_no)


def test_without_the_nlu_the_shipped_decision_still_declines_most_unanswerable_dev_questions(demo_index):
    report = evaluate(demo_index, read_questions(DEMO / "kb_eval_unanswerable_dev.csv")).as_dict()
    assert report["overall"]["false_answer_rate"] <= 0.1
    report = evaluate(demo_index, read_questions(DEMO / "kb_eval.csv")).as_dict()
    assert report["overall"]["answer_rate"] >= 0.9


def test_the_decision_record_says_why(chat):
    ctx = chat().say("How tall is the Eiffel tower?")
    first = ctx.decisions[0].reasons[0]
    assert ctx.replies[0].extra["outcome"] == "not_confident"
    assert first["answer_probability"] < 0.7 and set(first["features"]) >= {"support", "matched"}


def test_the_reading_takes_the_out_of_scope_probability_from_the_nlu_ranking():
    from tawasol.domain.analysis import IntentResult

    unsure = IntentResult(label="out_of_scope", confidence=0.3, out_of_scope=True,
                          ranking=[("check_bill", 0.3), ("out_of_scope", 0.2)])
    assert Reading.of(unsure, "fr").out_of_scope_score == 0.2
    sure = IntentResult(label="out_of_scope", confidence=0.97, out_of_scope=True)
    assert Reading.of(sure).out_of_scope_score == 0.97
    assert Reading.of(None, "ar") == Reading(language="ar")


def test_a_follow_up_stays_on_the_topic_just_answered_when_that_article_explains_it_as_well(demo_index):
    # "how many days does the transfer of the number take?" after keeping one's number: the transfer of a
    # line to someone else's name scores higher on "transfer", but portability accounts for more of it.
    question = "how many days does the transfer of the number take?"
    alone = decide(demo_index, question, Reading(language="en"), BotSettings())
    assert alone.best is not None and alone.best.article_key != "contract-portability"
    assert "contract-portability" in [h.article_key for h in alone.hits]
    on_topic = decide(demo_index, question, Reading(language="en"), BotSettings(), topic="contract-portability")
    assert on_topic.best is not None and on_topic.best.article_key == "contract-portability"


def test_a_follow_up_on_a_new_aspect_leaves_the_topic(demo_index):
    # "y cuando caduca ese saldo?" after the balance: the validity article explains "caduca" best.
    decision = decide(demo_index, "y cuando caduca ese saldo?", Reading(language="es"), BotSettings(),
                      topic="recharge-balance")
    assert decision.best is not None and decision.best.article_key == "recharge-validity"


def test_a_short_follow_up_on_the_article_just_given_is_answered(demo_index):
    # "w wach katji b pdf?" after the e-bill: too few words to answer alone; on the conversation's topic it is.
    question, reading = "w wach katji b pdf?", Reading(language="ary_Latn")
    alone = decide(demo_index, question, reading, BotSettings())
    assert alone.best is not None and alone.best.article_key == "bill-e-bill" and not alone.answer
    assert decide(demo_index, question, reading, BotSettings(), topic="bill-e-bill").answer
