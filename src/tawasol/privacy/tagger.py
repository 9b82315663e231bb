"""A small learned tagger for person names and postal addresses: one logistic regression over tokens.

Each token is classified O / PERSON / ADDRESS from hand-crafted features: its shape, suffixes,
membership of the seed lists (first names, family names, cities, street words, titles), its
neighbours (only words of a closed vocabulary are seen by identity, so names are learnt by shape
and context, not by heart), its position and the line breaks around it. It is trained with
scikit-learn on the synthetic corpus of `synth` (seconds, deterministic) at first use; the weights
are then kept as a plain dict and cached as versioned JSON, so inference is a few hundred dict
look-ups per message in pure Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from tawasol.privacy import lexicon as lx
from tawasol.privacy import synth

FORMAT_VERSION = "1"
LABELS = ("O", "PERSON", "ADDRESS")
THRESHOLD = {"PERSON": 0.9, "ADDRESS": 0.7}
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[A-Za-z]{1,2}\b)?|\n|[^\w\s]")


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    s = synth.seed()
    p = s.places
    strip = str.maketrans("éèêëàâäîïôöûüçñáíóúÉÈÀ", "eeeeaaaiioouucnaiouEEA")

    def fold(words: object) -> frozenset[str]:
        out = set()
        for w in words:  # type: ignore[attr-defined]
            for part in str(w).split("|")[0].split():
                out.add(_norm(part))
                out.add(_norm(part).translate(strip))
        return frozenset(out)

    cities = fold(p["cities_ma"] + p["cities_fr"] + p["cities_es"] + p["cities_us"] + p["cities_uk"] + p["cities_ar"]
                  + list(lx.MOROCCAN_CITIES))
    # A closed vocabulary of function words and cues, independent of the templates: words outside it are
    # seen only through their shape and suffix, in training as in use.
    vocab = set(_FUNCTION_WORDS.split())
    for cues in (lx.NAME_STRONG_CUES, lx.NAME_TITLES, lx.PHONE_CUES, lx.DOB_CUES):
        for cue in cues:
            vocab.update(_norm(w) for w in TOKEN.findall(cue))
    street = fold(list(lx.STREET_WORDS) + p["street_types_en"] + p["street_types_fr"] + p["street_types_es"]
                  + p["street_types_ma"] + p["street_types_ar"] + ["flat", "apt", "suite", "unit", "appt", "imm", "n°"])
    common = fold(lx.NOT_NAMES) | frozenset(vocab)
    return {
        "first": fold(s.first) | fold(lx.FIRST_NAMES) | fold(lx.FIRST_NAMES_AR),
        "last": fold(s.last),
        "city": cities,
        "country": fold(p["countries"]),
        "street": street,
        "title": fold(lx.NAME_TITLES) | fold(["mr", "mrs", "ms", "dr", "prof", "sr", "sra", "maître", "lalla"]),
        "org": fold(p["companies"] + p["products"]),
        "common": common,
        "vocab": frozenset(vocab | set(street) | set(common)),
    }


_FUNCTION_WORDS = """
the a an to of in on at by for with from about as into after over between out during without before under around
my your his her our their its is am are was were be been have has had do does did will would should can could may
might must i you he she we they me him us them this that these those and or but if then so not no yes here there
please thanks thank hi hello dear regards kind sincerely best name called named ask speak talk tell told call
le la les un une des du de d l au aux chez mon ma mes ton ta tes votre vos notre nos son sa ses leur qui que quoi
est suis es sont ai as a ont je tu il elle nous vous ils elles on avec sans sur sous dans par pour depuis vers
et ou mais donc ni car ce cet cette ces moi toi lui bonjour bonsoir merci cordialement madame monsieur
el los las una unos unas del al en con por para sin sobre mi mis tu tus su sus nuestro es soy está estoy y o pero
hola gracias saludos señor señora don doña
w o f fi l dyal dial dyali ana nta nti howa hiya smiti ismi 3afak afak chokran salam wach bghit men mn m3a 3and
hna tma li lli had hadi hada
في من على إلى الى عن مع و أنا انا هو هي هذا هذه اسمي السيد السيدة شكرا مرحبا المرجو
"""


def _shape(word: str) -> str:
    if word == "\n":
        return "NL"
    if word.isdigit():
        return f"d{min(len(word), 6)}"
    if not word[0].isalnum():
        return word
    if "\u0600" <= word[0] <= "\u06ff":
        return "ar"
    if word.isupper():
        return "X" if len(word) == 1 else "XX"
    if word[0].isupper():
        return "Xx"
    if word[0].isdigit():
        return "dx"
    return "x"


def _token_features(tokens: list[str], i: int, lists: dict[str, frozenset[str]]) -> list[str]:
    word = tokens[i]
    low = _norm(word)
    shape = _shape(word)
    feats = ["b", f"s={shape}"]
    if low in lists["vocab"]:
        feats.append(f"w={low}")
    elif shape in ("Xx", "XX", "ar"):
        feats.append("oov")
        feats.append(f"suf={low[-3:]}")
        feats.append(f"suf2={low[-2:]}")
    for name, words in lists.items():
        if name != "vocab" and low in words:
            feats.append(f"in={name}")
    prev_break = i == 0 or tokens[i - 1] in (".", "!", "?", "\n", ":")
    if prev_break:
        feats.append("start")
    for offset in (-2, -1, 1, 2):
        j = i + offset
        if 0 <= j < len(tokens):
            other = tokens[j]
            olow = _norm(other)
            oshape = _shape(other)
            feats.append(f"{offset}s={oshape}")
            if olow in lists["vocab"]:
                feats.append(f"{offset}w={olow}")
            for name in ("first", "last", "street", "title", "city"):
                if olow in lists[name]:
                    feats.append(f"{offset}in={name}")
            if abs(offset) == 1:
                feats.append(f"{offset}ss={shape}|{oshape}")
        else:
            feats.append(f"{offset}s=EDGE")
    return feats


def tokenize(text: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text))


def features(text: str) -> tuple[list[re.Match[str]], list[list[str]]]:
    matches = tokenize(text)
    tokens = [m.group() for m in matches]
    lists = _lists()
    return matches, [_token_features(tokens, i, lists) for i in range(len(tokens))]


def _labelled_tokens(text: str, spans: list[synth.Span]) -> tuple[list[list[str]], list[str]]:
    matches, feats = features(text)
    labels = []
    for m in matches:
        label = "O"
        for kind, start, end in spans:
            if m.start() < end and m.end() > start and m.group() != "\n":
                label = kind
        labels.append(label)
    return feats, labels


def train(size: int = 9000, seed_value: int = 20240611, c: float = 0.5) -> dict[str, list[float]]:
    """Train on the synthetic corpus; returns {feature: [weight per label]} with the bias under ''."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs: list[dict[str, int]] = []
    ys: list[int] = []
    for text, spans in synth.corpus(size, seed_value):
        feats, labels = _labelled_tokens(text, spans)
        xs.extend(dict.fromkeys(f, 1) for f in feats)
        ys.extend(LABELS.index(label) for label in labels)
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(xs)
    model = LogisticRegression(C=c, max_iter=300)
    model.fit(matrix, ys)
    weights: dict[str, list[float]] = {"": [round(float(b), 5) for b in model.intercept_]}
    for j, name in enumerate(vectorizer.get_feature_names_out()):
        column = [round(float(model.coef_[k][j]), 5) for k in range(len(LABELS))]
        if any(abs(w) > 1e-4 for w in column):
            weights[str(name)] = column
    return weights


