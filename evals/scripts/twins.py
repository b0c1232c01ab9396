"""Find questions of a new set that an earlier set already asks, word for word or in other words.

    python evals/scripts/twins.py NEW.jsonl [--threshold 0.6]

Writers given the same documents keep asking the same sentences. A new blind question that a dev set already asks
measures tuning, not generality; a new dev question that a blind set asks would let tuning reach it. Both are dropped
before the first score. "In other words" = the Jaccard similarity of the two questions' character bigrams (Chinese)
or words and word pairs (English) above the threshold. Prints each twin with its earlier question.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parents[1] / "questions"


def grams(question: str) -> set[str]:
    text = unicodedata.normalize("NFKC", question).lower()
    if re.search(r"[\u4e00-\u9fff]", text):
        text = re.sub(r"[\s\W_]+", "", text)
        return {text[i:i + 2] for i in range(len(text) - 1)}
    words = re.findall(r"[a-z0-9.]+", text)
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, len(a | b))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new", type=Path)
    parser.add_argument("--threshold", type=float, default=0.6)
    args = parser.parse_args()
    earlier = []
    for path in sorted(QUESTIONS.glob("*.jsonl")):
        if path.resolve() == args.new.resolve():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and "question" in (item := json.loads(line)):
                earlier.append((path.stem, item["id"], item["question"], grams(item["question"])))
    for line in args.new.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        mine = grams(item["question"])
        name, other_id, other, theirs = max(earlier, key=lambda e: jaccard(mine, e[3]))
        similarity = jaccard(mine, theirs)
        if similarity > args.threshold:
            print(f"{item['id']} ({similarity:.2f}) {item['question']}\n    ~ {name}:{other_id} {other}")


if __name__ == "__main__":
    main()
