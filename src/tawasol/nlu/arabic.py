"""Arabic word analysis for intent features: clitic splitting and dialect words read as Modern Standard Arabic.

Intent models of the tenants are mostly trained on MSA (and French or English) examples, while customers
write in Darija, Levantine, Gulf or Egyptian Arabic. Two cheap bridges, used as extra features:
- clitics: the conjunction و, the article ال (with و/ف/ب/ك/ل before it) and the possessive or object
  suffixes are split off, so "وبطاقتي" and "البطاقة" share the stem "بطاق";
- dialect words: a hand-written map from frequent dialect words (Arabic script and Arabizi) to the MSA
  word a model trained on MSA has seen ("بغيت" and "bghit" -> "اريد", "فين" -> "اين", "دابا" -> "الان"),
  kept in ``seed/arabic.yaml`` over the Darija resource ``seed/darija.yaml``.

All forms are normalised (see `normalize`: ة -> ه, أ/إ/آ -> ا, ى -> ي). Written for Tawasol; no entry is
taken from a data set.
"""

from __future__ import annotations

import re

from tawasol.nlu.dialect_words import DARIJA_ARABIC, DARIJA_ARABIZI, FRENCH_LOANS_IN_ARABIZI
from tawasol.nlu.normalize import normalize
from tawasol.seeddata import load

_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
# longest first, so "وبال" is tried before "و"
# ب/ل/ف alone begin too many roots
_PREFIXES = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "و")
_SUFFIXES = ("كما", "هما", "تها", "تهم", "تكم", "تنا", "تي", "ته", "تك", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ات",
             "ون", "ين", "ي", "ك", "ه")
_MIN_STEM = 3


def _normalised(words: dict[str, str]) -> dict[str, str]:
    """The maps are written as people spell; keys and values take the normalised form the features see (ى -> ي...)."""
    return {normalize(k): normalize(v) for k, v in words.items()}


# seed/arabic.yaml: dialect (Darija, Levantine, Gulf, Egyptian, Tunisian) in Arabic script -> MSA, and Darija in
# Latin script (Arabizi) -> MSA; merged over the Darija resource (seed/darija.yaml), whose entries they win over.
_SEED = load("nlu", "arabic.yaml")
_DIALECT = _normalised({**DARIJA_ARABIC, **_SEED.texts_by_key("dialect_to_msa")})
_ARABIZI = _normalised({**DARIJA_ARABIZI, **_SEED.texts_by_key("arabizi_to_msa")})
# French words of Darija speech ("la carte", "virement"), read as MSA only inside a message known to be Arabizi
_ARABIZI_LOANS = _normalised(FRENCH_LOANS_IN_ARABIZI)
_LATIN_RUN = re.compile(r"[a-z0-9']*[a-z][a-z0-9']*")


def strip_clitics(word: str) -> str:
    """The stem of one normalised Arabic word without its leading conjunction/preposition/article, trailing pronoun."""
    if not _ARABIC_WORD.match(word):
        return word
    stem = word
    for prefix in _PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= _MIN_STEM:
            stem = stem[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
            stem = stem[: -len(suffix)]
            break
    return stem


def stem_candidates(word: str) -> list[str]:
    """Every reading of one normalised Arabic word as clitics around a stem of 3+ letters, the whole word first,
    for look-ups in a word list (where a wrong cut finds nothing): a single ف/ب/ل in front is tried too."""
    if not _ARABIC_WORD.match(word):
        return [word]
    fronts = [word] + [word[len(p) :] for p in (*_PREFIXES, "ف", "ب", "ل")
                       if word.startswith(p) and len(word) - len(p) >= _MIN_STEM]
    found = []
    for front in fronts:
        found.append(front)
        found += [front[: -len(s)] for s in _SUFFIXES if front.endswith(s) and len(front) - len(s) >= _MIN_STEM]
    return found


def dialect_to_msa(word: str) -> str | None:
    """The MSA word for a normalised dialect word (Arabic script or Arabizi), if the map knows it."""
    found = _DIALECT.get(word) or _ARABIZI.get(word)
    if found is None and _ARABIC_WORD.match(word):
        for prefix in ("و", "ف", "ب"):  # "وبغيت", "بلاكارط"; "فين" is itself in the map
            if word.startswith(prefix) and word[1:] in _DIALECT:
                return _DIALECT[word[1:]]
        if len(word) > 4 and word.startswith("ما") and word.endswith("ش"):  # Darija/Egyptian negation ما...ش
            inner = word[2:-1]
            return "لا " + (_dialect_verb(inner) or inner)
        if len(word) > 3 and word.endswith("ش") and (verb := _dialect_verb(word[:-1])):  # "ما دازتش": ما written apart
            return "لا " + verb
        return _dialect_verb(word)
    return found


def _dialect_verb(word: str) -> str | None:
    """A Darija verb form of a map entry: aspect markers كـ/تـ (present) and غا/غـ (future) in front of the
    personal prefix ن/ت/ي ("كنتسنى", "غانصيفط" -> "صيفط"), and the plural -و ("كتاخدو")."""
    found = _DIALECT.get(word)
    if found is not None or len(word) <= 3:
        return found
    for marker in ("غا", "ك", "ت", "غ", ""):
        rest = word[len(marker) :]
        if word.startswith(marker) and rest[:1] in ("ن", "ت", "ي"):
            if marker and (found := _DIALECT.get(rest)):
                return found
            if len(rest) > 3 and (found := _DIALECT.get(rest[1:])):  # the bare stem: "نصيفط" -> "صيفط"
                return found
    return _dialect_verb(word[:-1]) if word.endswith("و") else None


_ARABIC_RUN = re.compile("[\u0621-\u064a]+")


def msa_reading(normalized: str) -> str:
    """A normalised message with each Arabic-script dialect word the map knows replaced by its MSA word(s), so
    that all n-grams of a Darija message meet those of an MSA-trained model ("فين لاكارط" -> "اين البطاقه").
    Arabizi words stay as they are: "fin" or "hit" are also French or English words."""
    return _ARABIC_RUN.sub(lambda m: dialect_to_msa(m.group()) or m.group(), normalized)


def knows_arabizi(normalized: str) -> bool:
    """Whether a normalised message holds a word that `arabizi_reading` would read (a cheap test before language id)."""
    return any(w in _ARABIZI or w in _ARABIZI_LOANS for w in _LATIN_RUN.findall(normalized))


def arabizi_reading(normalized: str) -> str:
    """A normalised Arabizi message with the words the maps know (Darija words, and the French loans Darija speakers
    use: "la carte", "virement") replaced by their MSA words, so that all its n-grams meet those of a model trained
    on Arabic script ("fin wslat la carte" -> "اين وصلت لا بطاقه"). Only for messages the language identifier calls
    `ary_Latn`: "fin", "hit" or "carte" are also French or English words."""
    return _LATIN_RUN.sub(lambda m: _ARABIZI.get(m.group()) or _ARABIZI_LOANS.get(m.group()) or m.group(), normalized)


def arabic_views(words: list[str]) -> tuple[list[str], list[str]]:
    """Stems of the words (Arabic words only), and the MSA words that dialect words stand for."""
    stems = [strip_clitics(w) for w in words if _ARABIC_WORD.match(w)]
    msa = [m for w in words if (m := dialect_to_msa(w)) is not None]
    return stems, msa
