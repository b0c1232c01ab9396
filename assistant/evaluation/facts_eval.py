"""Score fact extraction against a labelled set (evals/facts/labelled.jsonl).

Each labelled line is a sentence from a real report with every figure statement in it
labelled (figure, indicator alternatives, value, unit, measure, status, period, place) and
the figures that state no quantity listed as `not_facts`. The sentence is found in its
document's chunks, as ingest would cut them, and the extractor runs on that chunk with the
document's labelled place and years, so headings and paragraph context count as they do
at run time. An extracted fact is correct when it sits on a labelled figure and every field
agrees; precision = correct / extracted, recall = correct / labelled.

    assistant eval-facts evals/facts/labelled.jsonl --corpus seeds --corpus ../shared/corpus
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

FIELDS = ("indicator", "value", "unit", "measure", "status", "period", "place")


@dataclass
class FactScore:
    labelled: int = 0
    extracted: int = 0
    correct: int = 0
    on_not_facts: int = 0
    unlabelled: int = 0  # extracted on a figure the labels do not list at all
    missing: int = 0  # labelled figures nothing was extracted on
    field_errors: Counter = field(default_factory=Counter)
    sentences_not_found: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 0.0

    def summary(self) -> dict:
        return {"labelled": self.labelled, "extracted": self.extracted, "correct": self.correct,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "on_not_facts": self.on_not_facts, "unlabelled": self.unlabelled, "missing": self.missing,
                "field_errors": dict(self.field_errors.most_common()),
                "sentences_not_found": self.sentences_not_found}


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def indicator_matches(got: str, wanted: list[str]) -> bool:
    """Same phrase, or one holds the other (民生支出 in 全年民生支出 and the reverse); quote marks are
    typography, not words (“专精特新”企业 is 专精特新企业)."""
    got = _unquoted(norm(got))
    return bool(got) and any(_unquoted(norm(w)) in got or got in _unquoted(norm(w)) for w in wanted if w)


def _unquoted(text: str) -> str:
    return re.sub(r"[“”\"‘’'《》「」]", "", text)


def field_agrees(name: str, got, wanted: dict) -> bool:
    if name == "indicator":
        return indicator_matches(got, wanted["indicator"])
    if name == "value":
        return abs(float(got) - float(wanted["value"])) < 1e-6
    if name == "unit":
        return norm(got) == norm(wanted["unit"])
    if name == "place":
        from assistant.places import gazetteer_book

        canonical = gazetteer_book().canonical
        return canonical(got) == canonical(wanted["place"]) or got == wanted["place"]
    return str(got) == str(wanted[name])


def load_labelled(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def score(items: list[dict], corpora: list[Path]) -> tuple[FactScore, list[dict]]:
    """Score every labelled sentence; returns the totals and one row per sentence for the report."""
    chunks = _chunks_by_source(corpora, {item["source"] for item in items})
    total, rows = FactScore(), []
    for item in items:
        facts, found = _extract_in_place(item, chunks.get(item["source"], []))
        total.sentences_not_found += not found
        rows.append(_score_sentence(item, facts, total))
    return total, rows


def _score_sentence(item: dict, facts: list, total: FactScore) -> dict:
    labels = list(item["facts"])
    not_facts = [norm(f) for f in item.get("not_facts", [])]
    total.labelled += len(labels)
    used, row = set(), {"id": item["id"], "errors": []}
    for fact in facts:
        total.extracted += 1
        figure = norm(fact.figure)
        match = next((i for i, lab in enumerate(labels) if i not in used and norm(lab["figure"]) == figure), None)
        if match is None:
            if any(figure == n or figure in n for n in not_facts):
                total.on_not_facts += 1
                row["errors"].append(f"not a fact: {fact.figure}")
            else:
                total.unlabelled += 1
                row["errors"].append(f"unlabelled: {fact.figure}")
            continue
        used.add(match)
        wrong = [name for name in FIELDS if not field_agrees(name, getattr(fact, name), labels[match])]
        total.field_errors.update(wrong)
        if wrong:
            row["errors"].append(f"{fact.figure}: " + ", ".join(
                f"{n} {getattr(fact, n)!r} != {labels[match][n]!r}" for n in wrong))
        else:
            total.correct += 1
    for i, lab in enumerate(labels):
        if i not in used:
            total.missing += 1
            row["errors"].append(f"missed: {lab['figure']}")
    return row


def _extract_in_place(item: dict, chunks: list) -> tuple[list, bool]:
    """Facts of the labelled sentence, extracted from the chunk that holds it (with the labelled
    place and years), or from the sentence alone when cleaning changed it beyond recognition."""
    from assistant.facts.extract import DocContext, doc_context, extract_facts
    from assistant.ingest.cleaning import normalise_characters
    from assistant.places import gazetteer_book

    find_places = gazetteer_book().find_places  # the labelled files are read outside any index
    doc = item["doc"]
    # the sentence as ingest cleans it (<U+00A0> escapes decoded, PM_2.5 rejoined, a markdown ** dropped)
    wanted = norm(normalise_characters(item["sentence"])).lstrip("*#")
    for chunk in chunks:
        flat, offsets = _flatten(chunk.text)
        at = flat.find(wanted)
        if at < 0:
            continue
        start, end = offsets[at], offsets[at + len(wanted) - 1] + 1
        context = replace(doc_context(chunk.metadata, chunk.heading, chunk.chunk_id), region=doc["region"],
                          year_issued=doc.get("year_issued"), year_reviewed=doc.get("year_reviewed"))
        context = replace(context, plan_part=getattr(chunk, "plan_part", ""), ahead=getattr(chunk, "ahead", False))
        facts = extract_facts(chunk.text, context, find_places, lead=getattr(chunk, "lead", ""))
        return [f for f in facts if start <= f.start and f.end <= end], True
    context = DocContext(region=doc["region"], year_issued=doc.get("year_issued"),
                         year_reviewed=doc.get("year_reviewed"))
    return extract_facts(item["sentence"], context, find_places), False


def _flatten(text: str) -> tuple[str, list[int]]:
    """The text normalised as `norm` does, with each character's offset in the original."""
    out, offsets = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                out.append(c)
                offsets.append(i)
    return "".join(out), offsets


def _chunks_by_source(corpora: list[Path], sources: set[str]) -> dict[str, list]:
    from assistant.ingest.loaders import find_files, load_file
    from assistant.ingest.pipeline import build_documents, chunk_documents

    from assistant.facts.table import after_review, paragraph_lead, plan_part

    out: dict[str, list] = {}
    files, _ = find_files([Path(p) for p in corpora])
    for path in files:
        if path.name in sources and path.name not in out:
            docs = build_documents(load_file(path))
            texts = {doc.doc_id: doc.text for doc in docs}
            out[path.name] = chunk_documents(docs, 320)
            for chunk in out[path.name]:  # as ingest reads it: the paragraph and review part the chunk begins in
                text = texts.get(chunk.doc_id, "")
                chunk.lead = paragraph_lead(text, chunk.start)
                chunk.plan_part = plan_part(text, chunk.heading_path, chunk.start, chunk.metadata.get("year_reviewed"))
                chunk.ahead = after_review(text, chunk.heading_path, chunk.start)
    return out
