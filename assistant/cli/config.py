"""`assistant config`: the settings as resolved from the environment, secrets masked."""
from __future__ import annotations

import json

import typer
from rich.markup import escape
from rich.table import Table

from assistant.cli.common import STATE, console


def config(as_json: bool = typer.Option(False, "--json", help="Print JSON.")):
    """Print the resolved settings (keys and URL credentials masked)."""
    from assistant.settings import Settings, resolved

    settings = Settings(**({"home": STATE["home"]} if STATE.get("home") else {}))
    rows = resolved(settings)
    if as_json:
        print(json.dumps({name: value for name, value, _ in rows}, ensure_ascii=False, indent=1))
        return
    table = Table("setting")
    table.add_column("value", overflow="fold")  # paths and URLs whole, never cut with "…"
    table.add_column("from / meaning")
    for name, value, note in rows:
        table.add_row(name, escape(value), escape(note))
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(config)
