"""`tawasol tenants` commands: the settings a tenant's own site needs."""

from __future__ import annotations

import typer

from tawasol.config import get_settings

app = typer.Typer(help="Tenants: identity verification secret for the tenant's site.", no_args_is_help=True)


@app.command("identity-secret")
def identity_secret(tenant: str = typer.Option(..., "--tenant", help="Tenant slug.")) -> None:
    """Create (or rotate) the secret with which the tenant's site signs its customers' external ids."""
    from tawasol.domain.errors import DomainError
    from tawasol.service.bootstrap import bootstrap
    from tawasol.service.identity import new_identity_secret

    platform = bootstrap(get_settings(), steps=[])
    try:
        secret = new_identity_secret(platform.uow(), tenant)
    except DomainError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        platform.engine.dispose()
    typer.echo(secret)
    typer.echo("Keep it on the site's server only; send external_id_signature = hex HMAC-SHA256(secret, "
               "external_id) with each external_id (README, 'Returning customers').", err=True)
