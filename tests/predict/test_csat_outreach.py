"""Predicted CSAT with explanations; outreach ranking; decision records of scores."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tawasol.domain import DecisionRecord
from tawasol.predict import (
    ChurnConfig,
    CsatConfig,
    OutreachCandidate,
    OutreachSignal,
    churn_decision,
    csat_decision,
    evaluate_csat,
    outreach_decision,
    rank_outreach,
    risk_band,
    train_churn,
    train_csat,
)
from tests.predict.test_churn import synthetic_customers


def synthetic_conversations(n: int = 600, seed: int = 1) -> pd.DataFrame:
    """Long waits, escalations and negative messages lower the survey score; language does not."""
    rng = np.random.default_rng(seed)
    wait = rng.exponential(60, n)
    escalated = rng.integers(0, 2, n)
    negative = rng.uniform(0, 1, n)
    language = rng.choice(["fr", "ar", "en"], n)
    score = 4.6 - wait / 80 - 0.6 * escalated - 1.5 * negative + rng.normal(0, 0.4, n)
    return pd.DataFrame({"conversation": [f"K{i}" for i in range(n)], "wait_seconds": wait.round(1),
                         "escalated": escalated, "negative_share": negative.round(3), "language": language,
                         "csat": np.clip(np.round(score), 1, 5)})


def test_csat_is_learned_and_explained() -> None:
    frame = synthetic_conversations()
    config = CsatConfig(target="csat", id_col="conversation", sensitive=("language",))
    cv, card = evaluate_csat(frame, config)
    assert cv.metrics["spearman"] > 0.5 and cv.metrics["r2"] > 0.3
    assert card.metrics["mae"] == cv.metrics["mae"] and "language" not in card.data["inputs"]
    model = train_csat(frame, config)
    bad = frame.iloc[[0]].assign(wait_seconds=400.0, escalated=1, negative_share=0.95)
    assert 1.0 <= model.score(bad)[0] < 2.5
    reasons = model.explain(bad)[0]
    assert reasons and all(r.contribution < 0 for r in reasons)
    assert any("lowers predicted satisfaction by" in r.text for r in reasons)
    record = csat_decision("t1", "K0", float(model.score(bad)[0]), reasons, model.card, bad.iloc[0].to_dict())
    assert isinstance(record, DecisionRecord) and record.kind == "predicted_csat"
    assert "conversation" not in record.inputs["features"] and "language" not in record.inputs["features"]


def test_outreach_ranks_by_combined_reasons() -> None:
    bill = OutreachSignal("unusual_bill", 0.5, "bill 80 % above usual")
    candidates = [
        OutreachCandidate("a", 0.2, ["tenure is 2 (low)"]),
        OutreachCandidate("b", 0.7, ["Contract is Month-to-month: raises churn risk by 10 points"], language="fr"),
        OutreachCandidate("c", 0.4, [], [bill], language="ar"),
        OutreachCandidate("d", 0.1),
    ]
    items = rank_outreach(candidates, limit=10, min_priority=0.3)
    assert [i.customer_id for i in items] == ["b", "c"]  # c: 1 - 0.6 * 0.5 = 0.7 ties b, id breaks the tie
    assert items[0].priority == pytest.approx(0.7) and items[1].priority == pytest.approx(0.7)
    assert items[0].reasons[0].startswith("churn risk 70% (Contract is Month-to-month")
    assert items[1].reasons == ["bill 80 % above usual"] and items[1].language == "ar"
    assert rank_outreach(candidates, limit=1)[0].rank == 1
    record = outreach_decision("t1", items[1])
    assert record.kind == "proactive_outreach" and record.reasons[0]["kind"] == "unusual_bill"


def test_churn_decision_records_band_version_and_reasons() -> None:
    frame = synthetic_customers(300)
    model = train_churn(frame, ChurnConfig(target="left", id_col="customer", sensitive=("region",)))
    row = frame.iloc[[0]]
    risk = float(model.score(row)[0])
    record = churn_decision("t1", "C00000", risk, model.explain(row)[0], model.card, row.iloc[0].to_dict())
    assert record.outcome == risk_band(risk) and record.model_version == model.card.version
    assert set(record.inputs["features"]) == set(model.schema.inputs)
    assert record.reasons and {"feature", "contribution", "text"} <= set(record.reasons[0])
    assert risk_band(0.75) == "high" and risk_band(0.4) == "medium" and risk_band(0.05) == "low"
