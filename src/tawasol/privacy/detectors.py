"""Regex + validator detectors of personal data; `detect(text)` returns non-overlapping entities.

Why no NER model: every customer message goes through here before anything else sees it, so the
budget is well under a millisecond; patterns with checksums and context cues meet it on one core.
Arabic-Indic and Persian digits are mapped to ASCII first (one character for one, so offsets hold).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tawasol.domain.analysis import Entity
from tawasol.privacy import lexicon as lx
from tawasol.privacy.validators import dni_ok, iban_ok, ip_ok, luhn_ok, nir_ok, rib_ok

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC = re.compile(r"[\u0600-\u06FF]")

# Which type wins when two candidates overlap: checksummed identifiers first, guesses last.
PRIORITY = {
    "EMAIL": 100, "IBAN": 95, "RIB": 95, "CARD": 90, "IP": 88, "NATIONAL_ID": 85, "PASSPORT": 82,
    "CIN": 80, "PHONE": 70, "DOB": 60, "ADDRESS": 50, "PERSON": 40,
}
ENTITY_TYPES = tuple(PRIORITY)


@dataclass(frozen=True)
class Candidate:
    type: str
    start: int
    end: int
    score: float = 1.0


def _cue_regex(cues: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for cue in sorted(set(cues), key=len, reverse=True):
        body = re.escape(cue)
        if _ARABIC.search(cue):
            parts.append(body)  # Arabic clitics attach to the word (برقم, فالهاتف): match inside words
        elif len(cue) <= 3:
            parts.append(rf"(?<!\w){body}(?!\w)")
        else:
            parts.append(rf"(?<!\w){body}")
    return re.compile("|".join(parts))


_CUES = {
    "PHONE": _cue_regex(lx.PHONE_CUES + ("nmrti", "nmerti", "ra9mi", "raqmi", "nmr", "numr")),
    "CARD": _cue_regex(lx.CARD_CUES),
    "ACCOUNT": _cue_regex(lx.ACCOUNT_CUES),
    "CIN": _cue_regex(lx.CIN_CUES),
    "PASSPORT": _cue_regex(lx.PASSPORT_CUES),
    "NATIONAL_ID": _cue_regex(lx.NATIONAL_ID_CUES),
    "DOB": _cue_regex(lx.DOB_CUES),
    "CURRENCY": _cue_regex(lx.CURRENCY_CUES),
}


def _cue(kind: str, lower: str, start: int, end: int, before: int = 48, after: int = 0) -> bool:
    pattern = _CUES[kind]
    if pattern.search(lower, max(0, start - before), start):
        return True
    return bool(after) and bool(pattern.search(lower, end, min(len(lower), end + after)))


EMAIL = re.compile(r"(?<![\w.+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])")
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])")
IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,34}")
# Runs of digits with the separators people type in phone, card and account numbers.
NUMBER_RUN = re.compile(
    r"(?<![\w+/.-])(?:\+\s?|\b00)?(?:\(\d{1,4}\)\s?)?\d+"
    r"(?:(?:[ \u00a0]?[-./][ \u00a0]?|[ \u00a0]|\s?\(\d{1,4}\)\s?)\d+)*"
    r"(?:\s?(?:x|ext\.?|poste)\s?\d{1,6}(?!\w))?(?![\w]|:\d)"
)
_NOT_PHONE = re.compile(r"licen[cs]e|permis|order|commande|pedido|ref|invoice|facture|factura|tracking|colis|dossier"
                        r"|ticket|zip|postal|código|codigo")
_STRONG_PHONE = _cue_regex(c for c in lx.PHONE_CUES if c not in {"number", "numéro", "numero", "num", "n°", "no.",
                                                                "office", "desk", "contact"})
SEPARATOR = re.compile(r"[^\d]+")
DATE_NUMERIC = re.compile(r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2})")
US_SSN = re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])")
CIN = re.compile(r"(?<![\w])([A-Za-z]{1,2})[ -]?(\d{3,6})(?!\w)")
PASSPORT = re.compile(r"(?<![\w])(?:[A-Za-z]{2}\d{7}|\d{2}[A-Za-z]{2}\d{5}|[A-Za-z]{3}\d{6})(?!\w)")
PASSPORT_LOOSE = re.compile(r"(?<![\w])(?=[A-Za-z0-9]{6,10}(?!\w))(?=[A-Za-z]*\d)[A-Za-z0-9]{6,10}(?!\w)")
DNI = re.compile(r"(?<![\w])(?:\d{8}|[XYZxyz][ -]?\d{7})[ -]?[A-Za-z](?!\w)")


def _email(text: str, lower: str) -> Iterator[Candidate]:
    for m in EMAIL.finditer(text):
        yield Candidate("EMAIL", m.start(), m.end())


def _ip(text: str, lower: str) -> Iterator[Candidate]:
    for m in IPV4.finditer(text):
        if ip_ok(m.group()):
            yield Candidate("IP", m.start(), m.end())
    if ":" in text:
        for m in IPV6.finditer(text):
            value = m.group()
            if value.count(":") >= 2 and any(ch not in ":" for ch in value) and ip_ok(value):
                yield Candidate("IP", m.start(), m.end())


def _iban(text: str, lower: str) -> Iterator[Candidate]:
    for m in IBAN.finditer(text):
        raw = m.group()
        positions = [i for i, ch in enumerate(raw) if ch.isalnum()]
        # The pattern may run into the next word: keep the longest prefix that passes mod-97.
        for length in range(len(positions), 14, -1):
            end = positions[length - 1] + 1
            if end < len(raw) and raw[end].isalnum():
                continue  # an IBAN ends at a group boundary
            if iban_ok("".join(raw[i] for i in positions[:length])):
                yield Candidate("IBAN", m.start(), m.start() + end)
                break


def _is_date(raw: str) -> bool:
    m = DATE_NUMERIC.match(raw)
    if not m or (m.end() < len(raw) and raw[m.end()] not in " \u00a0"):
        return False
    a, b, c = (int(x) for x in re.findall(r"\d+", m.group()))
    if a > 31:  # year first
        return 1 <= b <= 12 and 1 <= c <= 31
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _classify_digits(raw: str, digits: str, text: str, lower: str, start: int, end: int) -> str | None:
    n = len(digits)
    international = raw.startswith("+") or raw.startswith("00")
    separated = bool(SEPARATOR.search(raw.lstrip("+")))
    if n == 24 and (rib_ok(digits) or _cue("ACCOUNT", lower, start, end)):
        return "RIB"
    if n == 15 and nir_ok(digits):
        return "NATIONAL_ID"
    if (not international and 12 <= n <= 19 and luhn_ok(digits) and not re.search(r"[().+/]", raw)
            and (digits[0] in "23456" or _cue("CARD", lower, start, end))):
        return "CARD"
    if international:
        national = digits[2:] if raw.startswith("00") else digits
        return "PHONE" if 8 <= len(national) <= 15 else None
    if n == 9 and _cue("NATIONAL_ID", lower, start, end):
        return "NATIONAL_ID"
    cue = _cue("PHONE", lower, start, end, 48, 24)
    negative = max((m.end() for m in _NOT_PHONE.finditer(lower, max(0, start - 40), start)), default=-1)
    if negative >= 0 and negative > max((m.end() for m in _STRONG_PHONE.finditer(lower, max(0, start - 48), start)),
                                        default=-1):
        return None  # "licence number 6940579", "commande 5130634": the nearest cue says it is no phone
    if _is_date(raw):
        return None
    groups = re.findall(r"\d+", raw)
    if len(groups) == 2 and not re.fullmatch(r"0[5-7]\d{8}|0[1-9]\d{8}", digits) and (
            re.match(r"[ \t]+[A-Z]", text[end:end + 3]) or (not cue and re.match(r"[ \t]+[^\W\d]", text[end:end + 3]))):
        return None  # "17151 2450 Crown St", "3610-114 in": house numbers and postcodes, unless called a phone
    if re.fullmatch(r"\d{1,3}(?:[ .\u00a0]\d{3})+", raw) and _cue("CURRENCY", lower, start, end, 8, 10):
        return None  # an amount such as "1 500 000 dh", not a phone
    if re.fullmatch(r"0[5-7]\d{8}|212[5-7]\d{8}|0[1-9]\d{8}|[67]\d{8}", digits):
        return "PHONE"  # Moroccan (0[5-7]), French (0[1-9]) and Spanish mobile (6, 7) numbers
    if separated and 7 <= n <= 14 and max(len(g) for g in groups) <= 8:
        return "PHONE"
    if 10 <= n <= 11 or (cue and 6 <= n <= 15):
        return "PHONE"
    return None


def _numbers(text: str, lower: str) -> Iterator[Candidate]:
    for m in NUMBER_RUN.finditer(text):
        raw = m.group()
        if US_SSN.fullmatch(raw):
            yield Candidate("NATIONAL_ID", m.start(), m.end())
            continue
        groups = list(re.finditer(r"\+?\d+", raw))
        # Try the whole run, then drop a stray leading or trailing group ("en 2019 0612345678").
        spans = [(0, len(groups))] + [(0, len(groups) - k) for k in range(1, min(3, len(groups)))]
        spans += [(k, len(groups)) for k in range(1, min(3, len(groups)))]
        for first, last in spans:
            s = m.start() + (groups[first].start() if first else 0)
            e = m.start() + groups[last - 1].end() if last < len(groups) else m.end()
            piece = text[s:e]
            kind = _classify_digits(piece, "".join(ch for ch in piece if ch.isdigit()), text, lower, s, e)
            if kind:
                yield Candidate(kind, s, e)
                break


def _ids(text: str, lower: str) -> Iterator[Candidate]:
    for m in DNI.finditer(text):
        if dni_ok(m.group()):
            yield Candidate("NATIONAL_ID", m.start(), m.end())
    passport_cue = _CUES["PASSPORT"].search(lower) is not None
    for m in (PASSPORT_LOOSE if passport_cue else PASSPORT).finditer(text):
        if passport_cue and not _cue("PASSPORT", lower, m.start(), m.end(), 60) and not PASSPORT.fullmatch(m.group()):
            continue
        if sum(ch.isdigit() for ch in m.group()) >= 5:
            yield Candidate("PASSPORT", m.start(), m.end())
    for m in CIN.finditer(text):
        letters, digits = m.group(1), m.group(2)
        cue = _cue("CIN", lower, m.start(), m.end(), 60)
        if cue and len(digits) >= 4 or (letters.isupper() and len(digits) >= 5):
            yield Candidate("CIN", m.start(), m.end(), 1.0 if cue else 0.5)


def _dob(text: str, lower: str) -> Iterator[Candidate]:
    from tawasol.privacy.names import DATE_WORDS

    for pattern in (DATE_NUMERIC, DATE_WORDS):
        for m in pattern.finditer(text):
            if _cue("DOB", lower, m.start(), m.end(), 60, 30):
                yield Candidate("DOB", m.start(), m.end())


def _people_and_places(text: str, lower: str) -> Iterator[Candidate]:
    from tawasol.privacy.names import addresses, persons

    yield from _with_evidence(text, _raw_people_and_places(text, lower, addresses, persons))


def _raw_people_and_places(text: str, lower: str, addresses, persons) -> Iterator[Candidate]:  # type: ignore[no-untyped-def]
    for cand in addresses(text, lower):
        yield from _unquoted(cand, text)
    yield from persons(text, lower)
    from tawasol.privacy import ner

    try:
        spans = list(ner.tag(text))
    except ner.ModelUnavailable as exc:  # not built yet (or no crfsuite): never train inside a message
        _warn_fallback(str(exc))
        yield from _linear_tagger(text)
        return
    for label, start, end in spans:
        start, end = _tidy_span(label, text, start, end)
        if label == "PERSON":
            start, end = ner.trim(label, text, start, end)
        if end - start > 1 and ner.plausible(label, text, start, end):
            yield from _unquoted(Candidate(label, start, end, 0.9), text)


def _evidence_lists() -> dict:
    from tawasol.privacy import gazetteer, ner

    try:
        return ner.model().lists
    except ner.ModelUnavailable:
        return gazetteer.lists()


def _with_evidence(text: str, candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    """Only the people and addresses with real evidence (privacy/evidence.py): ordinary words stay as typed."""
    from tawasol.privacy.evidence import address_ok, person_ok

    lists = None
    rejected: list[Candidate] = []
    accepted: list[Candidate] = []
    names: set[str] = set()
    for cand in candidates:
        lists = lists if lists is not None else _evidence_lists()
        check = person_ok if cand.type == "PERSON" else address_ok
        if check(text, cand.start, cand.end, lists):
            accepted.append(cand)
            if cand.type == "PERSON":
                names.add(text[cand.start:cand.end])
            yield cand
        else:
            rejected.append(cand)
    # a name accepted once in the message is a name wherever else it is written ("Jouni ... Jouni Hahli")
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 3:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            yield Candidate("PERSON", m.start(), m.end(), 0.85)
    places = [c for c in accepted if c.type == "ADDRESS"]
    for cand in rejected:
        if cand.type == "PERSON" and text[cand.start:cand.end] in names:
            yield cand
        elif cand.type == "ADDRESS" and any(_touching(text, cand, place) for place in places):
            yield cand  # the house number, street line or postcode next to an address is part of it


def _touching(text: str, a: Candidate, b: Candidate) -> bool:
    """Whether two spans are next to each other, with at most separators (spaces, commas, '>' marks) between."""
    gap = text[a.end:b.start] if a.end <= b.start else text[b.end:a.start] if b.end <= a.start else ""
    return a.start < b.end and b.start < a.end or (len(gap) <= 6 and not re.search(r"[^\W_]|[.;!?]", gap))


_QUOTED_LINE = re.compile(r"\n[ \t]*[^\w\s(]")


def _unquoted(cand: Candidate, text: str) -> Iterator[Candidate]:
    """An address over quoted or bulleted lines ("> 12 Main St\n> Springfield") is cut at the line marks, which stay."""
    if not _QUOTED_LINE.search(text, cand.start, cand.end):
        yield cand
        return
    for m in re.finditer(r"[^\n]+", text[cand.start:cand.end]):
        start, end = cand.start + m.start(), cand.start + m.end()
        while start < end and not (text[start].isalnum() or text[start] == "("):
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if end > start:
            yield Candidate(cand.type, start, end, cand.score)


_warned: list[str] = []


def _warn_fallback(reason: str) -> None:
    if not _warned:
        _warned.append(reason)
        import logging

        logging.getLogger(__name__).warning(
            "PII name/address CRF unavailable (%s); meanwhile names and addresses are found by the cue and "
            "lexicon rules and, when built, the linear tagger", reason)


def _linear_tagger(text: str) -> Iterator[Candidate]:
    """The fallback tagger, only if its weights are already built: no training inside a message either."""
    from tawasol.privacy.tagger import plausible, ready_weights, tag

    weights = ready_weights()
    if weights is None:
        return
    for label, start, end, prob in tag(text, weights):
        start, end = _tidy_span(label, text, start, end)
        if end - start > 1 and plausible(label, text, start, end):
            yield Candidate(label, start, end, prob)


def _tidy_span(label: str, text: str, start: int, end: int) -> tuple[int, int]:
    """A tagger's span without edge punctuation, and for a person without "'s" or the next Arabic clause."""
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    while start < end and text[start] in _EDGE:
        start += 1
    if label == "PERSON" and text[end - 2:end] in ("'s", "’s"):
        end -= 2
    if label == "PERSON":
        end = _arabic_clause_cut(text, start, end)
    return start, end


