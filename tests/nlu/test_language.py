"""Language identification on short messages: defaults and the Darija evidence it needs."""

from __future__ import annotations

import pytest

from tawasol.nlu import Analyzer


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am", "en"),
        ("is it", "en"),
        ("y no", "es"),
        ("ميشال عون", "ar"),  # no Darija marker: Arabic script stays ar
        ("شفت فيديو", "ar"),  # a word shared with other dialects is not enough
        ("بغيت نخلص", "ary"),
        ("واش كاين شي حل", "ary"),
        ("ودابا نشوفو", "ary"),  # a marker behind the conjunction و
        ("ودائما معك", "ar"),
        ("ملي جيت", "ary"),
        ("khassni nbeddel lcarte", "ary_Latn"),
        ("fin mchaw lflos dyali", "ary_Latn"),
        ("Hello", "en"),  # one-word greetings open many chats: the bot answers in their language
        ("Hola", "es"),
        ("coucou", "fr"),
    ],
)
def test_short_messages(analyzer: Analyzer, text: str, language: str) -> None:
    assert analyzer.language.identify(text).label == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("حنا فالدار", "ary"),  # no marker word: the model alone, sure enough, decides two words
        ("هلق بوصل", "ar"),  # informal Mashreqi Arabic is `ar`
        ("ازاي الحال", "ar"),
        ("عايز فلوس", "ar"),
        ("شلونك حبيبي", "ar"),
        ("أنا زعلان", "ar"),
        ("تصريحات الوزير", "ar"),
    ],
)
def test_two_arabic_words_without_marker(analyzer: Analyzer, text: str, language: str) -> None:
    assert analyzer.language.identify(text).label == language


def test_arabizi_by_ear_collapses_doubled_letters_and_reads_initial_i_as_alif() -> None:
    from tawasol.nlu.language import _to_arabic_script

    assert _to_arabic_script("imta ghadi ikoun") == "امتا غادي اكون"
    assert _to_arabic_script("dakchi khassou") == "داكشي خاسو"
    assert _to_arabic_script("liya") == "لييا"  # long vowels stay


@pytest.mark.parametrize(("text", "language"), [("جوال Honor", "ar"), ("حساب Gmail", "ar"), ("as long", "en")])
def test_names_and_tweet_debris_do_not_decide(analyzer: Analyzer, text: str, language: str) -> None:
    assert analyzer.language.identify(text).label == language


def test_latin_words_with_frequent_words_still_count_next_to_arabic(analyzer: Analyzer) -> None:
    result = analyzer.language.identify("je veux le solde de mon compte رصيد")
    assert result.label == "fr"
    assert result.code_switching


def test_elided_and_possessive_words_count_as_frequent_words() -> None:
    from tawasol.nlu.language import _frequent_key

    assert _frequent_key("l'agence") == "l'"
    assert _frequent_key("qu'elle") == "qu'"
    assert _frequent_key("karim's") == "'s"
    assert _frequent_key("it's") == "it's"  # a frequent word itself
    assert _frequent_key("the") == "the"


@pytest.mark.parametrize(
    ("text", "language"),
    [("d'accord Karim", "fr"), ("s'il pleut", "fr"), ("Karim's phone", "en"), ("no eres", "es"), ("ya estoy", "es")],
)
def test_two_latin_words(analyzer: Analyzer, text: str, language: str) -> None:
    assert analyzer.language.identify(text).label == language


def test_future_marker_needs_a_verb_prefix() -> None:
    from tawasol.nlu.language import _darija_arabic

    assert _darija_arabic("غانمشي") and _darija_arabic("غاتجي") and _darija_arabic("غادي")
    assert not _darija_arabic("غازات")  # gases: MSA
    assert not _darija_arabic("وسلم")  # "slm" spelled by ear collides with MSA سلم


@pytest.mark.parametrize(("text", "language"), [
    ("وشحال كتكلف المكالمة للمغرب من تما؟", "ary"),  # the present-tense prefix ك + ت
    ("السلام عليكم، شارجيت ب 50 درهم بالكارط البنكية وخصموها ليا ولكن الرصيد ما وصلش", "ary"),
    ("كتابة رسالة إلى الشركة", "ar"),  # an MSA noun that starts like that prefix
    ("هل يمكنك أن تخبرني بقيمة آخر فاتورة لي؟", "ar"),
])
def test_darija_verbs_and_their_msa_lookalikes(analyzer: Analyzer, text: str, language: str) -> None:
    assert analyzer.analyze(text).language.label == language
