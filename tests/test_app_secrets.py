"""The app with credentials inside OPENAI_BASE_URL (issue 15, 10): used, never shown."""
from __future__ import annotations

from test_app import ask, clean_streamlit_caches, plain, shown, start  # noqa: F401  (the autouse fixture too)
from test_serve_guard import CANARIES, CANARY_URL, closed_port

SEED_QUESTION = "漯河市2020年新增了多少家国家级高新技术企业？"


def test_credentials_in_the_llm_url_are_used_but_never_shown(seeded, seeded_home, monkeypatch):
    port = closed_port()
    url = CANARY_URL.format(port=port)
    for name, value in {"ASSISTANT_HOME": str(seeded_home), "OPENAI_BASE_URL": url, "ASSISTANT_LLM_MODEL": "m",
                        "ASSISTANT_LLM_RETRIES": "0", "ASSISTANT_LLM_TIMEOUT": "2"}.items():
        monkeypatch.setenv(name, value)
    at = start()
    assert at.sidebar.text_input(key="llm_endpoint").value == f"http://127.0.0.1:{port}/v1"  # was: the whole URL
    ask(at, SEED_QUESTION)
    text = plain(shown(at))
    assert "LLM" in text and f"127.0.0.1:{port}" in text  # the fallback notice names the endpoint
    assert not any(c in text for c in CANARIES)
    assert at.session_state["_llm"][1].settings.openai_base_url == url  # the credentials still reach the client
