"""`tawasol kb` commands."""

import typer

app = typer.Typer(help="kb commands", no_args_is_help=True)
