"""Retrieval tokens: exact words, cross-script skeletons and lexicon concepts, with pluggable folding.

Every text (article or question) becomes three kinds of tokens that BM25 ranks together:
- words: the normalised word, Arabic light-stemmed (clitics such as ال / ل / و / ب removed);
- `~skeleton`: the NLU matching form (romanised consonant skeleton), so "fatoura" meets "فاتورة";
- `#concept`: a retrieval lexicon entry, so "lfatoura" meets "facture" and "bill".
The normalisation and matching functions come from `tawasol.nlu.normalize` when present; a minimal
stand-in keeps the bot usable without it (and tests can plug their own).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from tawasol.bot.lexicon import CONCEPTS, STOPWORDS

Fold = Callable[[str], str]


def _plain_normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return text.translate(str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": None}))


try:  # the NLU package owns normalisation; the bot only falls back when it is absent
    from tawasol.nlu.normalize import normalize as nlu_normalize
    from tawasol.nlu.normalize import to_matching_form as nlu_matching_form
except ImportError:  # pragma: no cover - depends on the installed capabilities
    nlu_normalize = _plain_normalize
    nlu_matching_form = None

_WORD = re.compile(r"[a-z0-9\u00e0-\u024f]+|[\u0621-\u064a]+")
_AR_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "ول", "وب", "فل")
_AR_SUFFIXES = ("ات", "ين", "ون", "ها", "هم", "كم", "نا", "ني", "ه", "ي", "ك", "ش")
_LATIN_PREFIXES = ("l", "el", "al")


def arabic_stem(word: str) -> str:
    """Strip one prefix and one suffix clitic, keeping at least three letters (light stemming)."""
    for p in _AR_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            word = word[len(p):]
            break
    else:
        if word[:1] in "لوبك" and len(word) >= 5:  # Darija article / conjunction / present marker
            word = word[1:]
    for s in _AR_SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            return word[: -len(s)]
    return word


def latin_stem(word: str) -> str:
    """Fold spelling variants shared by French, English and Arabizi; drop plural s."""
    word = word.replace("sh", "ch").replace("ou", "u").replace("ee", "i").replace("kh", "5")
    word = re.sub(r"(.)\1+", r"\1", word)
    if len(word) > 4 and word.endswith("s"):
        word = word[:-1]
    return word


def word_key(word: str) -> str:
    """The exact-match key of one normalised word (stemmed for its script)."""
    if not word.isascii():
        return arabic_stem(word)
    return word if word.isdigit() else latin_stem(word)


def _build_lexicon() -> tuple[dict[str, set[str]], dict[tuple[str, str], set[str]]]:
    single: dict[str, set[str]] = {}
    pairs: dict[tuple[str, str], set[str]] = {}
    for concept, forms in CONCEPTS.items():
        for form in forms:
            words = [word_key(w) for w in _WORD.findall(_plain_normalize(form))]
            if len(words) == 1:
                single.setdefault(words[0], set()).add(concept)
                bare = _strip_latin_article(words[0])
                if bare != words[0]:
                    single.setdefault(bare, set()).add(concept)
            elif len(words) == 2:
                pairs.setdefault((words[0], words[1]), set()).add(concept)
    return single, pairs


def _strip_latin_article(key: str) -> str:
    # Arabizi glues the article: "lfatura", "linternet"; the bare word may be the lexicon entry.
    for p in _LATIN_PREFIXES:
        if key.startswith(p) and len(key) - len(p) >= 4 and key[len(p)] not in "aeiu":
            return key[len(p):]
    return key


_STOP = {word_key(w) for w in STOPWORDS}
_SINGLE, _PAIRS = _build_lexicon()


@dataclass(frozen=True)
class QueryWord:
    """One content word of a text and the tokens it produced (for coverage-based confidence)."""

    word: str
    tokens: tuple[str, ...]


class Tokenizer:
    """Turns text into retrieval tokens; `matching` is the cross-script fold (None disables it)."""

    def __init__(self, normalize: Fold | None = None, matching: Fold | None = nlu_matching_form) -> None:
        self.normalize = normalize or nlu_normalize
        # Articles repeat the same words thousands of times; folding each distinct word once is enough.
        self.matching = functools.lru_cache(maxsize=100_000)(matching) if matching is not None else None

    def words(self, text: str) -> list[QueryWord]:
        norm = _plain_normalize(self.normalize(text))
        raw = _WORD.findall(norm)
        keys = [word_key(w) for w in raw]
        # Two-word forms ("how much", "carte sim") may start with a function word: match them on all
        # words, and give the concept to the content word of the pair.
        paired: dict[int, set[str]] = {}
        for i in range(len(keys) - 1):
            found = _PAIRS.get((keys[i], keys[i + 1]))
            if found:
                paired.setdefault(i + 1 if keys[i + 1] not in _STOP else i, set()).update(found)
        out: list[QueryWord] = []
        for i, (w, key) in enumerate(zip(raw, keys)):
            if key in _STOP or w in _STOP or len(key) < 2 and not key.isdigit():
                continue
            toks = [key]
            if self.matching is not None:
                bare = _strip_latin_article(w) if w.isascii() else w
                for form in {w, bare}:
                    skel = self.matching(form)
                    if skel and skel != key and len(skel) >= 2:
                        toks.append("~" + skel)
            concepts = set(_SINGLE.get(key, ())) | set(_SINGLE.get(_strip_latin_article(key), ()))
            concepts |= paired.get(i, set())
            toks.extend("#" + c for c in sorted(concepts))
            out.append(QueryWord(w, tuple(toks)))
        return out

    def tokens(self, text: str) -> list[str]:
        return [t for qw in self.words(text) for t in qw.tokens]
