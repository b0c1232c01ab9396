"""evals/scripts/twins.py: the check that keeps a new question set from re-asking an earlier set's questions."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

from tests.conftest import REPO

SCRIPT = REPO / "evals" / "scripts" / "twins.py"


def _twins():
    spec = importlib.util.spec_from_file_location("twins", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_reworded_question_is_a_twin_and_another_indicator_is_not():
    twins = _twins()
    asked = twins.grams("十四五期间河北国家级高新技术企业从多少家增加到多少家？")
    reworded = twins.grams("河北国家级高新技术企业数量十四五期间从多少增加到多少？")
    other = twins.grams("河北2025年粮食产量是多少万吨？")
    assert twins.jaccard(asked, reworded) > 0.6
    assert twins.jaccard(asked, other) < 0.3
    english = twins.grams("Who delivered Shaanxi's 2026 government work report as governor?")
    english_reworded = twins.grams("Who, as governor, delivered Shaanxi's 2026 government work report?")
    assert twins.jaccard(english, english_reworded) > 0.6


def test_the_script_names_the_earlier_question(tmp_path):
    new = tmp_path / "new.jsonl"
    rows = [{"id": "n-1", "question": "2023年漯河市保交楼项目共交付了多少套住房，交付率是多少？"},
            {"id": "n-2", "question": "What colour is the sky over a report?"}]
    new.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCRIPT), str(new)], capture_output=True, text=True, check=True).stdout
    assert "n-1" in out and "dev:lh23-001" in out
    assert "n-2" not in out
