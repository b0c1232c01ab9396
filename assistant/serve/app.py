"""`assistant serve`: the HTTP API, a thin front over one Assistant (FastAPI).

    app = create_app(Assistant.open())
    POST /v1/ask          {"question": "…"}              -> the Answer as JSON
    POST /v1/search       {"question": "…", "k": 5}      -> ranked passages
    GET  /v1/documents    POST /v1/documents (multipart "files")    DELETE /v1/documents/{ref}
    GET  /healthz
    POST /v1/chat/completions, GET /v1/models            -> OpenAI-compatible (openai_compat.py)

Errors are one line of JSON, {"error": "…"}, with a status that says whose
problem it is (400 a request the assistant cannot use: empty question, bad file name, unknown
host; 401 key; 403 cross-origin write; 404 no such document; 409 index busy, built by another
model or a file name taken; 413 body or file too large; 415 file type; 422 a body that does not
fit the schema: wrong type, missing field, unknown filter); the OpenAI routes use OpenAI's error
shape so its clients show the message. No message carries a secret or a server path; a 500 names
only the kind of failure (the details go to the server log).
With `ASSISTANT_SERVE_KEY` set, every route but /healthz needs "Authorization: Bearer <key>".
Host, Origin, key and size are checked from the headers before any body is read (guard.py).
"""
from __future__ import annotations

import hmac
import logging
import re
import threading
from pathlib import Path
from typing import Literal

from fastapi import Depends, FastAPI, File, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from assistant.errors import AssistantError, BadQuestion, ConfigError, IndexBusy, IndexMismatch
from assistant.redact import scrub, secrets_of
from assistant.serve.guard import KEY_MESSAGE, RequestGuard, error_body
from assistant.serve.schemas import (AnswerOut, AskIn, DocumentsOut, ErrorOut, FactsOut, HealthOut, IngestOut,
                                     RemovedOut, SearchIn, SearchOut)

STATUS = ((IndexBusy, 409), (IndexMismatch, 409), (BadQuestion, 400), (ConfigError, 400), (AssistantError, 400))
ERRORS = {code: {"model": ErrorOut} for code in (400, 401, 403, 404, 409, 413, 415, 422)}
UPLOAD_BLOCK = 1 << 20
NAME_BYTES = 200  # a file name's UTF-8 length; file systems stop at 255 and the temporary name adds to it
log = logging.getLogger("assistant.serve")


