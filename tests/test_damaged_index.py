"""A damaged index file: the lexical file or Chroma's database.

Each command run as the user would (`python -m assistant --home …` in a subprocess)
says in one line which file is damaged and to run `assistant rebuild`; `rebuild`
sets the damaged file aside and ingests again the files the index held, which it
finds even when Chroma cannot be read (the lexical file records them too).
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from test_reliability_index import cli, env, write_reports

pytestmark = pytest.mark.slow


def run(home: Path, *args, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cli(home, *args), env=env(COLUMNS=60), capture_output=True, text=True, timeout=timeout)


def doc_ids(home: Path) -> list[str]:
    done = run(home, "docs", "--json")
    assert done.returncode == 0, done.stderr
    return sorted(d["doc_id"] for d in json.loads(done.stdout))


@pytest.fixture
def ingested(tmp_path):
    """A home holding two reports ingested by the CLI (not the seeds: rebuild must find these)."""
    home, folder = tmp_path / "home", tmp_path / "docs"
    write_reports(folder, [2, 3])
    done = run(home, "ingest", folder)
    assert done.returncode == 0, done.stderr
    ids = doc_ids(home)
    assert len(ids) == 2
    return home, ids


def assert_one_line_error(done: subprocess.CompletedProcess, *parts: str) -> None:
    """Exit 2 and exactly one line on stderr (COLUMNS=60: a wrapped line would show), no traceback."""
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr
    assert lines[0].startswith("error: ") and "Traceback" not in done.stderr
    for part in parts:
        assert part in lines[0], lines[0]


def assert_rebuild_recovers(home: Path, ids: list[str], aside: Path) -> None:
    done = run(home, "rebuild")
    assert done.returncode == 0, done.stderr
    assert f"set aside as {aside}" in done.stderr and "2 documents added" in done.stdout
    assert aside.exists()  # kept for a look, not deleted
    assert doc_ids(home) == ids  # the two reports, not the seeds
    found = run(home, "search", "周口市重点项目", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["results"], found.stderr


@pytest.mark.parametrize("junk", [b"not json\n", b'["a list, not a row"]\n'], ids=["not-json", "json-not-a-row"])
def test_a_damaged_lexical_file_is_one_line_on_every_command_and_rebuild_recovers(ingested, tmp_path, junk):
    home, ids = ingested
    tokens = home / "lexical" / "reports" / "tokens.jsonl"
    line = len(tokens.read_bytes().splitlines()) + 1
    with open(tokens, "ab") as f:
        f.write(junk)
    folder = tmp_path / "more"
    write_reports(folder, [4])
    for command in (["docs"], ["search", "投资"], ["ask", "投资多少？"], ["ingest", folder], ["remove", "x"]):
        assert_one_line_error(run(home, *command), f"the lexical index {tokens} is damaged (line {line} ",
                              "run `assistant rebuild`")
    assert_rebuild_recovers(home, ids, tokens.with_name("tokens.jsonl.damaged"))


def test_a_damaged_chroma_database_is_one_line_and_rebuild_recovers_the_files_it_held(ingested, tmp_path):
    home, ids = ingested
    folder = tmp_path / "more"
    write_reports(folder, [4])
    database = home / "chroma" / "chroma.sqlite3"
    with open(database, "r+b") as f:  # junk over the SQLite header
        f.write(b"JUNK" * 16)
    for command in (["docs"], ["search", "投资"], ["ingest", folder]):
        assert_one_line_error(run(home, *command), f"the Chroma database {database} is damaged (file is not a database)",
                              "run `assistant rebuild`")
    assert_rebuild_recovers(home, ids, home / "chroma.damaged")


def test_the_app_over_a_damaged_index_shows_the_one_line_error(ingested, monkeypatch):
    from streamlit.testing.v1 import AppTest

    import streamlit as st
    from assistant.app import SCRIPT

    home, _ = ingested
    with open(home / "chroma" / "chroma.sqlite3", "r+b") as f:
        f.write(b"JUNK" * 16)
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    st.cache_resource.clear()
    at = AppTest.from_file(str(SCRIPT), default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    errors = " ".join(e.value for e in at.error)
    assert "chroma.sqlite3 is damaged (file is not a database)" in errors and "assistant rebuild" in errors
    st.cache_resource.clear()
