"""The door of `assistant serve`: what is refused from the headers, before any body is read.

An ASGI middleware in front of the whole app, in this order:

1. Host: without a key, only loopback names and addresses, the bound address and
   ASSISTANT_SERVE_ALLOWED_HOSTS (a page on evil.com whose name now points at
   127.0.0.1 — DNS rebinding — gets a 400). With a key, any host, unless the list is set.
2. Origin: without a key, a write (POST, PUT, PATCH, DELETE) from a browser page of
   another origin is a 403; clients that are not browsers send no Origin and pass.
3. The key: with one, every route but /healthz and the API docs needs
   "Authorization: Bearer <key>" — a 401 costs the server no body at all.
4. Size: a declared Content-Length over the route's limit is a 413 at once; a body
   without one is counted as it streams and cut at the limit; each file of an upload is
   counted too, so a 2 GB file stops at ASSISTANT_MAX_FILE_MB, not after it is spooled.

Refusals close the connection so the client stops sending.
"""
from __future__ import annotations

import functools
import hmac
import ipaddress
from types import SimpleNamespace
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse

PUBLIC = frozenset({"/healthz", "/docs", "/docs/oauth2-redirect", "/openapi.json", "/redoc"})
PUBLIC_PREFIXES = ("/docs-assets/",)  # Swagger UI's files for /docs (assistant/serve/docs.py)
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
UPLOAD_PATH = "/v1/documents"
JSON_LIMIT = 1 << 20  # a question (1,000 characters) and its capped history fit many times over
MB = 1024 * 1024
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
OPENAI_ROUTES = ("/v1/chat/completions", "/v1/models")
CLOSE = {"Connection": "close"}
KEY_MESSAGE = "missing or wrong API key: send the header 'Authorization: Bearer <ASSISTANT_SERVE_KEY>'"


def error_body(path: str, status: int, message: str) -> dict:
    """{"error": message}, or OpenAI's shape on the OpenAI routes (its clients show the message)."""
    message = " ".join(str(message).split())  # one line
    if path.rstrip("/") in OPENAI_ROUTES:
        kind = "invalid_request_error" if status < 500 else "server_error"
        return {"error": {"message": message, "type": kind, "code": status}}
    return {"error": message}


def host_name(value: str) -> str:
    """The host of a Host header or URL netloc, lower case, without port or brackets.

    Example: host_name("[::1]:8765") -> "::1"; host_name("Localhost:80") -> "localhost"
    """
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def is_loopback_host(name: str) -> bool:
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class RequestGuard:
    """Host, Origin, key and size checks from the headers; the body is only counted, never stored here."""

    def __init__(self, app, *, key: str | None, bound_host: str, allowed_hosts: list[str],
                 max_file_mb: float, max_upload_mb: float):
        self.app = app
        self.key = key or None
        self.configured = {host_name(h) for h in allowed_hosts if h}
        self.allowed = set(self.configured)
        if bound_host and bound_host not in ("0.0.0.0", "::"):
            self.allowed.add(host_name(bound_host))
        self.check_host = not self.key or bool(allowed_hosts)
        self.file_limit = int(max_file_mb * MB)
        self.upload_limit = int(max_upload_mb * MB)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        try:
            self.check_headers(scope, headers)
            receive = self.metered(scope, headers, receive)
        except HTTPException as e:
            await self.refuse(scope, receive, send, e)
            return
        started = False

        async def watched_send(message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except HTTPException as e:  # a limit crossed while a route read the body, not handled there
            if started:
                raise
            await self.refuse(scope, receive, send, e)

    # -- from the headers ---------------------------------------------------
    def check_headers(self, scope, headers: Headers) -> None:
        path, method = scope["path"], scope["method"]
        host = host_name(headers.get("host", ""))
        if self.check_host and not (host in self.allowed or is_loopback_host(host)):
            raise HTTPException(400, f"host {host or '(none)'!r} is not a name this server answers to: use "
                                     f"127.0.0.1 or localhost, or add the name to ASSISTANT_SERVE_ALLOWED_HOSTS")
        if not self.key and method in WRITES:
            self.check_origin(headers)
        if self.key and path not in PUBLIC and not path.startswith(PUBLIC_PREFIXES):
            given = headers.get("authorization", "")
            scheme, _, token = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), self.key.encode()):
                raise HTTPException(401, KEY_MESSAGE, headers={"WWW-Authenticate": "Bearer"})

    def check_origin(self, headers: Headers) -> None:
        """A browser write from a page of another origin is refused (the server has no key to stop it)."""
        origin = headers.get("origin")
        fetch_site = headers.get("sec-fetch-site", "")
        if origin is None and fetch_site in ("", "same-origin", "none"):
            return  # not a browser, or the browser says the page is this server's own (/docs)
        netloc = urlsplit(origin).netloc.lower() if origin and origin != "null" else ""
        same = bool(netloc) and netloc == headers.get("host", "").lower()
        if not (same or (netloc and host_name(netloc) in self.configured)):
            raise HTTPException(403, f"cross-origin write refused (Origin {origin or 'absent'}): without "
                                     f"ASSISTANT_SERVE_KEY this server takes writes only from its own pages and "
                                     f"from clients that are not browsers (curl, SDKs)")

    # -- the body -----------------------------------------------------------
    def metered(self, scope, headers: Headers, receive):
        """`receive` counting the body against the route's limit (a 413 from the header when declared)."""
        upload = scope["path"].rstrip("/") == UPLOAD_PATH and scope["method"] == "POST"
        limit = self.upload_limit if upload else JSON_LIMIT
        what = (f"an upload request is limited to {self.upload_limit / MB:g} MB (ASSISTANT_MAX_UPLOAD_MB); "
                "send fewer files at a time" if upload else
                f"a request body is limited to {JSON_LIMIT // 1024} KB; send a shorter question and history")
        declared = headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            raise HTTPException(413, f"request body is {int(declared) / MB:.1f} MB: {what}", headers=CLOSE)
        parts = PartMeter.for_upload(headers, self.file_limit) if upload else None
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                body = message.get("body", b"")
                seen += len(body)
                if seen > limit:
                    raise HTTPException(413, f"request body over {limit / MB:g} MB: {what}", headers=CLOSE)
                if parts is not None:
                    parts.feed(body)
            return message

        return counted

    async def refuse(self, scope, receive, send, e: HTTPException) -> None:
        headers = {**CLOSE, **(e.headers or {})}
        response = JSONResponse(error_body(scope["path"], e.status_code, e.detail), e.status_code, headers=headers)
        await response(scope, receive, send)


