"""`tawasol bench` commands: thin wrappers over each capability's benchmark suite."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Benchmarks: quality, latency, throughput and memory (medians of runs).", no_args_is_help=True)


def _default_data_dir() -> Path:
    return Path(os.environ.get("TAWASOL_DATA_DIR", "../shared/data"))


@app.command("nlu")
def nlu(
    data_dir: Annotated[Path | None,
                        typer.Option(help="datasets folder (default: $TAWASOL_DATA_DIR or ../shared/data)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    embeddings: Annotated[bool,
                          typer.Option(help="also run Banking77 with the optional sentence encoder (slow)")] = False,
    e2e: Annotated[bool, typer.Option("--e2e", help="beside each intent and sentiment row: the same model after the "
                                                    "privacy step as served, and on the redacted text")] = False,
) -> None:
    """NLU benchmark suite: intents, language, sentiment, latency and memory."""
    from tawasol.nlu.bench import format_table, run_suite

    folder = data_dir or _default_data_dir()
    if not folder.is_dir():
        raise typer.BadParameter(f"datasets folder not found: {folder} (set --data-dir or TAWASOL_DATA_DIR)")
    progress = lambda msg: typer.echo(msg, err=True)  # noqa: E731
    from tawasol.config import get_settings

    rows = run_suite(folder, progress=progress, embeddings=embeddings, model_dir=get_settings().effective_model_dir)
    if e2e:
        from tawasol.bench.e2e import beside_components, nlu_rows, served_privacy

        rows = beside_components(rows, nlu_rows(folder, served_privacy(), progress))
    typer.echo(json.dumps(rows, ensure_ascii=False, indent=1) if as_json else format_table(rows))


@app.command("api")
def api(
    runs: Annotated[int, typer.Option(help="repetitions; figures are medians over them")] = 5,
    requests: Annotated[int, typer.Option(help="messages per run")] = 120,
    concurrency: Annotated[str, typer.Option(help="comma-separated client counts")] = "1,8",
    database_url: Annotated[str, typer.Option(help="benchmark on this database (default: a fresh SQLite file)")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Latency and throughput of posting a message through a real server process."""
    from tawasol.api.bench import format_table, run_benchmark
    from tawasol.config import get_settings

    levels = tuple(int(c) for c in concurrency.split(",") if c.strip())
    rows = run_benchmark(runs, requests, levels, database_url, get_settings().effective_model_dir)
    backend = "PostgreSQL" if database_url else "SQLite"
    typer.echo(json.dumps(rows, indent=1) if as_json else format_table(rows, backend))
