"""`tawasol predict` commands."""

import typer

app = typer.Typer(help="predict commands", no_args_is_help=True)
