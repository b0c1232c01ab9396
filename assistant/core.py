"""The Assistant: the one object the CLI, the app, the HTTP API and evaluation runs share.

It wires the stages together (ingest, index, retrieval, answering) and owns
none of their logic. Parts are injected so tests and server mode can swap them.
"""
from __future__ import annotations

import re
import threading
import time
import unicodedata
from pathlib import Path
from typing import Iterator

from assistant.analysis import analyse
from assistant.answer.types import Answer
from assistant.documents import ScoredChunk
from assistant.errors import AssistantError, BadQuestion
from assistant.index.embeddings import make_embedder
from assistant.index.lexical import LexicalIndex
from assistant.index.store import Index, opening
from assistant.index.vectorstore import VectorStore, make_client
from assistant.ingest.pipeline import IngestReport, ingest, total_characters
from assistant.retrieval import Retriever, Weights
from assistant.settings import Settings, bundled_seeds


class Assistant:
    def __init__(self, settings: Settings, embedder=None, client=None, chat_model=None):
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        on_disk = not settings.chroma_url
        with opening(settings.home if on_disk else None):  # two processes creating one new index race
            self.client = client or make_client(settings)
            vectors = VectorStore(self.client, self.embedder, settings.collection)
        lexical_path = settings.lexical_path / settings.collection if on_disk else None
        self.index = Index(vectors, LexicalIndex(lexical_path), settings.home / "write.lock" if on_disk else None,
                           settings.lock_timeout)
        weights = Weights(dense=settings.dense_weight, lexical=settings.lexical_weight)
        self.retriever = Retriever(self.index, self.embedder, settings.candidates, weights)
        self._chat_model = chat_model
        self._llm = None
        self._write_lock = threading.Lock()  # one writer per process; the file lock covers processes

    @classmethod
    def open(cls, home: str | Path | None = None, **overrides) -> "Assistant":
        """Open (or create) the index in `home` (default: ASSISTANT_HOME or the user data folder)."""
        if home is not None:
            overrides["home"] = Path(home)
        return cls(Settings(**overrides))

    # -- the knowledge base -------------------------------------------------
    def ingest(self, paths, progress=None) -> IngestReport:
        with self._write_lock:
            return ingest(paths, self.index, self.embedder, self.settings.chunk_tokens,
                          int(self.settings.max_file_mb * 1024 * 1024), progress)

    def is_empty(self) -> bool:
        return self.index.vectors.count() == 0

    def ensure_seeded(self, progress=None) -> IngestReport | None:
        """Build the index from the bundled seeds when it is empty; None when nothing was needed."""
        if not self.is_empty():
            return None
        return self.ingest([bundled_seeds()], progress)

    def seed_size(self) -> int:
        return total_characters([bundled_seeds()])

    def documents(self) -> list[dict]:
        docs = self.index.documents()
        return sorted(docs.values(), key=lambda d: (d["source"], d["doc_id"]))

    def chunks_of(self, doc_id: str):
        return self.index.chunks_of(doc_id)

    def resolve_documents(self, ref: str) -> list[str]:
        """Doc ids matching a doc id, a source file name or an exact title."""
        docs = self.index.documents()
        return [d for d, m in docs.items() if ref in (d, m.get("source"), m.get("title"))]

    def remove(self, ref: str) -> int:
        doc_ids = self.resolve_documents(ref)
        if not doc_ids:
            raise AssistantError(f"no document {ref!r}: see `assistant docs` for ids, file names and titles")
        with self._write_lock, self.index.writing():
            self.index.delete_docs(doc_ids)
        return len(doc_ids)

    def rebuild(self, progress=None) -> IngestReport:
        """Drop the index and ingest again every file it held (that still exists) or the seeds."""
        paths = sorted({m.get("path") for m in self.index.documents().values() if m.get("path")})
        with self._write_lock, self.index.writing():
            self.index.reset()
        existing = [p for p in paths if Path(p).exists()] or [bundled_seeds()]
        return self.ingest(existing, progress)

    # -- questions ----------------------------------------------------------
    def clean_question(self, question: str) -> str:
        """Reject unusable questions with a one-line error; cap very long ones."""
        if not isinstance(question, str):
            raise BadQuestion("the question must be text")
        text = unicodedata.normalize("NFC", question)
        text = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
        text = re.sub(r"\s+", " ", text).strip()
        if not text:
            raise BadQuestion("empty question: type a question, e.g. 漯河市2020年新增了多少家国家级高新技术企业？")
        if script := foreign_script(text):
            raise BadQuestion(f"the question is written in {script}, which the reports and the assistant do not "
                              f"read; ask in Chinese or English")
        if not re.search(r"[\u4e00-\u9fffA-Za-z0-9]", text):
            raise BadQuestion("the question has no Chinese or English words; ask in Chinese or English")
        return text[: self.settings.max_question_chars]

    def search(self, question: str, k: int | None = None, filters: dict | None = None) -> list[ScoredChunk]:
        question = self.clean_question(question)
        return self.retriever.search(question, k or self.settings.k, filters=filters)

    def explain(self, question: str) -> dict:
        from assistant import places
        from assistant.retrieval import allowed_regions

        analysis = analyse(self.clean_question(question))
        allowed = allowed_regions(analysis.places)
        # the places named, and of those under them the ones the index holds (河南省 has 180 places under it)
        shown = [r for r in allowed if r in analysis.places or r in places.HELD]
        return {**analysis.explain(), "region_filter": shown}

    def ask(self, question: str, history: list[dict] | None = None, mode: str | None = None,
            k: int | None = None, filters: dict | None = None, llm=None) -> Answer:
        """`llm`: an LLMAnswerer for this question only (the app's per-session endpoint); default self.llm."""
        from assistant.answering import answer_question

        return answer_question(self, question, history or [], mode or self.settings.mode, k or self.settings.k,
                               filters, llm)

    def stream(self, question: str, history: list[dict] | None = None, mode: str | None = None,
               k: int | None = None, filters: dict | None = None, llm=None) -> Iterator[str | Answer]:
        """Yield text pieces as they come, then the final Answer."""
        from assistant.answering import stream_answer

        yield from stream_answer(self, question, history or [], mode or self.settings.mode, k or self.settings.k,
                                 filters, llm=llm)

    @property
    def llm(self):
        if self._llm is None:
            from assistant.answer.chain import LLMAnswerer

            self._llm = LLMAnswerer(self.settings, chat_model=self._chat_model)
        return self._llm


def foreign_script(text: str) -> str | None:
    """The script most of the question's letters are in, when it is neither Chinese nor Latin.

    Example: foreign_script("Какой ВВП Лохэ в 2020 году?") -> "Cyrillic";
             foreign_script("漯河市2020年GDP是多少？спасибо") -> None
    """
    counts: dict[str, int] = {}
    for ch in text[:2000]:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = "ok" if ("CJK" in name or "LATIN" in name) else name.split(" ")[0].title() or "an unknown script"
            counts[script] = counts.get(script, 0) + 1
    ours = counts.pop("ok", 0)
    if not counts or sum(counts.values()) <= ours:
        return None
    return max(counts, key=counts.get)


def timed(timings: dict, stage: str):
    """Context manager recording a stage's wall time in ms."""
    class _T:
        def __enter__(self):
            self.t = time.perf_counter()

        def __exit__(self, *exc):
            timings[stage] = round((time.perf_counter() - self.t) * 1000, 1)

    return _T()
