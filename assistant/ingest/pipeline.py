"""Ingestion: files -> load -> clean -> articles -> metadata -> chunks -> index.

Idempotent: an unchanged file (same hash of its text) costs no embedding; a
changed file replaces its old chunks; a file that fails is reported in one
line and the rest of the batch still goes in. Files are written a few at a time,
each batch as one journaled unit (`Index.replace`), so an ingest killed midway
leaves whole documents and the next ingest of the same folder adds what is
missing. A file another process indexed meanwhile is checked again under the
write lock. A full disk stops the ingest at once (DiskFull), the batch undone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from assistant.documents import Chunk, Document, RawText, sha1
from assistant.errors import DiskFull, IndexBusy
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
    kept: list[str] = field(default_factory=list)  # paths read whose text is now in the index

    def summary(self) -> str:
        return (f"{len(self.added)} documents added ({self.chunks} chunks), {len(self.replaced)} replaced, "
                f"{len(self.skipped)} files unchanged, {len(self.failed)} skipped")  # each listed as "skipped: <why>"


def build_documents(raw: RawText, book=None) -> list[Document]:
    """Clean a loaded file and split it into documents with their metadata; `book`: the places of the
    index they go to (Index.places: the zones it learned name regions too); none, the gazetteer alone."""
    file_hash = sha1(raw.text)
    cleaned = clean_text(raw.text)
    docs = []
    for article in split_articles(cleaned):
        meta = detect_metadata(article.text, article.title, article.posted, book)
        docs.append(Document(
            doc_id=doc_id_of(raw.source, article.index), source=raw.source, title=meta.title,
            text=article.text, region=meta.region, kind=meta.kind, year_issued=meta.year_issued,
            year_reviewed=meta.year_reviewed, article_index=article.index, path=raw.path,
            pages=_pages_after_cleaning(raw, cleaned), file_hash=file_hash, period=meta.period,
            level=meta.level,
        ))
    return docs


def doc_id_of(source: str, article: int) -> str:
    """A document's id: the whole file name and the article's place in the file.

    The whole name, extension included, so report.txt and report.md are two documents
    (ids from the stem made the second overwrite the first). Names are unique in an index
    (a second file of one name is refused), so ids are too.
    Example: doc_id_of("report.md", 0) -> "report.md#0"
    """
    return f"{source}#{article}"


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


def chunk_documents(docs: list[Document], budget: int, book=None) -> list[Chunk]:
    """The documents' chunks, each with its figure statements (the fact table's rows) extracted,
    their places read with `book` (as in build_documents)."""
    from assistant.facts.table import extract_for_chunk, to_field
    from assistant.places import gazetteer_book

    find_places = (book or gazetteer_book()).find_places
    chunks = []
    for doc in docs:
        for chunk in chunk_document(doc, budget):
            chunk.facts_field = to_field(extract_for_chunk(chunk, find_places, doc.text))
            chunks.append(chunk)
    return chunks


# Files are written to the index in batches: one journaled write (one Chroma upsert, one save
# of the lexical file) per batch instead of one per file. 2,000 tiny files took 589 s when the
# lexical file was rewritten after each. A batch is small enough that a killed ingest loses
# little (the journal undoes the batch, whole documents stay) and the next run adds the rest.
BATCH_CHARACTERS = 4_000
BATCH_FILES = 200


@dataclass
class Prepared:
    """One file loaded and split (then embedded), to be written."""

    raw: RawText
    read_from: str  # where it was read (a staged upload), while raw.path is where it is kept
    docs: list[Document]
    chunks: list[Chunk]
    vectors: list[list[float]]


def ingest(paths, index, embedder, budget: int = 320, max_bytes: int | None = None,
           progress: Progress | None = None, stored_as: dict[str, str] | None = None) -> IngestReport:
    """Ingest files and folders. `stored_as` maps a path read to the path recorded for it (an
    upload read from its staging folder is recorded where it will be kept)."""
    report = IngestReport()
    files, errors = find_files(list(paths))
    report.failed.extend(str(e) for e in errors)
    known = _known_files(index)
    batch: list[Prepared] = []
    for path in files:
        item = _prepare(path, index, embedder, budget, max_bytes, known, report, progress, stored_as or {})
        if item is not None:
            batch.append(item)
        if batch and (sum(len(i.raw.text) for i in batch) >= BATCH_CHARACTERS or len(batch) >= BATCH_FILES):
            _write(_embed_batch(batch, index, embedder, report, progress), index, report)
            batch = []
    if batch:
        _write(_embed_batch(batch, index, embedder, report, progress), index, report)
    return report


def _prepare(path: Path, index, embedder, budget: int, max_bytes: int | None, known: dict[str, str],
             report: IngestReport, progress: Progress | None, stored_as: dict[str, str]) -> Prepared | None:
    """Load and split one file; None (and a line in the report) when it is unchanged or fails."""
    try:
        raw = load_file(path, max_bytes=max_bytes) if max_bytes else load_file(path)
    except LoadError as e:
        report.failed.append(str(e))
        return None
    raw.path = stored_as.get(str(path), raw.path)
    if known.get(raw.source) == sha1(raw.text):
        report.skipped.append(raw.source)
        report.kept.append(str(path))
        _tick(progress, len(raw.text), f"unchanged {raw.source}")
        return None
    try:
        book = index.places  # what the batches written so far taught it
        docs = build_documents(raw, book)
        return Prepared(raw, str(path), docs, chunk_documents(docs, budget, book), [])
    except Exception as e:  # one bad file must not stop the batch
        _fail(e, raw.source, index, report)
        return None


def _embed_batch(batch: list[Prepared], index, embedder, report: IngestReport,
                 progress: Progress | None) -> list[Prepared]:
    """Embed the files of a batch, small files together (one model call and one cache
    transaction for many files); the files whose embedding failed are left out, reported."""
    done = []
    for group in _groups(batch):
        try:
            vectors = _embed([c for item in group for c in item.chunks], embedder, progress, group[-1].raw.source)
        except Exception as e:
            if len(group) > 1 and not _full(e, index):
                done += _embed_batch_one_by_one(group, index, embedder, report, progress)
            else:
                _fail(e, group[0].raw.source, index, report)
            continue
        for item in group:
            item.vectors, vectors = vectors[:len(item.chunks)], vectors[len(item.chunks):]
        done += group
    return done


def _embed_batch_one_by_one(group, index, embedder, report, progress) -> list[Prepared]:
    return [item for one in group for item in _embed_batch([one], index, embedder, report, progress)]


def _groups(batch: list[Prepared], most: int = 32) -> list[list[Prepared]]:
    """Whole files in groups of at most `most` chunks (a bigger file alone), in order."""
    groups: list[list[Prepared]] = []
    for item in batch:
        if groups and sum(len(i.chunks) for i in groups[-1]) + len(item.chunks) <= most:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _fail(e: Exception, source: str, index, report: IngestReport) -> None:
    """Report a file that could not be indexed; a busy index or a full disk stops the ingest."""
    if isinstance(e, IndexBusy):
        raise e
    if _full(e, index):
        raise DiskFull.writing(_where(index), e) from None
    report.failed.append(f"{source}: could not be indexed ({e}); nothing of it was kept")


def _write(batch: list[Prepared], index, report: IngestReport) -> None:
    """Write a batch as one journaled unit; if the write fails, each file is tried alone."""
    if not batch:
        return
    notes = IngestReport()  # skipped and refused files: reported once the write went through
    try:
        with index.writing():
            accepted = _accept(batch, index, notes)
            index.replace(sorted({d for i, _ in accepted for d in i}),
                          [c for _, item in accepted for c in item.chunks],
                          [v for _, item in accepted for v in item.vectors])
    except Exception as e:
        if len(batch) > 1 and not (isinstance(e, IndexBusy) or _full(e, index)):
            for item in batch:
                _write([item], index, report)
        else:
            _fail(e, batch[0].raw.source, index, report)
        return
    report.skipped += notes.skipped
    report.failed += notes.failed
    report.kept += notes.kept
    for old, item in accepted:
        (report.replaced if old else report.added).extend(d.title for d in item.docs)
        report.kept.append(item.read_from)
        report.chunks += len(item.chunks)
        report.characters += sum(len(d.text) for d in item.docs)


def _accept(batch: list[Prepared], index, report: IngestReport) -> list[tuple[list[str], Prepared]]:
    """Under the write lock: the files of the batch to write, each with the doc ids it replaces.

    Checked against the index as it is now (another process may have written meanwhile)
    and against the files accepted before it in this batch."""
    indexed = index.documents()
    accepted: list[tuple[list[str], Prepared]] = []
    for item in batch:
        raw = item.raw
        here = str(Path(raw.path).resolve())
        mine = {d: m for d, m in indexed.items() if m.get("source") == raw.source}
        if mine and {m.get("file_hash") for m in mine.values()} == {sha1(raw.text)}:
            report.skipped.append(raw.source)  # another process has just indexed this very text
            report.kept.append(item.read_from)
            continue
        if other := next(iter(sorted({m.get("path", "") for m in mine.values()} - {here, ""})), ""):
            report.failed.append(f"{raw.path}: another file named {raw.source} ({other}) is already indexed; "
                                 f"rename one of them, or `assistant remove {raw.source}` first to replace it")
            continue
        if clash := _taken_ids(item, indexed):
            report.failed.append(f"{raw.source}: its document id {clash} belongs to another file in this index "
                                 f"(an id made by an older version); run `assistant rebuild`, then ingest it again")
            continue
        accepted.append((sorted(mine), item))
        for doc in item.docs:  # later files of this batch see it as indexed
            indexed[doc.doc_id] = doc.metadata()
    return accepted


def _taken_ids(item: Prepared, indexed: dict[str, dict]) -> str:
    """A doc id of this file that a document from another file already has, if any (an upsert
    would silently overwrite that document)."""
    return next((d.doc_id for d in item.docs
                 if d.doc_id in indexed and indexed[d.doc_id].get("source") != item.raw.source), "")


def _full(e: BaseException, index) -> bool:
    return DiskFull.matches(e, index.lock_path.parent if index.lock_path else None)


def _where(index) -> str:
    return str(index.lock_path.parent) if index.lock_path else "the Chroma server"


def _embed(chunks: list[Chunk], embedder, progress: Progress | None, source: str) -> list[list[float]]:
    vectors: list[list[float]] = []
    for i in range(0, len(chunks), 16):
        batch = chunks[i:i + 16]
        vectors.extend(embedder.embed_documents([embedding_text(c) for c in batch]))
        _tick(progress, sum(len(c.text) for c in batch), f"embedding {source}")
    return vectors


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
