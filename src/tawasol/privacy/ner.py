"""Person names and postal addresses: a linear-chain CRF over tokens, trained on the project's synthetic corpus.

Each token gets B/I/O tags for PERSON and ADDRESS from features of itself and of its neighbours (shape,
affixes, the word, membership of the gazetteer's lists, line position). Training uses python-crfsuite
(MIT) on `corpus.split()`, in `prepare()`: when the platform warms up or by `tawasol pii train`, never
inside a message's detection (which uses the fallback until the model is ready). The weights, the
transition matrix and the word lists are kept in one versioned JSON artifact, so that inference is a
pure-Python Viterbi that needs neither crfsuite nor Faker. Sentences without any candidate token (a capitalised or
Arabic-script word, a digit, a listed name) skip the model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT_VERSION = "1"
LABELS = ("O", "B-PERSON", "I-PERSON", "B-ADDRESS", "I-ADDRESS")
TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?|\d+(?:[A-Za-z]{1,2}\b)?|\n|[^\w\s]")
LIST_NAMES = ("first", "last", "street", "city", "country", "title", "org", "common")
_CONTEXT_LISTS = ("first", "last", "street", "city", "country", "title", "common")
# Choices made on the dev split of the synthetic corpus (templates held out from training), never on
# evaluation data: the O-vs-entity score offsets maximise each type's token F1 there. Re-chosen after the
# narrative and dialogue templates and the span guards: PERSON offset -0.25/0/+0.5/+0.75/+1/+1.25/+1.5 ->
# dev F1 .903/.908/.908/.911/.909/.905/.902; ADDRESS 0.0 (unchanged).
TRAINING = {"train_size": 12000, "dev_size": 2000, "c1": 0.05, "c2": 0.01, "max_iterations": 100}
BIAS = {"PERSON": 0.75, "ADDRESS": 0.0}


class ModelUnavailable(RuntimeError):
    """The CRF cannot be trained here (python-crfsuite missing) and no trained artifact is cached."""


def _shape(word: str) -> str:
    if word == "\n":
        return "NL"
    first = word[0]
    if first.isdigit():
        return f"d{min(len(word), 6)}" if word.isdigit() else "dx"
    if not first.isalnum():
        return word
    if "\u0600" <= first <= "\u06ff":
        return "ar"
    if word.isupper():
        return "X." if len(word.rstrip(".")) == 1 else "XX"
    if first.isupper():
        return "Xx." if word.endswith(".") else ("Xx-" if "-" in word else "Xx")
    return "x." if word.endswith(".") else "x"


@dataclass
class Model:
    index: dict[str, int]
    weights: list[list[float]]
    transitions: list[list[float]]
    lists: dict[str, frozenset[str]]
    bias: dict[str, float]
    version: str


def _norm(word: str) -> str:
    if word == "\n":
        return "NL"
    return word.lower().replace("’", "'").rstrip(".") or word


def _fold(word: str) -> str:
    from tawasol.privacy.gazetteer import fold

    return fold(word)


def _memberships(lists: dict[str, frozenset[str]], low: str, folded: str) -> list[str]:
    return [name for name in LIST_NAMES if low in lists[name] or folded in lists[name]]


def _own_features(lists: dict[str, frozenset[str]], word: str) -> tuple[list[str], list[str]]:
    """(features of the token itself, features it lends to its neighbours)."""
    shape = _shape(word)
    low = _norm(word)
    feats = [f"w={low}", f"s={shape}"]
    lend = [f"w={low}", f"s={shape}"]
    if word[0].isalpha():
        feats += [f"p3={low[:3]}", f"x3={low[-3:]}", f"x2={low[-2:]}", f"l={min(len(low), 9)}"]
        if not word.isascii():
            feats.append("nonascii")
        folded = _fold(word)
        member = _memberships(lists, low, folded)
        feats += [f"in={m}" for m in member]
        lend += [f"in={m}" for m in member if m in _CONTEXT_LISTS]
        if "-" in low:  # Jean-Baptiste (first names) is a person, Barnett-Melton (family names) often a firm
            for part in low.split("-")[:2]:
                feats += [f"hy={m}" for m in _memberships(lists, part, _fold(part))]
        if not member:
            feats.append("unlisted")
            lend.append("unlisted")
    return feats, lend


def sentence_features(tokens: list[str], lists: dict[str, frozenset[str]],
                      cache: dict[str, tuple[list[str], list[str]]] | None = None) -> list[list[str]]:
    """CRF attributes of each token."""
    cache = {} if cache is None else cache
    per = []
    for word in tokens:
        hit = cache.get(word)
        if hit is None:
            hit = _own_features(lists, word)
            cache[word] = hit
        per.append(hit)
    n = len(tokens)
    shapes = [_shape(t) for t in tokens]
    # In a message typed all in lower case, the case of a word says nothing: its list memberships weigh apart.
    nocaps = not any(s[0] in "XA" for s in shapes)
    out = []
    for i in range(n):
        feats = list(per[i][0])
        if nocaps:
            feats += ["nc" + f for f in per[i][0] if f.startswith("in=") or f == "unlisted"]
        line_start = i == 0 or tokens[i - 1] == "\n" or (i >= 2 and tokens[i - 2] == "\n" and shapes[i - 1] == ">")
        line_end = i == n - 1 or tokens[i + 1] == "\n"
        if line_start:
            feats.append("bol")
        if line_end:
            feats.append("eol")
        if i == 0:
            feats.append("bos")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                feats += [f"{off}{f}" for f in per[j][1]]
            else:
                feats.append(f"{off}EDGE")
        left = shapes[i - 1] if i else "BOS"
        right = shapes[i + 1] if i + 1 < n else "EOS"
        feats.append(f"ls={left}|{shapes[i]}")
        feats.append(f"rs={shapes[i]}|{right}")
        if i >= 2:
            feats.append(f"lw2={_norm(tokens[i - 2])}|{_norm(tokens[i - 1])}")
        out.append(feats)
    return out


def tokenize(text: str) -> list[re.Match[str]]:
    return list(TOKEN.finditer(text))


def bio_labels(matches: list[re.Match[str]], spans: list[tuple[str, int, int]]) -> list[str]:
    labels = []
    previous = None
    for m in matches:
        label, owner = "O", None
        for k, (kind, start, end) in enumerate(spans):
            if m.start() < end and m.end() > start:
                if m.group() == "\n" and kind != "ADDRESS":
                    continue
                label, owner = kind, k
        if owner is None:
            labels.append("O")
        else:
            labels.append(("I-" if owner == previous else "B-") + label)
        previous = owner
    return labels


# -- training -------------------------------------------------------------------------------------

def _lists_for_training() -> dict[str, frozenset[str]]:
    from tawasol.privacy import gazetteer

    return gazetteer.lists()


def train(train_size: int | None = None, c1: float | None = None, c2: float | None = None,
          max_iterations: int | None = None, samples: list | None = None) -> dict:
    """Train on the synthetic corpus; returns the JSON-ready artifact (weights, transitions, lists)."""
    try:
        import pycrfsuite
    except ImportError:
        raise ModelUnavailable("python-crfsuite is not installed: pip install python-crfsuite "
                               "(needed once, to train the PII name/address model)") from None
    from tawasol.privacy import corpus

    lists = _lists_for_training()
    if samples is None:
        samples, _ = corpus.split(train_size or TRAINING["train_size"], TRAINING["dev_size"])
    trainer = pycrfsuite.Trainer(verbose=False)
    cache: dict[str, tuple[list[str], list[str]]] = {}
    for text, spans in samples:
        matches = tokenize(text)
        if not matches:
            continue
        tokens = [m.group() for m in matches]
        trainer.append(sentence_features(tokens, lists, cache), bio_labels(matches, spans))
    trainer.set_params({"c1": TRAINING["c1"] if c1 is None else c1, "c2": TRAINING["c2"] if c2 is None else c2,
                        "max_iterations": max_iterations or TRAINING["max_iterations"],
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "model.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    features: dict[str, list[float]] = {}
    for (attr, label), weight in info.state_features.items():
        column = features.setdefault(attr, [0.0] * len(LABELS))
        column[LABELS.index(label)] = round(float(weight), 5)
    transitions = [[0.0] * len(LABELS) for _ in LABELS]
    for (a, b), weight in info.transitions.items():
        transitions[LABELS.index(a)][LABELS.index(b)] = round(float(weight), 5)
    return {"format": FORMAT_VERSION, "labels": list(LABELS), "features": features, "transitions": transitions,
            "lists": {k: sorted(v) for k, v in lists.items()}, "bias": dict(BIAS)}


@lru_cache(maxsize=1)
def version() -> str:
    """Changes with the seed files, the corpus generator, the word lists, this module or the gazetteer's sources."""
    from tawasol.privacy import corpus, gazetteer, lexicon, synth

    digest = hashlib.sha256(f"{FORMAT_VERSION}|{gazetteer.source()}|{sorted(TRAINING.items())}|{BIAS}".encode())
    for path in sorted(synth.SEED_DIR.glob("*.txt")) + [Path(__file__), Path(synth.__file__),
                                                       Path(corpus.__file__), Path(gazetteer.__file__),
                                                       Path(lexicon.__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_dir() -> Path:
    from tawasol.privacy.tagger import _cache_dir as tagger_cache_dir

    return tagger_cache_dir()


def from_artifact(data: dict, version_: str = "") -> Model:
    if data.get("format") != FORMAT_VERSION or data.get("labels") != list(LABELS):
        raise ValueError(f"expected a PII CRF artifact of format {FORMAT_VERSION} with labels {LABELS}")
    names = list(data["features"])
    return Model(index={name: i for i, name in enumerate(names)}, weights=[data["features"][n] for n in names],
                 transitions=data["transitions"], lists={k: frozenset(v) for k, v in data["lists"].items()},
                 bias=dict(data.get("bias", {})), version=version_)


class ModelNotReady(ModelUnavailable):
    """No trained artifact of this version yet: inference never trains (see `prepare`)."""


_LOADED: list[Model] = []  # the model in use, at most one (of the current version)
_TRAINING = threading.Lock()


def artifact_path() -> Path:
    return _cache_dir() / f"pii-crf-{version()}.json"


def _load(path: Path, version_: str) -> Model | None:
    try:
        return from_artifact(json.loads(path.read_text(encoding="utf-8")), version_)
    except (OSError, ValueError, KeyError):
        return None


def model() -> Model:
    """The trained model, from memory or the versioned artifact; never trains (a message must not wait for it).

    Raises `ModelNotReady` until `prepare()` has built it (platform warm-up, `tawasol pii train`)."""
    if _LOADED:
        return _LOADED[0]
    v = version()
    path = _cache_dir() / f"pii-crf-{v}.json"
    loaded = _load(path, v)
    if loaded is None:
        raise ModelNotReady(f"the PII name/address model {v} is not built yet in {path.parent}: "
                            "run `tawasol pii train` (the server builds it when it starts)")
    _LOADED[:] = [loaded]
    return loaded


def prepare() -> tuple[Model, bool]:
    """Load the model, or train and store it now (once per version): (model, whether it was trained)."""
    try:
        return model(), False
    except ModelNotReady:
        pass
    with _TRAINING:  # two warm-ups at once train once
        if _LOADED:
            return _LOADED[0], False
        v = version()
        path = _cache_dir() / f"pii-crf-{v}.json"
        loaded = _load(path, v)
        if loaded is not None:
            _LOADED[:] = [loaded]
            return loaded, False
        log.info("training the PII name/address model (once per version): %s", path)
        artifact = train()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp",
                                             encoding="utf-8") as fh:
                json.dump(artifact, fh, separators=(",", ":"), ensure_ascii=False)
            os.replace(fh.name, path)
        except OSError:
            log.warning("cannot store the PII model in %s: it is kept in memory only", path.parent)
        trained = from_artifact(artifact, v)
        _LOADED[:] = [trained]
        return trained, True


def ensure_ready() -> str:
    """Build what name/address detection needs (the CRF, else the linear fallback); says which is in use."""
    try:
        m, trained = prepare()
        return f"CRF {m.version} ({'trained now' if trained else 'loaded'}) from {_cache_dir()}"
    except ModelUnavailable as exc:  # python-crfsuite missing
        from tawasol.privacy import tagger

        tagger.weights()
        return f"linear tagger {tagger.version()} (CRF unavailable: {exc})"


def forget() -> None:
    """Drop the model in memory (tests; after the model directory changed)."""
    _LOADED.clear()


# -- inference ------------------------------------------------------------------------------------

_WORD_CACHE: dict[str, tuple[list[str], list[str]]] = {}


def _candidate(tokens: list[str], lists: dict[str, frozenset[str]]) -> bool:
    for t in tokens:
        c = t[0]
        if c.isdigit() or c.isupper() or "\u0600" <= c <= "\u06ff":
            return True
        if c.isalpha():
            low = _norm(t)
            if (low in lists["first"] or low in lists["last"]) and low not in lists["common"]:
                return True
    return False


def viterbi(scores: list[list[float]], transitions: list[list[float]]) -> list[int]:
    n_labels = len(LABELS)
    best = list(scores[0])
    back: list[list[int]] = []
    for row in scores[1:]:
        new, pointers = [], []
        for b in range(n_labels):
            k = max(range(n_labels), key=lambda a: best[a] + transitions[a][b])
            new.append(best[k] + transitions[k][b] + row[b])
            pointers.append(k)
        best = new
        back.append(pointers)
    k = max(range(n_labels), key=best.__getitem__)
    path = [k]
    for pointers in reversed(back):
        k = pointers[k]
        path.append(k)
    return path[::-1]


def tag(text: str, m: Model | None = None) -> Iterator[tuple[str, int, int]]:
    """(PERSON|ADDRESS, start, end) of each tagged span of `text`."""
    m = m or model()
    matches = tokenize(text)
    tokens = [x.group() for x in matches]
    if not tokens or not _candidate(tokens, m.lists):
        return
    if len(_WORD_CACHE) > 50000:
        _WORD_CACHE.clear()
    feats = sentence_features(tokens, m.lists, _WORD_CACHE)
    index, weights = m.index, m.weights
    person_bias, address_bias = m.bias.get("PERSON", 0.0), m.bias.get("ADDRESS", 0.0)
    scores = []
    for fs in feats:
        s0 = s1 = s2 = s3 = s4 = 0.0
        for f in fs:
            i = index.get(f)
            if i is not None:
                w = weights[i]
                s0 += w[0]
                s1 += w[1]
                s2 += w[2]
                s3 += w[3]
                s4 += w[4]
        scores.append([s0, s1 + person_bias, s2 + person_bias, s3 + address_bias, s4 + address_bias])
    path = viterbi(scores, m.transitions)
    run: list = []
    for x, k in zip(matches, path, strict=True):
        label = LABELS[k]
        if label == "O":
            if run:
                yield tuple(run)  # type: ignore[misc]
                run = []
            continue
        kind = label[2:]
        if run and run[0] == kind and label.startswith("I-"):
            run[2] = x.end()
        else:
            if run:
                yield tuple(run)  # type: ignore[misc]
            run = [kind, x.start(), x.end()]
    if run:
        yield tuple(run)  # type: ignore[misc]


_COMPANY_WORDS = frozenset("inc inc. ltd ltd. llc plc corp corporation company group gmbh sarl sa ag co & sons "
                           "holdings consulting partners associates bank banque banco technologies technology "
                           "systems solutions investments movers lines labs software media insurance industries "
                           "international enterprises capital ventures networks logistics analytics agency studios "
                           "incorporated".split())
_CUE_BEFORE = re.compile(r"(?:smiti|smiyti|ismi|esmi|my name is|name is|name:|nom:|je m'appelle|me llamo|"
                         r"nombre:|اسمي|سميتي)\W*$", re.IGNORECASE)


_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][ \t\"'“«>]*|^[ \t\"'“«>]+)$")
_PARTICLES = frozenset("de del della di da du van von der den ter la le el al ben bin ibn bou ait ould mac st".split())


