"""Language and dialect identification: fr, en, es, ar (MSA), ary (Darija), ary_Latn (Arabizi), code-switching.

Arabic script: a linear ar-vs-ary model trained on the seed corpora plus Darija marker words. Latin
script: an Arabizi-vs-European model plus Darija markers; when not Arabizi, lingua (restricted to
en/fr/es, its models shipped in the wheel) names the European language.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from functools import cached_property, lru_cache
from pathlib import Path

from lingua import Language, LanguageDetectorBuilder

from tawasol.domain.analysis import LanguageResult
from tawasol.nlu import seed
from tawasol.nlu.dialect import DialectModel
from tawasol.nlu.features import FeatureConfig
from tawasol.nlu.lexicons import (
    DARIJA_ARABIC,
    DARIJA_ARABIC_WEAK,
    DARIJA_LATIN,
    FREQUENT_WORDS,
    FUNCTION_WORDS,
    PHONETIC_COLLISIONS,
)
from tawasol.nlu.linear import ArtifactError, LinearTextClassifier
from tawasol.nlu.normalize import normalize

LANGUAGE_FEATURES = FeatureConfig(word_ngrams=1, char_min=1, char_max=4, skeleton_ngrams=0)
_ARABIC_WORD = re.compile("[\u0600-\u06ff]{2,}")
_LATIN_WORD = re.compile(r"[a-z0-9']*[a-z][a-z0-9']*")
_ARABIZI_DIGIT = re.compile(r"[a-z][2379][a-z]?|^[2379][a-z]|[a-z][2379]$|[a-z][4568][a-z]")
_WEAK_MARKER = 0.34  # a word shared with MSA or other dialects counts a third of a Darija marker
_MIN_WORDS_WITHOUT_MARKER = 3  # shorter messages with no Darija marker stay `ar`
# without a marker, `ary` needs p(ary) >= 0.5 / 0.85 from the model (calibrated on training files: <= 1.1 % false `ary`
# on ArBanking77 train)
_NO_MARKER_SCALE = 0.85
# shorter messages without a marker: the model alone when p(ary) >= 0.5 / 0.57 ~ 0.88 (UMSAB train pairs vs DoDa dev)
_SHORT_NO_MARKER_SCALE = 0.57
# added to lingua's confidence per frequent word of one language; tuned on UMSAB train pairs
_FREQUENT_WORD_WEIGHT = 0.8
_SHARED_WORD_WEIGHT = 1.2  # a word frequent in several languages: this much split between them (same pairs)
# short messages: lingua's reading of the lower-case words alone also counts (names weigh less)
_LOWER_CASE_WEIGHT = 0.6
# next to Arabic words, Latin words none of which is a frequent word (names, brands) count this much
_NAMES_ONLY_WEIGHT = 0.25
_NEUTRAL_TOKENS = frozenset("via vs rt amp gt lt http https www".split())  # tweet and markup debris: no language
_ANY_FREQUENT = frozenset().union(*FREQUENT_WORDS.values())
_LINGUA = {Language.ENGLISH: "en", Language.FRENCH: "fr", Language.SPANISH: "es"}


_ARABIC_MORPHOLOGY = re.compile("^(ما.{2,}ش|كن.{3,}|كي.{3,}|كت.{3,}|كا[نيت].{3,}|تي.{3,}|تا[نتي].{2,}|"
                                "غا[نتيد].{2,}|غن.{3,}|غت.{3,})$")
_MSA_LOOKALIKES = frozenset("كيف كيفيه كان كانت كانوا كانا كافه كامل كامله كاس كتاب كيلو كيان تيار "
                            "كتابه كتابات كتيبه كتائب كتاكيت كتلته كتلتي كتمان".split())
# Darija article l- glued to a noun
_LATIN_MORPHOLOGY = re.compile(r"^(ma\w{2,}(ch|x|sh)|(kan|kay|kat|kant|tan|tay|ghan|ghat|gha)\w{3,}|\w*kh\w*|"
                               r"\w+(tih|tiha|liha|lihom|lik|lkom)|l[bcdfghjkmnpqrstvwxz][a-z]{3,})$")


_TO_ARABIC = [  # Arabizi -> Arabic script, as Darija is often written phonetically (every vowel as a letter)
    ("ch", "ش"), ("sh", "ش"), ("kh", "خ"), ("gh", "غ"), ("th", "ت"), ("dj", "ج"), ("ou", "و"), ("ee", "ي"), ("oo", "و"),
    ("2", "ء"), ("3", "ع"), ("4", "غ"), ("5", "خ"), ("6", "ط"), ("7", "ح"), ("8", "ه"), ("9", "ق"),
    ("a", "ا"), ("b", "ب"), ("c", "ك"), ("d", "د"), ("e", ""),
    ("f", "ف"), ("g", "ڭ"), ("h", "ه"), ("i", "ي"), ("j", "ج"),
    ("k", "ك"), ("l", "ل"), ("m", "م"), ("n", "ن"), ("o", "و"),
    ("p", "ب"), ("q", "ق"), ("r", "ر"), ("s", "س"), ("t", "ت"),
    ("u", "و"), ("v", "ف"), ("w", "و"), ("x", "ش"), ("y", "ي"), ("z", "ز"),
]
_TO_ARABIC_RE = re.compile("|".join(re.escape(k) for k, _ in _TO_ARABIC))
_TO_ARABIC_MAP = dict(_TO_ARABIC)


_INITIAL_I = re.compile(r"\bi(?=[b-df-hj-np-tv-z])")  # "imta", "ikoun": a word-initial i before a consonant is an alif
# Arabic script marks gemination (shadda), it does not double letters
_GEMINATE = re.compile("([\u0621-\u0626\u0628-\u0647\u06a0-\u06ff])\\1")


def _to_arabic_script(text: str) -> str:
    """A phonetic transliteration of Arabizi, used to train the ar-vs-ary model on Darija spelled by ear."""
    latin = _INITIAL_I.sub("a", normalize(text).lower())
    return _GEMINATE.sub(r"\1", _TO_ARABIC_RE.sub(lambda m: _TO_ARABIC_MAP[m.group(0)], latin))


_DARIJA_ARABIC_ALL = DARIJA_ARABIC | (
    {normalize(_to_arabic_script(w)) for w in DARIJA_LATIN if w.isalnum()} - DARIJA_ARABIC_WEAK - PHONETIC_COLLISIONS
)


def _darija_arabic_core(word: str) -> bool:
    return word in _DARIJA_ARABIC_ALL or (word not in _MSA_LOOKALIKES and bool(_ARABIC_MORPHOLOGY.match(word)))


def _darija_arabic(word: str) -> bool:
    """A Darija marker, also behind the conjunction و glued to it ("ودابا")."""
    return _darija_arabic_core(word) or (len(word) >= 4 and word[0] == "و" and _darija_arabic_core(word[1:]))


def _darija_latin(word: str) -> bool:
    return word in DARIJA_LATIN or bool(_ARABIZI_DIGIT.search(word) or _LATIN_MORPHOLOGY.match(word))


# French elided article or pronoun glued to a word
_ELISION = re.compile(r"^(l|d|j|qu|n|s|c|m|t|jusqu|lorsqu|puisqu)'(?=[a-z])")
_POSSESSIVE = re.compile(r"[a-z]'s$")  # English possessive


def _frequent_key(word: str) -> str:
    """The frequent word a token stands for: "l'ecologie" -> "l'" (French), "blair's" -> "'s" (English)."""
    if word in _ANY_FREQUENT:
        return word
    elision = _ELISION.match(word)
    if elision:
        return elision.group(0)
    return "'s" if _POSSESSIVE.search(word) else word


def _with_frequent_words(confidences: dict[str, float], words: list[str]) -> tuple[str, float]:
    """lingua's en/fr/es confidences tipped by very frequent words: on two-word messages lingua alone
    hesitates ("I am" -> es, "is it" -> fr); a word frequent in only one of the languages settles it."""
    scores = dict(confidences)
    for word in map(_frequent_key, words):
        owners = [lang for lang, frequent in FREQUENT_WORDS.items() if word in frequent]
        for lang in owners:
            share = _FREQUENT_WORD_WEIGHT if len(owners) == 1 else _SHARED_WORD_WEIGHT / len(owners)
            scores[lang] = scores.get(lang, 0.0) + share
    best = max(scores, key=scores.__getitem__)
    total = sum(scores.values())
    return best, scores[best] / total if total else 0.0


class LanguageIdentifier:
    """`fit` on (text, language) rows; `identify` one message."""

    def __init__(self) -> None:
        self.arabic_: LinearTextClassifier | None = None  # ar vs ary
        # opt-in: ar vs ary trained from public data at build time (tawasol.nlu.dialect); replaces p(ary) of arabic_
        self.dialect_: DialectModel | None = None
        self.latin_: LinearTextClassifier | None = None  # ary_Latn vs other

    def fit(self, texts: Sequence[str], languages: Sequence[str]) -> LanguageIdentifier:
        arabic = [(t, lang) for t, lang in zip(texts, languages, strict=True) if lang in ("ar", "ary")]
        arabizi = [t for t, lang in zip(texts, languages, strict=True) if lang == "ary_Latn"]
        arabic += [(_to_arabic_script(t), "ary") for t in arabizi]
        # "e" heard as a long vowel too
        arabic += [(_to_arabic_script(t.replace("e", "a")), "ary") for t in arabizi if "e" in t]
        # the gaf is often written as a kaf
        arabic += [(_to_arabic_script(t).replace("ڭ", "ك"), "ary") for t in arabizi if "g" in t]
        latin = [(t, "ary_Latn" if lang == "ary_Latn" else "other")
                 for t, lang in zip(texts, languages, strict=True) if lang not in ("ar", "ary")]
        self.arabic_ = LinearTextClassifier(LANGUAGE_FEATURES, c=0.5).fit(*zip(*arabic, strict=True))  # type: ignore[arg-type]
        self.latin_ = LinearTextClassifier(LANGUAGE_FEATURES, c=0.5).fit(*zip(*latin, strict=True))  # type: ignore[arg-type]
        return self

    @cached_property
    def _lingua(self):  # type: ignore[no-untyped-def]
        return LanguageDetectorBuilder.from_languages(*_LINGUA).with_preloaded_language_models().build()

    def _arabic(self, words: list[str], text: str, raw: str) -> tuple[str, float]:
        """`ar` by default: `ary` needs Darija evidence (marker words, morphology, the gaf), or a message
        that the seed-trained model finds clearly Darija (a stricter bar below three words). Other dialects
        (Levantine, Egyptian, Gulf, Iraqi) share much informal vocabulary with Darija but are not `ary`:
        the seed holds them as `ar` so that the model tells them apart."""
        assert self.arabic_ is not None
        if self.dialect_ is not None:
            p_ary = self.dialect_.p_ary(text)
        else:
            p_ary = float(self.arabic_.predict_proba(text)[self.arabic_.labels_.index("ary")])
        strong = sum(1 for w in words if _darija_arabic(w)) + 2 * raw.count("ڭ")  # gaf: written only in Maghrebi Arabic
        markers = strong + _WEAK_MARKER * sum(1 for w in words if w in DARIJA_ARABIC_WEAK)
        if strong:
            evidence = markers / max(len(words), 1)
            score = 0.5 * p_ary + 0.5 * min(1.0, evidence * 3)
        # hashtag_words count once
        elif sum(1 for token in raw.split() if _ARABIC_WORD.search(token)) >= _MIN_WORDS_WITHOUT_MARKER:
            score = p_ary * (_NO_MARKER_SCALE + (1 - _NO_MARKER_SCALE) * min(1.0, markers))
        else:
            score = max(0.5 * p_ary * min(1.0, markers), _SHORT_NO_MARKER_SCALE * p_ary)
        return ("ary", score) if score >= 0.5 else ("ar", 1 - score)

    def _latin(self, words: list[str], text: str, raw: str) -> tuple[str, float]:
        assert self.latin_ is not None
        p_arabizi = float(self.latin_.predict_proba(text)[self.latin_.labels_.index("ary_Latn")])
        markers = sum(1 for w in words if _darija_latin(w))
        evidence = min(1.0, 2.5 * markers / max(len(words), 1))
        score = 0.5 * p_arabizi + 0.5 * evidence
        if score >= 0.5:
            return "ary_Latn", score
        tokens = [t for t in raw.split() if normalize(t).strip(".,!?:;'\"()&") not in _NEUTRAL_TOKENS] or raw.split()
        confidences = self._confidences(" ".join(tokens))  # accents and case help lingua
        # on a few words a capitalised name weighs as much as a word: read the lower-case words again
        if len(tokens) <= 3:
            lower = [t for t in tokens if t[:1].islower() and _LATIN_WORD.search(t)]
            if lower and len(lower) < len(tokens):
                for lang, value in self._confidences(" ".join(lower)).items():
                    confidences[lang] = confidences.get(lang, 0.0) + _LOWER_CASE_WEIGHT * value
        lang, conf = _with_frequent_words(confidences, [w for w in words if w not in _NEUTRAL_TOKENS])
        return lang, conf * (1 - score)

    def _confidences(self, text: str) -> dict[str, float]:
        return {_LINGUA[v.language]: float(v.value) for v in self._lingua.compute_language_confidence_values(text)}

    def identify(self, text: str, normalized: str | None = None) -> LanguageResult:
        norm = normalize(text) if normalized is None else normalized
        arabic_words = _ARABIC_WORD.findall(norm)
        latin_words = [w for w in _LATIN_WORD.findall(norm) if not w.isdigit()]
        if not arabic_words and not latin_words:
            return LanguageResult(label="und", confidence=0.0)
        found: dict[str, float] = {}
        if arabic_words:
            label, conf = self._arabic(arabic_words, " ".join(arabic_words), text)
            found[label] = len("".join(arabic_words)) * 1.0
            ar_conf = conf
        if latin_words:
            label_l, conf_l = self._latin(latin_words, " ".join(latin_words), text)
            weight = 1.0
            if arabic_words and not any(_darija_latin(w) or any(w in f for f in FREQUENT_WORDS.values())
                                        for w in latin_words):
                weight = _NAMES_ONLY_WEIGHT  # "جوال Honor": the Latin words are names, the message is Arabic
            found[label_l] = found.get(label_l, 0.0) + weight * len("".join(latin_words))
            if label_l == "ary_Latn":
                foreign = self._foreign_language(latin_words)
                if foreign:
                    found[foreign] = 0.1
        main = max(found, key=found.__getitem__)
        confidence = ar_conf if arabic_words and main in ("ar", "ary") else conf_l
        languages = sorted(found, key=lambda k: -found[k])
        return LanguageResult(label=main, confidence=round(float(confidence), 4), code_switching=len(languages) > 1,
                              languages=languages)

    @staticmethod
    def _foreign_language(words: list[str]) -> str | None:
        """In an Arabizi message, a European language whose function words also appear (code-switching)."""
        counts = {lang: sum(1 for w in words if w.strip("'") in fw and w not in DARIJA_LATIN)
                  for lang, fw in FUNCTION_WORDS.items()}
        lang, count = max(counts.items(), key=lambda kv: kv[1])
        return lang if count >= 1 else None

    def with_dialect(self, dialect: DialectModel) -> LanguageIdentifier:
        """A copy of this identifier that reads p(ary) of Arabic-script messages from `dialect`."""
        ident = copy.copy(self)
        ident.dialect_ = dialect
        return ident

    def save(self, path: Path) -> None:
        if self.arabic_ is None or self.latin_ is None:
            raise RuntimeError("this language identifier is not fitted yet")
        self.arabic_.save(path / "arabic", extra={"kind": "language.arabic"})
        self.latin_.save(path / "latin", extra={"kind": "language.latin"})

    @classmethod
    def load(cls, path: Path) -> LanguageIdentifier:
        ident = cls()
        ident.arabic_, extra_a = LinearTextClassifier.load(path / "arabic")
        ident.latin_, extra_l = LinearTextClassifier.load(path / "latin")
        if extra_a.get("kind") != "language.arabic" or extra_l.get("kind") != "language.latin":
            raise ArtifactError(f"refusing to load {path}: not a language model")
        return ident


@lru_cache(maxsize=1)
def builtin_identifier() -> LanguageIdentifier:
    """The identifier trained on the project's seed corpora (about half a second; once per process)."""
    rows = seed.language_examples()
    return LanguageIdentifier().fit([t for t, _ in rows], [lang for _, lang in rows])
