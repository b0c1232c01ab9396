"""`assistant docs` and `assistant ingest` say the same thing in every form (real CLI processes)."""
from __future__ import annotations

import json
import os
import subprocess
import sys


def cli(home, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant", "--home", str(home), *args], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})


def test_a_year_not_found_is_null_in_json_and_blank_in_the_table(seeded_home, seeded):
    done = cli(seeded_home, "docs", "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    reviewed = [d["year_reviewed"] for d in rows]
    assert None in reviewed and 0 not in reviewed and 0 not in [d["year_issued"] for d in rows]
    table = cli(seeded_home, "docs").stdout
    no_review = next(d for d in rows if d["year_reviewed"] is None)
    line = next(ln for ln in table.splitlines() if no_review["doc_id"] in ln)
    header = next(ln for ln in table.splitlines() if "reviews" in ln)
    cells = [c.strip() for c in line.split("│")[1:-1]]
    columns = [c.strip() for c in header.split("┃")[1:-1]]
    assert cells[columns.index("reviews")] == "" and " 0 " not in line


def test_a_missing_file_is_skipped_and_counted_as_skipped(tmp_path):
    done = cli(tmp_path / "home", "ingest", str(tmp_path / "nowhere.txt"))
    out = " ".join((done.stdout + done.stderr).split())
    assert done.returncode == 1
    assert "skipped: nowhere.txt: file not found" in out and "1 skipped" in out and "failed" not in out
