"""Facts read by another release are read again when the index opens.

Ingest stores each chunk's facts in its metadata (facts/table.py), and the answerer trusts
them. A release that reads figures better would otherwise keep answering from the old
readings until the user rebuilt the index, re-embedding everything. Facts depend only on
the chunk texts, the document's metadata and the extraction code and data, so they can be
read again in place: seconds for thousands of chunks, no embedding.

The collection's metadata records the signature of the code and data that read its facts;
a different signature at open means: read them again (Index.check -> refresh_facts).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import lru_cache
from importlib import metadata as package_metadata
from pathlib import Path

from assistant.facts.table import extract_for_chunk, to_field

SIGNATURE_KEY = "facts_signature"  # in the Chroma collection's metadata

PACKAGE = Path(__file__).resolve().parents[1]
# What a chunk's facts are computed from, besides the chunk and its document's metadata.
CODE = ["facts/extract.py", "facts/model.py", "facts/units.py", "facts/table.py", "text.py", "places.py",
        "data_files.py"]
DATA = ["data/fact_cues.yaml", "data/units.yaml", "data/periods.yaml", "data/indicators.yaml", "data/places.tsv",
        "data/place_extras.tsv", "data/zone_endings.tsv"]


@lru_cache(maxsize=1)
def facts_signature() -> str:
    """A hash of the extraction code, its data files and cn2an's version (it reads Chinese numerals):
    any change to them may change what a chunk's facts are."""
    digest = hashlib.sha1()
    for name in CODE + DATA:
        digest.update(name.encode())
        digest.update((PACKAGE / name).read_bytes())
    digest.update(package_metadata.version("cn2an").encode())
    return digest.hexdigest()[:16]


def document_text(chunks) -> str:
    """The document's cleaned text as its chunks hold it: each chunk's text at its own offsets.
    Chunks cover their document (overlapping), so this is the text ingest read; anything no chunk
    covers reads as spaces (extraction only looks at the paragraphs around a chunk)."""
    length = max((c.start + len(c.text) for c in chunks), default=0)
    buffer = [" "] * length
    for chunk in chunks:
        buffer[chunk.start:chunk.start + len(chunk.text)] = chunk.text
    return "".join(buffer)


def refresh_facts(chunks, find_places) -> list:
    """The chunks whose facts, read now, differ from the stored ones, their `facts_field` updated."""
    by_document = defaultdict(list)
    for chunk in chunks:
        by_document[chunk.doc_id].append(chunk)
    changed = []
    for document_chunks in by_document.values():
        text = document_text(document_chunks)
        for chunk in document_chunks:
            field = to_field(extract_for_chunk(chunk, find_places, text))
            if field != chunk.facts_field:
                chunk.facts_field = field
                changed.append(chunk)
    return changed
