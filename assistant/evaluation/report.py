"""Writing a run's results, summary, Markdown report and charts.

Charts use matplotlib's object API on the Agg canvas (no pyplot), so nothing
global changes and no display is needed; labels are ASCII so no CJK font is.
"""
from __future__ import annotations

import json
from pathlib import Path

from .dataset import write_jsonl
from .scoring import HIT_KS

RATE_KEYS = ("answer_accuracy", "refusal_accuracy", "false_refusal_rate", "citation_supported",
             *(f"hit@{k}" for k in HIT_KS), "unverified_share", "overall_accuracy")
OVERALL_KEYS = ("n", "n_answerable", "n_unanswerable", "errors", "missing", "too_long",
                "overall_accuracy", "answer_accuracy", "refusal_accuracy", "false_refusal_rate",
                "citation_supported", *(f"hit@{k}" for k in HIT_KS), "mrr", "unverified_share",
                "latency_p50_ms", "latency_p95_ms")
GROUP_KEYS = ("n", "errors", "overall_accuracy", "answer_accuracy", "refusal_accuracy",
              "false_refusal_rate", "citation_supported", "hit@1", "hit@10", "mrr")
CHARTS = ("accuracy_by_kind.png", "hit_at_k.png", "latency_hist.png")
MAX_FAILURES = 25


def write_results(path, results: list[dict]) -> Path:
    """Write results as JSONL, one object per line, Chinese kept readable."""
    return write_jsonl(path, results)