def trim(label: str, text: str, start: int, end: int) -> tuple[int, int]:
    """A person's span loses the titles and everyday words at its edges ("Soy Vanessa", "بناني قال لي"), and
    the lower-case words in a message that has capitals ("though Meza")."""
    words = list(TOKEN.finditer(text, start, end))
    if label != "PERSON" or not words:
        return start, end
    lists = model().lists
    cased = any(ch.isupper() for ch in text)

    def loose(word: str) -> bool:
        low = _norm(word)
        if low in _PARTICLES:
            return False
        return low in lists["common"] or low in lists["title"] or (
            cased and word[0].islower() and not re.match(r"\w['’]\w", word))  # "ex-Zombie", not "d'Arc"

    for k, w in enumerate(words[:-1]):  # "Emmie Ström's Cautionary Tales", "Pave's Irena Bílá": the owner's side
        if w.group().endswith(("'s", "’s")):
            before, after = words[:k + 1], words[k + 1:]
            words = before if len(before) >= len(after) else after
            break
    while len(words) > 1 and loose(words[0].group()):
        words.pop(0)
    while len(words) > 1 and loose(words[-1].group()):
        words.pop()
    end = words[-1].end()
    return words[0].start(), end - 2 if text[end - 2:end] in ("'s", "’s") else end


