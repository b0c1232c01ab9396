"""The document page: a whole document, opened at a cited chunk (?doc=…&at=…&q=…).

The text before the cited chunk is folded into an expander, so the page opens
at the cited spot with the quoted sentence highlighted; the rest follows.
"""
from __future__ import annotations

import html

import streamlit as st

from assistant.app.i18n import kind_label, t
from assistant.app.render import BOX, escape_md, highlight_html, where_line
from assistant.app.state import shared_assistant

HEADING = "font-weight:600;margin:0.9rem 0 0.2rem 0"


def render() -> None:
    assistant = shared_assistant()
    params = st.query_params
    doc_id, at, quote = params.get("doc"), params.get("at"), params.get("q", "")
    st.page_link("views/chat.py", label=t("back_chat"))
    if not doc_id:
        st.info(t("pick_doc"))
        return
    chunks = assistant.chunks_of(doc_id)
    if not chunks:
        st.warning(t("doc_missing"))
        return
    meta = chunks[0].metadata
    st.header(escape_md(meta.get("title") or meta.get("source", doc_id)), anchor=False)
    st.caption(escape_md(t("doc_meta", region=meta.get("region") or "–", kind=kind_label(meta.get("doc_kind") or "other"),
                           issued=meta.get("year_issued") or "–", reviewed=meta.get("year_reviewed") or "–",
                           chunks=len(chunks), source=meta.get("source", ""))))
    index = next((i for i, c in enumerate(chunks) if c.chunk_id == at), None)
    if index is None:
        st.html(document_html(chunks))
        return
    if index > 0:
        with st.expander(t("before", n=index)):
            st.html(document_html(chunks[:index]))
    cited = chunks[index]
    with st.container(border=True):
        st.caption(escape_md(f"{t('cited_here')} · " + where_line("", None, cited.heading, cited.page, "")))
        st.html(highlight_html(cited.text, quote, anchor="cited", height="none"))
    if index + 1 < len(chunks):
        st.html(document_html(chunks[index + 1:], previous=cited.heading))


def document_html(chunks, previous: str = "") -> str:
    """Chunks in order as escaped HTML, a heading line wherever the heading path changes."""
    parts = []
    for chunk in chunks:
        if chunk.heading and chunk.heading != previous:
            page = f" · {html.escape(t('page', n=chunk.page))}" if chunk.page else ""
            parts.append(f'<div style="{HEADING}">{html.escape(chunk.heading)}{page}</div>')
            previous = chunk.heading
        parts.append(html.escape(chunk.text[chunk.own_offset:]))  # an overlap with the chunk before shows once
    return f'<div style="{BOX.format(h="none")}">{"".join(parts)}</div>'
