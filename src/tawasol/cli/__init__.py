"""The `tawasol` command: one Typer app with a sub-command group per capability."""

from __future__ import annotations

import typer

from tawasol.cli import (
    bench,
    db,
    insights,
    kb,
    nlu,
    pii,
    predict,
    privacy,
    qa,
    serve,
    tenants,
    users,
    voice,
    wfm,
    worker,
)
from tawasol.cli.eval import app as eval_app

app = typer.Typer(help="Tawasol: customer service where AI and people work together.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
app.command("serve")(serve.serve)
app.command("demo")(serve.demo)
app.command("worker")(worker.worker)
app.add_typer(worker.jobs_app, name="jobs")
app.add_typer(db.app, name="db")
app.add_typer(users.app, name="users")
app.add_typer(tenants.app, name="tenants")
app.add_typer(nlu.app, name="nlu")
app.add_typer(pii.app, name="pii")
app.add_typer(privacy.app, name="privacy")
app.add_typer(privacy.keys_app, name="keys")
app.add_typer(privacy.audit_app, name="audit")
app.add_typer(kb.app, name="kb")
app.add_typer(predict.app, name="predict")
app.add_typer(insights.app, name="insights")
app.add_typer(wfm.app, name="wfm")
app.add_typer(bench.app, name="bench")
app.add_typer(eval_app, name="eval")
app.add_typer(qa.app, name="qa")
app.add_typer(voice.app, name="voice")


def main() -> None:
    from tawasol.config import UnsafeSettings

    try:
        app()
    except UnsafeSettings as exc:  # refuse to start, with the reason alone (no traceback, no other settings)
        typer.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None
