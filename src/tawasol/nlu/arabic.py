"""Arabic word analysis for intent features: clitic splitting and dialect words read as Modern Standard Arabic.

Intent models of the tenants are mostly trained on MSA (and French or English) examples, while customers
write in Darija, Levantine, Gulf or Egyptian Arabic. Two cheap bridges, used as extra features:
- clitics: the conjunction و, the article ال (with و/ف/ب/ك/ل before it) and the possessive or object
  suffixes are split off, so "وبطاقتي" and "البطاقة" share the stem "بطاق";
- dialect words: a hand-written map from frequent dialect words (Arabic script and Arabizi) to the MSA
  word a model trained on MSA has seen ("بغيت" and "bghit" -> "اريد", "فين" -> "اين", "دابا" -> "الان").

All forms are normalised (see `normalize`: ة -> ه, أ/إ/آ -> ا, ى -> ي). Written for Tawasol; no entry is
taken from a data set.
"""

from __future__ import annotations

import re

from tawasol.nlu.dialect_words import DARIJA_ARABIC, DARIJA_ARABIZI, FRENCH_LOANS_IN_ARABIZI
from tawasol.nlu.normalize import normalize

_ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
# longest first, so "وبال" is tried before "و"
# ب/ل/ف alone begin too many roots
_PREFIXES = ("وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "و")
_SUFFIXES = ("كما", "هما", "تها", "تهم", "تكم", "تنا", "تي", "ته", "تك", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ات",
             "ون", "ين", "ي", "ك", "ه")
_MIN_STEM = 3

# dialect (Darija, Levantine, Gulf, Egyptian, Tunisian) -> MSA; one MSA word each, normalised
_DIALECT = {
    # want / need
    "بغيت": "اريد", "بغا": "يريد", "بغينا": "نريد", "نبغي": "اريد", "كنبغي": "اريد", "بغيتي": "تريد", "تبغي": "تريد",
    "بدي": "اريد", "بدنا": "نريد", "بدك": "تريد", "ابغى": "اريد", "ابغي": "اريد", "ابغا": "اريد", "ابي": "اريد",
    "عايز": "اريد", "عاوز": "اريد", "عايزه": "اريد", "نحب": "اريد", "حابب": "اريد", "ودي": "اريد",
    "خاصني": "احتاج", "خصني": "احتاج", "محتاج": "احتاج", "لازمني": "احتاج",
    # question words
    "فين": "اين", "فاين": "اين", "وين": "اين", "فوين": "اين", "منين": "من اين",
    "كيفاش": "كيف", "كيداير": "كيف", "ازاي": "كيف", "شلون": "كيف", "كيفن": "كيف",
    "علاش": "لماذا", "لاش": "لماذا", "ليش": "لماذا", "ليه": "لماذا", "لويش": "لماذا",
    "شنو": "ماذا", "اشنو": "ماذا", "شنوه": "ماذا", "شنا": "ماذا",
    "شو": "ماذا", "ايش": "ماذا", "وش": "ماذا", "اش": "ماذا",
    "واش": "هل", "امتا": "متى", "امتى": "متى", "وقتاش": "متى", "ايمتى": "متى",
    "شحال": "كم", "بشحال": "بكم", "قداش": "كم", "قديش": "كم", "كام": "كم",
    # time, quantity, negation, existence
    "دابا": "الان", "هسا": "الان", "هلق": "الان", "توا": "الان", "الحين": "الان", "دلوقتي": "الان",
    "مازال": "ما زال", "مازالت": "ما زالت", "مازالش": "لم", "مزالت": "ما زالت",
    "مزال": "ما زال", "باقي": "ما زال", "لسه": "ما زال", "لسا": "ما زال", "للحين": "ما زال", 
    "بزاف": "كثيرا", "برشا": "كثيرا", "كتير": "كثيرا", "وايد": "كثيرا", "اوي": "جدا",
    "ماشي": "ليس", "مش": "ليس", "مو": "ليس", "موب": "ليس", "والو": "لا شيء",
    "كاين": "يوجد", "كاينه": "يوجد", "ماكاينش": "لا يوجد", "مافيش": "لا يوجد", "مافي": "لا يوجد",
    "ديال": "ل", "ديالي": "لي", "ديالك": "لك", "تاع": "ل", "بتاع": "ل", "بتاعي": "لي",
    # verbs of customer service
    "وصلاتني": "وصلني", "جاني": "وصلني", "خلصت": "دفعت", "خلص": "دفع", "نخلص": "ادفع", 
    "صيفط": "ارسل", "سيفط": "ارسل", "صيفطت": "ارسلت", "سيفطت": "ارسلت", "بعتت": "ارسلت", "رسلت": "ارسلت",
    "ضاع": "فقد", "ضاعت": "فقدت", "ضيعت": "فقدت", "تلفت": "فقدت",
    "ودرت": "فقدت", "سرقو": "سرقوا", "تسرقت": "سرقت", "انسرقت": "سرقت",
    "نقدر": "استطيع", "قدرت": "استطعت", "بقدر": "استطيع", "اقدر": "استطيع", "اقدرش": "لا استطيع", "نقدرش": "لا استطيع",
    "عطيني": "اعطني", "عطاوني": "اعطوني", "بدل": "غير", "نبدل": "اغير", "بدلت": "غيرت", "حيد": "الغ", "نحيد": "الغي",
    "شفت": "رايت", "شوف": "انظر", "خدام": "يعمل", "خدامه": "تعمل", "تخدم": "تعمل", "شغال": "يعمل", "شغاله": "تعمل",
    "خسرات": "تعطلت", "خاسره": "معطله", "خربانه": "معطله", "بايظه": "معطله",
    "عافاك": "من فضلك", "عفاك": "من فضلك", "الله يخليك": "من فضلك", "لو سمحت": "من فضلك", "بليز": "من فضلك",
    "حيت": "لان", "عشان": "لان", "علشان": "لان", "لانو": "لان",
    "شي": "بعض", "شويه": "قليلا", "شوي": "قليلا", "شويا": "قليلا",
    # banking and telecom nouns
    "لاكارط": "البطاقه", "كارطه": "بطاقه", "الكارطه": "البطاقه", "كارت": "بطاقه", "الكارت": "البطاقه",
    "الكونط": "الحساب", "كونط": "حساب", "لاكونط": "الحساب",
    "الفلوس": "المال", "فلوس": "مال", "فلوسي": "مالي", "مصاري": "مال",
    "البنكه": "البنك", "بنكه": "بنك", "الكيشي": "الصراف", "الجيشي": "الصراف", "الكاش": "نقدا", "كاش": "نقدا",
    "الفاكتوره": "الفاتوره", "فاكتوره": "فاتوره", "الفاتورا": "الفاتوره",
    "التيليفون": "الهاتف", "البورطابل": "الهاتف", "الموبايل": "الهاتف",
    # more Darija of banking and customer service (French loans in Arabic script, everyday verbs); words that are
    # also frequent MSA words with another meaning are left out (كلا "both", دار "house", قل "say")
    "كارطا": "بطاقه", "لاكارت": "البطاقه", "الكود": "الرمز",
    "كود": "رمز", "المودباس": "رمز المرور", "مودباس": "رمز المرور",
    "الموديباس": "رمز المرور", "الباسورد": "رمز المرور", "باسورد": "رمز المرور",
    "الصولد": "الرصيد", "صولد": "رصيد", "السولد": "الرصيد",
    "الفيرمون": "التحويل", "فيرمون": "تحويل", "لفيرمون": "التحويل", "نفيري": "احول", "فيريت": "حولت", "فيرا": "حول",
    "الفريس": "الرسوم", "فريس": "رسوم", "الفراي": "الرسوم",
    "فراي": "رسوم", "الكوميسيون": "العموله", "كوميسيون": "عموله",
    "الدوفيز": "العمله", "دوفيز": "عمله", "الاورو": "اليورو", "اورو": "يورو", "تصريف": "صرف",
    "الشارجمون": "التعبئه", "شارجمون": "تعبئه", "الشارج": "التعبئه", "نشارجي": "اعبئ", "شارجيت": "عبات", "شارجا": "عبا",
    "الابليكاسيون": "التطبيق", "ابليكاسيون": "تطبيق",
    "لابليكاسيون": "التطبيق", "الابليكيشن": "التطبيق", "الابلكيشن": "التطبيق",
    "فيرتويل": "افتراضيه", "فيرتوال": "افتراضيه", "فيرتيال": "افتراضيه", "فيزيك": "فعليه", "فيزيكيه": "فعليه",
    "ريمبورسمون": "استرداد", "الريمبورسمون": "الاسترداد",
    "ريفوند": "استرداد", "اوتوماتيك": "تلقائيا", "اوطوماتيك": "تلقائيا",
    "الحانوت": "المتجر", "حانوت": "متجر", "الشريه": "الشراء", "شريت": "اشتريت", "نشري": "اشتري", "شرا": "اشترى",
    "بلوكا": "حظر", "تبلوكا": "حظر", "تبلوكات": "حظرت",
    "مبلوكي": "محظور", "مبلوكيه": "محظوره", "نديبلوكي": "الغي الحظر",
    "نتسنى": "انتظر", "تسنيت": "انتظرت", "كنتسنا": "انتظر", "نتسنا": "انتظر", "سيمانه": "اسبوع", "السيمانه": "الاسبوع",
    "جات": "وصلت", "جا": "وصل", "جاو": "وصلوا", "باقا": "ما زال", "باقه": "ما زالت", "بقات": "تعد", "بقا": "يعد",
    "ندير": "افعل", "دير": "افعل", "درت": "قمت", "نجيب": "احصل", "جبت": "حصلت", "نلقى": "اجد", "لقيت": "وجدت",
    "نخرج": "اسحب", "نجبد": "اسحب", "جبدت": "سحبت", "ياخد": "ياخذ", "تاخد": "تاخذ", "خد": "خذ", "ملي": "عندما",
    "كلاها": "ابتلعها", "كلاتها": "ابتلعتها", "بلع": "ابتلع",
    "بلعات": "ابتلعت", "دازت": "تمت", "داز": "تم", "يدوز": "يتم", "دوز": "يتم",
    "نسد": "اغلق", "سد": "اغلق", "نحل": "افتح", "حليت": "فتحت", "نخدم": "استخدم", "خدمت": "استخدمت",
    "تبدل": "تغير", "تبدلات": "تغيرت", "غالط": "خطا", "غلط": "خطا",
    "تلت": "ثلاث", "جوج": "اثنين", "عطاني": "اعطاني", "عطا": "اعطى",
    "اللي": "الذي", "ليا": "لي", "ليك": "لك", "بلا": "بدون", "نعرف": "اعرف", "كنظن": "اعتقد", "كنضن": "اعتقد",
    "ناكد": "اتحقق", "نتاكد": "اتحقق", "خدامين": "تعملون", "البارح": "امس",
}

# Darija in Latin script (Arabizi), normalised lower-case -> MSA
_ARABIZI = {
    "bghit": "اريد", "bghina": "نريد", "nbghi": "اريد", "kanbghi": "اريد",
    "bgha": "يريد", "khassni": "احتاج", "khasni": "احتاج",
    "fin": "اين", "fen": "اين", "fayn": "اين", "fine": "اين", "kifach": "كيف", "kifash": "كيف", "kifax": "كيف",
    "3lach": "لماذا", "3lash": "لماذا", "3lax": "لماذا", "lach": "لماذا",
    "chno": "ماذا", "achno": "ماذا", "xno": "ماذا", "shno": "ماذا",
    "wach": "هل", "wash": "هل", "wax": "هل", "imta": "متى",
    "chhal": "كم", "ch7al": "كم", "bch7al": "بكم", "bchhal": "بكم",
    "daba": "الان", "dba": "الان", "mazal": "ما زال", "ba9i": "ما زال",
    "bzaf": "كثيرا", "bezaf": "كثيرا", "machi": "ليس", "mashi": "ليس",
    "walo": "لا شيء", "kayn": "يوجد", "kayna": "يوجد", "makaynch": "لا يوجد",
    "dyal": "ل", "dial": "ل", "dyali": "لي", "diali": "لي",
    "wslni": "وصلني", "wsletni": "وصلني", "khlest": "دفعت",
    "khlst": "دفعت", "nkhles": "ادفع", "sift": "ارسلت", "siftt": "ارسلت",
    "sifet": "ارسل", "dya3": "فقد", "dyaat": "فقدت", "dye3t": "فقدت",
    "tsr9at": "سرقت", "tsre9t": "سرقت", "n9der": "استطيع", "9dert": "استطعت",
    "3tini": "اعطني", "nbdel": "اغير", "bdel": "غير", "bdelt": "غيرت",
    "khdam": "يعمل", "khdama": "تعمل", "3afak": "من فضلك", "afak": "من فضلك",
    "7it": "لان", "hit": "لان", "chi": "بعض", "chwiya": "قليلا",
    "lflous": "المال", "flous": "مال", "flousi": "مالي", "lcarte": "البطاقه",
    "lkarta": "البطاقه", "karta": "بطاقه", "lbanka": "البنك", "lcompte": "الحساب",
    "lkont": "الحساب", "lfactura": "الفاتوره", "lfatura": "الفاتوره",
}

_DIALECT = {**DARIJA_ARABIC, **_DIALECT}  # more Darija banking/everyday words (dialect_words.py); entries above win
_ARABIZI = {**DARIJA_ARABIZI, **_ARABIZI}

# the maps are written as people spell; keys and values take the normalised form the features see (ى -> ي...)
_DIALECT = {normalize(k): normalize(v) for k, v in _DIALECT.items()}
_ARABIZI = {normalize(k): normalize(v) for k, v in _ARABIZI.items()}
# French words of Darija speech ("la carte", "virement"), read as MSA only inside a message known to be Arabizi
_ARABIZI_LOANS = {normalize(k): normalize(v) for k, v in FRENCH_LOANS_IN_ARABIZI.items()}
_LATIN_RUN = re.compile(r"[a-z0-9']*[a-z][a-z0-9']*")


def strip_clitics(word: str) -> str:
    """The stem of one normalised Arabic word without its leading conjunction/preposition/article, trailing pronoun."""
    if not _ARABIC_WORD.match(word):
        return word
    stem = word
    for prefix in _PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= _MIN_STEM:
            stem = stem[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= _MIN_STEM:
            stem = stem[: -len(suffix)]
            break
    return stem


def stem_candidates(word: str) -> list[str]:
    """Every reading of one normalised Arabic word as clitics around a stem of 3+ letters, the whole word first,
    for look-ups in a word list (where a wrong cut finds nothing): a single ف/ب/ل in front is tried too."""
    if not _ARABIC_WORD.match(word):
        return [word]
    fronts = [word] + [word[len(p) :] for p in (*_PREFIXES, "ف", "ب", "ل")
                       if word.startswith(p) and len(word) - len(p) >= _MIN_STEM]
    found = []
    for front in fronts:
        found.append(front)
        found += [front[: -len(s)] for s in _SUFFIXES if front.endswith(s) and len(front) - len(s) >= _MIN_STEM]
    return found


def dialect_to_msa(word: str) -> str | None:
    """The MSA word for a normalised dialect word (Arabic script or Arabizi), if the map knows it."""
    found = _DIALECT.get(word) or _ARABIZI.get(word)
    if found is None and _ARABIC_WORD.match(word):
        for prefix in ("و", "ف", "ب"):  # "وبغيت", "بلاكارط"; "فين" is itself in the map
            if word.startswith(prefix) and word[1:] in _DIALECT:
                return _DIALECT[word[1:]]
        if len(word) > 4 and word.startswith("ما") and word.endswith("ش"):  # Darija/Egyptian negation ما...ش
            inner = word[2:-1]
            return "لا " + (_dialect_verb(inner) or inner)
        if len(word) > 3 and word.endswith("ش") and (inner := _dialect_verb(word[:-1])):  # "ما دازتش": ما written apart
            return "لا " + inner
        return _dialect_verb(word)
    return found


def _dialect_verb(word: str) -> str | None:
    """A Darija verb form of a map entry: aspect markers كـ/تـ (present) and غا/غـ (future) in front of the
    personal prefix ن/ت/ي ("كنتسنى", "غانصيفط" -> "صيفط"), and the plural -و ("كتاخدو")."""
    found = _DIALECT.get(word)
    if found is not None or len(word) <= 3:
        return found
    for marker in ("غا", "ك", "ت", "غ", ""):
        rest = word[len(marker) :]
        if word.startswith(marker) and rest[:1] in ("ن", "ت", "ي"):
            if marker and (found := _DIALECT.get(rest)):
                return found
            if len(rest) > 3 and (found := _DIALECT.get(rest[1:])):  # the bare stem: "نصيفط" -> "صيفط"
                return found
    return _dialect_verb(word[:-1]) if word.endswith("و") else None


_ARABIC_RUN = re.compile("[\u0621-\u064a]+")


def msa_reading(normalized: str) -> str:
    """A normalised message with each Arabic-script dialect word the map knows replaced by its MSA word(s), so
    that all n-grams of a Darija message meet those of an MSA-trained model ("فين لاكارط" -> "اين البطاقه").
    Arabizi words stay as they are: "fin" or "hit" are also French or English words."""
    return _ARABIC_RUN.sub(lambda m: dialect_to_msa(m.group()) or m.group(), normalized)


def knows_arabizi(normalized: str) -> bool:
    """Whether a normalised message holds a word that `arabizi_reading` would read (a cheap test before language id)."""
    return any(w in _ARABIZI or w in _ARABIZI_LOANS for w in _LATIN_RUN.findall(normalized))


def arabizi_reading(normalized: str) -> str:
    """A normalised Arabizi message with the words the maps know (Darija words, and the French loans Darija speakers
    use: "la carte", "virement") replaced by their MSA words, so that all its n-grams meet those of a model trained
    on Arabic script ("fin wslat la carte" -> "اين وصلت لا بطاقه"). Only for messages the language identifier calls
    `ary_Latn`: "fin", "hit" or "carte" are also French or English words."""
    return _LATIN_RUN.sub(lambda m: _ARABIZI.get(m.group()) or _ARABIZI_LOANS.get(m.group()) or m.group(), normalized)


def arabic_views(words: list[str]) -> tuple[list[str], list[str]]:
    """Stems of the words (Arabic words only), and the MSA words that dialect words stand for."""
    stems = [strip_clitics(w) for w in words if _ARABIC_WORD.match(w)]
    msa = [m for w in words if (m := dialect_to_msa(w)) is not None]
    return stems, msa
