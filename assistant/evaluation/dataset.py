"""Loading and checking hand-labelled question sets (JSONL, see the shared spec).

A bad set should fail loudly at load time with file and line, not halfway
through a long evaluation run.  Unknown extra fields are kept untouched so sets
written by other teams load without change.

Extension (not in the spec): a conversation set, one JSON object per line,
    {"id": "conv-1", "turns": [{"question": ..., "kind": ..., ...}, ...]}
where every turn carries the fields of a question-set item except "id".
`flatten_conversation` turns it into ordinary items with ids "conv-1#1", ...
"""
from __future__ import annotations

import json
from pathlib import Path

from assistant.errors import AssistantError

from .scoring import norm

KINDS = ("numeric", "entity", "list", "temporal", "comparison", "unanswerable")


class QuestionSetError(AssistantError):  # the CLI prints it in one line, no traceback
    """A question set that does not follow the format; message is one line."""

    def __init__(self, path, line: int, problem: str):
        self.path, self.line = str(path), line
        self.problem = " ".join(str(problem).split())  # keep it on one line
        super().__init__(f"{self.path}:{line}: {self.problem}")


def _read_jsonl(path) -> list[tuple[int, dict]]:
    """(line number, object) for every non-blank line."""
    out = []
    # utf-8-sig: sets saved by Windows editors often start with a BOM.
    with open(path, encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise QuestionSetError(path, lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")
            if not isinstance(obj, dict):
                raise QuestionSetError(path, lineno, "line is not a JSON object")
            out.append((lineno, obj))
    return out


def _nonempty_str(value) -> bool:
    return isinstance(value, str) and bool(norm(value))


_FIELD_TYPES = (
    ("question", str, "a string"),
    ("kind", str, "a string"),
    ("answerable", bool, "true or false"),
    ("facts", list, "a list of lists of strings"),
    ("evidence", list, "a list of {source, quote} objects"),
)


def item_problem(item: dict) -> str | None:
    """What is wrong with one question-set item, or None when it is valid."""
    if not _nonempty_str(item.get("id")):
        return "'id' must be a non-empty string"
    for key, typ, label in _FIELD_TYPES:
        if key not in item:
            return f"missing field '{key}'"
        if not isinstance(item[key], typ):
            return f"'{key}' must be {label}, got {type(item[key]).__name__}"
    if not norm(item["question"]):
        return "'question' is empty"
    if item["kind"] not in KINDS:
        return f"unknown kind {item['kind']!r} (expected one of {', '.join(KINDS)})"
    if item["kind"] == "unanswerable" and item["answerable"]:
        return "kind 'unanswerable' with answerable true"
    return _facts_problem(item) or _evidence_problem(item)


def _facts_problem(item: dict) -> str | None:
    for i, fact in enumerate(item["facts"], start=1):
        if not isinstance(fact, list) or not fact:
            return f"facts[{i}] must be a non-empty list of strings"
        if not all(_nonempty_str(alt) for alt in fact):
            return f"facts[{i}] holds an empty or non-string alternative"
    if item["answerable"] and not item["facts"]:
        return "answerable question with no facts"
    return None


def _evidence_problem(item: dict) -> str | None:
    for i, ev in enumerate(item["evidence"], start=1):
        if not isinstance(ev, dict):
            return f"evidence[{i}] must be an object with source and quote"
        for key in ("source", "quote"):
            if not _nonempty_str(ev.get(key)):
                return f"evidence[{i}] needs a non-empty string '{key}'"
    return None


def _check_unique(path, lineno: int, ident: str, seen: dict) -> None:
    if ident in seen:
        raise QuestionSetError(path, lineno, f"duplicate id {ident!r} (first on line {seen[ident]})")
    seen[ident] = lineno


def load_questions(path) -> list[dict]:
    """Read and validate a question set; raises QuestionSetError on the first bad line."""
    items, seen = [], {}
    for lineno, item in _read_jsonl(path):
        problem = item_problem(item)
        if problem:
            raise QuestionSetError(path, lineno, problem)
        _check_unique(path, lineno, item["id"], seen)
        items.append(item)
    return items


def turn_id(conv_id: str, index: int) -> str:
    """Id of turn `index` (0-based) of a conversation."""
    return f"{conv_id}#{index + 1}"


def load_conversations(path) -> list[dict]:
    """Read and validate a conversation set (see module docstring)."""
    convs, seen = [], {}
    for lineno, conv in _read_jsonl(path):
        if not _nonempty_str(conv.get("id")):
            raise QuestionSetError(path, lineno, "'id' must be a non-empty string")
        turns = conv.get("turns")
        if not isinstance(turns, list) or not turns:
            raise QuestionSetError(path, lineno, "'turns' must be a non-empty list")
        for i, turn in enumerate(turns):
            if not isinstance(turn, dict):
                raise QuestionSetError(path, lineno, f"turn {i + 1} is not an object")
            # The turn's own id, if any, is replaced by the derived one.
            problem = item_problem({**turn, "id": turn_id(conv["id"], i)})
            if problem:
                raise QuestionSetError(path, lineno, f"turn {i + 1}: {problem}")
        _check_unique(path, lineno, conv["id"], seen)
        convs.append(conv)
    return convs


def flatten_conversation(conv: dict) -> list[dict]:
    """One question dict per turn, each with the questions asked before it."""
    items, history = [], []
    for i, turn in enumerate(conv["turns"]):
        item = {**turn, "id": turn_id(conv["id"], i), "conversation": conv["id"],
                "turn": i + 1, "history": list(history)}
        items.append(item)
        history.append(turn["question"])
    return items


def write_jsonl(path, rows: list[dict]) -> Path:
    """Write objects as JSONL, one a line (UTF-8, Chinese kept readable): question sets and run results alike."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def write_questions(path, items: list[dict]) -> Path:
    """Write a question set as JSONL."""
    return write_jsonl(path, items)
