"""The knowledge base page: upload and ingest files, the documents and their chunks, delete, rebuild.

Uploads are ingested from a staging folder and kept under <home>/uploads/ (so
`rebuild` can read them again) only once in the index (ingest.staging), with a progress bar; each bad file gets its
own one-line error. Writes go through the shared Assistant, whose lock
serialises them across sessions.
"""
from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from assistant.app.i18n import kind_label, t, table
from assistant.app.render import DOCUMENT_PAGE, escape_md
from assistant.app.state import shared_assistant
from assistant.errors import AssistantError
from assistant.ingest.loaders import SUPPORTED
from assistant.ingest.pipeline import total_characters
from assistant.ingest.staging import Staging

TYPES = sorted(s.lstrip(".") for s in SUPPORTED)


def render() -> None:
    assistant = shared_assistant()
    st.title(t("page_knowledge"))
    for kind, text in st.session_state.pop("kb_flash", []):
        getattr(st, kind)(escape_md(text))
    upload_section(assistant)
    docs = assistant.documents()
    st.subheader(t("doc_list", n=len(docs)))
    st.dataframe(table([{"title": d.get("title"), "region": d.get("region"), "kind": kind_label(d.get("doc_kind") or "other"),
                   "issued": d.get("year_issued") or None, "reviews": d.get("year_reviewed") or None,
                   "period": d.get("period") or None, "chunks": d.get("chunks"), "source": d.get("source"),
                   "doc_id": d.get("doc_id")} for d in docs]), hide_index=True)
    if docs:
        document_section(assistant, docs)
    rebuild_section(assistant, docs)


def safe_name(name: str) -> str:
    """A file name safe to write under uploads/.

    Example: safe_name("../报告 2024?.txt") -> "报告 2024_.txt"
    """
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", Path(name.replace("\\", "/")).name).strip(" .")
    return name or "upload"


def upload_section(assistant) -> None:
    limit_mb = assistant.settings.max_file_mb
    files = st.file_uploader(t("upload", mb=limit_mb), type=TYPES, accept_multiple_files=True,
                             max_upload_size=max(1, int(limit_mb)), key="kb_upload")
    if not st.button(t("ingest"), key="kb_ingest", type="primary", disabled=not files):
        return
    flash, saved = [], False
    with Staging(uploads_dir(assistant)) as staging:  # kept in uploads/ only once ingested
        for upload in files:
            name = safe_name(upload.name)
            size_mb = upload.size / (1024 * 1024)
            if Path(name).suffix.lower() not in SUPPORTED:
                flash.append(("error", t("bad_type", name=name)))
            elif size_mb > limit_mb:
                flash.append(("error", t("too_big", name=name, size=size_mb, mb=limit_mb)))
            else:
                staging.path(name).write_bytes(upload.getvalue())
                saved = True
        if saved:
            flash += ingest_with_progress(assistant, staging)
    st.session_state["kb_flash"] = flash
    st.rerun()


def ingest_with_progress(assistant, staging: Staging) -> list[tuple[str, str]]:
    bar = st.progress(0.0, text=t("ingesting"))
    total, done = max(total_characters([staging.dir]), 1), [0]

    def tick(n: int, what: str) -> None:
        done[0] += n
        bar.progress(min(done[0] / total, 1.0), text=f"{t('ingesting')} {what[:50]}")

    try:
        report = staging.ingest(assistant, progress=tick)
    except AssistantError as e:
        return [("error", t("error", e=e))]
    finally:
        bar.empty()
    flash = [("error", line) for line in report.failed]
    flash.append(("success", t("ingest_done", added=len(report.added), replaced=len(report.replaced),
                                skipped=len(report.skipped), failed=len(report.failed), chunks=report.chunks)))
    return flash


def document_section(assistant, docs: list[dict]) -> None:
    by_id = {d["doc_id"]: d for d in docs}
    doc_id = st.selectbox(t("choose_doc"), list(by_id), key="kb_doc",
                          format_func=lambda d: f"{by_id[d].get('title') or d} ({by_id[d].get('source')})")
    if doc_id not in by_id:
        return
    st.page_link(DOCUMENT_PAGE, label=t("open_full"), icon=":material/description:", query_params={"doc": doc_id})
    chunks = assistant.chunks_of(doc_id)
    with st.expander(f"{t('chunks_of')} ({len(chunks)})"):
        st.dataframe(table([{"chunk_id": c.chunk_id, "heading": c.heading, "page": c.page, "chars": len(c.text),
                             "text": c.text} for c in chunks]), hide_index=True)
    confirm = st.checkbox(t("confirm_delete"), key=f"kb_confirm_{doc_id}")
    if st.button(t("delete"), key="kb_delete", disabled=not confirm, icon=":material/delete:"):
        try:
            n = assistant.remove(doc_id)
        except AssistantError as e:
            st.session_state["kb_flash"] = [("error", t("error", e=e))]
        else:
            forget_upload(assistant, by_id[doc_id].get("source"))
            st.session_state["kb_flash"] = [("success", t("deleted", n=n))]
        st.rerun()


def uploads_dir(assistant) -> Path:
    return assistant.settings.home / "uploads"


def forget_upload(assistant, source: str | None) -> None:
    """Delete an uploaded file once no document comes from it any more (so rebuild does not bring it back)."""
    path = uploads_dir(assistant) / (source or "")
    if source and path.is_file() and not any(d.get("source") == source for d in assistant.documents()):
        path.unlink()


def rebuild_section(assistant, docs: list[dict]) -> None:
    st.subheader(t("rebuild_head"))
    st.caption(t("rebuild_help"))
    rebuilds = st.session_state.setdefault("kb_rebuilds", 0)  # a fresh checkbox after each rebuild
    confirm = st.checkbox(t("confirm_rebuild"), key=f"kb_confirm_rebuild_{rebuilds}")
    if not st.button(t("rebuild"), key="kb_rebuild", disabled=not confirm, icon=":material/refresh:"):
        return
    uploads = [uploads_dir(assistant)] if uploads_dir(assistant).is_dir() else []
    bar = st.progress(0.0, text=t("rebuild_head"))
    total = max(assistant.seed_size() + (total_characters(uploads) if uploads else 0), 1)
    done = [0]

    def tick(n: int, what: str) -> None:
        done[0] += n
        bar.progress(min(done[0] / total, 1.0), text=f"{t('rebuild_head')} {what[:50]}")

    try:
        report = assistant.rebuild(progress=tick)
        flash = [("success", t("rebuilt", summary=report.summary()))]
        if uploads:  # the uploaded files too, whatever rebuild() found (unchanged ones are skipped)
            again = assistant.ingest(uploads, progress=tick)
            flash += [("error", line) for line in again.failed]
            flash.append(("success", t("rebuilt", summary=again.summary())))
        st.session_state["kb_flash"] = flash
    except AssistantError as e:
        st.session_state["kb_flash"] = [("error", t("error", e=e))]
    st.session_state["kb_rebuilds"] = rebuilds + 1
    st.rerun()
