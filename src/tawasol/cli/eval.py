"""`tawasol eval` commands: end-to-end evaluation of the product through its real HTTP API."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="End-to-end evaluation through the real HTTP API.", no_args_is_help=True)


@app.command("conversations")
def conversations(
    dialogues: Annotated[Path, typer.Option("--dialogues", help="JSONL file, one scripted dialogue a line")],
    as_json: Annotated[bool, typer.Option("--json", help="print the whole report as JSON")] = False,
    url: Annotated[str, typer.Option(help="a running server (e.g. `tawasol demo`); default: start a fresh "
                                          "in-process demo server for the run")] = "",
    staff_email: Annotated[str, typer.Option(help="staff login that reads decision records (default: the demo "
                                                  "supervisor)")] = "",
    staff_password: Annotated[str, typer.Option(help="its password (default: the demo password)")] = "",
    quiet: Annotated[bool, typer.Option(help="no progress line per dialogue on stderr")] = False,
) -> None:
    """Replay scripted multi-turn dialogues and check every turn; per dialogue and per language results.

    Exit code 2: the dialogue file is invalid (the error names the line); 1: the server could not be used."""
    from tawasol.bench.dialogues import DialogueFileError, DialogueRunner, format_report, load_dialogues, summarise
    from tawasol.demo.seed import AGENTS, DEMO_PASSWORD

    try:
        items = load_dialogues(dialogues)
    except DialogueFileError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    email = staff_email or next(a[0] for a in AGENTS if a[2] == "supervisor")
    password = staff_password or DEMO_PASSWORD

    def progress(r) -> None:  # type: ignore[no-untyped-def]
        if not quiet:
            typer.echo(f"{'ok  ' if r.ok else 'FAIL'} {r.id}", err=True)

    def replay(base: str) -> dict:  # type: ignore[type-arg]
        runner = DialogueRunner(base, email, password)
        try:
            runner.login()
            return summarise(runner.run_all(items, progress))
        finally:
            runner.close()

    try:
        if url:
            report = replay(url)
        else:
            from tawasol.api.bench import start_server

            with tempfile.TemporaryDirectory(prefix="tawasol-eval-") as tmp:
                if not quiet:
                    typer.echo("starting a fresh demo server (models are trained at first start)...", err=True)
                proc, base = start_server(Path(tmp), demo_backend=True)
                try:
                    report = replay(base)
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)
    except RuntimeError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    report["file"] = str(dialogues)
    typer.echo(json.dumps(report, ensure_ascii=False, indent=1) if as_json else format_report(report))
