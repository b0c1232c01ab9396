"""The CI gate on fact extraction: precision and recall on the labelled figure sentences (evals/facts/labelled.jsonl)
stay above evals/floors-facts.json, for the whole set and for the check part no rule was tuned on (even ids)."""
from __future__ import annotations

import json
import re

import pytest

from assistant.evaluation.facts_eval import load_labelled, score
from tests.conftest import REPO

LABELLED = REPO / "evals" / "facts" / "labelled.jsonl"
FLOORS = json.loads((REPO / "evals" / "floors-facts.json").read_text(encoding="utf-8"))["floors"]
CORPUS = REPO.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")


def part(items: list[dict], name: str) -> list[dict]:
    if name == "all":
        return items
    return [i for i in items if int(re.sub(r"\D", "", i["id"])) % 2 == (name == "dev")]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_extraction_stays_above_its_floors(name):
    total, _ = score(part(load_labelled(LABELLED), name), [REPO / "seeds", CORPUS])
    assert total.labelled > 300 and total.extracted  # the labelled sentences were read and extracted on
    for metric, floor in FLOORS[name].items():
        assert getattr(total, metric) >= floor, f"{name} {metric} {getattr(total, metric):.3f} < {floor}"