def _arabic_clause_cut(text: str, start: int, end: int) -> int:
    """"فاطمة الزهراء وبغيت": a word glued to the conjunction و starts the next clause, not the name."""
    from tawasol.privacy.lexicon import FIRST_NAMES_AR

    for m in re.finditer(r"[\u0600-\u06FF]+", text[start:end]):
        if m.start() and m.group().startswith("و") and m.group() not in FIRST_NAMES_AR:
            return start + len(text[start:start + m.start()].rstrip())
    return end


_EDGE = frozenset(" \t\n,.;:!?()'\"-–«»،؛؟")
DETECTORS = (_email, _iban, _ip, _numbers, _ids, _dob, _people_and_places)


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: higher priority first, then the longer one."""
    candidates = list(candidates)
    places: list[Candidate] | None = [c for c in candidates if c.type == "ADDRESS"]
    # "APO AE 09123", "Springfield, IL 62704": a code without any CIN cue inside a postal address is its postcode
    candidates = [c for c in candidates if not (c.type == "CIN" and c.score < 1.0 and any(
        p.start <= c.start and c.end <= p.end for p in places or ()))]
    ranked = sorted(candidates, key=lambda c: (-PRIORITY[c.type], -(c.end - c.start), c.start))
    kept: list[Candidate] = []

    def free(cand: Candidate) -> bool:
        return all(cand.end <= k.start or cand.start >= k.end for k in kept)

    for cand in ranked:
        if cand.type == "ADDRESS":
            continue
        if PRIORITY[cand.type] < PRIORITY["ADDRESS"] and places is not None:
            # the address guesses that no identifier contradicts, overlapping ones joined
            kept.extend(_union([p for p in places if free(p)]))
            places = None
        if free(cand):
            kept.append(cand)
    if places is not None:
        kept.extend(_union([p for p in places if free(p)]))
    return sorted(kept, key=lambda c: c.start)


def _names_before_addresses(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """An address span that starts with a person's name ("Sophie Lang  3482 Via Franscini") starts after it."""
    people = [c for c in candidates if c.type == "PERSON"]
    out = []
    for cand in candidates:
        if cand.type == "ADDRESS":
            for person in people:
                if cand.start <= person.start < cand.end and person.end < cand.end and person.start - cand.start <= 2:
                    start = person.end
                    while start < cand.end and not text[start].isalnum():
                        start += 1
                    cand = Candidate("ADDRESS", start, cand.end, cand.score)
        out.append(cand)
    return out


def _union(places: list[Candidate]) -> list[Candidate]:
    """Overlapping address guesses (rules, model) are one address: "12 زنقة ..." + "زنقة ...، الدار البيضاء"."""
    out: list[Candidate] = []
    for cand in sorted(places, key=lambda c: c.start):
        if out and cand.start < out[-1].end:
            last = out[-1]
            out[-1] = Candidate("ADDRESS", last.start, max(last.end, cand.end), max(last.score, cand.score))
        else:
            out.append(cand)
    return out


def detect(text: str) -> list[Entity]:
    """Personal data found in `text`, as entities with offsets into `text` itself."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    ascii_digits = text.translate(_DIGITS)
    lower = ascii_digits.lower()
    if len(lower) != len(ascii_digits):  # a few letters (İ) lengthen when lowered: keep offsets aligned
        lower = "".join(ch.lower()[:1] for ch in ascii_digits)
    found: list[Candidate] = []
    for detector in DETECTORS:
        found.extend(detector(ascii_digits, lower))
    found = _names_before_addresses(text, found)
    return [Entity(type=c.type, text=text[c.start:c.end], start=c.start, end=c.end) for c in resolve(found)]
