"""`tawasol nlu` commands."""

import typer

app = typer.Typer(help="Language, intent, sentiment and entities: analyse, train, evaluate.", no_args_is_help=True)
