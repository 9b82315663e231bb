"""Retrieval across languages and scripts on the demo tenant's knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from tawasol.bot.knowledge import load_articles
from tawasol.bot.retrieval import KnowledgeIndex

DEMO_KB = Path(__file__).resolve().parents[2] / "src" / "tawasol" / "demo" / "kb"


@pytest.fixture(scope="module")
def index() -> KnowledgeIndex:
    return KnowledgeIndex.build(load_articles(DEMO_KB))


@pytest.mark.parametrize("question", [
    "Ma facture est trop élevée", "My bill is much higher than usual", "لماذا فاتورتي مرتفعة",
    "الفاكتورة ديالي غالية بزاف", "lfatoura dyali ghalya bzaf",
])
def test_a_high_bill_question_finds_the_same_article_in_every_language_and_script(index, question):
    assert index.search(question, k=5)[0].article_key == "bill-high"


def test_the_answer_variant_follows_the_customer_language_with_a_fallback(index):
    article, exact = index.variant("bill-high", "ary")
    assert (article.language, exact) == ("ary", True)
    article, exact = index.variant("bill-high", "ary_Latn")
    assert (article.language, exact) == ("ary_Latn", True)
    without_arabizi = KnowledgeIndex.build([a for a in load_articles(DEMO_KB) if a.language != "ary_Latn"])
    article, exact = without_arabizi.variant("bill-high", "ary_Latn")
    assert article.language == "ary" and not exact


def test_a_question_the_knowledge_base_cannot_answer_has_low_confidence(index):
    hits = index.search("Quel temps fera-t-il à Paris demain ?", k=3)
    assert not hits or hits[0].confidence < 0.5


DEMO = Path(__file__).resolve().parents[2] / "src" / "tawasol" / "demo"


@pytest.mark.parametrize("question,article", [
    ("I was charged for a service I never ordered", "bill-dispute"),  # charged ~ charge (stem)
    ("Me cobraron algo que no pedí", "bill-dispute"),  # Spanish inflection reaches the "cobrar" lexicon form
    ("Je voudrais me désabonner", "contract-termination"),  # désabonner -> terminate (paraphrase lexicon)
    ("my phone got nicked", "sim-lost-stolen"),
])
def test_inflections_and_everyday_wording_find_the_article(index, question, article):
    assert index.search(question, k=5)[0].article_key == article


def test_stems_only_apply_to_languages_with_a_stemmer():
    from tawasol.bot.text import Tokenizer, stem

    assert stem("charged", "en") == stem("charges", "en") == "charg"
    assert stem("prélevé".replace("é", "e"), "fr") == stem("prelevement", "fr")
    assert stem("charged", "ar") is None
    tokens = Tokenizer().tokens("cobrado", "es")
    assert "#dispute" in tokens and "#dispute" not in Tokenizer().tokens("cobrado", "ar")


def test_a_word_with_many_tokens_counts_about_once():
    # "box" yields its word, skeleton and two concepts (fibre, router); it must not outweigh the
    # word that says what the question is about (moving house).
    from tawasol.bot.retrieval import KnowledgeIndex as KI
    idx = KI.build(load_articles(DEMO_KB))
    words = idx.tokenizer.words("box", "fr")
    assert len(words[0].tokens) >= 3
    scores = idx._lexical_scores(words)
    one = max(idx._column(idx._bm25, t).max() * 2 + idx._column(idx._bm25_body, t).max() for t in words[0].tokens)
    assert scores.max() <= one * 1.0 + 0.3 * one * (len(words[0].tokens) - 1) + 1e-6


@pytest.mark.parametrize("name", ["kb_eval.csv", "kb_eval_dev.csv"])
def test_demo_questions_meet_the_issue_targets_without_the_nlu_intent(index, name):
    from tawasol.bot.evaluation import evaluate, read_questions

    report = evaluate(index, read_questions(DEMO / name)).as_dict()
    for lang, s in report["by_language"].items():
        assert s["recall@1"] >= 0.85 and s["recall@5"] >= 0.97, (lang, s)


@pytest.mark.parametrize("question", [
    "شارجيت ب20 درهم بالكارطة و الصولد ما طلعش، شنو ندير؟",  # the balance "did not go up"
    "chargit b 20dh b la carte w solde ma tla3ch, chno ndir?",
])
def test_a_top_up_that_did_not_show_is_the_not_credited_article_not_the_how_to(index, question):
    assert index.search(question, k=3)[0].article_key == "recharge-not-credited"


def test_a_verb_of_knowing_before_a_question_word_is_no_content_word():
    from tawasol.bot.text import Tokenizer

    tokenizer = Tokenizer()
    framed = [w.word for w in tokenizer.words("je voudrais savoir comment on recharge", "fr")]
    assert "savoir" not in framed and "recharge" in framed
    # without a question word after it, "savoir" is what the customer wants: to know their balance
    assert "savoir" in [w.word for w in tokenizer.words("je veux savoir mon solde", "fr")]
    assert "n3ref" not in [w.word for w in tokenizer.words("bghit n3ref kifach nchargi", "ary_Latn")]


@pytest.mark.parametrize("question,article", [
    # "taper le code" is keying it in (the how-to article's "en composant"), not a refused code
    ("Bonsoir ! je voudrais savoir comment on recharge avec une carte a gratter, je sais pas ou taper le code",
     "recharge-how"),
    ("bghit n3ayet l khti f france mn lmaghrib, chno ndrab 9bel nemra?", "international-calls"),  # "what do I dial"
    ("w fin n9der nkhlsha? f application wla f agence?", "bill-pay"),  # "pay it", the object glued on
])
def test_dialling_and_glued_objects_find_the_article(index, question, article):
    language = "fr" if "recharge" in question else "ary_Latn"
    assert index.search(question, k=3, language=language)[0].article_key == article


def test_a_word_that_is_a_stopword_in_arabizi_stays_a_content_word_in_english():
    from tawasol.bot.text import Tokenizer

    tokenizer = Tokenizer()
    assert "dial" in [w.word for w in tokenizer.words("dial 00 then the country code", "en")]
    assert "dial" not in [w.word for w in tokenizer.words("nemra dial lcontrat", "ary_Latn")]  # "of"


def test_a_complaint_already_filed_and_unanswered_is_the_follow_up_article(index):
    question = "j'ai depose une reclamation il y a 10 jours et personne m'a repondu, je peux voir ou elle en est ?"
    assert index.search(question, k=3, language="fr")[0].article_key == "complaint-follow-up"


def test_a_phrase_of_function_words_at_the_end_gives_its_concept_to_the_last_content_word():
    from tawasol.bot.text import Tokenizer

    words = Tokenizer().words("je peux voir ou elle en est ?", "fr")
    assert "#follow_up" in words[-1].tokens


@pytest.mark.parametrize("question,language,article", [
    ("شارجيت ب100 درهم والرصيد ما زادش", "ary", "recharge-not-credited"),  # "did not go up"
    ("I recharged 100 dirhams through the app an hour ago and my balance hasnt changed", "en",
     "recharge-not-credited"),
    ("chargit b 30dh, ch7al mn nhar ghadi yb9a lcredit sala7?", "ary_Latn", "recharge-validity"),
])
def test_found_on_the_fourth_development_file(index, question, language, article):
    assert index.search(question, k=3, language=language)[0].article_key == article


def test_chher_the_month_is_not_cher_the_price():
    from tawasol.bot.text import Tokenizer

    month = Tokenizer().words("lfatoura dyal had chher", "ary_Latn")[-1]
    assert month.word == "chher" and "#expensive" not in month.tokens
    assert "#expensive" in Tokenizer().words("trop cher", "fr")[-1].tokens
