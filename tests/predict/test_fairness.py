"""Fairness metrics on a hand-made example whose rates are counted by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tawasol.predict import fairness_audit


def test_rates_and_gaps_match_hand_counts() -> None:
    # group a: truth 1,0,1,0 predicted 1,1,0,0 -> selection 2/4, TPR 1/2, FPR 1/2
    # group b: truth 1,0,1,0 predicted 1,0,1,1 -> selection 3/4, TPR 2/2, FPR 1/2
    y = np.array([1, 0, 1, 0, 1, 0, 1, 0])
    scores = np.array([0.9, 0.8, 0.2, 0.1, 0.9, 0.1, 0.6, 0.7])
    report = fairness_audit(y, scores, {"group": pd.Series(list("aaaabbbb"))}, decision_threshold=0.5, warn_above=0.3)
    audit = report.attributes[0]
    rates = {g.group: (g.count, g.selection_rate, g.true_positive_rate, g.false_positive_rate) for g in audit.groups}
    assert rates == {"a": (4, 0.5, 0.5, 0.5), "b": (4, 0.75, 1.0, 0.5)}
    assert audit.demographic_parity_difference == pytest.approx(0.25)
    assert audit.equalized_odds_difference == pytest.approx(0.5)
    assert report.warnings and "equalized odds difference 0.500" in report.warnings[0]


def test_no_warning_when_groups_are_treated_alike_and_numbers_are_banded() -> None:
    y = np.array([1, 0] * 50)
    scores = np.array([0.9, 0.1] * 50)
    ages = pd.Series(np.arange(100) + 18.0)
    report = fairness_audit(y, scores, {"age": ages})
    audit = report.attributes[0]
    assert len(audit.groups) == 4 and not report.warnings
    assert audit.demographic_parity_difference < 0.05  # 13 vs 12 selected of 25 per band
