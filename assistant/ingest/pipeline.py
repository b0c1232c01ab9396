"""Ingestion: files -> load -> clean -> articles -> metadata -> chunks -> index.

Idempotent: an unchanged file (same hash of its text) costs no embedding; a
changed file replaces its old chunks; a file that fails is reported in one
line and the rest of the batch still goes in. Each file is written as one unit
(`Index.replace`), so an ingest killed midway leaves whole documents and the
next ingest of the same folder adds what is missing. A file another process
indexed meanwhile is checked again before embedding and under the write lock.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from assistant.documents import Chunk, Document, RawText, sha1
from assistant.ingest.articles import split_articles
from assistant.ingest.chunking import chunk_document
from assistant.ingest.cleaning import clean_text
from assistant.ingest.loaders import LoadError, find_files, load_file
from assistant.ingest.metadata import detect_metadata
from assistant.index.vectorstore import embedding_text

Progress = Callable[[int, str], None]  # (characters done, what is being done)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # document titles
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unchanged files
    failed: list[str] = field(default_factory=list)  # one-line errors
    chunks: int = 0
    characters: int = 0

    def summary(self) -> str:
        return (f"{len(self.added)} documents added ({self.chunks} chunks), {len(self.replaced)} replaced, "
                f"{len(self.skipped)} files unchanged, {len(self.failed)} failed")


def build_documents(raw: RawText) -> list[Document]:
    """Clean a loaded file and split it into documents with their metadata."""
    file_hash = sha1(raw.text)
    cleaned = clean_text(raw.text)
    docs = []
    for article in split_articles(cleaned):
        meta = detect_metadata(article.text, article.title, article.posted)
        docs.append(Document(
            doc_id=f"{Path(raw.source).stem}#{article.index}", source=raw.source, title=meta.title,
            text=article.text, region=meta.region, kind=meta.kind, year_issued=meta.year_issued,
            year_reviewed=meta.year_reviewed, article_index=article.index, path=raw.path,
            pages=_pages_after_cleaning(raw, cleaned), file_hash=file_hash, period=meta.period,
            level=meta.level,
        ))
    return docs


def _pages_after_cleaning(raw: RawText, cleaned: str) -> list[tuple[int, int]]:
    """Map PDF page starts onto the cleaned text by finding each page's first line again."""
    pages, search_from = [], 0
    for offset, number in raw.pages:
        first_line = next((ln.strip() for ln in raw.text[offset:offset + 400].split("\n") if ln.strip()), "")
        at = cleaned.find(first_line[:30], search_from) if first_line else -1
        if at >= 0:
            pages.append((at, number))
            search_from = at
    return pages


def chunk_documents(docs: list[Document], budget: int) -> list[Chunk]:
    return [chunk for doc in docs for chunk in chunk_document(doc, budget)]


def ingest(paths, index, embedder, budget: int = 320, max_bytes: int | None = None,
           progress: Progress | None = None) -> IngestReport:
    report = IngestReport()
    files, errors = find_files(list(paths))
    report.failed.extend(str(e) for e in errors)
    known = _known_files(index)
    for path in files:
        try:
            raw = load_file(path, max_bytes=max_bytes) if max_bytes else load_file(path)
        except LoadError as e:
            report.failed.append(str(e))
            continue
        if known.get(raw.source) == sha1(raw.text):
            report.skipped.append(raw.source)
            _tick(progress, len(raw.text), f"unchanged {raw.source}")
            continue
        try:
            _ingest_file(raw, index, embedder, budget, report, progress=progress)
        except Exception as e:  # one bad file must not stop the batch
            if e.__class__.__name__ == "IndexBusy":
                raise
            report.failed.append(f"{raw.source}: could not be indexed ({e}); nothing of it was kept")
    return report


def _ingest_file(raw: RawText, index, embedder, budget: int, report: IngestReport,
                 progress: Progress | None) -> None:
    file_hash = sha1(raw.text)
    if _unchanged(index.docs_of_source(raw.source), file_hash):  # another process may have just done it
        report.skipped.append(raw.source)
        return
    docs = build_documents(raw)
    chunks = chunk_documents(docs, budget)
    vectors = _embed(chunks, embedder, progress, raw.source)
    with index.writing():
        old = index.docs_of_source(raw.source)
        if _unchanged(old, file_hash):
            report.skipped.append(raw.source)
            return
        if other := _same_name_elsewhere(index, raw):
            report.failed.append(f"{raw.path}: another file named {raw.source} ({other}) is already indexed; "
                                 f"rename one of them, or `assistant remove {raw.source}` first to replace it")
            return
        index.replace(list(old), chunks, vectors)
    (report.replaced if old else report.added).extend(d.title for d in docs)
    report.chunks += len(chunks)
    report.characters += sum(len(d.text) for d in docs)


def _embed(chunks: list[Chunk], embedder, progress: Progress | None, source: str) -> list[list[float]]:
    vectors: list[list[float]] = []
    for i in range(0, len(chunks), 16):
        batch = chunks[i:i + 16]
        vectors.extend(embedder.embed_documents([embedding_text(c) for c in batch]))
        _tick(progress, sum(len(c.text) for c in batch), f"embedding {source}")
    return vectors


def _same_name_elsewhere(index, raw: RawText) -> str:
    """The path of an indexed file with this file's name but another location, if any.

    Documents are known by file name (the name citations and question sets use), so a
    second report.txt from another folder would silently replace the first: refuse instead.
    """
    here = str(Path(raw.path).resolve())
    return next(iter(sorted(index.paths_of_source(raw.source) - {here})), "")


def _unchanged(indexed: dict[str, str], file_hash: str) -> bool:
    return bool(indexed) and set(indexed.values()) == {file_hash}


def _tick(progress: Progress | None, n: int, what: str) -> None:
    if progress:
        progress(n, what)


def _known_files(index) -> dict[str, str]:
    """source file name -> hash of the text it was indexed from."""
    return {meta["source"]: meta.get("file_hash", "") for meta in index.documents().values()}


def total_characters(paths) -> int:
    """A cheap size estimate for the progress bar (bytes of the files)."""
    files, _ = find_files(list(paths))
    return sum(f.stat().st_size for f in files) // 3 or 1
