"""Hand-written word lists: Darija markers in both scripts (from `darija`), function words, and escalation cues.

All entries are in normalised form (see `normalize`): Arabic letter variants unified, Latin lower-case
without accents. Written for Tawasol; no list is taken from a data set. The lists live in
``seed/words.yaml`` (the Darija ones in ``seed/darija.yaml``)
and the escalation cues (regular expressions) in ``seed/cues.yaml``: add entries there; this module reads
them once and keeps the public names.
"""

from __future__ import annotations

import re

from tawasol.nlu.darija import MARKERS_ARABIC, MARKERS_ARABIC_WEAK, MARKERS_LATIN
from tawasol.nlu.darija import PHONETIC_COLLISIONS as PHONETIC_COLLISIONS
from tawasol.seeddata import load

_WORDS = load("nlu", "words.yaml")
_CUES = load("nlu", "cues.yaml")


def _words_by_language(key: str) -> dict[str, frozenset[str]]:
    return {language: frozenset(text.split()) for language, text in _WORDS.texts_by_key(key).items()}


def _patterns(key: str) -> list[str]:
    patterns = list(_CUES.strings(key))
    for i, pattern in enumerate(patterns):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise _CUES.error(f"{key}[{i}]", f"invalid regular expression: {exc}") from exc
    return patterns


# The Darija markers (tawasol.nlu.darija, seed/darija.yaml) under their old names here.
DARIJA_LATIN = MARKERS_LATIN
DARIJA_ARABIC = MARKERS_ARABIC
DARIJA_ARABIC_WEAK = MARKERS_ARABIC_WEAK
# Frequent function words per language, to spot code-switching within Latin script.
FUNCTION_WORDS = _words_by_language("function_words")

# Escalation cues, matched on normalised text. Each pattern adds evidence to its signal.
HUMAN_REQUEST = _patterns("human_request")
ANGER = _patterns("anger")
FRUSTRATION = _patterns("frustration")
URGENCY = _patterns("urgency")
# A customer leaving for a competitor or cancelling because of the service: a person (retention) takes it.
CHURN_THREAT = _patterns("churn_threat")

SIGNAL_PATTERNS = {
    name: [re.compile(p) for p in patterns]
    for name, patterns in {
        "human_request": HUMAN_REQUEST,
        "anger": ANGER,
        "frustration": FRUSTRATION,
        "urgency": URGENCY,
        "churn_threat": CHURN_THREAT,
    }.items()
}

# Very frequent words per European language (normalised: lower case, no accents), written for Tawasol.
# On two-word messages lingua often hesitates between en/fr/es; these words tip the balance.
FREQUENT_WORDS = _words_by_language("frequent_words")