def read_results(path) -> list[dict]:
    """Read a results.jsonl (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def fmt(key: str, value) -> str:
    if value is None:
        return "–"
    if key in RATE_KEYS:
        return f"{100 * value:.1f}%"
    if isinstance(value, float):
        return f"{value:.3f}" if key == "mrr" else f"{value:.1f}"
    return str(value)


def _cell(text) -> str:
    # Table cells must not break the row: pipes escaped, newlines flattened.
    return " ".join(str(text).split()).replace("|", "\\|")


def metrics_table(summary: dict) -> str:
    lines = ["| metric | value |", "| --- | --- |"]
    lines += [f"| {key} | {fmt(key, summary.get(key))} |" for key in OVERALL_KEYS]
    return "\n".join(lines)


def group_table(groups: dict, label: str) -> str:
    lines = [f"| {label} | " + " | ".join(GROUP_KEYS) + " |",
             "| --- " * (len(GROUP_KEYS) + 1) + "|"]
    for name, metrics in groups.items():
        cells = [fmt(key, metrics.get(key)) for key in GROUP_KEYS]
        lines.append(f"| {_cell(name)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _severity(row: dict) -> int:
    # Worst first: crashes/missing (nothing came back), then false refusals
    # (the answer was there and we said it was not), then wrong answers whose
    # evidence was retrieved (an answering fault), then the other wrong ones.
    if row["status"] in ("error", "missing"):
        return 0
    if row.get("false_refusal"):
        return 1
    return 2 if row.get("rank") and row["rank"] <= 10 else 3


def failures(summary: dict, limit: int = MAX_FAILURES) -> list[dict]:
    rows = [r for r in summary.get("per_question", []) if r["status"] != "correct"]
    return sorted(rows, key=_severity)[:limit]  # stable: set order within a group


def _failure_block(row: dict, question: dict, result: dict) -> str:
    facts = " ; ".join(" / ".join(alts) for alts in question.get("facts", [])) or "(refusal expected)"
    answer = result.get("answer") or ""
    answer = answer if len(answer) <= 300 else answer[:300] + "…"
    rank = row.get("rank")
    retrieved = f"yes, rank {rank}" if rank and rank <= 10 else ("no" if row.get("hit") is not None else "n/a")
    cited = sorted({c.get("source", "?") for c in result.get("citations") or []})
    what = row["status"] + (" (false refusal)" if row.get("false_refusal") else "") \
        + (" (too long)" if row.get("too_long") else "")
    lines = [f"### {row['id']} — {row['kind']} — {what}",
             f"- question: {_cell(row.get('question', ''))}",
             f"- expected facts: {_cell(facts)}"]
    if row.get("error"):
        lines.append(f"- error: `{_cell(row['error'])}`")
    lines += [f"- answer: {_cell(answer) or '(none)'}",
              f"- evidence in top 10: {retrieved} (sources: {', '.join(row.get('sources') or []) or '–'})",
              f"- cited sources: {', '.join(cited) or '–'}"]
    return "\n".join(lines)


def render_markdown(questions: list[dict], results: list[dict], summary: dict,
                    title: str, comparison: str | None = None) -> str:
    q_by_id = {q["id"]: q for q in questions}
    r_by_id = {r.get("id"): r for r in results}
    parts = [f"# {title}", "", "## Overall", "", metrics_table(summary), "",
             "Rates exclude errors and missing results; latency percentiles use the nearest-rank method.", "",
             "## By kind", "", group_table(summary.get("by_kind", {}), "kind"), "",
             "## By language", "", group_table(summary.get("by_language", {}), "language"), "",
             "## By document", "", group_table(summary.get("by_source", {}), "source"), "",
             "## Charts", ""]
    parts += [f"![{name[:-4]}]({name})" for name in CHARTS]
    if comparison:
        parts += ["", comparison.rstrip()]
    worst = failures(summary)
    parts += ["", f"## Worst failures ({len(worst)} shown)", ""]
    for row in worst:
        parts += [_failure_block(row, q_by_id.get(row["id"], {}), r_by_id.get(row["id"], {})), ""]
    return "\n".join(parts).rstrip() + "\n"


def _save(fig, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def _new_figure():
    from matplotlib.figure import Figure  # imported late: only reports need it
    return Figure(figsize=(6, 4))


def chart_accuracy_by_kind(summary: dict, path: Path) -> None:
    kinds = list(summary.get("by_kind", {}))
    values = [summary["by_kind"][k].get("overall_accuracy") or 0.0 for k in kinds]
    fig = _new_figure()
    ax = fig.add_subplot()
    ax.bar(kinds, values, color="#4c72b0")
    ax.set_ylim(0, 1)
    ax.set_ylabel("accuracy")
    ax.set_title("Accuracy by kind")
    ax.tick_params(axis="x", labelrotation=30)
    _save(fig, path)


def chart_hit_at_k(summary: dict, path: Path) -> None:
    values = [summary.get(f"hit@{k}") or 0.0 for k in HIT_KS]
    fig = _new_figure()
    ax = fig.add_subplot()
    ax.plot(HIT_KS, values, marker="o")
    ax.set_xticks(HIT_KS)
    ax.set_ylim(0, 1)
    ax.set_xlabel("k")
    ax.set_ylabel("hit@k")
    ax.set_title("Retrieval hit@k (answerable questions with evidence)")
    _save(fig, path)


def chart_latency(summary: dict, path: Path) -> None:
    lat = [r["latency_ms"] for r in summary.get("per_question", [])
           if r["status"] in ("correct", "wrong") and isinstance(r.get("latency_ms"), (int, float))]
    fig = _new_figure()
    ax = fig.add_subplot()
    if lat:
        ax.hist(lat, bins=min(30, max(5, len(lat) // 3)), color="#55a868")
    else:
        ax.text(0.5, 0.5, "no latency data", ha="center", va="center")
    ax.set_xlabel("latency (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency per question")
    _save(fig, path)


def write_report(out_dir, questions: list[dict], results: list[dict], summary: dict,
                 title: str = "Evaluation report", comparison: str | None = None) -> Path:
    """Write summary.json, report.md and the three charts; returns report.md's path.

    `comparison` is optional Markdown (see compare.format_comparison) added to the report.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "summary.json", "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=2)
    chart_accuracy_by_kind(summary, out / CHARTS[0])
    chart_hit_at_k(summary, out / CHARTS[1])
    chart_latency(summary, out / CHARTS[2])
    report = out / "report.md"
    report.write_text(render_markdown(questions, results, summary, title, comparison), encoding="utf-8")
    return report
