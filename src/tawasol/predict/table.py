"""Reading a customer table from any CSV and deciding what each column is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tawasol.domain.errors import InvalidInput

_NUMERIC_SHARE = 0.95  # a column is numeric when this share of its non-blank values parse as numbers
_POSITIVE_WORDS = ("yes", "true", "1", "y", "churn", "churned", "left", "positive")


@dataclass(frozen=True)
class Schema:
    """Model inputs by kind, and the columns left out with the reason why."""

    numeric: list[str]
    categorical: list[str]
    excluded: dict[str, str] = field(default_factory=dict)

    @property
    def inputs(self) -> list[str]:
        return self.numeric + self.categorical


def read_table(path: str | Path) -> pd.DataFrame:
    """A CSV as text cells: BOM removed, blanks and whitespace-only cells as missing."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return clean_frame(frame)


def clean_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Trim header and cell whitespace; blank or NA-like cells become missing; numbers become numbers."""
    frame = frame.rename(columns=lambda c: str(c).strip().lstrip("\ufeff"))
    out = {}
    for col in frame.columns:
        series = frame[col]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            text = series.astype("string").str.strip()
            text = text.mask(text.isin(["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?"]))
            numbers = pd.to_numeric(text, errors="coerce")
            present = int(text.notna().sum())
            if present and numbers.notna().sum() >= _NUMERIC_SHARE * present:
                out[col] = numbers.astype(float)
            else:
                out[col] = text.astype(object).where(text.notna(), np.nan)
        else:
            out[col] = series
    return pd.DataFrame(out, index=frame.index)


def infer_schema(frame: pd.DataFrame, target: str, id_col: str | None = None,
                 sensitive: Sequence[str] = (), use_sensitive: bool = False) -> Schema:
    """Numeric and categorical inputs; leaves out the target, identifiers, constants and (by default) sensitive ones."""
    missing = [c for c in [target, id_col, *sensitive] if c and c not in frame.columns]
    if missing:
        raise InvalidInput("columns", f"not in the data: {', '.join(missing)}; have {', '.join(frame.columns)}")
    numeric, categorical, excluded = [], [], {}
    rows = len(frame)
    for col in frame.columns:
        series = frame[col]
        if col == target:
            continue
        if col == id_col:
            excluded[col] = "identifier"
        elif col in sensitive and not use_sensitive:
            excluded[col] = "sensitive (audited, not a model input)"
        elif series.nunique(dropna=True) <= 1:
            excluded[col] = "constant"
        elif pd.api.types.is_numeric_dtype(series):
            numeric.append(col)
        elif series.nunique(dropna=True) > max(50, 0.5 * rows):
            excluded[col] = "identifier-like (almost one value per row)"
        else:
            categorical.append(col)
    if not numeric and not categorical:
        raise InvalidInput("data", "no usable input columns")
    return Schema(numeric, categorical, excluded)


def encode_target(series: pd.Series, positive: str | None = None) -> tuple[np.ndarray, str]:
    """0/1 labels and the value taken as positive (given, a yes-like word, or the rarer class)."""
    values = series.dropna()
    text = values.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
    labels = sorted(text.unique())
    if len(labels) != 2:
        raise InvalidInput("target", f"needs exactly two values, found {len(labels)}: {labels[:10]}")
    if positive is None:
        yes_like = [lab for lab in labels if lab.lower() in _POSITIVE_WORDS]
        positive = yes_like[0] if len(yes_like) == 1 else str(text.value_counts().idxmin())
    if positive not in labels:
        raise InvalidInput("positive", f"{positive!r} is not a target value; choose one of {labels}")
    return (text == positive).to_numpy(dtype=int), positive
