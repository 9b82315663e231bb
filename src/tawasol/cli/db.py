"""`tawasol db` commands."""

import typer

from tawasol.config import get_settings

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply the Alembic migrations to the configured database."""
    from tawasol.store.migrate import current
    from tawasol.store.migrate import upgrade as run

    settings = get_settings()
    url = settings.effective_database_url
    run(url, revision)
    typer.echo(f"database at revision {current(url)}")
    if revision == "head":  # customers written in clear by an older version get their details sealed
        from tawasol.service.bootstrap import bootstrap

        platform = bootstrap(settings, steps=[])
        sealed = platform.contacts.seal_legacy(platform.uow())
        platform.engine.dispose()
        if sealed:
            typer.echo(f"sealed the contact details of {sealed} customers")


@app.command("current")
def show_current() -> None:
    """Print the database's migration revision."""
    from tawasol.store.migrate import current

    typer.echo(current(get_settings().effective_database_url) or "empty")
