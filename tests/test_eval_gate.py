"""The CI gate: the dev set in extractive mode must stay above the floors kept in evals/floors.json."""
from __future__ import annotations

import json

import pytest

from assistant.evaluation.runner import check_floors, run_eval
from tests.conftest import REPO


@pytest.mark.slow
def test_dev_set_stays_above_its_floors(seeded, tmp_path):
    out = tmp_path / "run"
    code = run_eval(seeded, [REPO / "evals/questions/dev.jsonl"], mode="extractive", k=5, out=out,
                    floors=REPO / "evals/floors.json")
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert check_floors(summary, REPO / "evals/floors.json") == []
    assert code == 0
    # every output of a run exists and results follow the set's order
    for name in ("results.jsonl", "summary.json", "report.md", "accuracy_by_kind.png", "hit_at_k.png", "latency_hist.png"):
        assert (out / name).stat().st_size > 0, name
    ids = [json.loads(line)["id"] for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    expected = [json.loads(line)["id"] for line in (REPO / "evals/questions/dev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == expected
    first = json.loads((out / "results.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert {"id", "answer", "refused", "mode", "citations", "contexts", "latency_ms"} <= set(first)
    assert len(first["contexts"]) >= 10


@pytest.mark.slow
def test_compare_lists_changes_against_an_earlier_run(seeded, tmp_path):
    small = tmp_path / "small.jsonl"
    lines = (REPO / "evals/questions/dev.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    small.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_eval(seeded, [small], out=tmp_path / "a")
    # make the earlier run look worse on its first question, so the new run is "better" there
    results = (tmp_path / "a" / "summary.json")
    summary = json.loads(results.read_text(encoding="utf-8"))
    summary["per_question"][0]["status"] = "wrong"
    summary["per_question"][0]["correct"] = False
    results.write_text(json.dumps(summary, ensure_ascii=False), encoding="utf-8")
    run_eval(seeded, [small], out=tmp_path / "b", compare=tmp_path / "a")
    report = (tmp_path / "b" / "report.md").read_text(encoding="utf-8")
    first_id = json.loads(lines[0])["id"]
    assert first_id in report


def test_a_question_that_raises_is_recorded_as_an_error(tmp_path):
    from assistant.evaluation.runner import run_question

    class Broken:
        def ask(self, *args, **kwargs):
            raise RuntimeError("boom")

    result = run_question(Broken(), {"id": "x1", "question": "q"}, "extractive", 5)
    assert result["id"] == "x1" and result["error"] == "RuntimeError: boom"


@pytest.mark.slow
def test_blind_set_stays_above_its_floors(seeded, tmp_path):
    """The blind set (never tuned on) is gated too: a change that only helps the dev set shows here."""
    out = tmp_path / "blind"
    run_eval(seeded, [REPO / "evals/questions/blind.jsonl"], mode="extractive", k=5, out=out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert check_floors(summary, REPO / "evals/floors-blind.json") == []
