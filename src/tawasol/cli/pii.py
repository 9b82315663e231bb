"""`tawasol pii` commands: redact a text, evaluate detection on Presidio's span-labelled format."""

from __future__ import annotations

import json
from pathlib import Path

import typer

app = typer.Typer(help="Detect and redact personal data; evaluate the detector.", no_args_is_help=True)


def _models_ready(quiet: bool = False) -> str:
    """The name/address model of the server's model directory, built now if missing (a minute at most, once)."""
    from tawasol.config import get_settings
    from tawasol.privacy import ner, tagger

    tagger.set_model_dir(get_settings().effective_model_dir / "pii")
    try:
        ner.model()
    except ner.ModelUnavailable:
        if not quiet:
            typer.echo("building the PII name/address model once (about 20 s)...", err=True)
    return ner.ensure_ready()


@app.command("train")
def train_models() -> None:
    """Build the name/address model ahead (the server also builds it when it starts, before any message)."""
    typer.echo(f"PII names/addresses: {_models_ready()}")


@app.command("redact")
def redact_text(text: str = typer.Argument(..., help="Text to redact."),
                as_json: bool = typer.Option(False, "--json",
                                             help="Print text, entities and placeholders as JSON.")) -> None:
    """Print TEXT with personal data replaced by typed placeholders ([PHONE_1], [CARD_1]...)."""
    from tawasol.privacy import redact

    _models_ready()
    result = redact(text)
    if not as_json:
        typer.echo(result.text)
        return
    entities = [{"type": e.type, "start": e.start, "end": e.end, "placeholder": e.value} for e in result.entities]
    typer.echo(json.dumps({"text": result.text, "entities": entities}, ensure_ascii=False, indent=2))


@app.command("eval")
def evaluate(data: Path | None = typer.Option(None, "--data", help="Presidio-format JSON file."),
             clean: Path | None = typer.Option(None, "--clean", help="CSV file (column `text`) of messages without "
                                                                    "personal data: share of messages changed."),
             compare_presidio: bool = typer.Option(False, "--compare-presidio",
                                                   help="Score Presidio on the same data."),
             as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON.")) -> None:
    """Token-level precision, recall and F1 per entity type and overall (same scoring for both systems)."""
    from tawasol.privacy.evaluation import (
        CleanFileError,
        false_changes,
        format_table,
        load_clean_csv,
        load_presidio_json,
        score,
        tawasol_predict,
    )

    if data is None and clean is None:
        typer.echo("give --data FILE.json and/or --clean FILE.csv", err=True)
        raise typer.Exit(2)
    for path in (data, clean):
        if path is not None and not path.is_file():
            typer.echo(f"{path}: no such file", err=True)
            raise typer.Exit(2)
    texts: list[str] = []
    if clean is not None:
        try:
            texts = load_clean_csv(clean)
        except CleanFileError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(2) from None
    samples = []
    if data is not None:
        try:
            samples = load_presidio_json(data)
        except (ValueError, KeyError, TypeError) as exc:
            typer.echo(f"{data.name}: not a Presidio-format JSON list of samples ({exc})", err=True)
            raise typer.Exit(2) from None
    _models_ready(quiet=as_json)
    changes = false_changes(texts) if clean is not None else None
    if data is None and changes is not None:
        if as_json:
            typer.echo(json.dumps({"clean": str(clean), **changes.as_dict()}, ensure_ascii=False, indent=2))
            return
        typer.echo(f"{clean.name}: {len(changes.changed)} of {changes.total} messages changed "
                   f"({100 * changes.rate:.2f} %)")
        for text, redacted in changes.changed:
            typer.echo(f"  {text}\n    -> {redacted}")
        return
    reports = {"tawasol": score(samples, tawasol_predict).report()}
    notes = ["token-level IO scoring; gold types without a counterpart (ORGANIZATION, GPE, DATE_TIME...) count as O"]
    if compare_presidio:
        from tawasol.privacy.presidio_compare import PRESIDIO_TYPES, SETUP_NOTE, PresidioMissing, presidio_predictor

        try:
            predict = presidio_predictor()
        except PresidioMissing as exc:
            typer.echo(f"cannot compare: {exc}", err=True)
            raise typer.Exit(2) from None
        reports["presidio (regex only)"] = score(samples, predict, PRESIDIO_TYPES).report()
        notes.append(SETUP_NOTE)
    if as_json:
        out = {"data": str(data), "samples": len(samples), "notes": notes, "scores": reports}
        if changes is not None:
            out["clean"] = {"file": str(clean), **changes.as_dict()}
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{data.name}: {len(samples)} samples; " + "; ".join(notes))
    typer.echo(format_table(reports))
    if changes is not None:
        typer.echo(f"false-change rate on {clean.name}: {len(changes.changed)} / {changes.total} "
                   f"({100 * changes.rate:.2f} %)")
        for text, redacted in changes.changed:
            typer.echo(f"  {text}\n    -> {redacted}")
