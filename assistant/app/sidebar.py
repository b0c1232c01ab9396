"""The sidebar: language, answer mode, LLM endpoint and model, k, filters by place, year and document.

Every choice lives in st.session_state under a fixed key (lang, mode,
llm_endpoint, llm_model, llm_key, k, f_places, f_years, f_docs), so each page
reads the same values. The key field starts empty and is never filled back.
"""
from __future__ import annotations

import streamlit as st

from assistant.app.i18n import LANGUAGES, t
from assistant.app.state import doc_years, env_settings
from assistant.redact import safe_url

MODES = ("auto", "llm", "extractive")


def language_picker() -> None:
    st.sidebar.radio(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang", horizontal=True)


def _defaults() -> None:
    env = env_settings()
    st.session_state.setdefault("mode", env.mode if env.mode in MODES else "auto")
    # Shown without the user name, password or query the URL may carry; state.py maps it back.
    st.session_state.setdefault("llm_endpoint", safe_url(env.openai_base_url))
    st.session_state.setdefault("llm_model", env.llm_model or "")
    st.session_state.setdefault("k", max(1, min(int(env.k), 20)))


def render(docs: list[dict]) -> None:
    _defaults()
    side = st.sidebar
    side.subheader(t("settings"))
    side.radio(t("mode"), MODES, key="mode", format_func=lambda m: t(f"mode_{m}"))
    with side.expander("LLM", expanded=st.session_state["mode"] == "llm"):  # always drawn: its state is kept
        st.text_input(t("endpoint"), key="llm_endpoint", placeholder="http://127.0.0.1:11434/v1")
        st.text_input(t("model"), key="llm_model", placeholder="qwen2.5:7b / deepseek-chat / gpt-4o-mini")
        st.text_input(t("api_key"), key="llm_key", type="password", autocomplete="off")
        st.caption(t("key_from_env") if env_settings().openai_api_key else t("key_session"))
    side.slider(t("k"), 1, 20, key="k")

    side.subheader(t("filters"))
    places = sorted({d.get("region") for d in docs if d.get("region")})
    years = sorted({y for d in docs for y in doc_years(d)})
    titles = {d["doc_id"]: f"{d.get('title') or d.get('source')} ({d.get('source')})" for d in docs}
    _keep_known("f_places", places)
    _keep_known("f_years", years)
    _keep_known("f_docs", list(titles))
    side.multiselect(t("f_places"), places, key="f_places", placeholder=t("f_all"))
    side.multiselect(t("f_years"), years, key="f_years", placeholder=t("f_all"))
    side.multiselect(t("f_docs"), list(titles), key="f_docs", format_func=lambda d: titles.get(d, d),
                     placeholder=t("f_all"))


def _keep_known(key: str, options: list) -> None:
    """Drop chosen values that are no longer options (a document was deleted)."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
