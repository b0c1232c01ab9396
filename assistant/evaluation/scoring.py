"""Scoring of one run against a hand-labelled question set.

Every rule here follows /work/shared/spec/question-set-format.md, so a run's
results.jsonl can be re-scored by anyone who reads the spec.  Where the spec is
silent the choice is stated in a comment next to the code that makes it.
"""
from __future__ import annotations

import re

import math
import unicodedata

ANSWER_CAPS = {"numeric": 150, "entity": 150, "temporal": 150, "list": 400, "comparison": 400}
HIT_KS = (1, 3, 5, 10)


def norm(s: str) -> str:
    """Unicode NFKC, then every whitespace character removed (spec: Normalisation)."""
    text = unicodedata.normalize("NFKC", s or "")
    return "".join(ch for ch in text if not ch.isspace())


def _is_digit_edge(ch: str) -> bool:
    return ch.isdigit() or ch == "."


def fact_matched(alternative: str, answer: str) -> bool:
    """True when `alternative` occurs in `answer` with clean digit boundaries.

    Every occurrence is tried: "128家，另有28家" must still match "28家".
    """
    alt, text = norm(alternative), norm(answer)
    if not alt:
        return False  # an empty alternative would match anything
    check_before = alt[0].isdigit()
    check_after = alt[-1].isdigit()
    start = text.find(alt)
    while start != -1:
        end = start + len(alt)
        bad_before = check_before and start > 0 and _is_digit_edge(text[start - 1])
        bad_after = check_after and end < len(text) and _is_digit_edge(text[end])
        if not bad_before and not bad_after:
            return True
        start = text.find(alt, start + 1)
    return False


def _quote_in(quote: str, text: str) -> bool:
    q = norm(quote)
    return bool(q) and q in norm(text)


def first_rank(quote: str, contexts: list) -> int | None:
    """1-based rank of the first context whose text contains `quote`, else None."""
    for rank, ctx in enumerate(contexts, start=1):
        if _quote_in(quote, (ctx or {}).get("text", "")):
            return rank
    return None


def evidence_rank(question: dict, contexts: list) -> int | None:
    """Rank at which the question's evidence counts as retrieved.

    Ordinary questions: the first chunk containing ANY evidence quote (spec).
    comparison: the spec only says hit@k needs every item; for the reciprocal
    rank we use the rank at which ALL items are covered (the largest of the
    items' first ranks), so rr and hit@k agree: hit@k <=> rank <= k.
    """
    return combined_rank(question, [first_rank(ev["quote"], contexts) for ev in question.get("evidence", [])])


def combined_rank(question: dict, ranks: list[int | None]) -> int | None:
    """The evidence items' first ranks as one: the best for a question, the worst for a comparison."""
    if not ranks:
        return None
    if question.get("kind") == "comparison":
        return None if None in ranks else max(ranks)
    found = [r for r in ranks if r is not None]
    return min(found) if found else None


def _citation_supported(question: dict, citations: list) -> bool:
    quotes = [ev["quote"] for ev in question.get("evidence", [])]
    for cit in citations or []:
        text = (cit or {}).get("text", "")
        if any(_quote_in(q, text) for q in quotes):
            return True
    return False


def _has_unverified(result: dict) -> bool:
    return any((fig or {}).get("verified") is False for fig in result.get("figures") or [])


def _sources(question: dict) -> list[str]:
    seen: list[str] = []
    for ev in question.get("evidence", []):
        if ev.get("source") and ev["source"] not in seen:
            seen.append(ev["source"])
    return seen


def _base_row(question: dict) -> dict:
    return {
        "id": question["id"],
        "kind": question.get("kind"),
        "answerable": bool(question.get("answerable")),
        "question": question.get("question", ""),
        "sources": _sources(question),
        "status": "missing",
        "error": None,
        "correct": None,
        "facts_matched": [],
        "too_long": None,
        "refused": None,
        "false_refusal": None,
        "hit": None,
        "rr": None,
        "rank": None,
        "citation_supported": None,
        "unverified_figures": None,
        "latency_ms": None,
    }


def missing_row(question: dict) -> dict:
    """Row for a question the run produced no result for."""
    return _base_row(question)


def score_result(question: dict, result: dict) -> dict:
    """Score one result line against its question; see module docstring."""
    row = _base_row(question)
    row["latency_ms"] = result.get("latency_ms")
    if result.get("error"):
        # A crash is not an answer: leave every answer/retrieval field None so
        # summarise() counts it under "errors" and nowhere else.
        row["status"], row["error"] = "error", str(result["error"])
        return row
    answer = result.get("answer") or ""
    refused = bool(result.get("refused"))
    row["refused"] = refused
    row["unverified_figures"] = _has_unverified(result)
    if row["answerable"]:
        _score_answerable(question, result, answer, refused, row)
    else:
        row["too_long"] = False  # no cap: a refusal may explain itself at length
        row["false_refusal"] = False
        row["correct"] = refused
    row["status"] = "correct" if row["correct"] else "wrong"
    return row


