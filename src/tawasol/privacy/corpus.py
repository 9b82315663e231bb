"""Labelled synthetic sentences for the name/address model, from the project's templates and word lists.

It widens `synth`: names of many origins (seed lists and, when installed, Faker's locale lists, see
`gazetteer`), invented names, street addresses in the formats of many countries on one or several
lines, lower/upper-case variants, and a second set of customer-service templates
(`seed/templates_cs.txt`). Same arguments, same corpus; `split` gives disjoint train and dev corpora.
"""

from __future__ import annotations

import random
import re
import zlib

from tawasol.privacy import gazetteer, synth

Span = synth.Span
_JOBS = ("Sales Manager", "Account Executive", "Customer Success Lead", "Software Engineer", "Directeur commercial",
         "Chef de projet", "Responsable RH", "Jefe de ventas", "Office Manager", "Head of Operations", "Comptable",
         "Ingénieur réseau", "Technicien", "Consultant", "Gerente", "Product Owner", "Administrative Assistant")
_DOMAINS = ("gmail.com", "hotmail.fr", "yahoo.com", "outlook.com", "menara.ma", "orange.fr", "example.org")
_PARTICLES = ("El", "Ben", "Ait", "de", "van", "Al", "Mac", "von", "da", "del", "ter", "Bou", "Ould", "di", "la")
_UNITS = ("Apt", "Apt.", "Apartment", "Suite", "Unit", "Flat", "#", "Floor", "Bldg", "Appt", "Bureau", "Piso", "Étage")
_STATES = ("CA", "NY", "TX", "FL", "IL", "WA", "MA", "ON", "QC", "NSW", "BC", "AB", "OH", "GA", "NC", "AZ")
_COUNTRIES = ("Morocco", "France", "Spain", "United States", "USA", "United Kingdom", "Canada", "Belgium",
              "Germany", "Netherlands", "Portugal", "Italy", "Switzerland", "Tunisia", "Algeria", "Senegal",
              "Ireland", "Sweden", "Norway", "Poland", "Brazil", "Mexico", "Australia", "Maroc", "España",
              "Deutschland", "Nederland", "Sverige", "Polska", "Brasil", "Österreich", "Danmark", "Suomi")


def _pool() -> dict[str, list[str]]:
    """Street names, street types, cities from the seed lists and the gazetteer's extra words."""
    p = synth.seed().places
    extra = gazetteer.place_words()
    street_names = p["street_names_en"] + p["street_names_fr"] + p["street_names_es"] + p["street_names_ma"]
    street_names += [w for w in extra["street_name"] if len(w) > 2][:6000]
    types_after = p["street_types_en"] + [w for w in extra["street"] if w[:1].isupper() and " " not in w][:600]
    types_before = (p["street_types_fr"] + p["street_types_es"] + p["street_types_ma"]
                    + ["Rua", "Via", "Viale", "Avenida", "ul.", "Calle", "C/", "Avda.", "Rue", "Straße", "Plaza",
                       "Travessa", "Largo", "Piazza", "Av.", "Al.", "Strada", "Cité", "Quartier", "Hay", "Lot"])
    cities = [c.split("|")[0] for k in ("cities_ma", "cities_fr", "cities_es", "cities_us", "cities_uk")
              for c in p[k]] + list(extra["city"])[:20000]
    return {"names": street_names, "after": types_after, "before": types_before, "cities": cities,
            "suffix": ["straße", "strasse", "weg", "gasse", "vej", "gatan", "vägen", "laan", "straat", "katu",
                       "tie", "utca", "veien", "gade", "allee", "platz", "ring", "dreef", "plein", "kuja"]}


_COMPANY_FORMS = ("{L} Inc.", "{L} Ltd", "{L} & Sons", "{L}, {L} and {L}", "{L} Group", "{L} PLC", "{L} LLC",
                  "{L} SARL", "{L} GmbH", "{L} & Co", "{L} and {L}", "{L}-{L}", "{L} Consulting", "{L} Motors",
                  "{L} Holdings", "Maison {L}", "Groupe {L}", "Hermanos {L}", "{L} Hardware", "{L} Pharmacy")
