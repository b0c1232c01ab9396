"""The one Answer type every front returns, with its citations and checked figures."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from assistant.documents import ScoredChunk

REFUSAL_ZH = "根据现有文件，无法回答这个问题：检索到的段落中没有相关内容。"
REFUSAL_EN = "The documents do not say: none of the retrieved passages answers this question."


@dataclass
class Citation:
    n: int
    chunk_id: str
    source: str
    title: str
    region: str
    year: int | None
    heading: str
    page: int | None
    text: str  # the whole chunk
    quote: str  # the sentence(s) in it that support the answer
    start: int = 0  # offsets of the chunk in its cleaned document
    end: int = 0


@dataclass
class Figure:
    text: str  # as written in the answer, e.g. "28家"
    verified: bool  # found in a chunk the sentence cites, or worked out from two that are (derived)
    cited: list[int] = field(default_factory=list)
    derived: bool = False  # a comparison's working: the difference or change of two verified figures
    # why the fact it states in the cited passage does not answer the question (another year, place,
    # indicator or status), "" when it does or was not judged: see answer/matched.py
    mismatch: str = ""


@dataclass
class Instruction:
    """A sentence the answer repeats that orders the reader instead of stating a fact (a planted instruction)."""
    n: int  # the passage holding it ([n]); 0: the answer's own sentence is one
    source: str  # its file ("" for the answer's own)
    quote: str  # the instruction, as written there


@dataclass
class Answer:
    question: str
    text: str
    refused: bool
    mode: str  # llm | extractive | extractive (fallback: …)
    citations: list[Citation] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    contexts: list[ScoredChunk] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # ms per stage
    analysis: dict = field(default_factory=dict)
    notice: str = ""  # e.g. why the LLM was not used
    instructions: list[Instruction] = field(default_factory=list)  # planted instructions the answer repeats

    @property
    def verified(self) -> bool:
        """Every figure is in a passage its sentence cites (and, where checked, states what the question
        asks, not another year's or place's), an answer (not a refusal) cites one, and what it says does
        not come from an instruction planted in a passage."""
        return all(f.verified and not f.mismatch for f in self.figures) \
            and (self.refused or bool(self.citations)) and not self.instructions

    @property
    def latency_ms(self) -> float:
        return round(sum(self.timings.values()), 1)

    def to_result(self, id_: str | None = None) -> dict:
        """A results.jsonl line (the spec's fields) plus the rest of the Answer."""
        out = {
            "id": id_,
            "answer": self.text,
            "refused": self.refused,
            "mode": self.mode,
            "citations": [asdict(c) for c in self.citations],
            "contexts": [c.to_dict() for c in self.contexts],
            "latency_ms": self.latency_ms,
            "figures": [asdict(f) for f in self.figures],
            "verified": self.verified,
            "timings": self.timings,
            "analysis": self.analysis,
            "notice": self.notice,
            "instructions": [asdict(i) for i in self.instructions],
        }
        if id_ is None:
            out.pop("id")
        return out
