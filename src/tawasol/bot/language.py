"""A last-resort guess of the customer's language when the NLU step has not labelled the message."""

from __future__ import annotations

import re

_ARABIC = re.compile("[\u0600-\u06ff]")
_WORD = re.compile(r"[^\W\d_]+|\w+", re.UNICODE)
# Words that only Darija uses (MSA writes them differently); Latin ones identify Arabizi.
_DARIJA = frozenset("""
واش شنو كيفاش فين بغيت ديال ديالي ديالك دابا راه علاش شحال هادي هاد كاين ماشي بزاف غادي كنبغي
عفاك مزيان والو حيت باش لابيس الفاكتورة فاكتورة نشارجي نخلص نبدل نلغي ماخدامش تقيلة
""".split())
_ARABIZI = frozenset("""
wach wash chno chnou kifach kifash fin bghit dyal dial dyali diali daba rah 3lach ch7al chhal hadi had
kayn machi bzaf ghadi 3afak mzyan walo hit bach nchargi nkhelles nbeddel nlghi makhdamch t9ila
ana nta 3andi 3ndi lfatoura fatoura lapuce tilifoun rezo linternet chkaya bghina mazal ma3lomat
""".split())
# Arabizi words that no French, English or Spanish sentence uses: one of them marks a code-switched message
# ("bghit ndouz l eSIM, comment ça marche le QR code?") as Darija.
# Greetings and courtesy ("salam", "merci bzaf", "shukran", "3afak") are sprinkled over French, English or
# Spanish by speakers of every language here: they mark nothing.
_COURTESY = frozenset("salam slm shukran chokran choukran bzaf wesh 3afak afak inchallah hamdullah safi wakha".split())
_SHARED = frozenset("fin had hadi ana nta bach hit walo rah kayn machi daba dial dyal".split())  # also fr/en/es
_ARABIZI_ONLY = _ARABIZI - _COURTESY - _SHARED
_FR = frozenset("le la les des une est je ne pas mon ma mes pour avec que qui quoi comment pourquoi "
                "vous votre est-ce ce cette sur dans au aux du j'ai".split())
_EN = frozenset("the is my i you your how what why can do does to of and with for it not have".split())
_ES = frozenset("el los las mi es cómo qué por está quiero tengo puedo dónde cuánto una del muy".split())


def guess_language(text: str) -> str:
    """fr, en, es, ar, ary or ary_Latn from script and a few marker words; "fr" when unsure."""
    words = [w.lower() for w in _WORD.findall(text)]
    if _ARABIC.search(text):
        return "ary" if any(w in _DARIJA or w.removeprefix("و") in _DARIJA for w in words) else "ar"
    if any(w in _ARABIZI for w in words) or any(re.search(r"[a-z][3790]|[3790][a-z]", w) for w in words):
        return "ary_Latn"
    if "¿" in text or "ñ" in text.lower():
        return "es"
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in (("fr", _FR), ("en", _EN), ("es", _ES))}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else "fr"


def darija_marked(text: str) -> bool:
    """Latin text with a word only Darija uses ("bghit", "chno", "3afak"): Arabizi, whatever else it mixes in."""
    words = re.findall(r"[^\W_]+", text.lower())
    return any(w in _ARABIZI_ONLY for w in words) or any(
        re.fullmatch(r"[a-z]+[3790][a-z]+|[3790][a-z]{2,}", w) for w in words if w not in _COURTESY)
