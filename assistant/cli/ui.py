"""`assistant ui`: start the Streamlit app.

Always headless (no first-run e-mail prompt, Streamlit opens no browser and
collects no usage statistics), bound to 127.0.0.1 unless --host says otherwise.
A browser is opened only when there is a display to open it on.
"""
from __future__ import annotations

import os
import platform
import sys
import threading
import time
import webbrowser
from typing import Optional

import typer

from assistant.cli.common import STATE, err


def has_display() -> bool:
    if platform.system() in ("Darwin", "Windows"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def streamlit_args(host: str, port: int, max_upload_mb: int) -> list[str]:
    """The `streamlit run` command line for the app.

    Example: streamlit_args("127.0.0.1", 8501, 50)[:3] -> ["run", ".../assistant/app/main.py", "--server.headless=true"]
    """
    from assistant.app import SCRIPT

    return ["run", str(SCRIPT), "--server.headless=true", f"--server.address={host}", f"--server.port={port}",
            "--browser.gatherUsageStats=false", f"--browser.serverAddress={host}",
            f"--server.maxUploadSize={max_upload_mb}", "--server.fileWatcherType=none",
            "--global.developmentMode=false", "--client.toolbarMode=minimal"]


def ui(host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (0.0.0.0 to serve the network)."),
       port: int = typer.Option(8501, "--port", help="Port to listen on."),
       open_browser: Optional[bool] = typer.Option(None, "--open/--no-open",
                                                   help="Open a browser (default: when there is a display).")):
    """Start the web app (Streamlit): chat, knowledge base, retrieval testing, evaluation."""
    from streamlit.web import cli as streamlit_cli

    from assistant.settings import Settings

    if STATE.get("home"):
        os.environ["ASSISTANT_HOME"] = str(STATE["home"])  # the app reads its index folder from Settings
    settings = Settings()
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    err.print(f"The report assistant: {url}  (Ctrl-C stops it)", soft_wrap=True)
    err.print(f"index: {settings.home}", soft_wrap=True, highlight=False)
    if open_browser if open_browser is not None else has_display():
        threading.Thread(target=_open_later, args=(url,), daemon=True).start()
    sys.argv = ["streamlit", *streamlit_args(host, port, max(1, int(settings.max_file_mb)))]
    streamlit_cli.main(prog_name="streamlit")


def _open_later(url: str) -> None:
    time.sleep(2.0)
    try:
        webbrowser.open(url)
    except Exception:  # no browser: the URL was printed
        pass


def register(app: typer.Typer) -> None:
    app.command()(ui)
