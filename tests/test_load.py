"""Load: 8 clients asking at once through a real `assistant serve` process (loopback, bounded)."""
from __future__ import annotations

import pytest

from assistant.errors import AssistantError
from assistant.evaluation.dataset import load_questions
from assistant.bench.load import run_load, served

from conftest import REPO


@pytest.mark.slow
def test_eight_clients_get_correct_answers_without_errors(seeded_home, seeded):
    questions = load_questions(REPO / "evals" / "questions" / "dev.jsonl")
    with served(seeded_home) as url:
        result = run_load(url, questions, clients=8, seconds=10, limit=12)
    assert result["questions"] >= 10  # reference answers that one client gets right
    assert result["requests"] >= 8 * 3, result
    assert result["errors"] == 0 and result["wrong"] == 0, result
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]


def test_load_refuses_a_remote_url():
    with pytest.raises(AssistantError, match="loopback only"):
        run_load("http://example.com:8765", [], clients=1, seconds=1)
