"""Evidence that a tagged span is a person or a postal address, so that ordinary words are never replaced.

A model or a pattern proposes; this module accepts a person only with real evidence: a cue or a title
before it, a form field ("Name:", "Customer:"), a context word ("ask for", "khouya") before a listed name,
or capitalised listed names in a message that uses case. Common words of each language, banking and
telecom vocabulary and product or currency codes (seed/vocabulary/) are never names by themselves. An
address needs a street word with a number, or a street word, a name and a known city.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCABULARY_DIR = Path(__file__).with_name("seed") / "vocabulary"
_AR_DIACRITICS = re.compile(r"[\u064B-\u0652\u0640]")
_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def key(word: str) -> str:
    """The form words are compared in: lower case, no accents; Arabic without diacritics, alif and ta marbuta folded."""
    word = word.lower().replace("’", "'").strip("'.-")
    if any("\u0600" <= ch <= "\u06ff" for ch in word):
        return _AR_DIACRITICS.sub("", word).translate(_AR_FOLD)
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _read(pattern: str) -> frozenset[str]:
    out: set[str] = set()
    for path in sorted(VOCABULARY_DIR.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            out.update(key(w) for w in line.split())
    return frozenset(out)


@dataclass(frozen=True)
class Vocabulary:
    stop: frozenset[str]
    common: frozenset[str]
    codes: frozenset[str]
    phrases: tuple[str, ...]  # multi-word codes ("apple pay")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    phrases = []
    for line in (VOCABULARY_DIR / "codes.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") and len(line.split()) == 2 and line.split()[1] in {"pay", "express", "telecom",
                                                                                     "union"}:
            phrases.append(key(line.strip()))
    return Vocabulary(_read("stop_*.txt"), _read("common_*.txt") | _read("derived_*.txt"), _read("codes.txt"),
                      tuple(phrases))


def _strip_clitics(k: str) -> list[str]:
    """Arabic-script forms of a word without the clitics glued before it (و ف ب ل ك + ال)."""
    forms = [k]
    if k and "\u0600" <= k[0] <= "\u06ff":
        for prefix in ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"):
            if k.startswith(prefix) and len(k) - len(prefix) >= 2:
                forms.append(k[len(prefix):])
    return forms


def is_stop(word: str) -> bool:
    return key(word) in vocabulary().stop


def is_ordinary(word: str) -> bool:
    """A function word, a common word or a code of any product language."""
    v = vocabulary()
    return any(f in v.stop or f in v.common or f in v.codes for f in _strip_clitics(key(word)))


def is_code(word: str) -> bool:
    return key(word) in vocabulary().codes


_CUE = re.compile(
    r"(?:my name is|name is|names?\s*:|nom\s*:|je m'?\s?appelle|mon nom (?:est|c'est)|moi c'est|me llamo|"
    r"mi nombre es|nombre\s*:|ana smiti|smiti|smiyti|smity|smiyt|smit|ismi|esmi|اسمي|إسمي|أنا اسمي|سميتي|الاسم\s*:?|"
    r"customer\s*:|client\s*:|cliente\s*:|agent\s*:|conseill[eè]re?\s*:|asesora?\s*:|signed|sign[ée]|cordialement|"
    r"regards|saludos|au nom de|a nombre de|under the name(?: of)?|b smiyt|b smit|باسم|بسمية)[\s,:]*$",
    re.IGNORECASE)
_TITLE = re.compile(
    r"(?<!\w)(?:mr|mrs|ms|miss|dr|prof|m\.|mme|mlle|monsieur|madame|mademoiselle|ma[iî]tre|sr|sra|srta|señor|señora|"
    r"señorita|don|doña|sidi|lalla|moulay|السيد|السيدة|الآنسة|الدكتور|الدكتورة|للا|مولاي)\.?\s+$", re.IGNORECASE)
# Weaker cues: a capitalised (or listed) name after them is a person, an ordinary word is not ("I'm tired").
_SOFT_CUE = re.compile(
    r"(?<!\w)(?:i'?m|i am|call me|calls me|called|named|known as|under|it's|this is|je suis|c'est|soy|"
    r"(?:first|last|full|family|sur)\s?name\??|your name\??|est[aá] a nombre de|a nom de|au nom de|"
    r"(?:billing|shipping|delivery|postal|mailing) address\s*:|add)[\s,:]*$",
    re.IGNORECASE)
_CONTEXT = re.compile(
    r"(?<!\w)(?:by|called|named|with|contact|ask for|ask|speak to|speak with|talk to|dear|hi|hello|thanks|thank you|"
    r"cher|chère|bonjour|salut|merci|hola|estimad[oa]|querid[oa]|gracias|avec|appelé|appelée|llamad[oa]|de|con|para|"
    r"m3a|3and|khouya|khoya|khti|sahbi|sa7bi|sahbti|mon mari|ma femme|mon fils|ma fille|mon frère|ma sœur|ma soeur|"
    r"my wife|my husband|my son|my daughter|my brother|my sister|my manager|colleague|agent|conseiller|conseillère|"
    r"mi hermano|mi hermana|mi marido|mi mujer|mi hijo|mi hija|compañer[oa]|"
    r"أخي|اختي|أختي|صاحبي|خويا|ختي|زوجي|زوجتي|ولدي|بنتي|مع|السي|سي)[ \t:,]+$", re.IGNORECASE)


def _arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


_VERB_AFTER = re.compile(
    r"(?:'s|’s)? (?:is|was|has|had|will|would|said|says|called|wrote|sent|lives|lived|works|worked|began|spent|"
    r"est|a|es|ha|dijo|vive|habite)\b")


_PERSON_VERB_AFTER = re.compile(
    r"(?:'s|’s)? (?:said|says|lives|lived|works|worked|wrote|sent|called|began|spent|told|asked|shouted|"
    r"dijo|habite|vit|vive|m'a dit|a dit|a appelé)\b")


def person_ok(text: str, start: int, end: int, lists: dict[str, frozenset[str]]) -> bool:
    """Whether the span text[start:end] is a person by the evidence around it (see the module's rules)."""
    words = _WORD.findall(text[start:end])
    if not words:
        return False
    span_key = key(text[start:end])
    v = vocabulary()
    if any(w for w in words if is_code(w) and len(w) > 1) or any(p in span_key for p in v.phrases):
        return False
    before = text[max(0, start - 40):start]
    if is_stop(words[0]) or all(is_stop(w) for w in words):
        return False
    if _CUE.search(before):
        return True
    particles = {"de", "del", "la", "le", "el", "al", "ben", "bin", "ibn", "van", "von", "der", "da", "di", "du",
                 "bou", "ait", "ould", "بن", "ابن"}
    content = [w for w in words if key(w) not in particles]
    if not content:
        return False

    def listed(w: str) -> bool:
        k = key(w)
        low = w.lower()
        return any(x in lists.get("first", ()) or x in lists.get("last", ()) for x in (k, low))

    def first_name(w: str) -> bool:
        return key(w) in lists.get("first", ()) or w.lower() in lists.get("first", ())

    known = [w for w in content if listed(w) and not is_ordinary(w)]
    if _arabic(text[start:end]):
        if _TITLE.search(before) or _CONTEXT.search(before):
            return first_name(content[0]) and not is_ordinary(content[0]) or len(known) >= 1
        # no capitals in Arabic: a listed first name followed by a family name
        return len(content) >= 2 and first_name(content[0]) and not is_ordinary(content[0]) and (
            listed(content[1]) or content[1].startswith("ال") or content[1].startswith("بن"))
    letters = [ch for ch in text if ch.isalpha() and not "\u0600" <= ch <= "\u06ff"]
    uppers = sum(ch.isupper() for ch in letters)
    # title case ("Free Roaming Offer Now") is read on the words that are not listed names: a list of
    # names ("They had 3: Amy, Erik and Anna") is no headline
    tokens = [t for t in _WORD.findall(text) if not listed(t) or is_ordinary(t)]
    titled = tokens and sum(t[0].isupper() for t in tokens if t.isalpha()) >= 0.7 * len(tokens) and len(tokens) > 3
    cased = 0 < uppers < len(letters) and not titled
    capitalised = all(w[0].isupper() for w in content)
    if _TITLE.search(before):
        return (capitalised or not cased) and not all(is_ordinary(w) for w in content)
    if _SOFT_CUE.search(before) and not any(is_stop(w) for w in content):
        if cased and capitalised and not all(is_ordinary(w) and not listed(w) for w in content):
            return True
        if known and first_name(content[0]):
            return True
    after = text[end:end + 12]
    if capitalised and uppers < len(letters) and len(content) >= 2 and not any(
            is_ordinary(w) and not listed(w) for w in content) and (
            _VERB_AFTER.match(text, end) or re.match(r", (?:the|our|a|an|le|la|el|notre) ", after)):
        return True  # "Cendrillon Coudert lives at ...", "Hijacinta Godina, the technical writer, said"
    if capitalised and uppers < len(letters) and len(content) >= 2 and not any(
            is_ordinary(w) and not listed(w) for w in content) \
            and re.match(r"[ \t]*(?:[>|,;\n]|\?{3})?\s*\d{1,6}[ ,]+[^\W\d_]", text[end:end + 14]):
        return True  # a recipient's name before the street line ("Stephan M Urner  4844 Søndergade 52")
    if cased and capitalised and not any(is_ordinary(w) and not listed(w) for w in content) and (
            not before.strip() or before.rstrip()[-1:] in ".!?\n\"'>:") and re.match(r"\s?:", after) and known:
        return True  # a speaker's name before what they say ("Ashley: I'm Melvin's daughter")
    if not cased or not capitalised:
        # lower case (or all caps / title case): listed first name + listed family name, or a context word + name
        if _CONTEXT.search(before) and known and first_name(content[0]):
            return True
        return len(content) >= 2 and first_name(content[0]) and listed(content[-1]) and not any(
            is_ordinary(w) for w in content)
    if len(content) >= 2:
        # capitalised words in a row: names when most are listed and not all are ordinary words
        return (sum(listed(w) for w in content) * 2 >= len(content) and not all(is_ordinary(w) for w in content)
                and not is_stop(content[-1]))
    if any(is_ordinary(w) and not listed(w) for w in content):
        return False
    if not known:
        return bool(_CONTEXT.search(before)) and listed(content[0])
    place = key(content[0])
    if place in lists.get("city", ()) or place in lists.get("country", ()):
        if first_name(content[0]) and _PERSON_VERB_AFTER.match(text, end):
            return True  # "Sandra lives on ...": a first name that is also a town, doing what people do
        return bool(_CONTEXT.search(before)) and not re.search(r"(?:à|a|en|in|from|de|desde|to|au|f|fi)\s+$", before)
    sentence_start = not before.strip() or before.rstrip()[-1:] in ".!?:\n\"'«“>"
    return (not sentence_start or bool(_CONTEXT.search(before)) or text[end:end + 1] == ","
            or bool(_VERB_AFTER.match(text, end)))


_ADDRESS_CUE = re.compile(
    r"(?<!\w)(?:address(?:es)?(?:\b[^.\n\d]{0,30}?\b(?:is|was|to|with|as))?|adresse(?: est| à| a)?|"
    r"direcci[oó]n(?: es)?|domicile|lives? (?:at|on|in)|"
    r"living at|located at|(?:send|sent|deliver|delivered|ship|shipped|return) (?:it |them |this )?to|"
    r"vit (?:au|à|a)|habite (?:au|à|a)|vivo en|vive en|env[ií][ae]lo a|"
    r"عنواني|العنوان|ساكن ف|ساكنة ف|كنسكن ف|saken f|sakna f|kanskon f)"
    r"(?:\s+(?:is|est|es|here|:))*[\s,:]*(?:the corner of\s+)?$", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![^\W\d_])\d+(?:[A-Za-z]|er|e|º|ª)?(?![^\W\d_])")  # 12, 221B; not 3la, t9t3o
_CITY_TAIL = re.compile(r"[\s,،-]+([^\W\d_][\w'’ -]{1,30})\s*$")


def address_ok(text: str, start: int, end: int, lists: dict[str, frozenset[str]]) -> bool:
    """A street word with a number, or a street word, a name and a known city, or a postcode with a city."""
    span = text[start:end]
    words = _WORD.findall(span)
    if not words:
        return False
    street = lists.get("street", frozenset())
    core = _core_street_words()
    # a street word of the project's own lists, or one of the wider lists that is no ordinary word ("ligne", "ma")
    has_street = any(key(w) in core or ((key(w) in street or w.lower() in street) and not is_ordinary(w))
                     for w in words)
    if _NUMBER.search(text, start, end):
        if has_street:
            return True
        if _ADDRESS_CUE.search(text[max(0, start - 40):start]) and any(
                not is_ordinary(w) and len(w) > 2 for w in words):
            return True  # "lives at 12 Hersnapvej", "my new address is PSC 2581, Box 0041": the cue is the evidence
        cities = lists.get("city", frozenset())
        return bool(re.search(r"\d{4,6}", span)) and any(key(w) in cities for w in words)
    if not has_street:
        return False
    cities = lists.get("city", frozenset())
    last = [w for w in words][-1]
    return key(last) in cities and len(words) >= 3 and not all(is_ordinary(w) for w in words[1:-1])


@lru_cache(maxsize=1)
def _core_street_words() -> frozenset[str]:
    from tawasol.privacy import lexicon as lx
    from tawasol.privacy import synth

    places = synth.seed().places
    words = list(lx.STREET_WORDS) + [w for k, v in places.items() if k.startswith("street_types") for w in v]
    return frozenset(key(x) for w in words for x in _WORD.findall(w))
