"""`tawasol privacy`, `tawasol keys` and `tawasol audit` commands."""

from __future__ import annotations

import json

import typer

from tawasol.config import get_settings

app = typer.Typer(help="Data-subject requests and retention.", no_args_is_help=True)
keys_app = typer.Typer(help="Master keys for data at rest.", no_args_is_help=True)
audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


def _platform():  # type: ignore[no-untyped-def]
    from tawasol.service.bootstrap import bootstrap

    return bootstrap(get_settings(), steps=[])


@app.command("export")
def export(tenant: str = typer.Option(...), customer: str = typer.Option(..., help="Customer id or external id."),
           out: str = typer.Option("-", help="File to write, - for standard output.")) -> None:
    """Export everything held about a customer as JSON (audited)."""
    from tawasol.domain.errors import DomainError
    from tawasol.service import privacy

    p = _platform()
    try:
        data = privacy.export_customer(p.uow(), p.keyring, tenant, customer, actor="cli")
    except DomainError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out == "-":
        typer.echo(text)
    else:
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        typer.echo(f"written to {out}")


@app.command("erase")
def erase(tenant: str = typer.Option(...), customer: str = typer.Option(...),
          yes: bool = typer.Option(False, "--yes", help="Confirm without prompting.")) -> None:
    """Erase a customer's readable data: crypto-shred their key, drop contact details (audited)."""
    from tawasol.domain.errors import DomainError
    from tawasol.service import privacy

    if not yes and not typer.confirm(f"Erase customer {customer} of {tenant}? This cannot be undone"):
        raise typer.Exit(1)
    p = _platform()
    try:
        result = privacy.erase_customer(p.uow(), tenant, customer, actor="cli")
    except DomainError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(json.dumps(result))


@app.command("purge")
def purge() -> None:
    """Apply every tenant's retention policy now (the server also runs it hourly)."""
    from tawasol.service import privacy

    typer.echo(json.dumps(privacy.purge_expired(_platform().uow())))


@app.command("seal-contacts")
def seal_contacts() -> None:
    """Encrypt the contact details (name, e-mail, phone) of customers still stored in clear."""
    p = _platform()
    count = p.contacts.seal_legacy(p.uow())
    typer.echo(json.dumps({"sealed": count}))


@keys_app.command("rotate")
def rotate() -> None:
    """Create a new master key version and re-wrap every customer key under it."""
    from tawasol.privacy import KeyringError
    from tawasol.service import privacy

    p = _platform()
    try:
        new, count = privacy.rotate_master_key(p.uow(), p.keyring)
    except KeyringError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"current master key {new.current_id}; {count} customer keys re-wrapped")


@audit_app.command("verify")
def verify() -> None:
    """Check the audit chain; exits 1 naming the first altered entry."""
    from tawasol.service import audit

    checked, broken = audit.verify(_platform().uow(readonly=True))
    if broken is not None:
        typer.echo(f"audit chain BROKEN at entry seq={broken} ({checked} entries checked)", err=True)
        raise typer.Exit(1)
    typer.echo(f"audit chain intact: {checked} entries")
