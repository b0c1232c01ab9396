"""The Assistant: the one object the CLI, the app, the HTTP API and evaluation runs share.

It wires the stages together (ingest, index, retrieval, answering) and owns
none of their logic. Parts are injected so tests and server mode can swap them.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path
from typing import Iterator

from assistant.analysis import analyse
from assistant.answer.types import Answer
from assistant.documents import ScoredChunk
from assistant.errors import AssistantError, BadQuestion, DamagedIndex
from assistant.index.embedder import make_embedder
from assistant.index.lexical import LexicalIndex
from assistant.index.store import Index, opening
from assistant.index.vectorstore import open_store, set_aside
from assistant.ingest.pipeline import IngestReport, ingest, total_characters
from assistant.retrieval import HybridRetriever, Retriever, Weights
from assistant.settings import Settings, bundled_seeds


class Assistant:
    def __init__(self, settings: Settings, embedder=None, client=None, chat_model=None, recover: bool = False):
        """`recover`: opened to be rebuilt; a damaged Chroma database or lexical file is set aside
        (renamed `….damaged`, listed in `self.set_aside`) instead of being a DamagedIndex error."""
        self.settings = settings
        self.embedder = embedder or make_embedder(settings)
        on_disk = not settings.chroma_url
        lexical_path = settings.lexical_path / settings.collection if on_disk else None
        # Read before anything is set aside: what to ingest again if Chroma cannot say.
        self.recovered_paths = LexicalIndex.recorded_paths(lexical_path) if recover and lexical_path else set()
        self.set_aside: list[str] = []
        with opening(settings.home if on_disk else None):  # two processes creating one new index race
            self.client, vectors = self._open_store(client, recover)
        self.index = Index(vectors, self._open_lexical(lexical_path, recover),
                           settings.home / "write.lock" if on_disk else None, settings.lock_timeout, check=not recover)
        weights = Weights(dense=settings.dense_weight, lexical=settings.lexical_weight)
        self.retriever = Retriever(self.index, self.embedder, settings.candidates, weights)
        self._chat_model = chat_model
        self._llm = None
        self._write_lock = threading.Lock()  # one writer per process; the file lock covers processes

    def _open_store(self, client, recover: bool):
        try:
            return open_store(self.settings, self.embedder, client)
        except DamagedIndex:
            if not recover:
                raise
            self.set_aside.append(set_aside(self.settings.chroma_path))
            return open_store(self.settings, self.embedder, client)

    def _open_lexical(self, path: Path | None, recover: bool) -> LexicalIndex:
        try:
            return LexicalIndex(path)
        except DamagedIndex:
            if not recover:
                raise
            self.set_aside.append(LexicalIndex.set_aside(path))
            return LexicalIndex(path)

    @classmethod
    def open(cls, home: str | Path | None = None, recover: bool = False, **overrides) -> "Assistant":
        """Open (or create) the index in `home` (default: ASSISTANT_HOME or the user data folder).

        `recover=True` (for `rebuild`): damaged index files are set aside rather than refused."""
        if home is not None:
            overrides["home"] = Path(home)
        return cls(Settings(**overrides), recover=recover)

    # -- the knowledge base -------------------------------------------------
    def ingest(self, paths, progress=None, stored_as: dict[str, str] | None = None) -> IngestReport:
        """`stored_as`: path read -> path to record (an upload read from staging; see ingest.staging)."""
        with self._write_lock:
            return ingest(paths, self.index, self.embedder, self.settings.chunk_tokens,
                          int(self.settings.max_file_mb * 1024 * 1024), progress, stored_as)

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
        """The documents, each with its metadata and chunk count; a year not found is None (stored as 0)."""
        docs = [{**d, "year_issued": d.get("year_issued") or None, "year_reviewed": d.get("year_reviewed") or None}
                for d in self.index.documents().values()]
        return sorted(docs, key=lambda d: (d["source"], d["doc_id"]))

    def chunks_of(self, doc_id: str):
        return self.index.chunks_of(doc_id)

    def resolve_documents(self, ref: str) -> list[str]:
        """The doc ids `ref` names: a doc id (that one), else a file name (the documents of that
        one file), else an exact title, when the documents with it come from one file.

        Never more than one file's documents: a title two files share (the same report as
        .pdf and .docx) is refused with the ids to choose from, so a delete removes what was meant.
        """
        docs = self.index.documents()
        if ref in docs:
            return [ref]
        for field in ("source", "title"):
            found = sorted(d for d, m in docs.items() if m.get(field) == ref)
            if len({docs[d].get("source") for d in found}) > 1:
                raise AssistantError(f"{ref!r} is the title of documents from several files; name one by its doc id "
                                     f"({', '.join(found[:5])}) or file name")
            if found:
                return found
        return []

    def remove(self, ref: str) -> int:
        doc_ids = self.resolve_documents(ref)
        if not doc_ids:
            raise AssistantError(f"no document {ref!r}: see `assistant docs` for ids, file names and titles")
        with self._write_lock, self.index.writing():
            self.index.delete_docs(doc_ids)
        return len(doc_ids)

    def rebuild(self, progress=None) -> IngestReport:
        """Drop the index and ingest again every file it held (that still exists) or the seeds."""
        paths = sorted(self.index.ingested_paths() | self.recovered_paths)
        with self._write_lock, self.index.writing():
            self.index.reset()
        existing = [p for p in paths if Path(p).exists()]
        self.rebuilt_from_seeds = not existing  # e.g. a lost database whose lexical file predates recorded paths
        return self.ingest(existing or [bundled_seeds()], progress)

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

    def as_retriever(self, k: int | None = None):
        """The same search as a LangChain retriever (a `BaseRetriever`), for LCEL chains; questions
        are checked as in `search` (an empty one is a BadQuestion)."""
        return HybridRetriever(find=self.search, k=k or self.settings.k)

    def facts(self, indicator: str, place: str | None = None, first: int | None = None, last: int | None = None,
              status: str | None = None, measure: str | None = None) -> list:
        """The fact table's rows for one indicator (its synonyms too), oldest period first: a series.

        Example: assistant.facts("民生支出", place="漯河市", status="actual") -> rows for 2020 (165.2亿元)
        and 2023 (172.3亿元), each with the chunk that states it (for the citation)."""
        from assistant.facts.table import series

        indicator = self.clean_question(indicator)
        return series(self.index.all_chunks(), indicator, place=place, first=first, last=last, status=status,
                      measure=measure, book=self.index.places)

    def explain(self, question: str) -> dict:
        from assistant.retrieval import allowed_regions

        question = self.clean_question(question)
        self.index.sync()  # another process's ingest first: its zones are read in this question too
        book = self.index.places
        analysis = analyse(question, book)
        allowed = allowed_regions(analysis.places, book)
        # the places named, and of those under them the ones the index holds (河南省 has 180 places under it)
        shown = [r for r in allowed if r in analysis.places or r in book.held]
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