def plausible(label: str, text: str, start: int, end: int) -> bool:
    """Checks on a whole tagged span that the token model cannot make (precision guards)."""
    words = [w for w in TOKEN.findall(text[start:end]) if w[0].isalnum()]
    if not any(w[0].isalpha() and len(w.rstrip(".")) > 1 for w in words):
        return False  # "12/7/1975", "#15", "//x.be/": no word, no address or name
    if label != "PERSON":
        # a postal address has a number or a street word: "serving Southern Tunisia" is no address
        street = model().lists["street"]
        return any(w[0].isdigit() or _norm(w) in street for w in words)
    lists = model().lists
    if all(_norm(w) in lists["common"] for w in words) and not _CUE_BEFORE.search(text[max(0, start - 24):start]):
        return False  # "Rani f ...", "Mayo fue ...", "Bueno,": everyday words, whatever their case or place
    following = TOKEN.findall(text[end:end + 16])
    if following and _norm(following[0]) in _COMPANY_WORDS or _norm(words[-1]) in _COMPANY_WORDS:
        return False  # "Johnson Inc.", "Rand Corporation": a company named after a person
    if (len(words) == 1 and _SENTENCE_START.search(text[max(0, start - 4):start]) and text[end:end + 1] != ":"
            and _norm(words[0]) not in lists["first"] and _norm(words[0]) not in lists["last"]
            and _fold(words[0]) not in lists["first"] and _fold(words[0]) not in lists["last"]):
        return False  # "Remember me", "Opencounter is ...": a capital that opens a sentence says nothing by itself
    if any(not w.islower() for w in words):
        return True
    # all in lower case: a name only if the whole message is, or a cue says so ("smiti karim")
    return not any(ch.isupper() for ch in text) or bool(_CUE_BEFORE.search(text[max(0, start - 24):start]))
