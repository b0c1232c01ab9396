"""Which rule decided each question's refusal: a table of the extractive answerer's refusal rules, per language.

    python -m assistant.bench.refusals evals/questions/dev-fresh6.jsonl [more sets] --home H [--list]

H is a home an `assistant eval … --corpus …` run built (the corpus ingested). Every question goes through the
real ask() as the eval runner sends it; the answerer's checks (answer/extractive.py _answer and
answer/refusal.py answers_question) are watched while it runs, and the rule that refused FIRST is named: the
check _verified called last in its first call of the first _answer that refused, since _verified returns at
once. Later tries (naming_picks, closest_picks) call further checks after that refusal, so the last check of the
whole answer is not the one that refused. A refusal before any check (the best clause scored under REFUSE_BELOW:
nothing read, no _verified call, or only closest_picks' one) is told apart by answering once more without one rule:
without the unknown-term penalty ("unknown term"), then without the frame's disagreements ("frame: place",
"frame: period" …, the dimensions the facts of the passages disagreed on); if neither lets a clause through,
"low score". Per rule and language the table counts answerable questions it refused (false refusals) and
unanswerable ones it kept refused (right). --list also prints the clause that rule refused and the number of its
passage among those retrieved: a name read against the wrong passage misleads. Diagnostic only: it changes no answer.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from contextlib import contextmanager
from pathlib import Path

from assistant.answer import extractive, refusal
from assistant.answer.types import REFUSAL_EN, REFUSAL_ZH

# _answer's checks in the order it applies them after the score threshold, and answers_question's own
# (every check _verified applies is listed: one left out would have its refusals named for the check before it)
TOP_CHECKS = ("answers_question", "thing_unsaid", "code_unsaid_in", "code_asked_unsaid", "other_ordinal",
              "other_rank", "subject_unnamed", "place_not_held", "only_event_said", "indicator_unsaid", "head_unsaid",
              "other_measure", "other_kind", "dated_elsewhere", "another_part", "part_year", "asks_whole_year",
              "year_held")
SUB_CHECKS = ("answers_measure", "untranslated", "unknown_qualifier", "unknown_place", "too_many_missing")
WATCHED = ("unsaid", "disagreements")


def language(question: str) -> str:
    return "en" if sum(c.isascii() and c.isalpha() for c in question) > len(question) / 3 else "zh"


class Watch:
    """Records the checks _answer calls while `on`; `off` names checks answered as if they passed."""

    def __init__(self):
        self.calls: list[tuple[str, object]] = []
        self.on = False
        self.off: set[str] = set()

    def wrap(self, name: str, function):
        def watched(*args, **kwargs):
            if self.on and name == "unknown_penalty" and name in self.off:
                return 0.0
            if self.on and name == "disagreements" and name in self.off:
                return []
            result = function(*args, **kwargs)
            if self.on:
                self.calls.append((name, result))
            return result
        return watched


@contextmanager
def watching(watch: Watch):
    """The answerer's checks replaced by recording ones, within extractive and refusal only."""
    saved = []
    names = {extractive: (*TOP_CHECKS, "unsaid", "unknown_penalty", "disagreements", "_answer"),
             refusal: SUB_CHECKS}
    for module, checks in names.items():
        for name in checks:
            saved.append((module, name, getattr(module, name)))
            setattr(module, name, watch.wrap(name, getattr(module, name)))
    inner, verify = extractive._answer, extractive._verified
    extractive._answer = lambda *a, **k: _recorded(watch, inner, *a, **k)
    extractive._verified = lambda *a, **k: _verifying(watch, verify, *a, **k)
    try:
        yield watch
    finally:
        for module, name, function in saved:
            setattr(module, name, function)


def _recorded(watch: Watch, inner, *args, **kwargs):
    watch.on = True
    watch.calls.append((ANSWER_START, None))  # its end: the ("_answer", text) the watched _answer records
    try:
        return inner(*args, **kwargs)
    finally:
        watch.on = False


def _verifying(watch: Watch, verify, *args, **kwargs):
    """_verified between two marks: the start says whether it was asked with `meant` (closest_picks' clause)."""
    meant = kwargs.get("meant", args[4] if len(args) > 4 else False)
    picks = kwargs.get("picks", args[3] if len(args) > 3 else [])
    watch.calls.append((VERIFY_START, bool(meant)))
    watch.calls.append((CLAUSE, [(p.n, p.text) for p in picks]))
    verdict = None
    try:
        verdict = verify(*args, **kwargs)
        return verdict
    finally:
        watch.calls.append((VERIFY_END, verdict))


ANSWER_START, ANSWER_END, VERIFY_START, VERIFY_END = "_answer:start", "_answer", "_verified:start", "_verified"
CLAUSE = "_verified:clause"  # the picks _verified was given: (passage number, clause text)


