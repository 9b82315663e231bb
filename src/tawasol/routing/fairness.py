"""Routing fairness: waiting time by language and dialect, so no group waits longer unnoticed."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def wait_report(samples: list[tuple[str | None, float]], reference: str = "fr",
                tolerance: float = 1.25, min_count: int = 5) -> dict[str, Any]:
    """(language, waited seconds) -> per-language count, median, p90, mean and the ratio of each median
    to the reference language's; a group is flagged when its ratio exceeds `tolerance` on enough data."""
    groups: dict[str, list[float]] = defaultdict(list)
    for lang, wait in samples:
        groups[lang or "und"].append(float(wait))
    rows = []
    ref = groups.get(reference)
    ref_median = statistics.median(ref) if ref else None
    for lang in sorted(groups):
        waits = groups[lang]
        median = statistics.median(waits)
        ratio = (median / ref_median) if ref_median else None
        rows.append({
            "language": lang, "count": len(waits), "median_seconds": round(median, 1),
            "p90_seconds": round(_percentile(waits, 0.9), 1), "mean_seconds": round(statistics.fmean(waits), 1),
            "ratio_to_reference": None if ratio is None else round(ratio, 2),
            "flagged": bool(ratio is not None and ratio > tolerance and len(waits) >= min_count and lang != reference),
        })
    return {"reference": reference, "tolerance": tolerance, "min_count": min_count, "groups": rows,
            "flagged": [r["language"] for r in rows if r["flagged"]]}
