"""The Darija banking and everyday words of `dialect_words`, merged into the dialect map of `arabic`."""

import re

from tawasol.nlu import IntentClassifier
from tawasol.nlu.arabic import _ARABIZI, _DIALECT, dialect_to_msa, msa_reading
from tawasol.nlu.dialect_words import DARIJA_ARABIC, DARIJA_ARABIZI, FRENCH_LOANS_IN_ARABIZI
from tawasol.nlu.lexicons import FREQUENT_WORDS, FUNCTION_WORDS
from tawasol.nlu.normalize import normalize

_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
_ARABIZI_WORD = re.compile("^[a-z0-9]+$")


def test_entries_are_written_in_the_normalised_form_the_features_see() -> None:
    for table in (DARIJA_ARABIC, DARIJA_ARABIZI, FRENCH_LOANS_IN_ARABIZI):
        for key, value in table.items():
            assert normalize(key) == key, key
            assert normalize(value) == value, (key, value)
            assert all(_ARABIC_WORD.match(w) for w in value.split()), (key, value)  # MSA words only
    assert all(_ARABIC_WORD.match(k) for k in DARIJA_ARABIC)
    assert all(_ARABIZI_WORD.match(k) for k in DARIJA_ARABIZI)


def test_arabizi_entries_are_not_frequent_european_words() -> None:
    european = set().union(*FREQUENT_WORDS.values(), *FUNCTION_WORDS.values())
    assert not european & set(DARIJA_ARABIZI)
    # the French banking words are kept apart: they are read as MSA only inside a Darija message
    assert not set(FRENCH_LOANS_IN_ARABIZI) & set(DARIJA_ARABIZI)
    assert "carte" not in _ARABIZI and "virement" not in _ARABIZI


def test_entries_are_merged_without_overriding_the_older_map() -> None:
    assert all(k in _DIALECT for k in DARIJA_ARABIC) and all(k in _ARABIZI for k in DARIJA_ARABIZI)
    assert _DIALECT["لاكارط"] == "البطاقه"  # an entry of arabic.py stays as it was
    assert dialect_to_msa("الفيرمو") == "التحويل"
    assert dialect_to_msa("بالكارط") == "البطاقه"  # a glued preposition
    assert dialect_to_msa("ماخدماش") == "لا تعمل"  # Darija negation around a new entry
    assert dialect_to_msa("كتسالي") == "تنتهي"  # aspect marker in front of a new verb
    assert dialect_to_msa("lvirement") == "التحويل"
    assert dialect_to_msa("tbloquat") == "حظرت" and dialect_to_msa("carte") is None  # French words stay out of the map


def test_darija_sentences_reach_their_msa_reading() -> None:
    assert msa_reading(normalize("شحال الفري ديال الفيرمو")) == "كم الرسوم ل التحويل"
    assert msa_reading(normalize("الگيشي بلعها و مازال ماخرجاتش")).startswith("الصراف ابتلعها")
    assert msa_reading(normalize("بغيت ليميت ديال الروشارج")) == "اريد حدود ل التعبيه"
    assert msa_reading(normalize("تبيراطات ليا الكارطه")) == "اخترقت لي البطاقه"


def test_model_trained_on_msa_reads_new_darija_words() -> None:
    rows = [
        ("كم رسوم التحويل", "transfer_fee"), ("هل هناك رسوم على التحويل", "transfer_fee"),
        ("لماذا دفعت رسوم التحويل", "transfer_fee"),
        ("رسوم التحويل البنكي مرتفعة", "transfer_fee"),
        ("سحبت المال من الصراف ولم يخرج", "atm"), ("الصراف لم يعطني المال", "atm"),
        ("اين اجد الصراف الالي", "atm"), ("هل يمكنني السحب من اي صراف", "atm"),
    ]
    model = IntentClassifier().fit([t for t, _ in rows], [label for _, label in rows])
    assert model.predict("علاش خلصوني الفري على الفيرمو").ranking[0][0] == "transfer_fee"
    assert model.predict("لجيشي ماعطانيش الفلوس").ranking[0][0] == "atm"


def test_second_pass_words_reach_their_msa_reading() -> None:
    assert dialect_to_msa("ماتزادوش") == "لا اضيفوا"  # Darija negation around a new passive verb
    assert dialect_to_msa("بوحدو") == "تلقاييا" and dialect_to_msa("الماكسيموم") == "الحد الاقصي"
    assert dialect_to_msa("كيسولوني") == "يسالونني" and dialect_to_msa("شكون") == "من"
    assert dialect_to_msa("mabanch") == "لم يظهر" and dialect_to_msa("lwe9t") == "الوقت"
    # "en cours" (pending) is not an exchange rate: "cours" is left out of the French loans, "lcours" stays in the map
    assert "cours" not in FRENCH_LOANS_IN_ARABIZI and dialect_to_msa("lcours") == "سعر الصرف"
    # words that are frequent MSA words with another meaning stay out ("خسر" lost, "زدت" I increased)
    assert "خسر" not in DARIJA_ARABIC and "زدت" not in DARIJA_ARABIC


def test_darija_words_that_are_european_words_are_read_only_inside_darija() -> None:
    # "ban", "dima", "galia" are also English, French or Spanish words: read only in an ary_Latn message
    assert {"ban", "dima", "galia", "mn"} <= set(FRENCH_LOANS_IN_ARABIZI)
    assert dialect_to_msa("ban") is None and dialect_to_msa("dima") is None
    from tawasol.nlu.arabic import arabizi_reading

    assert arabizi_reading("remboursement mazal ma ban f compte") == "استرداد ما زال ma ظهر f حساب"
