"""An empty ASSISTANT_* variable (`ASSISTANT_EMBED_CACHE_PATH= assistant ...` in a shell) means unset: before, it was
read as the path "" (the current folder) and the embedding cache failed with `unable to open database file`."""
from __future__ import annotations

from assistant.settings import Settings


def test_empty_variable_means_unset(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path))
    monkeypatch.setenv("ASSISTANT_EMBED_CACHE_PATH", "")
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "")
    settings = Settings()
    assert settings.embed_cache_file == tmp_path / "embeddings.sqlite"
    assert settings.chroma_url is None


def test_a_set_variable_still_counts(monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_HOME", str(tmp_path))
    monkeypatch.setenv("ASSISTANT_EMBED_CACHE_PATH", str(tmp_path / "elsewhere.sqlite"))
    assert Settings().embed_cache_file == tmp_path / "elsewhere.sqlite"
