"""Stage timings: how long each step of answering took, in ms (Answer.timings).

Its own module so the answering stages can time themselves without importing the
Assistant (assistant.core), which imports them.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def timed(timings: dict, stage: str) -> Iterator[None]:
    """Record the wall time of the `with` block as timings[stage], in ms (also when it raises).

    Example: with timed(t, "retrieve"): search(...)  -> t == {"retrieve": 12.3}
    """
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = round((time.perf_counter() - start) * 1000, 1)
