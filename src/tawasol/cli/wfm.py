"""`tawasol wfm` commands."""

import typer

app = typer.Typer(help="wfm commands", no_args_is_help=True)
