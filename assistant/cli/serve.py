"""`assistant serve`: the HTTP API (and an OpenAI-compatible chat endpoint) over uvicorn."""
from __future__ import annotations

import ipaddress
from typing import Optional

import typer

from assistant.cli.common import err, fail, open_assistant
from assistant.errors import AssistantError, ConfigError


def is_loopback(host: str) -> bool:
    """is_loopback("127.0.0.1") -> True; is_loopback("0.0.0.0") -> False; "localhost" counts."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(host: Optional[str] = typer.Option(None, "--host", help="Address to bind (default 127.0.0.1)."),
          port: Optional[int] = typer.Option(None, "--port", help="Port (default 8765)."),
          log_level: str = typer.Option("info", "--log-level")):
    """Serve the HTTP API: /v1/ask, /v1/search, /v1/documents, /healthz and OpenAI's /v1/chat/completions."""
    import uvicorn

    from assistant.serve import create_app
    from assistant.warm import prepare_sentences_in_background, warm_up

    try:
        assistant = open_assistant()
        settings = assistant.settings
        host, port = host or settings.serve_host, port or settings.serve_port
        if not is_loopback(host) and not settings.serve_key:
            raise ConfigError(f"refusing to serve on {host} without a key: set ASSISTANT_SERVE_KEY "
                              f"(clients send 'Authorization: Bearer <key>'), or bind 127.0.0.1")
        warm_up(assistant)  # the model, BM25, vectors, fact tables and dictionary now, not on the first request
        prepare_sentences_in_background(assistant)  # a user's own reports' sentence vectors, once, in the cache
    except AssistantError as e:
        fail(e)
    key = "key required" if settings.serve_key else "no key (loopback only)"
    err.print(f"serving on http://{host}:{port}  ({key}; OpenAPI at /docs, OpenAI base URL http://{host}:{port}/v1)")
    uvicorn.run(create_app(assistant, host=host), host=host, port=port, log_level=log_level)


def register(app: typer.Typer) -> None:
    app.command()(serve)
