"""Scoring of a PII detector on Presidio's span-labelled JSON format, token by token.

Token-level IO scoring, as presidio-research does: the text is cut into tokens (`\\w+` or one
punctuation mark), each token takes the type of the gold span that covers it, and likewise for the
predictions; both systems are scored by the same function. Gold types that neither system claims
(organisations, countries, titles, ages...) count as "O": predicting something there is a false
positive. Predicted types with no counterpart in the data (our CIN, RIB, DOB; Presidio's URL...)
are dropped before scoring, for both systems alike.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Dataset label -> the canonical type scored here.
GOLD_TYPES = {
    "PERSON": "PERSON", "STREET_ADDRESS": "ADDRESS", "ADDRESS": "ADDRESS", "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL", "CREDIT_CARD": "CARD", "IBAN_CODE": "IBAN", "IP_ADDRESS": "IP",
    "US_SSN": "NATIONAL_ID",
}
SCORED_TYPES = ("CARD", "IBAN", "EMAIL", "PHONE", "IP", "NATIONAL_ID", "PERSON", "ADDRESS")
_TOKEN = re.compile(r"\w+|[^\w\s]")

Span = tuple[str, int, int]  # type, start, end


@dataclass
class Sample:
    text: str
    spans: list[Span]


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def row(self, kind: str | None = None) -> dict[str, float | int]:
        tp = sum(self.tp.values()) if kind is None else self.tp[kind]
        fp = sum(self.fp.values()) if kind is None else self.fp[kind]
        fn = sum(self.fn.values()) if kind is None else self.fn[kind]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                "support": tp + fn, "predicted": tp + fp}

    def report(self) -> dict[str, dict[str, float | int]]:
        table = {kind: self.row(kind) for kind in SCORED_TYPES if self.tp[kind] + self.fn[kind] + self.fp[kind]}
        table["overall"] = self.row()
        return table


def load_presidio_json(path: Path | str) -> list[Sample]:
    """Read Presidio's format: a list of {full_text, spans: [{entity_type, start_position, end_position}]}."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise ValueError(f"expected a JSON list of samples, got {type(rows).__name__}")
    samples = []
    for row in rows:
        spans = [(s["entity_type"], int(s["start_position"]), int(s["end_position"])) for s in row.get("spans", [])]
        samples.append(Sample(row["full_text"], spans))
    return samples


def _token_labels(text: str, spans: Iterable[Span], mapping: dict[str, str] | None) -> list[str]:
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    labels = ["O"] * len(tokens)
    for kind, start, end in spans:
        label = mapping.get(kind, "O") if mapping is not None else kind
        if label not in SCORED_TYPES:
            continue
        for i, (ts, te) in enumerate(tokens):
            if ts < end and te > start and labels[i] == "O":
                labels[i] = label
    return labels


def score(samples: Iterable[Sample], predict: Callable[[str], list[Span]],
          prediction_types: dict[str, str] | None = None) -> Scores:
    """Token-level counts of `predict` against the gold spans; `prediction_types` renames predicted types."""
    scores = Scores()
    for sample in samples:
        gold = _token_labels(sample.text, sample.spans, GOLD_TYPES)
        predicted = predict(sample.text)
        if prediction_types is not None:
            predicted = [(prediction_types.get(k, k), s, e) for k, s, e in predicted]
        pred = _token_labels(sample.text, predicted, None)
        for g, p in zip(gold, pred, strict=True):
            if g == p and g != "O":
                scores.tp[g] += 1
                continue
            if p != "O":
                scores.fp[p] += 1
            if g != "O":
                scores.fn[g] += 1
    return scores


def tawasol_predict(text: str) -> list[Span]:
    from tawasol.privacy.detectors import detect

    return [(e.type, e.start, e.end) for e in detect(text)]


def format_table(reports: dict[str, dict[str, dict[str, float | int]]]) -> str:
    """Side-by-side text table: one block of P/R/F1 columns per system."""
    systems = list(reports)
    kinds = [k for k in (*SCORED_TYPES, "overall") if any(k in r for r in reports.values())]
    head = f"{'type':<12}{'support':>8}" + "".join(f"  {s[:22]:>22}" for s in systems)
    sub = f"{'':<12}{'':>8}" + "".join(f"  {'P':>6} {'R':>7} {'F1':>7}" for _ in systems)
    lines = [head, sub]
    for kind in kinds:
        support = next((r[kind]["support"] for r in reports.values() if kind in r), 0)
        cells = ""
        for s in systems:
            row = reports[s].get(kind)
            cells += (f"  {row['precision']:>6.3f} {row['recall']:>7.3f} {row['f1']:>7.3f}" if row
                      else f"  {'-':>6} {'-':>7} {'-':>7}")
        lines.append(f"{kind:<12}{support:>8}{cells}")
    return "\n".join(lines)


# -- false changes on clean text --------------------------------------------------------------------

@dataclass
class CleanReport:
    """How many messages without personal data the redaction changed, and how."""

    total: int
    changed: list[tuple[str, str]]  # (text, redacted text)

    @property
    def rate(self) -> float:
        return len(self.changed) / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"messages": self.total, "changed": len(self.changed), "rate": round(self.rate, 4),
                "examples": [{"text": t, "redacted": r} for t, r in self.changed]}


def false_changes(texts: Iterable[str]) -> CleanReport:
    """Redact each clean message; any change is a false change (the message holds no personal data)."""
    from tawasol.privacy.redaction import redact

    total = 0
    changed: list[tuple[str, str]] = []
    for text in texts:
        total += 1
        redacted = redact(text).text
        if redacted != text:
            changed.append((text, redacted))
    return CleanReport(total, changed)


class CleanFileError(ValueError):
    """A clean-message file that cannot be read as a CSV with a `text` column."""


def load_clean_csv(path: Path | str) -> list[str]:
    """The `text` column of a CSV file of messages without personal data (UTF-8, header row)."""
    import csv

    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "text" not in reader.fieldnames:
                raise CleanFileError(f"{path.name}: expected a CSV file with a 'text' column, found columns "
                                     f"{', '.join(reader.fieldnames or []) or 'none'}")
            texts = [row["text"] or "" for row in reader]
    except UnicodeDecodeError as exc:
        raise CleanFileError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except csv.Error as exc:
        raise CleanFileError(f"{path.name}: not a readable CSV file ({exc})") from None
    except OSError as exc:
        raise CleanFileError(f"{path.name}: cannot be read ({exc.strerror})") from None
    return [t for t in texts if t.strip()]
