"""False-change rate of redaction on messages without personal data (issue 12), corpus by corpus.

Usage: .venv/bin/python benchmarks/pii_false_change.py [--limit 1000] [--show 15] [--only NAME] [--json]

Reads the evaluation corpora in place (TAWASOL_DATA_DIR, default ../shared/data) and the project's own
question files; writes nothing. A message counts as changed when `redact` replaces anything in it.
Samples of 1,000 are drawn with a fixed seed (the same rows every run). The tweets of UMSAB hold real
names and @handles: the changes listed there must be read, not all of them are false.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = Path(os.environ.get("TAWASOL_DATA_DIR", ROOT.parent / "shared" / "data"))
SEED = 12


def _column(path: Path, column: str) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh) if (row.get(column) or "").strip()]


def _sample(rows: list[str], n: int) -> list[str]:
    return rows if len(rows) <= n else random.Random(SEED).sample(rows, n)


def banking77(n: int) -> list[str]:
    return _sample(_column(DATA / "banking77" / "test.csv", "text"), n)


def arbanking77(n: int) -> list[str]:
    return _sample(_column(DATA / "arbanking77" / "Banking77_Arabized_MSA_test.csv", "text"), n)


def darija_bank(n: int) -> list[str]:
    rows = [t for p in sorted((ROOT / "benchmarks" / "data").glob("*darija*.csv")) for t in _column(p, "text")]
    return rows


def kb_eval(n: int) -> list[str]:
    names = ("kb_eval.csv", "kb_eval_dev.csv", "kb_eval_heldout.csv", "kb_eval_heldout2.csv")
    return [t for name in names for t in _column(ROOT / "src" / "tawasol" / "demo" / name, "question")]


def doda(n: int) -> list[str]:
    path = DATA / "darija_doda" / "sentences_arabizi_arabic_parallel.csv"
    latin, arabic = _column(path, "darija_latin"), _column(path, "darija_arabic")
    return _sample(latin, n // 2) + _sample(arabic, n - n // 2)


def umsab(n: int) -> list[str]:
    langs = ("arabic", "english", "french", "spanish")
    out: list[str] = []
    for k, lang in enumerate(langs):
        share = n // len(langs) + (1 if k < n % len(langs) else 0)
        out += _sample(_column(DATA / "umsab_sentiment" / f"{lang}_test.csv", "text"), share)
    return out


CORPORA: dict[str, Callable[[int], list[str]]] = {
    "banking77 (en)": banking77, "arbanking77 MSA": arbanking77, "darija bank questions": darija_bank,
    "demo KB eval": kb_eval, "DoDa darija (both scripts)": doda, "UMSAB tweets": umsab,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--show", type=int, default=15, help="changed messages listed per corpus")
    parser.add_argument("--only", default="", help="corpora whose name contains this")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from tawasol.privacy import ner
    from tawasol.privacy.evaluation import false_changes

    print(f"PII model: {ner.ensure_ready()}", file=sys.stderr)
    results = {}
    for name, load in CORPORA.items():
        if args.only.lower() not in name.lower():
            continue
        report = false_changes(load(args.limit))
        results[name] = report
        if not args.json:
            print(f"{name:<28} {len(report.changed):>4} / {report.total:<5} changed  {100 * report.rate:5.2f} %")
            for text, redacted in report.changed[:args.show]:
                print(f"    {text[:110]!r}\n      -> {redacted[:110]!r}")
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in results.items()}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
