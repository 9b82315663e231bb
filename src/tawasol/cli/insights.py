"""`tawasol insights` commands."""

from __future__ import annotations

import json

import typer

from tawasol.config import get_settings

app = typer.Typer(help="Per-tenant churn and satisfaction scores from Tawasol's own history.", no_args_is_help=True)


@app.command("refresh")
def refresh(tenant: str = typer.Option("", help="Tenant slug; all tenants when empty.")) -> None:
    """Train (or fall back to labelled rules) and score every customer now; the server also does it every 6 h."""
    from tawasol.domain.errors import DomainError
    from tawasol.service import insights
    from tawasol.service.bootstrap import bootstrap

    platform = bootstrap(get_settings(), steps=[])
    try:
        result = insights.refresh_scores(platform.uow, tenant) if tenant else insights.refresh_all(platform.uow)
    except DomainError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        platform.engine.dispose()
    typer.echo(json.dumps(result, ensure_ascii=False, indent=1, default=str))
