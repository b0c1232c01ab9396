"""Uploads are ingested from a staging folder and kept only once they are in the index.

    with Staging(home / "uploads") as staging:
        write each upload to staging.path(name)
        report = staging.ingest(assistant)

Each upload is read from `<uploads>/.staging/<random>/<name>` and recorded in the index
as `<uploads>/<name>` (where `rebuild` reads it again). Only the files the index now
holds are moved there, each by one rename; a refused upload (a binary under the name of
a good report, say) never touches the copy already kept. The staging folder is hidden,
so ingesting the uploads folder never reads it, and is removed on the way out.
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path


class Staging:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.dir = self.folder / ".staging" / uuid.uuid4().hex

    def __enter__(self) -> "Staging":
        self.dir.mkdir(parents=True)
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name: str) -> Path:
        """Where to write the upload called `name` (a plain file name)."""
        return self.dir / name

    def ingest(self, assistant, progress=None):
        """Ingest what was written here, then move each file the index now holds to its place."""
        staged = sorted(p for p in self.dir.iterdir() if p.is_file())
        report = assistant.ingest(staged, progress, stored_as={str(p): str(self.folder / p.name) for p in staged})
        kept = set(report.kept)
        for path in staged:
            if str(path) in kept:
                os.replace(path, self.folder / path.name)  # same file system: atomic
        return report
