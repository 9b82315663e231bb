"""`tawasol predict` commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tawasol.domain.errors import InvalidInput

app = typer.Typer(help="Churn and satisfaction models with explanations and fairness audits.", no_args_is_help=True)


def _columns(text: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(",") if c.strip()) if text else ()


@app.command()
def churn(
    data: Annotated[Path, typer.Option(help="customer table (CSV with a header)", exists=True, dir_okay=False)],
    target: Annotated[str, typer.Option(help="column saying whether the customer left")],
    positive: Annotated[str | None,
                        typer.Option(help="target value meaning 'left' (default: yes-like or rarer)")] = None,
    id_col: Annotated[str | None, typer.Option(help="customer identifier column (not a model input)")] = None,
    sensitive: Annotated[str | None, typer.Option(help="comma-separated columns to audit; not model inputs")] = None,
    use_sensitive: Annotated[bool, typer.Option(help="also use the sensitive columns as model inputs")] = False,
    threshold: Annotated[float,
                         typer.Option(help="risk at or above which a customer is flagged (fairness audit)")] = 0.5,
    warn_above: Annotated[float, typer.Option(help="fairness gap above which to warn")] = 0.1,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Cross-validated churn model: roc_auc, pr_auc, brier, top features and fairness per group."""
    from tawasol.predict import ChurnConfig, evaluate_churn, read_table  # lazily: scikit-learn takes 1.5 s

    config = ChurnConfig(target=target, positive=positive, id_col=id_col, sensitive=_columns(sensitive),
                         use_sensitive=use_sensitive, decision_threshold=threshold, fairness_warn_above=warn_above)
    try:
        result = evaluate_churn(read_table(data), config, source=data.name)
    except InvalidInput as exc:
        raise typer.BadParameter(str(exc)) from exc
    report = result.to_dict()
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    m = result.cv.metrics
    typer.echo(f"{result.rows} customers, churn '{result.positive}' {result.positive_rate:.1%}; stratified 5-fold CV")
    for key in ("roc_auc", "pr_auc", "brier"):
        typer.echo(f"{key:>8}: {m[key]:.4f} (+/- {m[key + '_std']:.4f})")
    typer.echo("top features: " + ", ".join(f["feature"] for f in result.cv.top_features))  # type: ignore[misc]
    for audit in result.fairness.attributes:
        typer.echo(f"fairness {audit.attribute}: DP diff {audit.demographic_parity_difference:.3f}, "
                   f"EO diff {audit.equalized_odds_difference:.3f}")
        for g in audit.groups:
            typer.echo(f"  {g.group:>16} n={g.count:<6} selection {g.selection_rate:.3f}  "
                       f"TPR {g.true_positive_rate:.3f}  FPR {g.false_positive_rate:.3f}")
    for warning in result.fairness.warnings:
        typer.echo(f"WARNING {warning}")
    for ex in result.examples:
        typer.echo(f"{ex['id']}: risk {ex['churn_risk']:.2f}; " + "; ".join(ex["reasons"]))  # type: ignore[arg-type]
