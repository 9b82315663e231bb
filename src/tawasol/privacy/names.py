"""Postal addresses, person names and written dates: cue- and lexicon-driven, best effort by design.

Names have no checksum; without a heavy NER model the detector relies on what people say around
them ("smiti Karim", "Mme Alaoui", "اسمي ...") and on a short list of common first names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tawasol.privacy import lexicon as lx
from tawasol.privacy.detectors import Candidate

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "يناير|فبراير|مارس|أبريل|ابريل|ماي|مايو|يونيو|يوليوز|يوليو|غشت|أغسطس|شتنبر|سبتمبر|أكتوبر|اكتوبر|"
    "نونبر|نوفمبر|دجنبر|ديسمبر"
)
DATE_WORDS = re.compile(
    rf"(?<!\w)(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})(?!\w)",
    re.IGNORECASE,
)

_W = r"[^\W\d_][\w'’.-]*"  # a word that starts with a letter (any script)
_STOP = frozenset("""
et and y o u w ou pour for je i my mon ma please svp stp merci thanks à a au en in on to at of from with is est
es c'est the le la les el al los las de del des du dyal dial f fi men mn bghit 3afak afak ana but mais pero
que qui who which this that ce cette mi su your votre ton tu you vous he she il elle هو هي و في من على إلى الى
""".split())
_PARTICLES = frozenset("el al ben bin ibn bnou ould ait aït abd abou bou de del la van von der da di du le".split())
_CAP = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ]")


def _words_after(text: str, pos: int, allow_lower: bool, limit: int = 3) -> int:
    """End offset of up to `limit` name words starting at `pos` (0 if none)."""
    end = 0
    count = 0
    for m in re.compile(rf"[ \t]*({_W})").finditer(text, pos):
        if m.start() != pos:
            break
        word = m.group(1).rstrip(".'’-")
        lowered = word.lower()
        is_arabic = "\u0600" <= word[0] <= "\u06ff"
        if lowered in _PARTICLES and count:
            pos = m.end()
            continue
        if lowered in _STOP or not (allow_lower or is_arabic or _CAP.match(word)):
            break
        if is_arabic and count and word.startswith("و") and word not in lx.FIRST_NAMES_AR:
            break  # "محمد العلوي وعندي": the conjunction starts the next clause
        end = m.start(1) + len(word)
        pos = m.end()
        count += 1
        if count == limit:
            break
    return end


def _cue_pattern(cues: tuple[str, ...], title: bool) -> re.Pattern[str]:
    body = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    tail = r"\.?\s+" if title else r"\s*(?:[:,-]|is|est|c'est|es)?\s*"
    return re.compile(rf"(?<!\w)(?:{body}){tail}", re.IGNORECASE)


_STRONG = _cue_pattern(lx.NAME_STRONG_CUES, title=False)
_TITLES = _cue_pattern(lx.NAME_TITLES, title=True)
_WEAK = re.compile(r"(?<!\w)(?:i am|i'm|im|this is|je suis|moi c'est|c'est|soy|ana|أنا|انا|hada|hadi)\s+",
                   re.IGNORECASE)
_LATIN_WORD = re.compile(r"(?<![\w'’-])[A-Za-zÀ-ÖØ-öø-ÿ][a-zà-öø-ÿ'’-]+")


def persons(text: str, lower: str) -> Iterator[Candidate]:
    for m in _STRONG.finditer(text):
        end = _words_after(text, m.end(), allow_lower=True)
        if end:
            yield Candidate("PERSON", m.end(), end)
    for m in _TITLES.finditer(text):
        title = m.group().strip().rstrip(".").lower()
        # "si", "don", "m." and "dr" are ordinary words too: demand a capital after them
        strict = title in {"si", "don", "m", "dr", "ms", "sr", "sidi"}
        if strict and not _CAP.match(text, m.end()) and not "\u0600" <= text[m.end():m.end() + 1] <= "\u06ff":
            continue
        end = _words_after(text, m.end(), allow_lower=False)
        if end:
            yield Candidate("PERSON", m.end(), end)
    for m in _WEAK.finditer(text):
        word = re.match(rf"{_W}", text[m.end():])
        if word and word.group().lower().rstrip(".") in lx.FIRST_NAMES | lx.FIRST_NAMES_AR:
            end = _words_after(text, m.end(), allow_lower=True, limit=2)
            if end:
                yield Candidate("PERSON", m.end(), end)
    yield from _capitalised_runs(text)
    for m in _LATIN_WORD.finditer(text):
        word = m.group()
        if word[0].isupper() and word.lower() in lx.FIRST_NAMES:
            end = _words_after(text, m.start(), allow_lower=False)
            if end > m.start():  # "Ana sakn f ...": a listed name that is also a stop word is none
                yield Candidate("PERSON", m.start(), end)


_CAP_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*\.?")


# Words after which a capitalised pair is a person: "sung by Bonifacy Kaczmarek", "ask for Jonas Nielsen".
_NAME_CONTEXT = re.compile(
    r"(?<!\w)(?:by|called|named|under|with|contact|ask for|speak to|speak with|talk to|dear|hi|hello|thanks|cher|chère|"
    r"bonjour|salut|merci|hola|estimad[oa]|querid[oa]|gracias|avec|par|appelé|appelée|llamad[oa]|con|para|"
    r"m3a|3and|client|cliente|customer|agent|conseiller|conseillère|asesor|asesora)[ \t:,]+$", re.IGNORECASE)


def _capitalised_runs(text: str) -> Iterator[Candidate]:
    """Two or more capitalised words in a row that are not common words: "Krisztián Szöllösy"."""
    run: list[re.Match[str]] = []
    for m in [*_CAP_WORD.finditer(text), None]:
        word = m.group().rstrip(".") if m else ""
        usable = bool(m) and word[:1].isupper() and word.lower() not in lx.NOT_NAMES and not word.isupper()
        initial = bool(m) and len(word) == 1 and word.isupper() and m.group().endswith(".") or (
            bool(m) and len(word) == 1 and word.isupper())
        adjacent = bool(m) and bool(run) and text[run[-1].end():m.start()] in (" ", "")
        if m and (usable or (initial and run)) and (not run or adjacent):
            run.append(m)
            continue
        names = [r for r in run if len(r.group().rstrip(".")) > 1]
        has_initial = len(names) < len(run) and run[0] in names
        if 2 <= len(names) <= 3 and (has_initial or _NAME_CONTEXT.search(text, max(0, run[0].start() - 24),
                                                                          run[0].start())):
            last = run[-1] if len(run[-1].group().rstrip(".")) > 1 else names[-1]
            yield Candidate("PERSON", run[0].start(), last.start() + len(last.group().rstrip(".")), 0.5)
        run = [m] if m and usable else []


_STREET_ALT = "|".join(re.escape(w) for w in sorted(lx.STREET_WORDS, key=len, reverse=True))
# Words that come before the street's name (fr, es, Darija); English ones ("Dr", "St", "Way") come after it.
_STREET_FIRST_ALT = ("rue|avenue|av|ave|boulevard|bd|blvd|bld|impasse|allée|allee|chemin|quartier|résidence|residence|"
                     "lotissement|immeuble|imm|calle|avenida|plaza|paseo|carrera|camino|derb|zanqa|znqa|zenqa|hay|douar|riad")
_CITY_ALT = "|".join(re.escape(c) for c in sorted(lx.MOROCCAN_CITIES, key=len, reverse=True))
_NAME_WORDS = (r"(?:[ \t]+(?!(?:et|and|y|pour|for|je|i|my|mon|ma|please|svp|stp|merci|in|on|to|for|w|o)\b)"
               r"[\w'’.-]+){1,4}")
ADDRESS_PATTERNS = (
    # 12 rue Ibn Battouta / 5, avenue Hassan II / calle Mayor 3 / zanqa 7 derb Sultan
    re.compile(rf"(?<!\w)(?:\d{{1,5}}\s*(?:bis|ter)?,?\s*)?(?:{_STREET_FIRST_ALT})\b\.?{_NAME_WORDS}"
               r"(?:,?\s*(?:n°|no\.?|num(?:éro|ero)?|nº|#|رقم)?\s*\d{1,5}\w?(?!\w))?", re.IGNORECASE),
    # 1317 Kimberly Way / 95 Burton Avenue (number, capitalised words, street word)
    re.compile(rf"(?<!\w)\d{{1,5}}\w?\s+(?:[A-Z][\w'’-]*\.?\s+){{1,4}}(?i:{_STREET_ALT})\b\.?"),
    # Hauptstraße 5, Nybyvägen 65, Koskikatu 25
    re.compile(r"(?<!\w)(?:\d{1,5}\s+)?[A-Z][\w'’-]*(?:straße|strasse|str\.|weg|gasse|katu|vägen|gatan|veien|vej|"
               r"laan|straat|plein|allee|platz|tie|utca|ulica|vei)\s+\d{1,5}\w?(?!\w)"),
    # Arabic script: شارع محمد الخامس رقم 12
    re.compile(r"(?:(?<!\w)\d{1,5}\s*[,،]?\s*)?(?:شارع|زنقة|درب|حي|إقامة|اقامة|عمارة|تجزئة|دوار|زقاق|ساحة)"
               r"(?:\s+(?:[\u0600-\u06FF]+|\d{1,5}(?=\s*(?:رقم|ر\.)\s*\d)))"
               r"{1,4}(?:\s*(?:رقم|ر\.)?\s*\d{1,5})?"),
    re.compile(r"(?<!\w)(?:P\.?\s?O\.?\s?Box|B\.?P\.?|Bo[iî]te postale|Apartado|صندوق البريد|ص\.ب)\s*\.?\s*\d{1,6}",
               re.IGNORECASE),
    re.compile(r"(?<!\w)(?:(?:PSC|Unit)\s+\d{3,5},?\s*Box\s+\d{3,5}|(?:USNS|USNV|USS|USCGC)\s+[\w'’-]+)"
               r"(?:\s*,?\s*(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5})?", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}(?!\w)", re.IGNORECASE),
    re.compile(rf"(?<!\w)(?:\d{{5}}\s*,?\s*(?:{_CITY_ALT})|(?:{_CITY_ALT})\s*,?\s*\d{{5}})(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:Apt|Apartment|Suite|Unit|Appt|Appartement|Piso|Bureau)\.?\s*#?\s*\d{1,5}\w?(?!\w)",
               re.IGNORECASE),
)
_AR_CITIES = "|".join(sorted((c for c in lx.MOROCCAN_CITIES if "\u0600" <= c[0] <= "\u06ff"), key=len, reverse=True))
# "... حي المعاريف، الدار البيضاء": the city written after an Arabic-script address belongs to it
_AR_CITY_AFTER = re.compile(rf"[ \t]*[،,-]?[ \t]*(?:{_AR_CITIES})(?:[ \t]+\d{{5}})?(?![\w])")
# After an address: ", Apt. 4", "\n Grand Rapids\n United States 21959" (lines of a postal block).
_TAIL = re.compile(r"[ \t]*(?:,|\n)[ \t>]*(?:,[ \t]*)?([A-Z][^\n,.!?;:]{0,40}?\d{4,6}|\d{4,6}[^\n,.!?;:]{0,30}"
                   r"|[A-Z][\w'’.()-]*(?:[ \t]+[\w'’.()-]+){0,3}|[A-Z]{2})(?=[ \t]*(?:\n|,|$|\.))")


def addresses(text: str, lower: str) -> Iterator[Candidate]:
    spans: list[tuple[int, int]] = []
    for pattern in ADDRESS_PATTERNS:
        spans.extend((m.start(), m.end()) for m in pattern.finditer(text))
    if not spans:
        return
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1] + 3 and not text[merged[-1][1]:start].strip(" ,،\t\n>"):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        # Absorb the following lines of a postal block only if one of them carries a postal code.
        pos, best = end, end
        for _ in range(4):
            m = _TAIL.match(text, pos)
            if not m:
                break
            pos = m.end()
            if re.search(r"\d{4,6}", m.group(1)):
                best = pos
        city = _AR_CITY_AFTER.match(text, best)
        yield Candidate("ADDRESS", start, city.end() if city else best)
