"""Per-tenant retention: how long raw (encrypted) text and redacted transcripts are kept."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class RetentionPolicy:
    """Days to keep each kind of data; None keeps it until the customer's erasure."""

    raw_text_days: int | None = 30
    redacted_days: int | None = 365

    def __post_init__(self) -> None:
        for name in ("raw_text_days", "redacted_days"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise ValueError(f"{name} must be a non-negative whole number of days or None, got {value!r}")

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None) -> RetentionPolicy:
        """Read settings["retention"] = {"raw_text_days": 30, "redacted_days": 365}; defaults elsewhere."""
        section = (settings or {}).get("retention") or {}
        unknown = set(section) - {"raw_text_days", "redacted_days"}
        if unknown:
            raise ValueError(f"unknown retention settings {sorted(unknown)}; allowed: raw_text_days, redacted_days")
        return cls(**section)


@dataclass
class PurgePlan:
    raw_text: list[str] = field(default_factory=list)  # ids whose encrypted raw text must be dropped
    transcripts: list[str] = field(default_factory=list)  # ids whose redacted text must be deleted


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def due_for_purge(policy: RetentionPolicy, records: Iterable[tuple[str, datetime]],
                  now: datetime | None = None) -> PurgePlan:
    """Which of (id, created_at) records are past each retention period at `now`."""
    now = _aware(now or datetime.now(UTC))
    raw_cutoff = now - timedelta(days=policy.raw_text_days) if policy.raw_text_days is not None else None
    red_cutoff = now - timedelta(days=policy.redacted_days) if policy.redacted_days is not None else None
    plan = PurgePlan()
    for record_id, created_at in records:
        created = _aware(created_at)
        if raw_cutoff is not None and created <= raw_cutoff:
            plan.raw_text.append(record_id)
        if red_cutoff is not None and created <= red_cutoff:
            plan.transcripts.append(record_id)
    return plan
