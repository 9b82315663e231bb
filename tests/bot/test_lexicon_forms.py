"""The retrieval lexicon's forms are all usable: the tokenizer matches forms of one to three words."""

from __future__ import annotations

from tawasol.bot.lexicon import CONCEPTS
from tawasol.bot.text import _WORD, Tokenizer, _plain_normalize


def test_every_form_has_one_to_three_words() -> None:
    too_long = [(c, f) for c, forms in CONCEPTS.items() for f in forms if len(_WORD.findall(_plain_normalize(f))) > 3]
    assert too_long == []


def test_a_three_word_form_of_function_words_gives_its_concept_to_the_next_word() -> None:
    tokens = Tokenizer().tokens("Où en est ma réclamation ?", "fr")
    assert "#follow_up" in tokens and "#complaint" in tokens