class ApiError(Exception):
    """An error with its HTTP status, answered as {"error": message}."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def create_app(assistant, key: str | None = None, host: str | None = None) -> FastAPI:
    """The API over `assistant`; `key` (default: ASSISTANT_SERVE_KEY) makes every route but /healthz need it.

    `host`: the address it is bound to (default ASSISTANT_SERVE_HOST), a name it answers to.
    """
    from assistant.serve.openai_compat import make_router

    settings = assistant.settings
    key = key if key is not None else settings.serve_key
    from assistant.serve.docs import serve_docs

    app = FastAPI(title="Report assistant", version="1", responses=ERRORS, docs_url=None, redoc_url=None,
                  description="Cited, verified answers over Chinese local-government reports.")
    serve_docs(app)  # /docs from a package's files: FastAPI's own loads them from a CDN
    app.state.assistant = assistant
    app.add_middleware(RequestGuard, key=key, bound_host=host or settings.serve_host,
                       allowed_hosts=settings.allowed_hosts, max_file_mb=settings.max_file_mb,
                       max_upload_mb=settings.max_upload_mb)
    auth = bearer_auth(key)
    upload_lock = threading.Lock()  # one upload at a time: save and ingest together
    install_error_handlers(app)

    @app.get("/healthz", response_model=HealthOut, tags=["service"])
    def healthz():
        return {"status": "ok", "chunks": assistant.index.vectors.count(),
                "store": "server" if settings.chroma_url else "disk",
                "embedding_model": assistant.embedder.name,
                "answer_mode": "llm" if settings.llm_configured and settings.mode != "extractive" else "extractive"}

    @app.post("/v1/ask", response_model=AnswerOut, dependencies=[auth], tags=["answers"])
    def ask(body: AskIn):
        """A cited answer; every figure in it checked against the passages it cites."""
        history = [t.model_dump() for t in body.history]
        return assistant.ask(body.question, history=history, mode=body.mode, k=body.k,
                             filters=body.filters).to_result()

    @app.post("/v1/search", response_model=SearchOut, dependencies=[auth], tags=["answers"])
    def search(body: SearchIn):
        """Ranked passages with their dense, lexical and fused scores."""
        return {"results": [h.to_dict() for h in assistant.search(body.question, body.k, filters=body.filters)]}

    @app.get("/v1/facts", response_model=FactsOut, dependencies=[auth], tags=["answers"])
    def facts(indicator: str = Query(..., min_length=1, max_length=200, description="e.g. 民生支出, GDP"),
              place: str | None = Query(None, max_length=100), first: int | None = Query(None, alias="from"),
              last: int | None = Query(None, alias="to"),
              status: Literal["actual", "target", "cumulative", "average"] | None = None,
              measure: Literal["amount", "growth", "share", "change", "count", "multiple"] | None = None):
        """Every value the reports give for an indicator (its synonyms too), oldest first, each with its passage."""
        rows = assistant.facts(indicator, place=place, first=first, last=last, status=status, measure=measure)
        return {"facts": [r.to_dict() for r in rows]}

    @app.get("/v1/documents", response_model=DocumentsOut, dependencies=[auth], tags=["documents"])
    def documents():
        return {"documents": assistant.documents()}

    @app.post("/v1/documents", response_model=IngestOut, dependencies=[auth], tags=["documents"])
    def upload(files: list[UploadFile] = File(..., description="Files (.txt .md .html .htm .pdf .docx).")):
        """Add documents; a file with the name of an indexed one replaces it, an unchanged one is skipped."""
        from assistant.ingest.loaders import SUPPORTED
        from assistant.ingest.staging import Staging

        limit = int(settings.max_file_mb * 1024 * 1024)
        folder = settings.home / "uploads"
        names = [safe_name(f.filename or "") for f in files]
        for name in names:
            if Path(name).suffix.lower() not in SUPPORTED:
                raise ApiError(415, f"{name}: unsupported file type; supported: {', '.join(sorted(SUPPORTED))}")
        with upload_lock, Staging(folder) as staging:  # kept in uploads/ only once ingested
            for name in names:
                check_name_free(assistant, name, folder / name)
            for f, name in zip(files, names):
                save_upload(f, staging.path(name), limit)
            report = staging.ingest(assistant)
        if report.failed and not (report.added or report.replaced or report.skipped):
            raise ApiError(400, "; ".join(report.failed))
        return report.__dict__

    @app.delete("/v1/documents/{ref:path}", response_model=RemovedOut, dependencies=[auth], tags=["documents"])
    def remove(ref: str):
        """Remove a document (doc id, file name or title) from both indexes."""
        if not assistant.resolve_documents(ref):
            raise ApiError(404, f"no document {ref!r}: GET /v1/documents lists ids, file names and titles")
        return {"removed": assistant.remove(ref)}

    app.include_router(make_router(assistant), dependencies=[auth])
    return app


# -- access ----------------------------------------------------------------------
def bearer_auth(key: str | None):
    """A dependency requiring "Authorization: Bearer <key>" when a key is set; open otherwise."""
    scheme = HTTPBearer(auto_error=False, description="ASSISTANT_SERVE_KEY, when the server has one.")

    def check(credentials: HTTPAuthorizationCredentials | None = Depends(scheme)) -> None:
        if not key:
            return
        given = credentials.credentials if credentials else ""
        if not hmac.compare_digest(given.encode(), key.encode()):
            raise ApiError(401, KEY_MESSAGE)

    return Depends(check)


# -- uploads -----------------------------------------------------------------------
def safe_name(name: str) -> str:
    """The file's base name, or a 400 for names that try to leave the upload folder.

    Example: safe_name("reports/2021.txt") -> "2021.txt"; safe_name("../x.txt") -> ApiError(400)
    """
    if "\x00" in name:
        raise ApiError(400, "the file name contains a NUL byte")
    if not name.isprintable():
        raise ApiError(400, "the file name contains control characters; rename the file")
    parts = re.split(r"[\\/]", name)
    if ".." in parts:
        raise ApiError(400, f"file name {name!r} points outside the upload folder; send a plain file name")
    base = parts[-1].strip()
    if not base or base in (".", "..") or base.startswith("."):
        raise ApiError(400, f"bad file name {name[:80]!r}: send a file name such as report.txt")
    if len(base.encode("utf-8")) > NAME_BYTES:
        raise ApiError(400, f"file name {base[:40]!r}… is {len(base.encode('utf-8'))} bytes long, over "
                            f"{NAME_BYTES}: rename the file")
    return base


def check_name_free(assistant, name: str, path: Path) -> None:
    """A 409 when a document of this file name came from elsewhere (an upload replaces only an upload)."""
    for chunk in assistant.index.vectors.get_where({"source": name})[:1]:
        other = chunk.metadata.get("path", "")
        if other and Path(other).resolve() != path.resolve():
            raise ApiError(409, f"a document named {name} is already indexed from {other}; remove it first "
                                f"(DELETE /v1/documents/{name}) or upload under another name")


def save_upload(upload: UploadFile, path: Path, limit: int) -> Path:
    """Copy an upload to `path` (atomically), refusing files over `limit` bytes with a 413."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    size = 0
    try:
        with open(tmp, "wb") as out:
            while block := upload.file.read(UPLOAD_BLOCK):
                size += len(block)
                if size > limit:
                    raise ApiError(413, f"{path.name} is larger than {limit / 1024 / 1024:g} MB "
                                        f"(ASSISTANT_MAX_FILE_MB); split it or raise the limit")
                out.write(block)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


