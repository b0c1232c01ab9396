"""Small files beside the index (the journal, the write generation, the lock holder's pid): read and
written whole, atomically, so a crash or a full disk never leaves half a file."""
from __future__ import annotations

import json
import os
from pathlib import Path


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, OSError):
        return None


def read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a journal cut short by the crash: its documents are unknown, the id comparison still runs
    return data if isinstance(data, dict) else {}


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk: no half-written file left behind
        raise
