"""`assistant …`: a thin CLI over the Assistant object.

The app and its --home callback live here; each group of commands is a module that defines
plain functions and a `register(app)`, and imports only from `assistant.cli.common`, so no
module imports back upward.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from assistant.cli import answers, bench, config, evaluate, facts, index, load, serve, ui
from assistant.cli.common import STATE, err
from assistant.errors import AssistantError

__all__ = ["app", "main_entry"]

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Questions over Chinese local-government reports, answered with citations.")


@app.callback()
def main(home: Optional[Path] = typer.Option(None, "--home", envvar="ASSISTANT_HOME", help="Data folder of the index.")):
    STATE["home"] = home


# The order here is the order of `assistant --help`.
for group in (index, answers, evaluate, bench, facts, serve, ui, load, config):
    group.register(app)


def main_entry():
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except AssistantError as e:  # one no command caught, e.g. a bad ASSISTANT_MODE read by `config`: one line
        from rich.markup import escape

        from assistant.redact import scrub

        err.print(f"[red]error:[/red] {escape(scrub(str(e)))}", soft_wrap=True)
        sys.exit(2)
    except Exception as e:
        # A full disk can also stop readers: Chroma cannot apply a write it logged before
        # the disk filled ("Failed to apply logs to the metadata segment"), a traceback.
        from assistant.errors import DiskFull
        from assistant.settings import Settings

        home = STATE.get("home") or Settings().home
        if not DiskFull.matches(e, home):
            raise
        err.print(f"error: {DiskFull.reading(home)}", markup=False)
        sys.exit(2)
