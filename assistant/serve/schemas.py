"""The HTTP API's request and response bodies (they make the published OpenAPI schema).

The shapes mirror the library's: an `AnswerOut` is `Answer.to_result()`, a
`ContextOut` is `ScoredChunk.to_dict()`, a document is a row of `assistant docs --json`.
"""
from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

# What a filter may name: the metadata every chunk carries (not `path`: the server's folders are its own).
FILTER_FIELDS = ("doc_id", "source", "title", "region", "doc_kind", "year_issued", "year_reviewed", "period")
ONE_VALUE_OPS = ("$eq", "$ne")
NUMBER_OPS = ("$gt", "$gte", "$lt", "$lte")
LIST_OPS = ("$in", "$nin")
Scalar = Union[str, int, float, bool]


def check_filters(filters: dict | None) -> dict | None:
    """A retrieval filter of known fields and operators, or a ValueError saying what is wrong.

    Allowed: {"region": "漯河市"}, {"year_reviewed": [2020, 2021]}, {"year_issued": {"$gte": 2021}},
    {"doc_kind": {"$in": ["报告"]}}. Refused: {"$where": "1"}, {"path": …}, {"region": {"$regex": …}}.
    """
    for name, value in (filters or {}).items():
        if name not in FILTER_FIELDS:
            raise ValueError(f"unknown filter field {name[:40]!r}; filters take {', '.join(FILTER_FIELDS)}")
        if isinstance(value, dict):
            if len(value) != 1:
                raise ValueError(f"filter {name}: give one operator, e.g. {{\"$in\": [...]}}")
            (op, operand), = value.items()
            if op in ONE_VALUE_OPS:
                ok, takes = is_scalar(operand), "a value"
            elif op in NUMBER_OPS:
                ok, takes = isinstance(operand, (int, float)) and not isinstance(operand, bool), "a number"
            elif op in LIST_OPS:
                ok, takes = is_scalar_list(operand), "a list of values of one type"
            else:
                raise ValueError(f"filter {name}: unknown operator {str(op)[:20]!r}; use one of "
                                 f"{', '.join(ONE_VALUE_OPS + NUMBER_OPS + LIST_OPS)}")
            if not ok:
                raise ValueError(f"filter {name}: {op} takes {takes}")
        elif not (value in (None, "", []) or is_scalar(value) or is_scalar_list(value)):
            raise ValueError(f"filter {name}: give a value, a list of values or {{operator: value}}")
    return filters


def is_scalar(value) -> bool:
    return isinstance(value, (str, int, float, bool))


def is_scalar_list(value) -> bool:
    """A non-empty list of values of one type (Chroma compares like with like)."""
    return (isinstance(value, list) and bool(value) and all(is_scalar(v) for v in value)
            and len({type(v) for v in value}) == 1)


class ErrorOut(BaseModel):
    error: str = Field(description="One line: what failed and what to do.")


class Turn(BaseModel):
    """One earlier exchange of a conversation."""

    question: str
    answer: str = ""


class AskIn(BaseModel):
    question: str = Field(examples=["漯河市2020年新增了多少家国家级高新技术企业？"])
    history: list[Turn] = Field(default_factory=list, description="Earlier turns, oldest first (for follow-ups).")
    mode: Literal["auto", "llm", "extractive"] | None = Field(None, description="auto (default): llm when an LLM is configured, else extractive.")
    k: int | None = Field(None, ge=1, le=50, description="Passages given to the answerer.")
    filters: dict[str, Any] | None = Field(None, description='A metadata filter, e.g. {"region": "漯河市"} or '
                                          '{"year_reviewed": {"$gte": 2021}}; fields: ' + ", ".join(FILTER_FIELDS))

    valid_filters = field_validator("filters")(check_filters)


class SearchIn(BaseModel):
    question: str = Field(examples=["尉氏县2020年地区生产总值"])
    k: int = Field(5, ge=1, le=100)
    filters: dict[str, Any] | None = None

    valid_filters = field_validator("filters")(check_filters)


class ContextOut(BaseModel):
    chunk_id: str
    source: str
    title: str
    heading: str
    region: str = ""
    text: str
    score: float
    dense: float | None = None
    lexical: float | None = None
    reasons: list[str] = Field(default_factory=list)


class CitationOut(BaseModel):
    n: int
    chunk_id: str
    source: str
    title: str
    region: str
    year: int | None = None
    heading: str
    page: int | None = None
    text: str = Field(description="The whole cited chunk.")
    quote: str = Field(description="The sentence(s) in it that support the answer.")
    start: int = 0
    end: int = 0


class FigureOut(BaseModel):
    text: str
    verified: bool
    cited: list[int] = Field(default_factory=list)


class InstructionOut(BaseModel):
    n: int = Field(description="The passage holding it; 0 when the answer itself is an instruction.")
    source: str
    quote: str


class AnswerOut(BaseModel):
    answer: str = Field(description="The answer, every sentence with [n] markers.")
    refused: bool
    mode: str
    citations: list[CitationOut]
    figures: list[FigureOut]
    verified: bool = Field(description="Every figure in the answer was found in the passages it cites, "
                                       "and none of it repeats an instruction planted in one.")
    contexts: list[ContextOut] = Field(description="Every retrieved passage (the nearest ones when refused).")
    latency_ms: float
    timings: dict[str, float]
    analysis: dict[str, Any]
    notice: str = ""
    instructions: list[InstructionOut] = Field(
        default_factory=list, description="Instructions planted in passages that the answer repeats; never verified.")


class SearchOut(BaseModel):
    results: list[ContextOut]


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="allow")

    doc_id: str
    source: str
    title: str
    region: str = ""
    doc_kind: str = ""
    year_issued: int | None = None
    year_reviewed: int | None = None
    chunks: int


class DocumentsOut(BaseModel):
    documents: list[DocumentOut]


class FactOut(BaseModel):
    """One value of a series, with the passage that states it."""
    place: str
    period: str
    indicator: str
    value: float
    unit: str
    figure: str
    measure: str
    status: str
    source: str
    title: str
    heading: str
    chunk_id: str
    quote: str
    similarity: float


class FactsOut(BaseModel):
    facts: list[FactOut]


class IngestOut(BaseModel):
    added: list[str]
    replaced: list[str]
    skipped: list[str]
    failed: list[str]
    chunks: int
    characters: int


class RemovedOut(BaseModel):
    removed: int


class HealthOut(BaseModel):
    status: Literal["ok"]
    chunks: int
    store: Literal["disk", "server"]
    embedding_model: str
    answer_mode: str


# -- the OpenAI-compatible side ------------------------------------------------
class ContentPart(BaseModel):
    """One part of a message's content (OpenAI's [{"type": "text", "text": …}]); other types are ignored."""

    model_config = ConfigDict(extra="allow")

    type: str
    text: str = ""


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        """Plain text of the message; content parts (OpenAI's [{"type": "text", …}]) joined."""
        if isinstance(self.content, list):
            return "".join(p.text for p in self.content if p.type == "text")
        return self.content or ""


class ChatIn(BaseModel):
    """OpenAI's chat.completions request; sampling options are accepted and ignored."""

    model_config = ConfigDict(extra="allow")

    model: str = "report-assistant"
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False


class ModelOut(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str


class ModelsOut(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelOut]