# -- errors ------------------------------------------------------------------------
def safe_message(request: Request, message: str) -> str:
    """What a client may be told: no secret (keys, URL credentials) and no folder of the server."""
    settings = request.app.state.assistant.settings
    text = scrub(str(message), secrets_of(settings))
    folders = {str(settings.home), str(Path(settings.home).resolve()), str(Path.home())}
    for folder in sorted((f for f in folders if len(f) > 1), key=len, reverse=True):
        text = text.replace(folder, "…")
    return text


def error_response(request: Request, status: int, message: str, headers: dict | None = None) -> JSONResponse:
    body = error_body(request.url.path, status, safe_message(request, message))
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    def api_error(request: Request, e: ApiError):
        headers = {"WWW-Authenticate": "Bearer"} if e.status == 401 else None
        return error_response(request, e.status, str(e), headers)

    @app.exception_handler(AssistantError)
    def assistant_error(request: Request, e: AssistantError):
        status = next(code for kind, code in STATUS if isinstance(e, kind))
        return error_response(request, status, str(e))

    @app.exception_handler(RequestValidationError)
    def validation_error(request: Request, e: RequestValidationError):
        parts = []
        for err in e.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
            what = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            if err.get("type") == "json_invalid":
                where, what = "", f"the body is not valid JSON ({err.get('ctx', {}).get('error', 'bad syntax')})"
            parts.append(f"{where}: {what}" if where else what)
        return error_response(request, 422, "bad request: " + "; ".join(parts))

    @app.exception_handler(HTTPException)
    def http_error(request: Request, e: HTTPException):
        return error_response(request, e.status_code, e.detail, getattr(e, "headers", None))

    @app.exception_handler(Exception)
    def unexpected(request: Request, e: Exception):
        # The exception's text may hold paths and internals: the log gets it, the client its kind.
        log.error("%s %s failed", request.method, request.url.path, exc_info=e)
        return error_response(request, 500, f"internal error ({type(e).__name__}); see the server log")
