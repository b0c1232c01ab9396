"""Comparing two evaluation runs: which questions changed and how the metrics moved.

Only the run directories are needed (summary.json with per_question, and
results.jsonl for the answers); the question set itself is not.
"""
from __future__ import annotations

import json
from pathlib import Path

from .report import fmt, read_results

HEADLINE_KEYS = ("overall_accuracy", "answer_accuracy", "refusal_accuracy", "false_refusal_rate",
                 "citation_supported", "hit@1", "hit@3", "hit@5", "hit@10", "mrr",
                 "unverified_share", "latency_p50_ms", "latency_p95_ms", "errors", "missing")


def _load_run(run_dir) -> tuple[dict, dict]:
    run_dir = Path(run_dir)
    with open(run_dir / "summary.json", encoding="utf-8") as fh:
        summary = json.load(fh)
    results_path = run_dir / "results.jsonl"
    # Answers only decorate the listing; a run without results.jsonl still compares.
    results = read_results(results_path) if results_path.exists() else []
    return summary, {r.get("id"): r for r in results}


def _delta(old, new):
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return new - old
    return None


def _change(qid: str, old_row: dict, new_row: dict, old_res: dict, new_res: dict) -> dict:
    return {"id": qid, "kind": new_row.get("kind"), "question": new_row.get("question", ""),
            "old_status": old_row["status"], "new_status": new_row["status"],
            "old_answer": (old_res.get(qid) or {}).get("answer"),
            "new_answer": (new_res.get(qid) or {}).get("answer")}


def compare_runs(old_dir, new_dir) -> dict:
    """Questions that became correct ("better") or stopped being correct ("worse"),
    plus old/new/delta of each headline metric.

    Status is correct / wrong / error / missing; "better" means the new status
    is correct and the old one was anything else, "worse" the reverse.  Other
    transitions (e.g. wrong -> error) are listed under "other".
    """
    old_sum, old_res = _load_run(old_dir)
    new_sum, new_res = _load_run(new_dir)
    old_rows = {r["id"]: r for r in old_sum.get("per_question", [])}
    new_rows = {r["id"]: r for r in new_sum.get("per_question", [])}
    better, worse, other = [], [], []
    for qid, new_row in new_rows.items():
        old_row = old_rows.get(qid)
        if old_row is None or old_row["status"] == new_row["status"]:
            continue
        change = _change(qid, old_row, new_row, old_res, new_res)
        if new_row["status"] == "correct":
            better.append(change)
        elif old_row["status"] == "correct":
            worse.append(change)
        else:
            other.append(change)
    deltas = {key: {"old": old_sum.get(key), "new": new_sum.get(key),
                    "delta": _delta(old_sum.get(key), new_sum.get(key))} for key in HEADLINE_KEYS}
    return {"old": str(old_dir), "new": str(new_dir), "better": better, "worse": worse,
            "other": other, "deltas": deltas,
            "only_old": sorted(set(old_rows) - set(new_rows)),
            "only_new": sorted(set(new_rows) - set(old_rows))}


def _fmt_delta(key: str, delta) -> str:
    if delta is None:
        return "–"
    sign = "+" if delta > 0 else ""
    if key.endswith("_ms"):
        return f"{sign}{delta:.1f} ms"
    if key in ("errors", "missing"):
        return f"{sign}{delta}"
    if key == "mrr":
        return f"{sign}{delta:.3f}"
    return f"{sign}{100 * delta:.1f} pt"


def _change_lines(changes: list[dict]) -> list[str]:
    lines = []
    for c in changes:
        question = " ".join(str(c["question"]).split())
        lines.append(f"- `{c['id']}` ({c['kind']}): {c['old_status']} → {c['new_status']} — {question}")
    return lines or ["- none"]


def format_comparison(cmp: dict) -> str:
    """Markdown section describing a comparison (for report.md or a terminal)."""
    lines = ["## Comparison with previous run", "",
             f"old: `{cmp['old']}`  new: `{cmp['new']}`", "",
             "| metric | old | new | change |", "| --- | --- | --- | --- |"]
    for key, d in cmp["deltas"].items():
        lines.append(f"| {key} | {fmt(key, d['old'])} | {fmt(key, d['new'])} | {_fmt_delta(key, d['delta'])} |")
    lines += ["", f"### Better ({len(cmp['better'])})", "", *_change_lines(cmp["better"]),
              "", f"### Worse ({len(cmp['worse'])})", "", *_change_lines(cmp["worse"])]
    if cmp.get("other"):
        lines += ["", f"### Other changes ({len(cmp['other'])})", "", *_change_lines(cmp["other"])]
    if cmp.get("only_old") or cmp.get("only_new"):
        lines += ["", f"Only in old run: {', '.join(cmp['only_old']) or '–'}; "
                      f"only in new run: {', '.join(cmp['only_new']) or '–'}"]
    return "\n".join(lines) + "\n"
