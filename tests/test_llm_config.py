"""LLM configuration as users expect it: a key alone picks the default model; `assistant config`."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from assistant.answering import resolve_mode
from assistant.settings import DEFAULT_LLM_MODEL, Settings, mask_url

QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"


def settings(**env) -> Settings:
    return Settings(**{"ASSISTANT_LLM_MODEL": "", **env})


def test_a_key_alone_selects_the_default_model():
    s = settings(OPENAI_API_KEY="sk-x")
    assert s.chat_model == DEFAULT_LLM_MODEL == "gpt-4o-mini" and s.llm_configured


def test_a_named_model_wins_and_a_base_url_alone_needs_one():
    assert settings(OPENAI_API_KEY="sk-x", ASSISTANT_LLM_MODEL="deepseek-chat").chat_model == "deepseek-chat"
    assert not settings(OPENAI_BASE_URL="http://127.0.0.1:11434/v1").llm_configured  # Ollama: which model?
    local = settings(OPENAI_BASE_URL="http://127.0.0.1:11434/v1", ASSISTANT_LLM_MODEL="qwen2.5:7b")
    assert local.llm_configured and local.chat_model == "qwen2.5:7b"
    assert not settings().llm_configured


def test_auto_mode_uses_the_llm_once_a_key_is_set(seeded):
    with_key = type("A", (), {"settings": settings(OPENAI_API_KEY="sk-x")})()
    without = type("A", (), {"settings": settings()})()
    assert resolve_mode(with_key, "auto") == "llm" and resolve_mode(without, "auto") == "extractive"


def test_urls_are_printed_without_credentials():
    assert mask_url("https://bob:pw@llm.example.com/v1?api-key=abc&x=1") == "https://***@llm.example.com/v1?api-key=***&x=***"
    assert mask_url("http://127.0.0.1:8000/v1") == "http://127.0.0.1:8000/v1"


def cli(home, *args, **env) -> subprocess.CompletedProcess:
    """`python -m assistant …` in a real process, with only the given LLM variables set."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_") and k != "ASSISTANT_LLM_MODEL"}
    return subprocess.run([sys.executable, "-m", "assistant", "--home", str(home), *args], capture_output=True,
                          text=True, timeout=300, env={**base, "COLUMNS": "200", **env})


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed on return: nothing listens there


def test_key_and_dead_endpoint_without_a_model_fall_back_with_the_label(seeded_home, seeded):
    done = cli(seeded_home, "ask", "--mode", "llm", QUESTION, OPENAI_API_KEY="x",
               OPENAI_BASE_URL=f"http://127.0.0.1:{dead_port()}/v1", ASSISTANT_LLM_RETRIES="0")
    assert done.returncode == 0, done.stderr
    assert "28家" in done.stdout
    assert "extractive (fallback)" in done.stdout and "LLM unavailable" in done.stdout


def test_config_prints_resolved_settings_with_secrets_masked(seeded_home):
    secrets = ("sk-live-SECRET123", "pw-SECRET", "qs-SECRET", "serve-SECRET")
    env = {"OPENAI_API_KEY": secrets[0], "OPENAI_BASE_URL": f"https://bob:{secrets[1]}@llm.example.com/v1?key={secrets[2]}",
           "ASSISTANT_SERVE_KEY": secrets[3]}
    table = cli(seeded_home, "config", **env)
    data = json.loads(cli(seeded_home, "config", "--json", **env).stdout)
    assert table.returncode == 0, table.stderr
    for secret in secrets:
        assert secret not in table.stdout + table.stderr and secret not in json.dumps(data)
    assert data["llm model"] == "gpt-4o-mini" and data["llm api key"] == "*** (set)"
    assert data["llm base url"] == "https://***@llm.example.com/v1?key=***"
    assert data["home"] == str(seeded_home) and data["mode"] == "auto"
    assert "default for OPENAI_API_KEY" in table.stdout and "auto: answers by the LLM" in table.stdout
