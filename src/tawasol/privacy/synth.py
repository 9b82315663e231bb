"""Synthetic, labelled training sentences for the name and address tagger, built from the project's seed lists.

Everything comes from `seed/` (names, places, templates written for this project) and a seeded
random generator, so the same version always yields the same corpus. Besides listed names, a share
of the people get invented names (syllables from several languages) so that the tagger learns the
shape and context of a name rather than a list; companies, products, cities, months and capitalised
titles fill the other slots so that it also learns what is not a name.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEED_DIR = Path(__file__).with_name("seed")
Span = tuple[str, int, int]


def _words(name: str) -> list[str]:
    text = (SEED_DIR / name).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in (SEED_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections[current].append(line.strip())
    return sections


@dataclass(frozen=True)
class Seed:
    first: tuple[str, ...]
    last: tuple[str, ...]
    places: dict[str, list[str]]
    templates: dict[str, list[str]]


@lru_cache(maxsize=1)
def seed() -> Seed:
    first = tuple(dict.fromkeys(_words("first_names.txt")))
    last = tuple(dict.fromkeys(_words("surnames.txt")))
    return Seed(first, last, _sections("places.txt"), _sections("templates.txt"))


_ONSETS = ("b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "r", "s",
           "sh", "st", "t", "tr", "v", "w", "y", "z", "zh", "kh", "gh", "sz", "cz", "ł", "ž", "š")
_VOWELS = ("a", "e", "i", "o", "u", "ou", "ai", "ia", "ie", "é", "á", "ó", "ö", "ü", "y", "ei", "ea")
_CODAS = ("", "", "", "n", "r", "l", "s", "k", "t", "m", "rd", "nd", "ck", "tz", "ff", "ski", "ez", "son", "ov",
          "ić", "ová", "ini", "ard", "ani", "aoui", "ssi", "berg", "mann", "ton", "ley", "ey")
_TITLES = {
    "en": ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss", "Prof."),
    "fr": ("M.", "Mme", "Madame", "Monsieur", "Mlle", "Dr", "Maître"),
    "es": ("Sr.", "Sra.", "Señor", "Señora", "Don", "Doña", "Dr."),
    "ary": ("si", "Si", "lalla", "moulay", "Madame", "Monsieur"),
    "ar": ("السيد", "السيدة", "الدكتور"),
    "neg": ("Mr",),
}
_AR_FIRST = ("محمد", "أحمد", "يوسف", "فاطمة", "خديجة", "كريم", "سعاد", "مريم", "عمر", "ليلى", "رشيد", "نادية",
             "حمزة", "سلمى", "إدريس", "زينب", "هشام", "أمينة", "ياسين", "سناء")
_AR_LAST = ("العلوي", "بناني", "التازي", "الإدريسي", "العمراني", "الفاسي", "برادة", "الشرايبي", "المنصوري",
            "الزياني", "الحجاجي", "بنجلون", "الكتاني", "السلاوي", "الخطيب", "الصديقي", "بوزيد", "الرحموني")
_MONTHS = ("January", "March", "April", "May", "June", "August", "October", "December", "janvier", "mars", "mai",
           "juin", "septembre", "décembre", "enero", "abril", "mayo", "julio", "octubre", "يناير", "ماي", "غشت")
_DAYS = ("Monday", "Tuesday", "Friday", "Sunday", "lundi", "mardi", "vendredi", "samedi", "lunes", "viernes",
         "domingo", "الاثنين", "الجمعة", "nhar lkhmis", "nhar tnin")
_UK_POSTCODES = ("SW1A 2AA", "M1 1AE", "B33 8TH", "LS1 4AP", "EH1 2NG", "CF10 1EP", "BS1 6QA", "G2 3JD")


def _invented(rng: random.Random) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 3))) + rng.choice(_CODAS)
    return word[:1].upper() + word[1:]


def _person(rng: random.Random, lang: str, s: Seed) -> str:
    if lang == "ar":
        return rng.choice(_AR_FIRST) + (" " + rng.choice(_AR_LAST) if rng.random() < 0.7 else "")
    invent = rng.random() < 0.35
    first = _invented(rng) if invent and rng.random() < 0.5 else rng.choice(s.first)
    last = _invented(rng) if invent else rng.choice(s.last)
    r = rng.random()
    if r < 0.50:
        name = f"{first} {last}"
    elif r < 0.60:
        name = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    elif r < 0.68:
        name = f"{first[0]}. {last}"
    elif r < 0.76:
        name = f"{first} {last}-{rng.choice(s.last)}" if rng.random() < 0.5 else f"{first} {rng.choice(s.last)} {last}"
    elif r < 0.82:
        name = f"{first} {rng.choice(('El', 'Ben', 'Ait', 'de', 'van', 'Al', 'Mac'))} {last}"
    else:
        name = first if rng.random() < 0.6 else last
    r = rng.random()
    if lang == "ary" and r < 0.3 or r < 0.02:
        name = name.lower()
    elif r < 0.09:
        name = name.upper()
    return name


def _number(rng: random.Random) -> str:
    return str(rng.choice((rng.randint(1, 30), rng.randint(1, 300), rng.randint(100, 99999))))


def _address(rng: random.Random, lang: str, s: Seed) -> str:
    p = s.places
    n = _number(rng)
    style = {"en": rng.choice(("us", "us", "uk", "eu")), "fr": rng.choice(("fr", "fr", "ma")),
             "es": "es", "ary": "ma", "ar": "ar"}.get(lang, "us")
    if rng.random() < 0.12:
        style = rng.choice(("us", "uk", "fr", "es", "ma", "eu"))
    if style == "us":
        city, state = rng.choice(p["cities_us"]).split("|")
        street = f"{n} {rng.choice(p['street_names_en'])} {rng.choice(p['street_types_en'])}"
        if rng.random() < 0.3:
            street += rng.choice((", Apt ", " Apt. ", ", Suite ", " Unit ", " #")) + str(rng.randint(1, 999))
        r = rng.random()
        if r < 0.35:
            return street
        sep = "\n" if r < 0.6 else ", "
        return f"{street}{sep}{city}, {state} {rng.randint(10000, 99999)}"
    if style == "uk":
        street = f"{n} {rng.choice(p['street_names_en'])} {rng.choice(p['street_types_en'])}"
        if rng.random() < 0.3:
            street = f"Flat {rng.randint(1, 40)}, {street}"
        r = rng.random()
        return street if r < 0.4 else f"{street}{', ' if r < 0.7 else chr(10)}{rng.choice(p['cities_uk'])} " \
                                      f"{rng.choice(_UK_POSTCODES)}"
    if style == "eu":
        root = _invented(rng)
        street = f"{root}{rng.choice(('straße', 'weg', 'gasse', 'vej', 'gatan', 'laan', 'ova', 'utca'))} {n}"
        return street if rng.random() < 0.5 else f"{street}{rng.choice((', ', chr(10)))}{rng.randint(1000, 99999)} " \
                                                 f"{_invented(rng)}"
    if style == "fr":
        street = f"{n}{rng.choice(('', '', ' bis', ','))} {rng.choice(p['street_types_fr'])} " \
                 f"{rng.choice(p['street_names_fr'])}"
        r = rng.random()
        return street if r < 0.4 else f"{street}{', ' if r < 0.8 else chr(10)}{rng.randint(10000, 95999)} " \
                                      f"{rng.choice(p['cities_fr'])}"
    if style == "es":
        street = f"{rng.choice(p['street_types_es']).capitalize()} {rng.choice(p['street_names_es'])}" \
                 f"{rng.choice((' ', ', ', ' nº '))}{n}"
        if rng.random() < 0.4:
            street += f", {rng.randint(1, 9)}º {rng.choice('ABCD')}"
        r = rng.random()
        return street if r < 0.4 else f"{street}, {rng.randint(1000, 52999):05d} {rng.choice(p['cities_es'])}"
    if style == "ma":
        kind = rng.choice(p["street_types_ma"])
        r = rng.random()
        if r < 0.5:
            street = f"{n}{rng.choice((' ', ', '))}{kind} {rng.choice(p['street_names_ma'])}"
        elif r < 0.7:
            street = f"{kind} {rng.choice(p['street_names_ma'])} {rng.choice(('n°', 'no', 'rقم', ''))}{n}".replace(
                "rقم", "رقم ")
        else:
            street = f"Résidence {rng.choice(p['street_names_ma'])}, Imm {rng.randint(1, 40)}, " \
                     f"Appt {rng.randint(1, 30)}"
        r = rng.random()
        if r < 0.5:
            return street
        zip_code = f" {rng.randint(10000, 93000)}" if r < 0.75 else ""
        return f"{street}, {rng.choice(p['cities_ma'])}{zip_code}"
    # Arabic script
    street = f"{rng.choice(p['street_types_ar'])} {rng.choice(p['street_names_ar'])}"
    if rng.random() < 0.6:
        street += f" رقم {n}"
    return street if rng.random() < 0.5 else f"{street} {rng.choice(p['cities_ar'])}"


def _fill(template: str, lang: str, rng: random.Random, s: Seed) -> tuple[str, list[Span]]:
    p = s.places
    out: list[str] = []
    spans: list[Span] = []
    pos = 0
    cities = {"ar": "cities_ar", "fr": "cities_fr", "es": "cities_es", "ary": "cities_ma"}
    template = template.replace("\\n", "\n")
    for m in re.finditer(r"\{(\w)\}", template):
        out.append(template[pos:m.start()])
        pos = m.end()
        slot = m.group(1)
        start = sum(map(len, out))
        label = None
        if slot == "P":
            value, label = _person(rng, lang, s), "PERSON"
        elif slot == "F":
            value, label = (rng.choice(_AR_FIRST) if lang == "ar" else rng.choice(s.first)), "PERSON"
        elif slot == "L":
            value, label = (rng.choice(_AR_LAST) if lang == "ar" else rng.choice(s.last)), "PERSON"
        elif slot == "A":
            value, label = _address(rng, lang, s), "ADDRESS"
        elif slot == "T":
            value = rng.choice(_TITLES.get(lang, _TITLES["en"]))
        elif slot == "C":
            value = rng.choice(p[cities.get(lang, rng.choice(("cities_us", "cities_uk", "cities_ma")))])
            value = value.split("|")[0]
        elif slot == "K":
            value = rng.choice(p["countries"])
        elif slot == "O":
            value = rng.choice(p["companies"])
        elif slot == "R":
            value = rng.choice(p["products"])
        elif slot == "M":
            value = rng.choice(_MONTHS)
        elif slot == "D":
            value = rng.choice(_DAYS)
        elif slot == "Y":
            value = str(rng.randint(1995, 2024))
        else:
            value = str(rng.randint(2, 500))
        out.append(value)
        if label:
            spans.append((label, start, start + len(value)))
    out.append(template[pos:])
    text = "".join(out)
    return text, spans


def corpus(size: int = 9000, seed_value: int = 20240611) -> list[tuple[str, list[Span]]]:
    """`size` labelled sentences, always the same for the same arguments and seed files."""
    s = seed()
    rng = random.Random(seed_value)
    langs = [(lang, t) for lang, ts in s.templates.items() for t in ts]
    samples = []
    for _ in range(size):
        lang, template = rng.choice(langs)
        samples.append(_fill(template, lang, rng, s))
    return samples
