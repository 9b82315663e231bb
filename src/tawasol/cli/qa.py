"""`tawasol qa eval`: the automatic review against human labels (kappa, accuracy, per-language fairness)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

app = typer.Typer(help="Automatic quality review (scorecards).", no_args_is_help=True)


@app.callback()
def qa() -> None:
    """Automatic quality review (scorecards)."""


@app.command("eval")
def eval_labels(labels: Path = typer.Option(..., exists=True, help="labelled conversations, JSONL"),  # noqa: B008
                as_json: bool = typer.Option(False, "--json", help="print the report as JSON")) -> None:
    """Cohen's kappa and accuracy per question and overall; score distributions per agent language/dialect."""
    from tawasol.qa import builtin_identify, default_scorecard
    from tawasol.qa.evaluation import evaluate, read_labels

    report = evaluate(read_labels(labels), default_scorecard(), builtin_identify())
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{report['conversations']} conversations; overall kappa {report['overall']['kappa']} "
               f"accuracy {report['overall']['accuracy']}")
    for key, q in report["questions"].items():
        typer.echo(f"  {key:<24} kappa {q['kappa']!s:<6} accuracy {q['accuracy']}")
    for group, d in report["groups"].items():
        scores = (f"auto {d['auto_mean']:<5} human {d['human_mean']:<5} gap {d['gap']:<5} " if "gap" in d else "")
        typer.echo(f"  agents {group:<9} n={d['n']:<4} {scores}kappa {d['kappa']!s:<6} accuracy {d['accuracy']}")
    for w in report["warnings"]:
        typer.echo(f"WARNING: {w}")
