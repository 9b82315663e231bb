"""`tawasol users` commands."""

import json

import typer

from tawasol.config import get_settings

app = typer.Typer(help="Agents, supervisors and admins.", no_args_is_help=True)


@app.command("create")
def create(
    tenant: list[str] = typer.Option(..., "--tenant", help="Tenant slug; repeat for an agent serving several."),
    email: str = typer.Option(...),
    password: str = typer.Option(..., prompt=True, hide_input=True),
    role: str = typer.Option("agent", help="agent, supervisor or admin"),
    name: str = typer.Option("", help="Display name."),
    languages: str = typer.Option("", help="Comma-separated: fr,ar,ary,ary_Latn,en,es"),
    skills: str = typer.Option("", help="Comma-separated skills, e.g. billing,technical"),
    capacity: int = typer.Option(3, help="Simultaneous conversations."),
) -> None:
    """Create (or update) a user who logs into the console."""
    from tawasol.domain.errors import DomainError
    from tawasol.service import admin
    from tawasol.service.bootstrap import bootstrap

    platform = bootstrap(get_settings())
    split = lambda v: [x.strip() for x in v.split(",") if x.strip()]  # noqa: E731
    try:
        view = admin.create_user(platform.uow(), email, password, role, tenant, display_name=name,
                                 languages=split(languages), skills=split(skills), capacity=capacity)
    except DomainError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        platform.engine.dispose()
    typer.echo(json.dumps(view, ensure_ascii=False))
