"""The shared vocabulary of the pipeline: plain typed objects passed between stages.

Every stage takes and returns these; none reaches into another stage's internals.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from pathlib import Path


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class RawText:
    """What a loader returns: the text of one file, before cleaning.

    `pages` holds (offset, page_number) pairs: the character offset in `text`
    where each page starts (PDF only, empty otherwise).
    """

    source: str  # file name, e.g. "000_47fc14d33372d68f.txt"
    path: str  # full path as given
    text: str
    encoding: str = "utf-8"
    pages: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "text"  # text | html | pdf | docx | markdown


@dataclass
class Document:
    """One article: a cleaned text with its metadata.

    A file usually holds one; a listing page (seed 004) holds several.
    """

    doc_id: str
    source: str
    title: str
    text: str
    region: str = ""
    kind: str = "other"  # government_work_report | five_year_plan | news | other
    year_issued: int | None = None
    year_reviewed: int | None = None
    article_index: int = 0
    path: str = ""
    pages: list[tuple[int, int]] = field(default_factory=list)
    file_hash: str = ""  # hash of the whole file's raw text: unchanged file, no work
    period: str = ""  # a plan's period, e.g. "2021-2025"
    level: str = ""  # of its region: national | province | city | county | zone

    @property
    def content_hash(self) -> str:
        return sha1(self.text)

    def page_at(self, offset: int) -> int | None:
        page = None
        for start, number in self.pages:
            if start > offset:
                break
            page = number
        return page

    def metadata(self) -> dict:
        """Flat metadata that Chroma accepts (str/int/float/bool only)."""
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "title": self.title,
            "region": self.region,
            "doc_kind": self.kind,
            "year_issued": self.year_issued or 0,
            "year_reviewed": self.year_reviewed or 0,
            "content_hash": self.content_hash,
            "file_hash": self.file_hash,
            "period": self.period,
            "level": self.level,
            # Where the file was read from, so `rebuild` can read it again.
            "path": str(Path(self.path).resolve()) if self.path else "",
        }


@dataclass
class Chunk:
    """A piece of a document that is embedded, searched and cited."""

    chunk_id: str
    doc_id: str
    text: str
    start: int  # character offsets in the cleaned document text
    end: int
    heading_path: list[str] = field(default_factory=list)
    page: int | None = None
    metadata: dict = field(default_factory=dict)  # the document's metadata
    # The chunk's figure statements as compact JSON (assistant/facts/table.py), stored with it so
    # facts are written, shared (server mode) and deleted with their chunk; None: not extracted.
    facts_field: str | None = None
    # Where the chunk's own text begins: a chunk may open with the last sentence of the chunk
    # before it (an overlap, so a statement running across the boundary is whole in one chunk).
    # Facts are read from the whole text (the answerer checks a figure against its chunk's facts);
    # the fact list keeps one row per position in a document (facts/table.py). None: no overlap.
    own_start: int | None = None
    # The overlap opens inside a run of items (after a 、: "大健康、现代化工、农产品加工5大支柱产业…" of a list of
    # five): read alone, it is a whole list of fewer items; the chunk before holds the list whole.
    opens_in_list: bool = False
    # The overlap opens inside a sentence (its last clauses only: the whole sentence was over the overlap's room):
    # its first clause's subject stands in the chunk before ("…新增工业产能项目989个、|释放产值超1500亿元，…").
    opens_in_sentence: bool = False

    @property
    def own_offset(self) -> int:
        """Characters of `text` that repeat the chunk before (0 without an overlap)."""
        return max(0, (self.own_start or self.start) - self.start)

    @property
    def heading(self) -> str:
        return " > ".join(self.heading_path)

    @property
    def source(self) -> str:
        return self.metadata.get("source", "")

    @property
    def title(self) -> str:
        return self.metadata.get("title", "")

    def store_metadata(self) -> dict:
        meta = dict(self.metadata)
        meta.update(
            chunk_id=self.chunk_id,
            doc_id=self.doc_id,
            heading=self.heading,
            start=self.start,
            end=self.end,
            page=self.page or 0,
        )
        if self.facts_field is not None:
            meta["facts"] = self.facts_field
        if self.own_offset:
            meta["own_start"] = self.own_start
        if self.opens_in_list:
            meta["opens_in_list"] = True
        if self.opens_in_sentence:
            meta["opens_in_sentence"] = True
        return meta

    @classmethod
    def from_store(cls, chunk_id: str, text: str, meta: dict) -> "Chunk":
        doc_meta = {k: v for k, v in meta.items()
                    if k not in {"chunk_id", "heading", "start", "end", "page", "facts", "own_start", "opens_in_list",
                                  "opens_in_sentence"}}
        heading = meta.get("heading", "")
        return cls(
            chunk_id=chunk_id,
            doc_id=meta.get("doc_id", ""),
            text=text,
            start=int(meta.get("start", 0)),
            end=int(meta.get("end", 0)),
            heading_path=heading.split(" > ") if heading else [],
            page=int(meta.get("page") or 0) or None,
            metadata=doc_meta,
            facts_field=meta.get("facts"),
            own_start=int(meta["own_start"]) if meta.get("own_start") is not None else None,
            opens_in_list=bool(meta.get("opens_in_list")),
            opens_in_sentence=bool(meta.get("opens_in_sentence")),
        )


@dataclass
class ScoredChunk:
    """A retrieved chunk with the scores that ranked it."""

    chunk: Chunk
    score: float  # fused
    dense: float | None = None
    lexical: float | None = None
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "chunk_id": self.chunk.chunk_id,
            "source": self.chunk.source,
            "title": self.chunk.title,
            "heading": self.chunk.heading,
            "region": self.chunk.metadata.get("region", ""),
            "text": self.chunk.text,
            "score": round(self.score, 4),
            "dense": None if self.dense is None else round(self.dense, 4),
            "lexical": None if self.lexical is None else round(self.lexical, 4),
            "reasons": self.reasons,
        }


def as_dict(obj) -> dict:
    return asdict(obj)