_NUMERIC = ("{d}/{m}/{y}", "{y}-{m2}-{d2}", "{h}:{mi}", "{h}h{mi}", "{n}%", "top {n}", "#{n}", "{n} MAD", "{n},{c} €",
            "${n}.{c}", "{n} dirhams", "{d} {month} {y}", "v{n}.{d}", "{n} GB", "{n} Mbps", "{n} km", "section {n}",
            "page {d}", "chapter {d}", "Article {d}", "step {d}", "option {d}", "level {d}", "room {n}", "gate {d}",
            "line {d}", "table {d}", "Flight {n}", "bus {d}", "week {d}", "Season {d}", "iOS {d}", "Windows {d}")
# Sentence openings prefixed to some sentences, so that the model sees them before names and addresses as
# often as before anything else: they are neither a name nor a cue ("Voilà, Jean Moreau a ...", "rani f ...").
_OPENERS = {
    "en": ("Well,", "So", "Hi,", "Hello,", "Anyway,", "Honestly,", "Ok,", "Sorry,", "Yes,", "Also,", "Look,", "Hey,"),
    "fr": ("Alors,", "Bref,", "Sinon,", "Donc", "Voilà,", "Enfin,", "Bon,", "Bonjour,", "Oui,", "Franchement,", "Euh",
           "Ah,", "Salut,", "Bonsoir,"),
    "es": ("Bueno,", "Oye,", "Vale,", "Pues", "Mira,", "Claro,", "Hola,", "Sí,", "Entonces", "Perdón,", "Buenas,"),
    "ary": ("salam,", "rah", "iwa", "safi,", "wakha,", "3afak", "khouya,", "sahbi,", "daba", "smeh liya,", "allo,",
            "wach", "rani", "hna"),
    "ar": ("السلام عليكم،", "عافاك", "مرحبا،", "من فضلك،", "الله يخليك،", "صافي،", "واخا،", "دابا"),
}
_URLS = ("https://www.{w}.com/", "http://{w}.ma/help", "www.{w}.fr", "{w}.es/contacto", "https://{w}.net/{w2}")