def first_verdict(calls: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """The checks of the first refusal: those called within the first _verified of the first _answer that refused.
    None of them when that _answer read nothing (no _verified, or only closest_picks' one, which runs only after
    the clause picked scored under REFUSE_BELOW or was refused already). Calls without marks are taken whole."""
    if not any(name == VERIFY_START for name, _ in calls):
        return [] if any(name == ANSWER_START for name, _ in calls) else calls
    start = 0
    for i, (name, value) in enumerate(calls):
        if name == ANSWER_START:
            start = i
        elif name == ANSWER_END and is_refusal(value or ""):
            calls = calls[start:i + 1]
            break
    marks = [i for i, (name, _) in enumerate(calls) if name in (VERIFY_START, VERIFY_END)]
    if not marks or calls[marks[0]][0] != VERIFY_START or calls[marks[0]][1]:
        return []
    end = marks[1] if len(marks) > 1 else len(calls)
    return calls[marks[0] + 1:end]


def decider(calls: list[tuple[str, object]]) -> str:
    """The rule that refused first, from the checks called (in order) while one question was answered; "" when none
    ran (nothing read: the best clause scored under REFUSE_BELOW)."""
    calls = first_verdict(calls)
    tops = [i for i, (name, _) in enumerate(calls) if name in TOP_CHECKS]
    if not tops:
        return ""
    last = calls[tops[-1]][0]
    if last == "answers_question":
        subs = [name for name, _ in calls[:tops[-1]] if name in SUB_CHECKS]
        return f"answers_question:{subs[-1]}" if subs else "answers_question"
    if last == "part_year":
        return "part_year"  # then asks_whole_year would be last
    return last


def is_refusal(text: str) -> bool:
    return text.startswith(REFUSAL_EN) or text.startswith(REFUSAL_ZH)


def explain(assistant, question: dict, k: int = 5) -> dict:
    """One question answered with its deciding rule: {"rule", "refused", "answer", "unsaid", "frame"}."""
    from assistant.evaluation.runner import run_question

    watch = Watch()
    with watching(watch):
        result = run_question(assistant, question, "extractive", k)
        calls = list(watch.calls)
        refused = bool(result.get("refused"))
        rule = "answered"
        if refused:
            rule = decider(calls) or _threshold_rule(assistant, question, watch, k, calls)
    unsaid = sorted({t for name, value in calls if name == "unsaid" for t in value})
    return {"id": question["id"], "rule": rule, "refused": refused, "answer": result.get("answer", ""),
            "unsaid": unsaid, "clause": refused_clause(calls) if refused else "", "result": result}


def refused_clause(calls: list[tuple[str, object]]) -> str:
    """The clause the deciding rule refused, with the number of its passage among those retrieved ("[3] 新增…"):
    a rule's name says little when that clause came from another passage than the one holding the answer."""
    for name, value in first_verdict(calls):  # the clause is recorded first within _verified
        if name == CLAUSE and value:
            return " / ".join(f"[{n}] {text[:40]}" for n, text in value)
    return ""


def _threshold_rule(assistant, question: dict, watch: Watch, k: int, calls) -> str:
    """A refusal at the score threshold, told by which rule's absence lets a clause through."""
    from assistant.evaluation.runner import run_question

    if not any(name == "unsaid" for name, _ in calls) and not any(name == "disagreements" for name, _ in calls):
        return "no clause"
    for off, label in (("unknown_penalty", "unknown term"), ("disagreements", "frame")):
        watch.calls, watch.off = [], {off}
        again = run_question(assistant, question, "extractive", k)
        after = decider(watch.calls)
        watch.off = set()
        if not again.get("refused") or after:
            if off == "disagreements":
                dims = collections.Counter(d for name, value in calls if name == "disagreements" for d in value)
                label += ":" + "+".join(sorted(d for d, _ in dims.most_common(2)))
            return label + ("" if not again.get("refused") else f" (then {after})")
    return "low score"


def table(rows: list[dict]) -> str:
    """Per rule and language: answerable refused (false), unanswerable refused (right)."""
    counts = collections.defaultdict(lambda: [0, 0])
    for row in rows:
        if row["refused"]:
            counts[(row["lang"], _head(row["rule"]))][0 if row["answerable"] else 1] += 1
    lines = ["| lang | rule | answerable refused (false) | unanswerable refused (right) |", "| --- | --- | --- | --- |"]
    for (lang, rule), (false, right) in sorted(counts.items(), key=lambda kv: (kv[0][0], -sum(kv[1]))):
        lines.append(f"| {lang} | {rule} | {false} | {right} |")
    for lang in ("en", "zh"):
        mine = [r for r in rows if r["lang"] == lang]
        if mine:
            answerable = [r for r in mine if r["answerable"]]
            lines.append(f"{lang}: {len(mine)} questions, answer {sum(r['correct'] for r in mine) / len(mine):.3f}, "
                         f"FR {sum(r['refused'] for r in answerable) / max(1, len(answerable)):.3f}, "
                         f"refusal {_refusal_accuracy(mine)}")
    return "\n".join(lines)


def _head(rule: str) -> str:
    return rule.split(" (then")[0]


def _refusal_accuracy(rows: list[dict]) -> str:
    unanswerable = [r for r in rows if not r["answerable"]]
    return f"{sum(r['refused'] for r in unanswerable)}/{len(unanswerable)}"


def main(argv: list[str] | None = None) -> int:
    from assistant.core import Assistant
    from assistant.evaluation.dataset import load_questions
    from assistant.evaluation.scoring import score_result

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--home", required=True)
    parser.add_argument("--list", action="store_true", help="one line per refused question")
    parser.add_argument("--out", type=Path, help="write every row as JSON lines here")
    args = parser.parse_args(argv)
    assistant = Assistant.open(args.home)
    rows = []
    for path in args.sets:
        for question in load_questions(path):
            found = explain(assistant, question)
            scored = score_result(question, found["result"])
            row = {"set": path.stem, "id": question["id"], "lang": language(question["question"]),
                   "answerable": bool(question.get("answerable")), "refused": found["refused"],
                   "correct": bool(scored.get("correct")), "rule": found["rule"], "unsaid": found["unsaid"],
                   "clause": found["clause"],
                   "question": question["question"]}
            rows.append(row)
            if args.list and row["refused"]:
                print(f"{row['id']} {row['lang']} {'ANS' if row['answerable'] else 'UNA'} {row['rule']} "
                      f"{row['unsaid'] or ''} | {row['question'][:90]}"
                      + (f"\n    refused: {found['clause']}" if found["clause"] else ""), file=sys.stderr)
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
