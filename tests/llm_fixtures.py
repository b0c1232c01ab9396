"""Pytest fixtures for the scripted OpenAI-compatible server (import them in conftest.py).

    from llm_fixtures import llm_server, llm_server_session, llm_settings  # noqa: F401
"""
from __future__ import annotations

import pytest

from llm_server import LLMServer

from assistant.settings import Settings

TEST_KEY = "sk-test-SECRET-key-0123456789"


@pytest.fixture(scope="session")
def llm_server_session():
    """One server for the whole run (starting it costs a thread and a port)."""
    server = LLMServer().start()
    yield server
    server.stop()


@pytest.fixture
def llm_server(llm_server_session):
    """The shared server with an empty queue and no recorded requests."""
    llm_server_session.reset()
    yield llm_server_session
    llm_server_session.reset()


@pytest.fixture
def llm_settings(llm_server, tmp_path):
    """Settings pointing at the test server: a short timeout and one retry keep tests fast."""
    return make_settings(llm_server, home=tmp_path)


def make_settings(server: LLMServer, **overrides) -> Settings:
    # Settings reads ASSISTANT_*/OPENAI_* by alias: llm_model must be given as ASSISTANT_LLM_MODEL.
    values = {"ASSISTANT_LLM_MODEL": "test-model", "OPENAI_BASE_URL": server.base_url,
              "OPENAI_API_KEY": TEST_KEY, "llm_timeout": 2.0, "llm_retries": 1}
    values.update(overrides)
    return Settings(**values)
