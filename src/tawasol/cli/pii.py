"""`tawasol pii` commands."""

import typer

app = typer.Typer(help="pii commands", no_args_is_help=True)
