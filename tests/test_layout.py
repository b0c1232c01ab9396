"""The package layout keeps its promises: no import circle in the CLI, bench tooling out of the runtime."""
from __future__ import annotations

import ast
import json
import os
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


# Run the CLI as if the `bench` extra were not installed: its modules cannot be imported.
WITHOUT_BENCH_EXTRA = ("import sys\n"
                       "for name in ('langchain_chroma', 'langchain_text_splitters'):\n"
                       "    sys.modules[name] = None  # 'import name' now raises ImportError\n"
                       "from assistant.cli import main_entry\n"
                       "sys.argv = ['assistant', *sys.argv[1:]]\n"
                       "main_entry()\n")


def without_bench_extra(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT_BENCH_EXTRA, *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "200"})


def test_bench_without_its_extra_says_how_to_install_it_in_one_line(tmp_path):
    done = without_bench_extra("--home", str(tmp_path / "home"), "bench", "--what", "ingest", "--out",
                               str(tmp_path / "out"))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'report-assistant[bench]'" in lines[0], done.stderr
    assert "langchain_chroma" in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "home").exists()  # stopped before any work


def test_the_runtime_answers_without_the_bench_extra(seeded_home, seeded):
    done = without_bench_extra("--home", str(seeded_home), "ask", "--json", "--mode", "extractive",
                               "漯河市2020年新增了多少家国家级高新技术企业？")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert "28" in answer["answer"] and answer["citations"], answer
