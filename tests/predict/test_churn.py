"""Churn on a synthetic table with a known signal; messy CSVs; Telco under honest cross-validation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tawasol.predict import ChurnConfig, evaluate_churn, read_table, train_churn


def synthetic_customers(n: int = 800, seed: int = 0) -> pd.DataFrame:
    """Short tenure, month-to-month plans and many complaints drive churn; region is pure noise."""
    rng = np.random.default_rng(seed)
    tenure = rng.integers(1, 72, n)
    plan = rng.choice(["monthly", "yearly", "two-year"], n, p=[0.5, 0.3, 0.2])
    complaints = rng.poisson(1.0, n)
    region = rng.choice(["north", "south"], n)
    logit = 1.0 - 0.05 * tenure + 1.2 * (plan == "monthly") - 1.0 * (plan == "two-year") + 0.6 * complaints
    churn = rng.random(n) < 1 / (1 + np.exp(-logit))
    spend = np.round(rng.uniform(20, 100, n) * tenure, 2).astype(str)
    spend[:5] = " "  # blanks, like Telco's TotalCharges
    return pd.DataFrame({"customer": [f"C{i:05d}" for i in range(n)], "tenure": tenure, "plan": plan,
                         "complaints": complaints, "region": region, "total_spend": spend,
                         "left": np.where(churn, "Yes", "No")})


def test_churn_learns_a_real_signal_and_explains_it(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    synthetic_customers().to_csv(path, index=False, encoding="utf-8-sig")  # with a BOM
    frame = read_table(path)
    assert frame["total_spend"].dtype == float and frame["total_spend"].isna().sum() == 5
    config = ChurnConfig(target="left", id_col="customer", sensitive=("region",))
    result = evaluate_churn(frame, config)
    assert result.positive == "Yes"
    assert result.cv.metrics["roc_auc"] > 0.75
    assert 0 < result.cv.metrics["brier"] < 0.25
    assert "region" not in result.schema.inputs and "customer" not in result.schema.inputs
    top = [f["feature"] for f in result.cv.top_features[:3]]
    assert "region" not in top and {"tenure", "plan"} & set(top)
    assert [a.attribute for a in result.fairness.attributes] == ["region"]
    assert result.card.data["rows"] == 800 and result.card.metrics["roc_auc"] == result.cv.metrics["roc_auc"]
    assert result.examples and all(result.examples[0]["reasons"])


def test_explanations_name_the_drivers_in_words() -> None:
    frame = synthetic_customers()
    model = train_churn(frame, ChurnConfig(target="left", id_col="customer"))
    risky = pd.DataFrame([{"customer": "X", "tenure": 2, "plan": "monthly", "complaints": 4, "region": "north",
                           "total_spend": "150", "left": None}])
    safe = risky.assign(tenure=70, plan="two-year", complaints=0, total_spend="5000")
    assert model.score(risky)[0] > 0.8 > 0.2 > model.score(safe)[0]
    reasons = model.explain(risky)[0]
    assert reasons and all(r.contribution > 0 for r in reasons)
    assert any(r.text.startswith("plan is monthly: raises churn risk by") for r in reasons)
    assert any("tenure is 2 (low" in r.text for r in reasons)


def test_sensitive_attribute_can_be_a_model_input_when_configured() -> None:
    frame = synthetic_customers(300)
    with_it = train_churn(frame, ChurnConfig(target="left", sensitive=("region",), use_sensitive=True))
    assert "region" in with_it.schema.inputs
    without = train_churn(frame, ChurnConfig(target="left", sensitive=("region",)))
    assert "region" not in without.schema.inputs and without.card.data["excluded"]["region"].startswith("sensitive")


@pytest.mark.dataset
def test_telco_reaches_the_anchor_under_honest_cv(data_dir: Path) -> None:
    frame = read_table(data_dir / "telco_churn_ibm" / "Telco-Customer-Churn.csv")
    config = ChurnConfig(target="Churn", id_col="customerID", sensitive=("gender", "SeniorCitizen"))
    result = evaluate_churn(frame, config, examples=0)
    assert result.cv.metrics["roc_auc"] >= 0.85
    audits = {a.attribute: a for a in result.fairness.attributes}
    assert set(audits) == {"gender", "SeniorCitizen"}
    assert {g.group for g in audits["SeniorCitizen"].groups} == {"0", "1"}
