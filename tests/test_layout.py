"""The package layout keeps its promises: no import circle in the CLI, bench tooling out of the runtime."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import assistant

PACKAGE = Path(assistant.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports inside functions count too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_cli_command_modules_never_import_the_cli_package_back():
    commands = [p for p in (PACKAGE / "cli").glob("*.py") if p.name != "__init__.py"]
    assert len(commands) >= 9
    for path in commands:
        upward = {m for m in imported_modules(path)
                  if m in ("assistant.cli", "assistant.cli.app", "assistant.cli.STATE", "assistant.cli.main_entry")}
        assert not upward, f"{path.name} imports {upward} back from the package that imports it"
        siblings = {m for m in imported_modules(path) if m.startswith("assistant.cli.") and m.split(".")[2] != "common"}
        assert not siblings, f"{path.name} imports other command modules: {siblings}"


def test_every_command_is_registered_once_in_help_order():
    from assistant.cli import app

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert names == ["ingest", "docs", "remove", "rebuild", "search", "ask", "chat", "eval", "eval-facts", "bench",
                     "facts", "serve", "ui", "load", "config"]


def test_python_dash_m_and_the_console_script_run_the_same_app():
    out = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    for name in ("ingest", "bench", "load", "config", "facts"):
        assert name in out.stdout
    script = subprocess.run([sys.executable, "-c", "from importlib.metadata import entry_points; "
                             "print(entry_points(group='console_scripts')['assistant'].value)"],
                            capture_output=True, text=True, timeout=60)
    assert script.stdout.strip() == "assistant.cli:main_entry"
