"""Latency of PII detection + redaction per message, Tawasol beside Presidio (regex only) when installed.

Usage: .venv/bin/python benchmarks/pii_bench.py [--data FILE.json] [--runs 5] [--limit 500]
Without --data it uses the project's own multilingual test sentences. Reports the median over runs of
the per-message median, on one core (no threads).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def per_message_median(func: Callable[[str], object], texts: list[str], runs: int) -> float:
    medians = []
    for _ in range(runs):
        timings = []
        for text in texts:
            start = time.perf_counter()
            func(text)
            timings.append(time.perf_counter() - start)
        medians.append(statistics.median(timings))
    return statistics.median(medians) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="Presidio-format JSON file (default: project test sentences)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()

    from tawasol.privacy import ner, redact

    print(f"names/addresses: {ner.ensure_ready()}")  # built ahead, as the server's warm-up does
    if args.data:
        from tawasol.privacy.evaluation import load_presidio_json

        texts = [s.text for s in load_presidio_json(args.data)][: args.limit]
    else:
        from tests.privacy.pii_cases import CASES, CLEAN

        texts = [c[1] for c in CASES] + CLEAN
    for text in texts[:20]:
        redact(text)  # warm the regex caches
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"{len(texts)} messages, {mean_chars:.0f} characters on average, {args.runs} runs")
    print(f"tawasol detect+redact   median {per_message_median(redact, texts, args.runs):.3f} ms per message")
    try:
        from tawasol.privacy.presidio_compare import SETUP_NOTE, PresidioMissing, presidio_predictor

        presidio = presidio_predictor()
    except PresidioMissing as exc:
        print(f"presidio: skipped ({exc})")
        return
    for text in texts[:20]:
        presidio(text)
    print(f"presidio analyze        median {per_message_median(presidio, texts, args.runs):.3f} ms per message"
          f"  ({SETUP_NOTE})")


if __name__ == "__main__":
    main()
