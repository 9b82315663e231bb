"""Model card: what a model was trained on, when, how well it does, and where it should not be used."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import pandas as pd


@dataclass(frozen=True)
class ModelCard:
    name: str
    version: str
    task: str
    trained_at: str
    data: dict[str, object]
    metrics: dict[str, object]
    fairness_warnings: list[str] = field(default_factory=list)
    intended_use: str = ""
    limitations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def data_fingerprint(frame: pd.DataFrame) -> str:
    """Short content hash of the training table, so a card names exactly what it learned from."""
    digest = hashlib.sha256(pd.util.hash_pandas_object(frame.astype(str), index=False).to_numpy().tobytes())
    return digest.hexdigest()[:16]


def model_version(name: str, fingerprint: str, when: datetime) -> str:
    return f"{name}-{when.strftime('%Y%m%d%H%M%S')}-{fingerprint[:8]}"


def utc_now() -> datetime:
    return datetime.now(UTC)