@functools.cache
def multipart_module() -> SimpleNamespace:
    """python-multipart's streaming parser (the package was imported as `multipart` before 0.0.13)."""
    try:
        from python_multipart import exceptions, multipart
    except ImportError:  # pragma: no cover - older python-multipart
        from multipart import exceptions, multipart
    return SimpleNamespace(MultipartParser=multipart.MultipartParser, FormParserError=exceptions.FormParserError,
                           parse_options_header=multipart.parse_options_header)


class PartMeter:
    """Counts each part of a multipart body as it streams; a part over the file limit is a 413 then."""

    def __init__(self, boundary: bytes, limit: int):
        MultipartParser = multipart_module().MultipartParser
        self.limit, self.size, self.filename = limit, 0, ""
        self.field, self.value = b"", b""
        self.parser = MultipartParser(boundary, {
            "on_part_begin": self.begin, "on_part_data": self.data,
            "on_header_field": self.header_field, "on_header_value": self.header_value,
            "on_header_end": self.header_end})

    @classmethod
    def for_upload(cls, headers: Headers, limit: int) -> "PartMeter | None":
        kind, options = multipart_module().parse_options_header(headers.get("content-type", ""))
        boundary = options.get(b"boundary")
        return cls(boundary, limit) if kind == b"multipart/form-data" and boundary else None

    def feed(self, body: bytes) -> None:
        if self.parser is None or not body:
            return
        try:
            self.parser.write(body)
        except multipart_module().FormParserError:
            self.parser = None  # malformed: the form parser behind says so; the total limit still counts

    def begin(self) -> None:
        self.size, self.filename = 0, ""

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def header_end(self) -> None:
        if self.field.lower() == b"content-disposition":
            options = multipart_module().parse_options_header(self.value)[1]
            self.filename = options.get(b"filename", b"").decode("utf-8", "replace")
        self.field, self.value = b"", b""

    def data(self, data: bytes, start: int, end: int) -> None:
        self.size += end - start
        if self.size > self.limit:
            name = self.filename.replace("\\", "/").rsplit("/", 1)[-1][:80] or "a file"
            raise HTTPException(413, f"{name} is larger than {self.limit / MB:g} MB (ASSISTANT_MAX_FILE_MB); "
                                     f"split it or raise the limit", headers=CLOSE)
