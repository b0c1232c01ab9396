"""`assistant facts INDICATOR`: a series from the fact table, with the citation of every value."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from assistant.cli.common import console, fail, open_assistant
from assistant.errors import AssistantError


def facts(indicator: str = typer.Argument(..., help="What is measured, e.g. 民生支出, 地区生产总值, GDP."),
          place: Optional[str] = typer.Option(None, "--place", help="Only this place (e.g. 漯河市)."),
          first: Optional[int] = typer.Option(None, "--from", help="First year."),
          last: Optional[int] = typer.Option(None, "--to", help="Last year."),
          status: Optional[str] = typer.Option(None, "--status", help="actual | target | cumulative | average"),
          measure: Optional[str] = typer.Option(None, "--measure",
                                                help="amount | growth | share | change | count | multiple"),
          as_json: bool = typer.Option(False, "--json")):
    """Every value the reports give for an indicator, as a table: place, period, value, status, citation."""
    try:
        rows = open_assistant().facts(indicator, place=place, first=first, last=last, status=status,
                                      measure=measure)
    except AssistantError as e:
        fail(e)
    data = [r.to_dict() for r in rows]
    if as_json:
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    if not data:
        console.print(f"the reports give no figure for {escape(indicator)!s} with these filters")
        return
    table = Table(show_lines=False)
    for column in ("place", "period", "value", "measure", "status", "document", "sentence"):
        table.add_column(column)
    for d in data:
        table.add_row(d["place"], d["period"], escape(d["figure"]), d["measure"], d["status"],
                      escape(f"{d['title']} ({d['source']})"), escape(d["quote"][:80]))
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command()(facts)