def _score_answerable(question: dict, result: dict, answer: str, refused: bool, row: dict) -> None:
    matched = [any(fact_matched(alt, answer) for alt in fact) for fact in question["facts"]]
    cap = ANSWER_CAPS.get(question.get("kind"))
    too_long = cap is not None and len(norm(answer)) > cap
    row["facts_matched"] = matched
    row["too_long"] = too_long
    row["false_refusal"] = refused
    # A refusal is wrong even if its wording happens to contain the figure.
    row["correct"] = bool(matched) and all(matched) and not too_long and not refused
    if question.get("evidence"):
        rank = evidence_rank(question, result.get("contexts") or [])
        row["rank"] = rank
        row["rr"] = 1.0 / rank if rank else 0.0
        row["hit"] = {k: rank is not None and rank <= k for k in HIT_KS}
        if not refused:
            row["citation_supported"] = _citation_supported(question, result.get("citations"))


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least p% of values <= it."""
    data = sorted(v for v in values if v is not None)
    if not data:
        return None
    rank = max(1, math.ceil(p / 100.0 * len(data)))
    return float(data[min(rank, len(data)) - 1])


def _share(flags: list) -> float | None:
    flags = [f for f in flags if f is not None]
    return sum(1 for f in flags if f) / len(flags) if flags else None


def aggregate(rows: list[dict]) -> dict:
    """Headline metrics over per-question rows (overall, one kind or one source).

    Denominators leave out errors and missing results; they are counted apart.
    """
    done = [r for r in rows if r["status"] in ("correct", "wrong")]
    ans = [r for r in done if r["answerable"]]
    unans = [r for r in done if not r["answerable"]]
    with_ev = [r for r in ans if r["hit"] is not None]
    spoke = [r for r in done if not r["refused"]]
    lat = [r["latency_ms"] for r in done if isinstance(r["latency_ms"], (int, float))]
    out = {
        "n": len(rows),
        "n_answerable": sum(1 for r in rows if r["answerable"]),
        "n_unanswerable": sum(1 for r in rows if not r["answerable"]),
        "errors": sum(1 for r in rows if r["status"] == "error"),
        "missing": sum(1 for r in rows if r["status"] == "missing"),
        "too_long": sum(1 for r in ans if r["too_long"]),
        "answer_accuracy": _share([r["correct"] for r in ans]),
        "refusal_accuracy": _share([r["correct"] for r in unans]),
        "false_refusal_rate": _share([r["false_refusal"] for r in ans]),
        "citation_supported": _share([r["citation_supported"] for r in ans if not r["refused"]]),
    }
    for k in HIT_KS:
        out[f"hit@{k}"] = _share([r["hit"][k] for r in with_ev])
    out["mrr"] = sum(r["rr"] for r in with_ev) / len(with_ev) if with_ev else None
    out["unverified_share"] = _share([r["unverified_figures"] for r in spoke])
    out["latency_p50_ms"] = percentile(lat, 50)
    out["latency_p95_ms"] = percentile(lat, 95)
    out["overall_accuracy"] = _share([r["correct"] for r in done])
    return out


def summarise(questions: list[dict], results: list[dict]) -> dict:
    """Score every question; results are matched by id (last one wins)."""
    by_id = {r.get("id"): r for r in results}
    rows = [score_result(q, by_id[q["id"]]) if q["id"] in by_id else missing_row(q) for q in questions]
    summary = aggregate(rows)
    summary["by_kind"] = _grouped(rows, lambda r: [r["kind"]])
    summary["by_source"] = _grouped(rows, lambda r: r["sources"])
    # English questions should answer as well as Chinese ones: the gap is one of the targets
    summary["by_language"] = _grouped(rows, lambda r: [language_of(r["question"])])
    summary["per_question"] = rows
    return summary


def language_of(question: str) -> str:
    """"zh" when the question has a Chinese character, else "en": language_of("What was Luohe's GDP?") -> "en"."""
    return "zh" if re.search(r"[\u4e00-\u9fff]", question or "") else "en"


def _grouped(rows: list[dict], keys_of) -> dict:
    # A comparison question belongs to every source it cites, so by_source
    # counts overlap; questions without evidence appear in no source.
    groups: dict[str, list[dict]] = {}
    for row in rows:
        for key in keys_of(row):
            groups.setdefault(key, []).append(row)
    return {key: aggregate(groups[key]) for key in sorted(groups)}
