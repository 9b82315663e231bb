"""Script-aware text normalisation, and a folded "matching form" that lets Arabic script meet Latin script.

`normalize` keeps the message readable: Arabic letter variants unified, diacritics and tatweel removed,
Arabic-Indic digits made ASCII, Latin text lower-cased with accents folded, elongations ("merciiii",
"واااااو") shortened, whitespace collapsed; emoji are kept because they carry sentiment.

`to_matching_form` goes further, for lexical matching across languages and scripts (intent features,
knowledge-base retrieval). Each word becomes a romanised *consonant skeleton*:
- Arabic letters are romanised the way Moroccans write Arabizi (ش -> x, ق -> k, ع dropped...);
- Arabizi digits inside words are read as letters (3 -> ع, 7 -> h, 9 -> k, 5 -> kh, 2 -> hamza);
- Latin spellings are folded (ch/sh -> x, qu/q/c(a,o,u)/g -> k, c(e,i) -> s, ph/v -> f, p -> b, z -> s);
- the definite article (ال, "al-"/"el-") is stripped and vowels (a e i o u, and w/y after the first
  letter) are dropped, since Arabic script does not write short vowels.
So "wach kayn réseau f casa" and "واش كاين الريزو ف كازا" both become "wx kn rs f ks". Pure numbers are
kept as they are. The mapping is lossy on purpose: it is a key for matching, never shown to anyone.
"""

from __future__ import annotations

import re
import unicodedata

_AR_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_AR_CHARS = str.maketrans(
    {
        "\u0640": None,  # tatweel
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ی": "ي", "ئ": "ي", "ؤ": "و",
        "ة": "ه", "ک": "ك", "ڭ": "ك", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج",
        "،": ",", "؟": "?", "؛": ";", "٪": "%",
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern (Persian) digits
    }
)
_RUNS = re.compile(r"(\D)\1{2,}")  # three or more of the same non-digit character
_SPACES = re.compile(r"\s+")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def _fold_latin_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for ch in decomposed:
        # drop combining marks only when they sit on a Latin letter (Arabic marks are handled above)
        if unicodedata.category(ch) == "Mn" and kept and kept[-1].isascii():
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


def normalize(text: str) -> str:
    """Normalise one message for every script it contains; emoji are kept."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _AR_DIACRITICS.sub("", text).translate(_AR_CHARS)
    text = _fold_latin_accents(text.casefold()).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    text = _RUNS.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip()


_AR_TO_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "s", "س": "s", "ش": "x", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "ع": "",
    "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
    "ي": "y", "ء": "",
}
_LATIN_RULES = [
    (re.compile(r"(?<=[a-z])3|^3"), ""),
    (re.compile(r"(?<=[a-z])2|^2(?=[a-z])"), ""),
    (re.compile(r"(?<=[a-z])7|^7(?=[a-z])"), "h"),
    (re.compile(r"(?<=[a-z])9|^9(?=[a-z])"), "k"),
    (re.compile(r"(?<=[a-z])5|^5(?=[a-z])"), "k"),
    (re.compile(r"(?<=[a-z])8|^8(?=[a-z])"), "g"),
    (re.compile(r"(?<=[a-z])[3279586]"), ""),
    (re.compile("tion"), "sion"),
    (re.compile("sch|ch|sh"), "x"),
    (re.compile("kh"), "k"),
    (re.compile("gh"), "g"),
    (re.compile("ph"), "f"),
    (re.compile("qu|q|ck"), "k"),
    (re.compile("c(?=[eiy])"), "s"),
    (re.compile("c"), "k"),
    (re.compile("ñ"), "n"),
]
_LATIN_CHARS = str.maketrans({"g": "k", "v": "f", "p": "b", "z": "s", "ç": "s"})
_VOWELS = re.compile("[aeiou]")
_DOUBLES = re.compile(r"([a-z])\1+")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _arabic_word(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if word.endswith("ه") and len(word) > 2:  # mostly a former taa marbuta: a vowel
        word = word[:-1] + "ا"
    return "".join(_AR_TO_LATIN.get(ch, ch if ch.isascii() else "") for ch in word).translate(_LATIN_CHARS)


def _latin_word(word: str) -> str:
    if word.isdigit():
        return word
    for pattern, repl in _LATIN_RULES:
        word = pattern.sub(repl, word)
    word = word.translate(_LATIN_CHARS)
    if len(word) > 4 and word[:2] in ("al", "el") and word[2] not in "aeiou":
        word = word[2:]
    return word


def _skeleton(word: str) -> str:
    if word.isdigit():
        return word
    head, rest = word[:1], word[1:]
    if head in "aeiou":
        head = ""
    rest = _VOWELS.sub("", rest).replace("w", "").replace("y", "")
    return _DOUBLES.sub(r"\1", head + rest)


def to_matching_form(text: str) -> str:
    """Fold a message to romanised consonant skeletons, one per word, to match across scripts and spellings."""
    return matching_form_of_normalized(normalize(text))


def matching_form_of_normalized(normalized: str) -> str:
    """`to_matching_form` of a text that `normalize` already returned (saves normalising twice)."""
    words = []
    for token in _TOKEN.findall(normalized):
        token = token.replace("_", "")
        word = _arabic_word(token) if _ARABIC.search(token) else _latin_word(token)
        skeleton = _skeleton(word)
        if skeleton:
            words.append(skeleton)
    return " ".join(words)