class Generator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lower_all = False
        self.seed = synth.seed()
        self.groups = gazetteer.names().groups
        self.latin = [g for g in self.groups if not _arabic(g[1][0])]
        self.arabic = [g for g in self.groups if _arabic(g[1][0])]
        self.pool = _pool()

    # -- people -------------------------------------------------------------------------------
    def _first_last(self, arabic: bool) -> tuple[str, str]:
        rng = self.rng
        if arabic:
            if self.arabic and rng.random() < 0.6:
                _, first, last = rng.choice(self.arabic)
                return rng.choice(first), rng.choice(last)
            return rng.choice(synth._AR_FIRST), rng.choice(synth._AR_LAST)
        r = rng.random()
        if r < 0.15:
            return synth._invented(rng), synth._invented(rng)
        if r < 0.35:
            return rng.choice(self.seed.first), rng.choice(self.seed.last)
        _, first, last = rng.choice(self.latin)
        return rng.choice(first), rng.choice(last)

    def person(self, lang: str, part: str = "P") -> str:
        rng = self.rng
        arabic = lang == "ar"
        first, last = self._first_last(arabic)
        if not arabic and rng.random() < 0.07:
            first = f"{first}-{self._first_last(False)[0]}"  # compound first names: Jean-Baptiste, Marie-Claire
        if part == "F":
            name = first
        elif part == "L":
            name = last
        elif arabic:
            name = f"{first} {last}" if rng.random() < 0.75 else first
        else:
            r = rng.random()
            if r < 0.52:
                name = f"{first} {last}"
            elif r < 0.60:
                name = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.choice(('.', '', '.'))} {last}"
            elif r < 0.65:
                name = f"{first[0]}. {last}"
            elif r < 0.73:
                _, _, more = rng.choice(self.latin)
                name = (f"{first} {last}-{rng.choice(more)}" if rng.random() < 0.4
                        else f"{first} {rng.choice(more)} {last}")
            elif r < 0.79:
                name = f"{first} {rng.choice(_PARTICLES)} {last}"
            elif r < 0.84:
                name = f"{last} {first}"
            else:
                name = first if rng.random() < 0.55 else last
        r = rng.random()
        if lang == "ary" and r < 0.35 or r < 0.08:
            name = name.lower()
            # people who type names in lower case type everything so, save the Darija "smiti karim"
            self.lower_all = self.lower_all or lang != "ary" or rng.random() < 0.5
        elif r < 0.13:
            name = name.upper()
        return name

    # -- addresses ----------------------------------------------------------------------------
    def _street_name(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.2:
            first, last = self._first_last(False)
            return f"{first} {last}" if rng.random() < 0.5 else last
        if r < 0.3:
            return synth._invented(rng)
        return rng.choice(self.pool["names"])

    def _number(self) -> str:
        rng = self.rng
        n = str(rng.choice((rng.randint(1, 40), rng.randint(1, 400), rng.randint(10, 99999))))
        if rng.random() < 0.06:
            n += rng.choice(("A", "B", " bis", "-" + str(rng.randint(1, 20))))
        return n

    def _unit(self) -> str:
        unit = self.rng.choice(_UNITS)
        return f"{unit} {self.rng.randint(1, 999)}" if unit != "#" else f"#{self.rng.randint(1, 999)}"

    def _city_line(self, style: str) -> str:
        rng = self.rng
        city = rng.choice(self.pool["cities"])
        if rng.random() < 0.2:
            city = city.upper()
        zip5 = f"{rng.randint(1000, 99999):05d}"
        if style == "us":
            line = f"{city}, {rng.choice(_STATES)} {zip5}" if rng.random() < 0.8 else f"{city} {rng.choice(_STATES)}"
        elif style == "uk":
            line = f"{city} {rng.choice(synth._UK_POSTCODES)}" if rng.random() < 0.7 else city
        else:
            line = f"{zip5 if rng.random() < 0.7 else rng.randint(1000, 9999)} {city}" if rng.random() < 0.7 else city
        if rng.random() < 0.3:
            line += rng.choice((", ", " ", "\n")) + rng.choice(_COUNTRIES)
        return line

    def _arabic_street(self) -> str:
        rng = self.rng
        p = self.seed.places
        kind = rng.choice(p["street_types_ar"])
        r = rng.random()
        if r < 0.2:
            name = str(rng.randint(1, 120))  # "زنقة 14"
        elif r < 0.35:
            first, last = self._first_last(True)
            name = f"{first} {last}" if rng.random() < 0.5 else last
        else:
            name = rng.choice(p["street_names_ar"])
        street = f"{kind} {name}"
        r = rng.random()
        if r < 0.35:
            street = f"{self._number()}{rng.choice((' ', ' ', '، ', ', '))}{street}"
        elif r < 0.65:
            street += f"{rng.choice((' ', '، ', ' '))}{rng.choice(('رقم ', 'رقم ', 'ر ', 'عدد ', ''))}{self._number()}"
        return street

    def _arabic_address(self) -> str:
        """Moroccan addresses in Arabic script: number, street type and name, district, building, city, in any order
        people write them ("12 زنقة ...، حي ...، الدار البيضاء", "حي ...، زنقة 14 رقم 9، الرباط")."""
        rng = self.rng
        p = self.seed.places
        district = f"{rng.choice(('حي', 'حي', 'تجزئة', 'إقامة', 'الحي', 'دوار'))} {rng.choice(p['districts_ar'])}"
        building = f"عمارة {rng.randint(1, 60)}{rng.choice((' ', '، '))}شقة {rng.randint(1, 40)}"
        r = rng.random()
        if r < 0.45:
            parts = [self._arabic_street()]
            if rng.random() < 0.5:
                parts.append(district)
        elif r < 0.7:
            parts = [district, self._arabic_street()]
        elif r < 0.85:
            parts = [district] + ([f"رقم {self._number()}"] if rng.random() < 0.6 else [])
        else:
            parts = [f"{rng.choice(('إقامة', 'اقامة'))} {rng.choice(p['street_names_ar'])}", building]
            if rng.random() < 0.5:
                parts.reverse()
        if rng.random() < 0.7:
            city = rng.choice(p["cities_ar"])
            if rng.random() < 0.2:
                city += f" {rng.randint(10000, 93000)}"
            parts.append(city)
        sep = rng.choice(("، ", "، ", ", ", " ", " - ", "\n"))
        return sep.join(parts)

    def address(self, lang: str) -> str:
        rng = self.rng
        if lang == "ar":
            return self._arabic_address() if rng.random() < 0.8 else synth._address(rng, "ar", self.seed)
        if rng.random() < 0.3:
            return synth._address(rng, lang, self.seed)
        style = rng.choice(("us", "us", "uk", "before", "before", "suffix", "after_num"))
        n = self._number()
        if style in ("us", "uk"):
            street = f"{n} {self._street_name()} {rng.choice(self.pool['after'])}"
        elif style == "before":
            kind = rng.choice(self.pool["before"])
            street = f"{kind} {self._street_name()} {n}" if rng.random() < 0.5 else f"{n}, {kind} {self._street_name()}"
        elif style == "suffix":
            root = synth._invented(rng) if rng.random() < 0.5 else rng.choice(self.pool["names"]).split()[-1]
            street = f"{root}{rng.choice(self.pool['suffix'])} {n}"
        else:
            street = f"{self._street_name()} {n}"
        if rng.random() < 0.25:
            street += rng.choice((" ", ", ")) + self._unit()
        elif rng.random() < 0.05:
            street = f"{self._unit()}, {street}"
        r = rng.random()
        if r < 0.3:
            text = street
        else:
            sep = rng.choice((", ", ", ", "\n", " "))
            text = street + sep + self._city_line("us" if style == "us" else "uk" if style == "uk" else "eu")
        if rng.random() < 0.08:
            text = text.lower()
            self.lower_all = self.lower_all or rng.random() < 0.5
        elif rng.random() < 0.04:
            text = text.upper()
        return text

    def company(self) -> str:
        form = self.rng.choice(_COMPANY_FORMS)
        while "{L}" in form:
            form = form.replace("{L}", self._first_last(False)[1], 1)
        return form

    def numeric(self) -> str:
        rng = self.rng
        form = rng.choice(_NUMERIC)
        values = {"d": rng.randint(1, 28), "m": rng.randint(1, 12), "y": rng.randint(1950, 2025),
                  "m2": f"{rng.randint(1, 12):02d}", "d2": f"{rng.randint(1, 28):02d}", "h": rng.randint(0, 23),
                  "mi": f"{rng.randint(0, 59):02d}", "n": rng.choice((rng.randint(1, 100), rng.randint(100, 99999))),
                  "c": f"{rng.randint(0, 99):02d}", "month": rng.choice(synth._MONTHS)}
        return form.format(**values)

    def url(self) -> str:
        word = synth._invented(self.rng) + self.rng.choice(("", "Shop", "Live", "Online", "Market"))
        return self.rng.choice(_URLS).format(w=word, w2=synth._invented(self.rng).lower())

    # -- templates ----------------------------------------------------------------------------
    def fill(self, template: str, lang: str) -> tuple[str, list[Span]]:
        rng = self.rng
        p = self.seed.places
        out: list[str] = []
        spans: list[Span] = []
        pos = 0
        template = template.replace("\\n", "\n")
        self.lower_all = lang == "neg" and rng.random() < 0.08
        upper_all = lang == "neg" and rng.random() < 0.06
        for m in re.finditer(r"\{(\w)\}", template):
            out.append(template[pos:m.start()])
            pos = m.end()
            slot = m.group(1)
            start = sum(map(len, out))
            label = None
            if slot in "PFL":
                value, label = self.person(lang, slot), "PERSON"
            elif slot == "A":
                value, label = self.address(lang), "ADDRESS"
            elif slot == "H":
                value = rng.choice(("06 12 34 56 78", "+212 661-234567", "0522 45 67 89", "+33 6 12 34 56 78",
                                    "(555) 123-4567", "612 345 678", "+1 415 555 0134", "0612345678"))
            elif slot == "E":
                value = f"{synth._invented(rng).lower()}.{synth._invented(rng).lower()}@{rng.choice(_DOMAINS)}"
            elif slot == "X":
                value = rng.choice(("#", "", "CMD-", "TK", "N°")) + str(rng.randint(10000, 9999999))
            elif slot == "J":
                value = rng.choice(_JOBS)
            elif slot == "K":
                value = rng.choice(p["countries"] + list(_COUNTRIES))
                if rng.random() < 0.1:
                    value = value.upper()
            elif slot == "O" and rng.random() < 0.4:
                value = self.company()
            elif slot == "W":
                value = self.numeric()
            elif slot == "U":
                value = self.url()
            elif slot == "C" and lang not in ("ar",) and rng.random() < 0.5:
                value = rng.choice(self.pool["cities"])
                if rng.random() < 0.15:
                    value = value.upper()
            else:
                text, _ = synth._fill("{" + slot + "}", lang, rng, self.seed)
                value = text
            out.append(value)
            if label:
                spans.append((label, start, start + len(value)))
        out.append(template[pos:])
        text = "".join(out)
        openers = _OPENERS.get(lang) or _OPENERS[rng.choice(("en", "fr", "es", "ary"))]
        if rng.random() < 0.15 and not template.startswith(("{P}\\n", "{A}")) and "\\n" not in template[:12]:
            opener = rng.choice(openers)
            if rng.random() < 0.3:
                opener = opener.lower() if opener[0].isupper() else opener.capitalize()
            shift = len(opener) + 1
            if (text[:1].isupper() and text[:1].isascii()
                    and not template.startswith(("{P}", "{F}", "{L}", "{O}", "{C}"))):
                text = text[0].lower() + text[1:]
            text = f"{opener} {text}"
            spans = [(k, a + shift, b + shift) for k, a, b in spans]
        elif template[:1] == "{" and template[1:2] not in "PFLA" and text[:1].islower() and rng.random() < 0.85:
            text = text[0].upper() + text[1:]  # a month, a weekday, a city... opening a sentence takes a capital
        if self.lower_all and len(text.lower()) == len(text):
            text = text.lower()
        elif upper_all and len(text.upper()) == len(text):
            text = text.upper()
        if rng.random() < 0.05 and "\n" in text:
            prefix = rng.choice(("> ", "  ", "    "))
            text, spans = _prefix_lines(text, spans, prefix)
        return text, spans


def _prefix_lines(text: str, spans: list[Span], prefix: str) -> tuple[str, list[Span]]:
    """Quote every line ("> "), shifting the spans; a span that crosses a line keeps the prefixes inside."""
    shifts = [0] * (len(text) + 1)
    out = []
    added = 0
    for i, ch in enumerate(text):
        if i == 0 or text[i - 1] == "\n":
            out.append(prefix)
            added += len(prefix)
        shifts[i] = added
        out.append(ch)
    shifts[len(text)] = added
    return "".join(out), [(k, s + shifts[s], e + shifts[e - 1]) for k, s, e in spans]


def _arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def _templates() -> list[tuple[str, str]]:
    out = [(lang, t) for lang, ts in synth.seed().templates.items() for t in ts]
    cs = synth._sections("templates_cs.txt")
    out += [(lang, t) for lang, ts in cs.items() for t in ts] * 2  # the customer-service set weighs double
    return out


def _is_dev(template: str) -> bool:
    return zlib.crc32(template.encode()) % 100 < DEV_SHARE


DEV_SHARE = 15  # per cent of the templates kept for the dev split only


def corpus(size: int, seed_value: int, part: str = "all") -> list[tuple[str, list[Span]]]:
    """`size` labelled sentences from all templates, or from the train or dev share of them."""
    rng = random.Random(seed_value)
    gen = Generator(rng)
    templates = _templates()
    if part != "all":
        templates = [(lang, t) for lang, t in templates if _is_dev(t) == (part == "dev")]
    samples = []
    for _ in range(size):
        lang, template = rng.choice(templates)
        samples.append(gen.fill(template, lang))
    return samples


def split(train_size: int = 12000, dev_size: int = 2000, seed_value: int = 20240611) -> tuple[list, list]:
    """Train and dev corpora from disjoint sets of templates (dev measures unseen contexts)."""
    return corpus(train_size, seed_value, "train"), corpus(dev_size, seed_value + 1, "dev")
