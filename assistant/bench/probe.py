"""Where the passage holding a sentence ranks: `python -m assistant.bench.probe SET --home H [--corpus DIR ...]`.

A probe set is a question set (evals' format) whose every question has one evidence quote, a sentence
picked from a report and asked about in plain words. For each question this prints the rank of the first
retrieved passage holding the quote (as `assistant eval` counts it: `evidence_rank` over the answer's
contexts, the first 10), and, for a miss, its rank among 40 and the sources ranked above it, so that a
miss can be told apart by cause (wrong document, right document but another passage first, not found).
The summary line gives hit@1, hit@5, hit@10 and per language; `--json` writes the ranks for comparing runs.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.evaluation.dataset import load_questions
from assistant.evaluation.scoring import evidence_rank, language_of

DEEP = 40


def probe(assistant, questions: list[dict]) -> list[dict]:
    """One row per question: id, language, rank among the answer's contexts, deep rank, and the top sources."""
    rows = []
    for q in [q for q in questions if q.get("answerable") and q.get("evidence")]:  # the rest have no passage to find
        answer = assistant.ask(q["question"], mode="extractive")
        contexts = [{"text": c.chunk.text, "source": c.chunk.metadata.get("source")} for c in answer.contexts]
        rank = evidence_rank(q, contexts[:10])
        row = {"id": q["id"], "lang": language_of(q["question"]), "rank": rank, "question": q["question"]}
        if rank is None or rank > 5:
            deep = assistant.search(q["question"], k=DEEP)
            row["deep_rank"] = evidence_rank(q, [{"text": h.chunk.text} for h in deep])
            row["top"] = [f"{h.chunk.metadata.get('source')}|{h.chunk.heading[:20]}" for h in answer.contexts[:3]]
        rows.append(row)
    return rows


def summary(rows: list[dict]) -> str:
    def share(group, k):
        return sum(r["rank"] is not None and r["rank"] <= k for r in group) / max(1, len(group))

    parts = [f"n {len(rows)}"] + [f"hit@{k} {share(rows, k):.3f}" for k in (1, 5, 10)]
    for lang in ("zh", "en"):
        group = [r for r in rows if r["lang"] == lang]
        if group:
            parts.append(f"{lang} hit@5 {share(group, 5):.3f} (n {len(group)})")
    return "  ".join(parts)


def main(argv: list[str] | None = None) -> int:
    from assistant import Assistant, Settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="ingested first (unchanged files skipped)")
    parser.add_argument("--json", type=Path, help="write the rows here")
    args = parser.parse_args(argv)
    assistant = Assistant(Settings(home=args.home, chroma_url=None))
    if args.corpus:
        assistant.ingest(args.corpus)
    rows = probe(assistant, load_questions(args.questions))
    for row in rows:
        if row["rank"] is None or row["rank"] > 5:
            print(f"{row['id']} rank {row['rank']} deep {row.get('deep_rank')} | {row['question'][:70]} | {row.get('top')}")
    print(summary(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
