"""Secrets out of every message: keys, URL user info, query parameters.

Every message a user, a client or a log may see (CLI errors, the fallback notice,
HTTP errors, the app) goes through `scrub`; every endpoint a message names is
shown as `safe_url(url)`.

    scrub("LLM at http://bob:pw@h/v1?api-key=abc failed", ["pw"])
      -> "LLM at http://***@h/v1?api-key=*** failed"
    safe_url("http://bob:pw@h:8000/v1?api-key=abc") -> "http://h:8000/v1"
"""
from __future__ import annotations

import re
from typing import Iterable
from urllib.parse import unquote, urlsplit

MASK = "***"
MIN_SECRET = 3  # shorter values (a user "a", a flag "1") would mask ordinary letters
URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s@?#]+@")
URL_QUERY = re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]*://[^\s?#]*\?)([^\s#]*)")
QUERY_VALUE = re.compile(r"=[^&;]*")
KEY_LIKE = re.compile(r"\b(sk|key|pk|rk)-[\w*.\-]{4,}")
BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[\w*.~+/=\-]{4,}")
NAMED_SECRET = re.compile(
    r"(?i)\b((?:api[_-]?key|access[_-]?token|token|secret|password|passwd)\s*[=:]\s*)[^\s&,;'\"]+")


def scrub(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with the given secret values and anything shaped like a credential masked."""
    text = str(text)
    for secret in sorted({s for s in secrets if s and len(s) >= MIN_SECRET}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = URL_USERINFO.sub(rf"\1{MASK}@", text)
    text = URL_QUERY.sub(lambda m: m.group(1) + QUERY_VALUE.sub(f"={MASK}", m.group(2)), text)
    text = KEY_LIKE.sub(rf"\1-{MASK}", text)
    text = BEARER.sub(rf"\1 {MASK}", text)
    return NAMED_SECRET.sub(rf"\1{MASK}", text)


def safe_url(url: str | None) -> str:
    """An endpoint as messages name it: scheme, host, port and path; no user info, query or fragment."""
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # not a URL at all: say nothing of it rather than echo it
        return "(the configured URL)"
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else scrub(url)


def url_secrets(url: str | None) -> list[str]:
    """The user name, password and query values inside a URL (raw and decoded)."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return [url]
    found = [parts.username, parts.password]
    for pair in re.split(r"[&;]", parts.query):
        found.append(pair.partition("=")[2])
    return [v for raw in found if raw for v in (raw, unquote(raw))]


def secrets_of(settings) -> list[str]:
    """Every secret a Settings holds: keys and what the configured URLs carry."""
    values = [getattr(settings, "openai_api_key", None), getattr(settings, "serve_key", None)]
    for field in ("openai_base_url", "embedding_base_url", "chroma_url"):
        values += url_secrets(getattr(settings, field, None))
    return [v for v in values if v]
