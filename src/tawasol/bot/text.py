"""Retrieval tokens: exact words, cross-script skeletons and lexicon concepts, with pluggable folding.

Every text (article or question) becomes four kinds of tokens that BM25 ranks together:
- words: the normalised word, Arabic light-stemmed (clitics such as ال / ل / و / ب removed);
- stems: in French, English and Spanish text (and the French of Arabizi code-switching), the Snowball
  stem, so "charged" meets "charge" and "prélevé" meets "prélèvement";
- `~skeleton`: the NLU matching form (romanised consonant skeleton), so "fatoura" meets "فاتورة";
- `#concept`: a retrieval lexicon entry, so "lfatoura" meets "facture" and "bill".
The normalisation and matching functions come from `tawasol.nlu.normalize` when present; a minimal
stand-in keeps the bot usable without it (and tests can plug their own).
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import snowballstemmer

from tawasol.bot.lexicon import (
    CONCEPTS,
    CONTENT_WORDS,
    FRAMING_VERBS,
    NO_CONCEPT,
    PLACE_PHRASES,
    PLACES,
    QUESTION_WORDS,
    STOPWORDS,
)

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


# Snowball stemmers (BSD) for the Latin-script languages; Arabizi borrows French words, so its Latin
# words are also stemmed as French. Stemmer objects keep state while stemming: one lock, and a cache
# so that each distinct word is stemmed once.
STEM_LANGUAGES = {"fr": "french", "en": "english", "es": "spanish", "ary_Latn": "french"}
_STEMMERS = {lang: snowballstemmer.stemmer(name) for lang, name in STEM_LANGUAGES.items()}
_STEM_LOCK = threading.Lock()


@functools.lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str | None:
    """The folded Snowball stem of a normalised Latin word in `language`, or None when it adds nothing
    (no stemmer for the language, a short word, a number, or a stem equal to the word's key)."""
    stemmer = _STEMMERS.get(language)
    if stemmer is None or len(word) < 4 or not word.isascii() or not word.isalpha():
        return None
    with _STEM_LOCK:
        stemmed = stemmer.stemWord(word)
    folded = latin_stem(stemmed) if len(stemmed) > 1 else stemmed
    return folded if len(folded) >= 3 and folded != word_key(word) else None


def _build_lexicon() -> tuple[dict[str, set[str]], dict[tuple[str, ...], set[str]], dict[str, dict[str, set[str]]]]:
    single: dict[str, set[str]] = {}
    pairs: dict[tuple[str, ...], set[str]] = {}  # two- and three-word forms
    stemmed: dict[str, dict[str, set[str]]] = {lang: {} for lang in STEM_LANGUAGES}
    for concept, forms in CONCEPTS.items():
        for form in forms:
            raw = _WORD.findall(_plain_normalize(form))
            words = [word_key(w) for w in raw]
            if len(words) == 1:
                single.setdefault(words[0], set()).add(concept)
                bare = _strip_latin_article(words[0])
                if bare != words[0]:
                    single.setdefault(bare, set()).add(concept)
                for lang in STEM_LANGUAGES:  # one form covers its inflections: "cobrar" -> "cobraron"
                    s = stem(raw[0], lang)
                    if s is not None:
                        stemmed[lang].setdefault(s, set()).add(concept)
            elif len(words) == 3:  # "où en est", "nadie me contesta"
                pairs.setdefault(tuple(words), set()).add(concept)
            elif len(words) == 2:
                pairs.setdefault((words[0], words[1]), set()).add(concept)
                for lang in STEM_LANGUAGES:  # "topped up" meets "top up", "dar de baja" "darme de baja"
                    stems = tuple(stem(w, lang) or k for w, k in zip(raw, words, strict=True))
                    if stems != tuple(words):
                        pairs.setdefault(stems, set()).add(concept)
    return single, pairs, stemmed


def _strip_latin_article(key: str) -> str:
    # Arabizi glues the article: "lfatura", "linternet"; the bare word may be the lexicon entry.
    for p in _LATIN_PREFIXES:
        if key.startswith(p) and len(key) - len(p) >= 4 and key[len(p)] not in "aeiu":
            return key[len(p):]
    return key


_STOP = {word_key(w) for w in STOPWORDS}
_CONTENT = {lang: {word_key(w) for w in ws} for lang, ws in CONTENT_WORDS.items()}
_FRAMING = {word_key(w) for w in FRAMING_VERBS}
_QUESTION = {word_key(w) for w in QUESTION_WORDS if " " not in w}
_SINGLE, _PAIRS, _STEMMED = _build_lexicon()


@dataclass(frozen=True)
class QueryWord:
    """One content word of a text and the tokens it produced (for coverage-based confidence)."""

    word: str
    tokens: tuple[str, ...]
    place: bool = False  # a country or city name: says where, not what the question is about


class Tokenizer:
    """Turns text into retrieval tokens; `matching` is the cross-script fold (None disables it)."""

    def __init__(self, normalize: Fold | None = None, matching: Fold | None = nlu_matching_form) -> None:
        self.normalize = normalize or nlu_normalize
        # Articles repeat the same words thousands of times; folding each distinct word once is enough.
        self.matching = functools.lru_cache(maxsize=100_000)(matching) if matching is not None else None
        self._places = {word_key(w) for form in PLACES for w in _WORD.findall(_plain_normalize(self.normalize(form)))}
        phrases = [tuple(word_key(w) for w in _WORD.findall(_plain_normalize(self.normalize(p))))
                   for p in PLACE_PHRASES]
        self._place_pairs = {p for p in phrases if len(p) == 2}

    def words(self, text: str, language: str | None = None) -> list[QueryWord]:
        """The content words of `text` and their tokens; `language` (fr, en, es, ary_Latn...) adds stems."""
        norm = _plain_normalize(self.normalize(text))
        raw = _WORD.findall(norm)
        keys = [word_key(w) for w in raw]
        stems = [stem(w, language) if language in STEM_LANGUAGES else None for w in raw]  # type: ignore[arg-type]
        # Two-word forms ("how much", "carte sim") may start with a function word: match them on all
        # words (as written, or stemmed), and give the concept to the content word of the pair.
        paired: dict[int, set[str]] = {}
        for i in range(len(keys) - 1):
            found = _PAIRS.get((keys[i], keys[i + 1]), set())
            if stems[i] or stems[i + 1]:
                found = found | _PAIRS.get((stems[i] or keys[i], stems[i + 1] or keys[i + 1]), set())
            if found:
                paired.setdefault(i + 1 if keys[i + 1] not in _STOP else i, set()).update(found)
        for i in range(len(keys) - 2):  # three-word forms, as written: the concept goes to their last
            found = _PAIRS.get((keys[i], keys[i + 1], keys[i + 2]), set())
            if found:  # content word, or (all function words: "où en est") to the next (or last) content word
                span = [j for j in (i + 2, i + 1, i) if keys[j] not in _STOP]
                after = [j for j in range(i + 3, len(keys)) if keys[j] not in _STOP]
                before = [j for j in range(i - 1, -1, -1) if keys[j] not in _STOP]  # "... ou elle en est ?"
                if span or after or before:
                    paired.setdefault(span[0] if span else after[0] if after else before[0], set()).update(found)
        in_place = {j for i in range(len(keys) - 1) if (keys[i], keys[i + 1]) in self._place_pairs for j in (i, i + 1)}
        out: list[QueryWord] = []
        for i, (w, key) in enumerate(zip(raw, keys, strict=True)):
            if (key in _STOP or w in _STOP) and key not in _CONTENT.get(language or "", ()):
                continue
            if len(key) < 2 and not key.isdigit():
                continue
            if key in _FRAMING and i + 1 < len(keys) and keys[i + 1] in _QUESTION:
                continue  # "savoir comment", "know how": frames the question, asks nothing
            toks = [key]
            s = stems[i]
            if s is not None:
                toks.append(s)
            if self.matching is not None:
                bare = _strip_latin_article(w) if w.isascii() else w
                for form in {w, bare}:
                    skel = self.matching(form)
                    if skel and skel != key and len(skel) >= 2:
                        toks.append("~" + skel)
            concepts = set(_SINGLE.get(key, ())) | set(_SINGLE.get(_strip_latin_article(key), ()))
            if not concepts and len(key) > 4 and key[0] in "فب":
                # Darija glues "f"/"b" to the word: "فبلجيكا" (in Belgium)
                concepts = set(_SINGLE.get(word_key(key[1:]), ()))
            if w in NO_CONCEPT:
                concepts = set()
            concepts |= paired.get(i, set())
            if s is not None and language is not None:
                concepts |= _STEMMED[language].get(s, set())
            toks.extend("#" + c for c in sorted(concepts))
            out.append(QueryWord(w, tuple(toks), i in in_place or self._is_place(w, key)))
        return out

    def _is_place(self, word: str, key: str) -> bool:
        if key in self._places or _strip_latin_article(key) in self._places:
            return True
        # Darija glues a preposition to the name: "فطنجة", "فالمغرب", "bfransa".
        return len(word) > 4 and word[0] in "فبلوfb" and word_key(word[1:]) in self._places

    def tokens(self, text: str, language: str | None = None) -> list[str]:
        return [t for qw in self.words(text, language) for t in qw.tokens]
