"""More Moroccan Darija words read as Modern Standard Arabic: banking and everyday customer-service vocabulary.

Merged into `arabic._DIALECT` / `arabic._ARABIZI` (entries already there win). Written by hand for Tawasol from
how Moroccan customers write (French loans in Arabic letters: لاكارط, الكونط, الفيرمو, الروشارج, الگيشي...;
Darija verbs in the forms the map's verb reading does not reach: past tense, 3rd person feminine, participles);
no entry is taken from a data set. Keys and values are in the normalised form the features see (`normalize`:
ة -> ه, أ/إ/آ -> ا, ى/ئ -> ي, گ -> ك, پ -> ب, ڤ -> ف); each value is the MSA word(s) an MSA-trained model knows.

Left out on purpose: Arabic-script words that are frequent MSA (or Mashreqi) words with another meaning (نفعل
"we do", خلاص "enough", عمر "age", زوج "husband", خرجت "I went out", ولا, غير), and Arabizi words that are also
common French, English or Spanish words (carte, virement, frais, compte, retrait, code, had, bla...): only the
Darija forms of the French loans (glued article, Darija conjugation: lcarte, lvirement, nchargi, tbloka) are here.
The Darija words that are also European words (ban, dima, galia, bach, ila) sit with the French loans in
FRENCH_LOANS_IN_ARABIZI, which is read only inside a message the language identifier calls Darija in Latin script.

The entries live in ``seed/darija.yaml`` (the one Darija resource, read by `tawasol.nlu.darija`); this
module keeps the old names.
"""

from __future__ import annotations

from tawasol.nlu.darija import ARABIC_TO_MSA, ARABIZI_TO_MSA, FRENCH_LOANS_IN_ARABIZI

# Darija in Arabic script -> MSA
DARIJA_ARABIC: dict[str, str] = ARABIC_TO_MSA
# Darija in Latin script (Arabizi), lower case without accents -> MSA
DARIJA_ARABIZI: dict[str, str] = ARABIZI_TO_MSA

__all__ = ["DARIJA_ARABIC", "DARIJA_ARABIZI", "FRENCH_LOANS_IN_ARABIZI"]
