"""Context cues and small name/place lists, written for this project, in fr, en, es, ar and Darija (both scripts).

A cue found shortly before a candidate raises a weak pattern (a bare 8-digit number, a code like
'ab12345') to an identifier. Lists stay short on purpose: they are read at import and kept in memory.
The lists live in ``seed/lexicon.yaml`` (add entries there); this module keeps the public names.
"""

from __future__ import annotations

from tawasol.seeddata import load

_SEED = load("privacy", "lexicon.yaml")

PHONE_CUES: tuple[str, ...] = _SEED.strings("phone_cues")
CARD_CUES: tuple[str, ...] = _SEED.strings("card_cues")
ACCOUNT_CUES: tuple[str, ...] = _SEED.strings("account_cues")
CIN_CUES: tuple[str, ...] = _SEED.strings("cin_cues")
PASSPORT_CUES: tuple[str, ...] = _SEED.strings("passport_cues")
NATIONAL_ID_CUES: tuple[str, ...] = _SEED.strings("national_id_cues")
DOB_CUES: tuple[str, ...] = _SEED.strings("dob_cues")
CURRENCY_CUES: tuple[str, ...] = _SEED.strings("currency_cues")
NAME_STRONG_CUES: tuple[str, ...] = _SEED.strings("name_strong_cues")
NAME_TITLES: tuple[str, ...] = _SEED.strings("name_titles")
FIRST_NAMES: frozenset[str] = frozenset(_SEED.text("first_names").split())
FIRST_NAMES_AR: frozenset[str] = frozenset(_SEED.text("first_names_ar").split())
MOROCCAN_CITIES: tuple[str, ...] = _SEED.strings("moroccan_cities")
STREET_WORDS: tuple[str, ...] = _SEED.strings("street_words")
NOT_NAMES: frozenset[str] = frozenset(_SEED.text("not_names").split())
