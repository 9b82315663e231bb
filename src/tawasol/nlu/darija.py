"""The one Darija resource of tawasol.nlu: marker words in both scripts and Darija read as MSA.

Read once from ``seed/darija.yaml`` (add entries there). Markers (frozensets) tell the language identifier a
message is Darija; the ``*_TO_MSA`` maps (Darija word -> the MSA word an MSA-trained model knows) feed
`arabic`'s maps. `lexicons` and `dialect_words` keep their old names for these objects by importing them here.
"""

from __future__ import annotations

from tawasol.seeddata import load

_SEED = load("nlu", "darija.yaml")

# Words frequent in Darija written in Latin script and rare in fr/en/es.
MARKERS_LATIN: frozenset[str] = frozenset(_SEED.text("markers_latin").split())
# Darija in Arabic script.
MARKERS_ARABIC: frozenset[str] = frozenset(_SEED.text("markers_arabic").split())
# Arabic-script words frequent in Darija but also in MSA or other dialects: weak evidence only.
MARKERS_ARABIC_WEAK: frozenset[str] = frozenset(_SEED.text("markers_arabic_weak").split())
# Arabizi markers spelled by ear in Arabic script that are also common MSA or Mashreqi words: no evidence.
PHONETIC_COLLISIONS: frozenset[str] = frozenset(_SEED.text("phonetic_collisions").split())

# Darija in Arabic script -> MSA; Darija in Latin script (Arabizi) -> MSA; French banking words inside Arabizi
# (read only in a message already known to be Darija in Latin script).
ARABIC_TO_MSA: dict[str, str] = _SEED.texts_by_key("arabic_to_msa")
ARABIZI_TO_MSA: dict[str, str] = _SEED.texts_by_key("arabizi_to_msa")
FRENCH_LOANS_IN_ARABIZI: dict[str, str] = _SEED.texts_by_key("french_loans_in_arabizi")
