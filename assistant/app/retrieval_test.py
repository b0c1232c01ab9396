"""The retrieval testing page: a question in, the ranked chunks out, with their scores and why.

Shows what the question analysis detected (places, years, periods, the region
filter it implies) and the sidebar's filters, then each chunk's fused, dense
and lexical scores and boost reasons: enough to see why an answer was or was
not found.
"""
from __future__ import annotations

import streamlit as st

from assistant.app.i18n import t, table, yes_no
from assistant.app.render import escape_md, highlight_html, where_line
from assistant.app.state import chosen_filters, describe_filters, shared_assistant
from assistant.errors import AssistantError
from assistant.redact import scrub


def render() -> None:
    assistant = shared_assistant()
    st.title(t("page_retrieval"))
    st.caption(t("rt_intro"))
    with st.form("rt_form", border=False):
        question = st.text_input(t("question"), key="rt_question", max_chars=1000)
        submitted = st.form_submit_button(t("search"), type="primary")
    if not (submitted or st.session_state.get("rt_last")) or not question.strip():
        return
    st.session_state["rt_last"] = question
    k = int(st.session_state.get("k", assistant.settings.k))
    filters = chosen_filters(assistant)
    try:
        explained = assistant.explain(question)
        hits = assistant.search(question, k=k, filters=filters)
    except AssistantError as e:
        st.error(escape_md(t("error", e=scrub(str(e)))))
        return
    show_analysis(explained, filters)
    st.dataframe(table([{"rank": rank, "fused": round(h.score, 4), "dense": _round(h.dense), "lexical": _round(h.lexical),
                   "title": h.chunk.title, "region": h.chunk.metadata.get("region", ""), "heading": h.chunk.heading,
                   "reasons": "; ".join(h.reasons), "chunk_id": h.chunk.chunk_id}
                  for rank, h in enumerate(hits, start=1)]), hide_index=True)
    for rank, hit in enumerate(hits, start=1):
        chunk = hit.chunk
        label = escape_md(f"{rank}. {chunk.title}") + f" · {hit.score:.3f}"
        with st.expander(label, expanded=rank == 1):
            st.caption(escape_md(where_line(chunk.metadata.get("region", ""), None, chunk.heading, chunk.page,
                                            chunk.source)))
            st.html(highlight_html(chunk.text, height="12rem"))


def show_analysis(explained: dict, filters: dict | None) -> None:
    def listed(values) -> str:
        return ", ".join(str(v) for v in values) if values else t("none")

    st.info(escape_md(t("detected", places=listed(explained.get("places")), years=listed(explained.get("years")),
                        periods=listed(explained.get("periods")), comparison=yes_no(explained.get("comparison")),
                        region=listed(explained.get("region_filter")))))
    st.caption(escape_md(t("sidebar_filters", f=describe_filters(filters))))


def _round(value):
    return None if value is None else round(value, 4)
