"""The built wheel, installed without -e into a fresh venv, answers a seed question.

The venv has no system site packages and sees nothing of the test venv: the wheel
is installed with its dependencies by pip, as a user would (pip's configured
indexes and cache; offline once the cache is warm). Linking the test venv's
site-packages in would hide exactly what this test is for: files missing from
the wheel or dependencies missing from its metadata.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from llm_fixtures import TEST_KEY

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]

REPO = Path(__file__).resolve().parents[1]
QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"
EVIDENCE = "新增国家级高新技术企业28家"


def run(cmd, timeout: float, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    assert done.returncode == 0, f"{cmd[:3]} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel built from this checkout installed in it; its bin folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = copy_sources(tmp / "source")
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(tmp / "dist")], 600)
    wheel = next((tmp / "dist").glob("report_assistant-*.whl"))
    run([sys.executable, "-m", "venv", str(tmp / "venv")], 300)
    bin_dir = tmp / "venv" / "bin"
    run([str(bin_dir / "python"), "-m", "pip", "install", "-q", "--no-compile", "--disable-pip-version-check", str(wheel)], 1200)
    return bin_dir


def copy_sources(to: Path) -> Path:
    """What a fresh clone has, copied: an in-tree build leaves build/ behind, whose stale
    copies of deleted modules would go into the next wheel built from the checkout."""
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist", ".venv", "runs", ".*")
    for name in ("assistant", "prompts", "seeds", "evals"):
        shutil.copytree(REPO / name, to / name, ignore=skip)
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, to / name)
    return to


def clean_env(home: Path, **extra) -> dict:
    """The environment of a user who installed the wheel: no test settings, no path into the checkout."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("ASSISTANT_", "OPENAI_", "PYTHON", "VIRTUAL_ENV"))}
    return {**env, "ASSISTANT_HOME": str(home), **extra}


def test_the_wheel_carries_prompts_seeds_and_vectors(installed, tmp_path):
    code = ("import assistant, json; from assistant.settings import bundled_seeds, prompts_dir; "
            "from assistant.index.seed_vectors import shipped_file; "
            "print(json.dumps([assistant.__file__, str(bundled_seeds()), str(prompts_dir()), str(shipped_file())]))")
    done = run([str(installed / "python"), "-c", code], 120, cwd=tmp_path, env=clean_env(tmp_path / "home"))
    package, seeds, prompts, vectors = map(Path, json.loads(done.stdout))
    site = installed.parent / "lib"
    for path in (package, seeds, prompts, vectors):
        assert site in path.parents, f"{path} is not in the installed venv"
    assert len(list(seeds.glob("*.txt"))) == len(list((REPO / "seeds").glob("*.txt")))
    assert {p.name for p in prompts.glob("*.yaml")} == {p.name for p in (REPO / "prompts").glob("*.yaml")}
    assert vectors.stat().st_size > 100_000


def test_extractive_answer_from_the_wheel(installed, tmp_path):
    home = tmp_path / "home"
    done = run([str(installed / "assistant"), "ask", "--json", "--mode", "extractive", QUESTION], 600,
               cwd=tmp_path, env=clean_env(home))
    answer = json.loads(done.stdout)
    assert "28家" in answer["answer"] and answer["mode"] == "extractive"
    assert answer["citations"][0]["source"].startswith("000_") and EVIDENCE in answer["citations"][0]["quote"]
    with sqlite3.connect(home / "embeddings.sqlite") as db:  # seeding embedded nothing: the vectors were shipped
        assert db.execute("SELECT count(*) FROM vectors").fetchone()[0] == 0


def test_llm_answer_from_the_wheel(installed, tmp_path, llm_server):
    """A key and a base URL, no model named: the documented default model is asked, with the wheel's prompts."""
    llm_server.enqueue(f"{EVIDENCE}[1]。")
    env = clean_env(tmp_path / "home", OPENAI_BASE_URL=llm_server.base_url, OPENAI_API_KEY=TEST_KEY)
    done = run([str(installed / "assistant"), "ask", "--json", "--mode", "llm", QUESTION], 600, cwd=tmp_path, env=env)
    answer = json.loads(done.stdout)
    assert answer["mode"] == "llm" and "28家" in answer["answer"] and answer["verified"]
    assert answer["citations"][0]["source"].startswith("000_")
    request = llm_server.requests[-1]
    assert request["model"] == "gpt-4o-mini"
    assert EVIDENCE in llm_server.user_prompt() and QUESTION in llm_server.user_prompt()
