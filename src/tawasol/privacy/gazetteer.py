"""Word lists for the name/address model: the project's seed files, widened by Faker's locale lists when installed.

Faker (MIT) ships first names, family names, street types and city names for some eighty locales. They
are read from the installed package (nothing is downloaded) and only words in Latin or Arabic script
are kept, the scripts of the product's languages. Without Faker the seed lists alone are used, and the
model trained on them is versioned apart (`source()` is part of its version); TAWASOL_PII_GAZETTEER=seed
asks for the seed lists alone even when Faker is installed.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from tawasol.privacy import lexicon as lx
from tawasol.privacy import synth

_LETTERS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_STRIP = str.maketrans("’", "'")


def norm(word: str) -> str:
    return word.lower().translate(_STRIP)


def fold(word: str) -> str:
    """Lower case without accents: "Hélène" -> "helene"."""
    decomposed = unicodedata.normalize("NFD", norm(word))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _script_ok(word: str) -> bool:
    for ch in word:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not (name.startswith("LATIN") or name.startswith("ARABIC")):
                return False
    return True


@dataclass(frozen=True)
class Names:
    """Full names by origin, for the synthetic sentences: (locale, first names, family names)."""

    groups: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


def _values(provider: type, attr: str) -> list[str]:
    for klass in provider.__mro__:
        value = klass.__dict__.get(attr)
        if value is None:
            continue
        if isinstance(value, dict):
            return [str(v) for v in value]
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value]
        return []
    return []


def faker_wanted() -> bool:
    """TAWASOL_PII_GAZETTEER=seed builds the model from the project's seed lists only (a measure of what
    Faker's lists bring, or a smaller model); any other value, or none, widens them with Faker when installed."""
    return os.environ.get("TAWASOL_PII_GAZETTEER", "").strip().lower() != "seed"


def _faker_locales(kind: str) -> list[tuple[str, type]]:
    if not faker_wanted():
        return []
    try:
        package = importlib.import_module(f"faker.providers.{kind}")
    except ImportError:
        return []
    out = []
    for info in pkgutil.iter_modules(package.__path__):
        try:
            out.append((info.name, importlib.import_module(f"faker.providers.{kind}.{info.name}").Provider))
        except (ImportError, AttributeError):
            continue
    return out


def source() -> str:
    """Which lists the gazetteer holds: "seed" or "seed+faker-<version>"."""
    if not faker_wanted():
        return "seed"
    try:
        import faker
    except ImportError:
        return "seed"
    return f"seed+faker-{faker.VERSION}"


@lru_cache(maxsize=1)
def names() -> Names:
    s = synth.seed()
    groups: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [("seed", s.first, s.last)]
    for locale, provider in _faker_locales("person"):
        first = [n for attr in ("first_names", "first_names_male", "first_names_female")
                 for n in _values(provider, attr)]
        last = _values(provider, "last_names")
        first = sorted({n.strip() for n in first if n.strip() and _script_ok(n)})
        last = sorted({n.strip() for n in last if n.strip() and _script_ok(n)})
        if len(first) >= 10 and len(last) >= 10:
            groups.append((locale, tuple(first), tuple(last)))
    return Names(tuple(groups))


@lru_cache(maxsize=1)
def place_words() -> dict[str, tuple[str, ...]]:
    """Street types, street names and cities from Faker's address providers, by kind."""
    out: dict[str, set[str]] = {"street": set(), "street_name": set(), "city": set(), "country": set()}
    attrs = {
        "street": ("street_suffixes", "street_prefixes", "street_suffixes_long", "street_suffixes_short",
                   "street_prefixes_long", "street_prefixes_short", "street_types"),
        "street_name": ("street_names", "street_titles", "streets", "street_name_words"),
        "city": ("cities", "city_names", "cities_names", "city_list"),
        "country": ("countries",),
    }
    for _locale, provider in _faker_locales("address"):
        for kind, names_ in attrs.items():
            for attr in names_:
                for value in _values(provider, attr):
                    value = value.strip()
                    if value and len(value) < 40 and _script_ok(value):
                        out[kind].add(value)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _words(values: object) -> set[str]:
    out: set[str] = set()
    for value in values:  # type: ignore[attr-defined]
        for word in _LETTERS.findall(str(value).split("|")[0]):
            out.add(norm(word))
            out.add(fold(word))
    return out


@lru_cache(maxsize=1)
def lists() -> dict[str, frozenset[str]]:
    """Lower-cased (and accent-folded) word sets: first, last, street, city, country, title, org, common."""
    s = synth.seed()
    p = s.places
    first: set[str] = _words(lx.FIRST_NAMES) | _words(lx.FIRST_NAMES_AR)
    last: set[str] = set()
    for _, f, la in names().groups:
        first |= _words(f)
        last |= _words(la)
    extra = place_words()
    street = _words(list(lx.STREET_WORDS) + p["street_types_en"] + p["street_types_fr"] + p["street_types_es"]
                    + p["street_types_ma"] + p["street_types_ar"] + list(extra["street"])
                    + ["flat", "apt", "suite", "unit", "appt", "imm", "ul", "str", "rua", "via", "gate", "vej", "katu",
                       "strasse", "straße", "weg", "laan", "utca", "ulica", "cite", "cité"])
    street = {w for w in street if len(w) > 1 or w in {"c"}}
    cities = _words(p["cities_ma"] + p["cities_fr"] + p["cities_es"] + p["cities_us"] + p["cities_uk"]
                    + p["cities_ar"] + list(lx.MOROCCAN_CITIES) + list(extra["city"]))
    countries = _words(p["countries"] + list(extra["country"]))
    common = _words(lx.NOT_NAMES.split() if isinstance(lx.NOT_NAMES, str) else lx.NOT_NAMES)
    return {
        "first": frozenset(first),
        "last": frozenset(last),
        "street": frozenset(street),
        "city": frozenset(cities),
        "country": frozenset(countries),
        "title": frozenset(_words(lx.NAME_TITLES) | {"mr", "mrs", "ms", "dr", "prof", "sr", "sra", "mme", "mlle"}),
        "org": frozenset(_words(p["companies"] + p["products"])),
        "common": frozenset(common),
    }