@lru_cache(maxsize=1)
def version() -> str:
    """Changes whenever the seed files, this module or the corpus generator change."""
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    for path in sorted(synth.SEED_DIR.glob("*.txt")) + [Path(__file__), Path(synth.__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_configured_dir: Path | None = None


def set_model_dir(path: Path | str) -> None:
    """Where the platform keeps model artifacts (its TAWASOL_MODEL_DIR); set once at start."""
    global _configured_dir
    _configured_dir = Path(path)


def _cache_dir() -> Path:
    explicit = os.environ.get("TAWASOL_PII_MODEL_DIR")
    if explicit:
        return Path(explicit)
    if _configured_dir is not None:
        return _configured_dir
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tawasol" / "pii"


_WEIGHTS: list[dict[str, list[float]]] = []


def ready_weights() -> dict[str, list[float]] | None:
    """The weights if already built (in memory or in the versioned cache file), else None: never trains."""
    if not _WEIGHTS:
        try:
            _WEIGHTS.append(json.loads((_cache_dir() / f"tagger-{version()}.json").read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
    return _WEIGHTS[0]


def weights() -> dict[str, list[float]]:
    """The trained weights: from the versioned cache file, else trained now and cached (best effort)."""
    ready = ready_weights()
    if ready is not None:
        return ready
    trained = train()
    path = _cache_dir() / f"tagger-{version()}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8") as fh:
            json.dump(trained, fh, separators=(",", ":"))
        os.replace(fh.name, path)
    except OSError:
        pass  # a read-only home: keep the model in memory only
    _WEIGHTS[:] = [trained]
    return trained


def tag(text: str, w: dict[str, list[float]] | None = None) -> Iterator[tuple[str, int, int, float]]:
    """(label, start, end, probability) of each run of tokens tagged PERSON or ADDRESS."""
    import math

    w = w or weights()
    bias = w[""]
    matches, feats = features(text)
    run: list[object] = []  # [label, start, end, min probability]
    for m, fs in zip(matches, feats, strict=True):
        scores = list(bias)
        for f in fs:
            column = w.get(f)
            if column is not None:
                scores[0] += column[0]
                scores[1] += column[1]
                scores[2] += column[2]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        k = exps.index(1.0)
        prob = 1.0 / sum(exps)
        label = LABELS[k]
        if label != "O" and prob < THRESHOLD[label]:
            label = "O"
        if label == "O" or m.group() == "\n" and label != "ADDRESS":
            if run:
                yield tuple(run)  # type: ignore[misc]
                run = []
            continue
        if run and run[0] == label:
            run[2] = m.end()
            run[3] = min(run[3], prob)  # type: ignore[type-var]
        else:
            if run:
                yield tuple(run)  # type: ignore[misc]
            run = [label, m.start(), m.end(), prob]
    if run:
        yield tuple(run)  # type: ignore[misc]


_SENTENCE_START = re.compile(r"(?:^|[.!?\n:]\s*|^\s*)$")


def plausible(label: str, text: str, start: int, end: int) -> bool:
    """Checks on a tagged span that the token model cannot see as a whole (precision guard)."""
    lists = _lists()
    words = [w for w in TOKEN.findall(text[start:end]) if w[0].isalnum()]
    if not words:
        return False
    lows = [_norm(w) for w in words]
    if label == "PERSON":
        named = [w for w, low in zip(words, lows, strict=True) if (w[0].isupper() or "\u0600" <= w[0] <= "\u06ff")
                 and len(w) > 1 and low not in lists["common"] and low not in lists["vocab"]]
        if not named:
            return False
        if all(low in lists["city"] or low in lists["country"] or low in lists["org"] or low in lists["street"]
               for low in (_norm(w) for w in named)):
            return False
        if len(named) == 1 and _SENTENCE_START.search(text[max(0, start - 3):start]) is not None:
            low = _norm(named[0])
            return low in lists["first"] or low in lists["last"]
        return True
    has_digit = any(w[0].isdigit() for w in words)
    has_street = any(low in lists["street"] for low in lows)
    if not has_street:  # "742 Hawthorn ...": a number and a capitalised name at least
        capital = any(w[0].isupper() and _norm(w) not in lists["common"] for w in words)
        if not (has_digit and capital):
            return False
    return not all(w[0].isdigit() for w in words)
