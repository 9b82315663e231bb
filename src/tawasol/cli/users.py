"""`tawasol users` commands."""

import typer

app = typer.Typer(no_args_is_help=True)


def serve() -> None:
    """placeholder"""


def demo() -> None:
    """placeholder"""
