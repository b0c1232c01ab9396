"""The evaluation page: run a question set through the real Assistant, or open an earlier run.

Runs go through evaluation.runner.run_eval (the same code as `assistant eval`)
into <home>/runs/app-<time>/; earlier runs are found there and under ./runs/
(where `assistant eval` writes). A run shows its metrics, by-kind table,
charts and failures with their evidence.
"""
from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import streamlit as st
from rich.console import Console

from assistant.app.i18n import column, t, table
from assistant.app.render import escape_md, highlight_html
from assistant.app.state import answer_options, shared_assistant
from assistant.errors import AssistantError
from assistant.redact import scrub
from assistant.evaluation.dataset import QuestionSetError, load_questions
from assistant.evaluation.report import CHARTS, GROUP_KEYS, OVERALL_KEYS, failures, fmt, read_results
from assistant.settings import bundled_question_sets

BUNDLED = bundled_question_sets()


def render() -> None:
    assistant = shared_assistant()
    st.title(t("page_eval"))
    view = st.radio(" ", ("run", "open"), format_func=lambda v: t(f"ev_{v}"), key="ev_view", horizontal=True,
                    label_visibility="collapsed")
    if view == "run":
        run_section(assistant)
    else:
        runs = list_runs(assistant.settings.home)
        if not runs:
            st.caption(t("ev_no_runs"))
        else:
            chosen = st.session_state.get("ev_current")
            names = [str(r) for r in runs]
            index = names.index(chosen) if chosen in names else 0
            picked = st.selectbox(t("ev_pick"), names, index=index, key="ev_pick")
            show_run(Path(picked))


def bundled_sets() -> list[Path]:
    """The question sets shipped in evals/questions that load as plain question sets."""
    sets = []
    for path in sorted(BUNDLED.glob("*.jsonl")) if BUNDLED.is_dir() else []:
        try:
            load_questions(path)
        except (QuestionSetError, ValueError, KeyError, TypeError):
            continue
        sets.append(path)
    return sets


def list_runs(home: Path) -> list[Path]:
    """Run folders (holding summary.json), newest first."""
    found = {p.parent.resolve() for root in (home / "runs", Path.cwd() / "runs") if root.is_dir()
             for p in root.glob("*/summary.json")}
    return sorted(found, key=lambda p: (p / "summary.json").stat().st_mtime, reverse=True)


class _Counting:
    """The Assistant as run_eval sees it: each ask() also moves the progress bar and uses the session's LLM."""

    def __init__(self, assistant, tick, llm):
        self._assistant, self._tick, self._llm = assistant, tick, llm
        self.session_llm = llm  # run_eval checks the mode against it before the first question

    def __getattr__(self, name):  # settings, index, …: the Assistant's own
        return getattr(self._assistant, name)

    def ask(self, *args, **kwargs):
        try:
            return self._assistant.ask(*args, llm=self._llm, **kwargs)
        finally:
            self._tick()


def run_section(assistant) -> None:
    sets = bundled_sets()
    chosen = st.multiselect(t("ev_sets"), sets, format_func=lambda p: p.name, key="ev_sets", placeholder=t("ev_choose"))
    upload = st.file_uploader(t("ev_upload"), type=["jsonl"], key="ev_upload")
    if not st.button(t("ev_start"), key="ev_start", type="primary"):
        return
    out = assistant.settings.home / "runs" / f"app-{datetime.now():%Y%m%d-%H%M%S-%f}"
    paths = list(chosen)
    if upload is not None:
        out.mkdir(parents=True, exist_ok=True)
        path = out / "questions.jsonl"
        path.write_bytes(upload.getvalue())
        paths.append(path)
    if not paths:
        st.warning(t("ev_none"))
        return
    try:
        options = answer_options()
        total = sum(len(load_questions(p)) for p in paths)
        bar, done = st.progress(0.0, text=t("ev_running", n=total)), [0]

        def tick() -> None:
            done[0] += 1
            bar.progress(min(done[0] / max(total, 1), 1.0), text=f"{t('ev_running', n=total)} {done[0]}/{total}")

        run_eval_quietly(_Counting(assistant, tick, options["llm"]), paths, options["mode"], options["k"], out)
    except (AssistantError, QuestionSetError) as e:
        st.error(escape_md(t("error", e=scrub(str(e)))))
        return
    st.session_state["ev_current"] = str(out.resolve())
    show_run(out)


def run_eval_quietly(assistant, paths: list[Path], mode: str, k: int, out: Path) -> int:
    from assistant.evaluation.runner import run_eval

    console = Console(file=io.StringIO(), width=120)  # the terminal progress bar goes nowhere
    return run_eval(assistant, paths, mode=mode, k=k, out=out, console=console)


def show_run(folder: Path) -> None:
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    results = {r.get("id"): r for r in read_results(folder / "results.jsonl")} \
        if (folder / "results.jsonl").exists() else {}
    run = summary.get("run", {})
    st.caption(escape_md(t("ev_where", path=folder)) + " · " + escape_md(t("ev_run_meta", mode=run.get("mode"), k=run.get("k"))))
    st.subheader(t("ev_metrics"))
    st.dataframe(table([{"metric": column(key), "value": fmt(key, summary.get(key))} for key in OVERALL_KEYS]),
                 hide_index=True)
    if summary.get("by_kind"):
        st.subheader(t("ev_by_kind"))
        st.dataframe(table([{"kind": kind, **{key: fmt(key, m.get(key)) for key in GROUP_KEYS}}
                            for kind, m in summary["by_kind"].items()]), hide_index=True)
    charts = [folder / name for name in CHARTS if (folder / name).exists()]
    if charts:
        st.subheader(t("ev_charts"))
        for slot, chart in zip(st.columns(len(charts)), charts):
            slot.image(str(chart))
    facts = expected_facts(run.get("sets", []), folder)
    worst = failures(summary)
    st.subheader(t("ev_failures", n=len(worst)))
    if not worst:
        st.caption(t("ev_no_failures"))
    for row in worst:
        show_failure(row, results.get(row["id"], {}), facts.get(row["id"]))


def expected_facts(sets: list[str], folder: Path) -> dict:
    facts = {}
    for name in sets:
        path = Path(name) if Path(name).exists() else folder / Path(name).name
        try:
            facts.update({q["id"]: q.get("facts", []) for q in load_questions(path)})
        except (QuestionSetError, OSError, ValueError):
            continue
    return facts


def show_failure(row: dict, result: dict, facts) -> None:
    what = row["status"] + (" (false refusal)" if row.get("false_refusal") else "")
    with st.expander(escape_md(f"{row['id']} · {row.get('kind')} · {what} · {row.get('question', '')}")):
        if facts is not None:
            expected = " ; ".join(" / ".join(alts) for alts in facts) or "(refusal expected)"
            st.markdown(f"**{t('ev_expected')}**: {escape_md(expected)}")
        st.markdown(f"**{t('ev_answer')}**: {escape_md(result.get('answer') or row.get('error') or '–')}")
        rank = row.get("rank")
        st.caption(escape_md(f"evidence rank {rank or '–'} · expected sources {', '.join(row.get('sources') or []) or '–'}"
                             f" · cited {', '.join(sorted({c.get('source', '?') for c in result.get('citations') or []})) or '–'}"))
        st.markdown(f"**{t('ev_evidence')}**")
        for n, ctx in enumerate((result.get("contexts") or [])[:3], start=1):
            st.caption(escape_md(f"({n}) {ctx.get('title', '')} › {ctx.get('heading', '')} · {ctx.get('source', '')}"))
            st.html(highlight_html(ctx.get("text", ""), height="8rem"))
