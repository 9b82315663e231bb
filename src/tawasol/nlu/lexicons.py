"""Hand-written word lists: Darija markers in both scripts, function words, and escalation cues.

All entries are in normalised form (see `normalize`): Arabic letter variants unified, Latin lower-case
without accents. Written for Tawasol; no list is taken from a data set. The lists live in
``seed/words.yaml`` and the escalation cues (regular expressions) in ``seed/cues.yaml``: add entries
there; this module reads them once and keeps the public names.
"""

from __future__ import annotations

import re

from tawasol.seeddata import load

_WORDS = load("nlu", "words.yaml")
_CUES = load("nlu", "cues.yaml")


def _words(key: str) -> frozenset[str]:
    return frozenset(_WORDS.text(key).split())


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


# Words that are frequent in Moroccan Darija written in Latin script and rare in fr/en/es.
DARIJA_LATIN = _words("darija_latin")
# Darija in Arabic script (normalised: ة -> ه, أ/إ/آ -> ا, ى -> ي).
DARIJA_ARABIC = _words("darija_arabic")
# Arabic-script words frequent in Darija but also in MSA or other dialects: weak evidence only.
DARIJA_ARABIC_WEAK = _words("darija_arabic_weak")
# Arabizi markers spelled by ear in Arabic script that are also common MSA or Mashreqi words.
PHONETIC_COLLISIONS = _words("phonetic_collisions")
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
