"""One error body for every 4xx/5xx answer.

Shape: ``{"error": {"code": str, "message": str, "field": str | null, "request_id": str | null}}``.
Raise :class:`ApiError` in routers; engine errors (:class:`infomap_core.errors.MapEqError`)
and pydantic validation errors are converted by the handlers installed by
:func:`install_error_handlers`. ``field`` is always one of the request's own fields
(:func:`app.fields.request_field`), ``"body"`` for the body as a whole; ``request_id``
is the request's ``X-Request-ID`` (also in the logs and in the job row).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from infomap_core.errors import MapEqError

from .cost import LimitExceeded
from .fields import echo, merge_messages, request_field
from .uploads import UploadError
from .responses import OrjsonResponse


class ApiError(Exception):
    """An error with an HTTP status, a machine code, a message and the offending field."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field

    def __reduce__(self):
        # Keep every attribute across pickling (errors raised on Dask workers).
        return type(self), (self.status, self.code, self.message, self.field)


#: Longest error message; longer ones (an engine message quoting a huge id) are cut.
MAX_MESSAGE = 1000


def error_body(code: str, message: str, field: str | None = None, request_id: str | None = None) -> dict[str, Any]:
    if len(message) > MAX_MESSAGE:
        message = message[:MAX_MESSAGE - 3] + "..."
    return {"error": {"code": code, "message": message, "field": field, "request_id": request_id}}




#: Engine field names that are not request fields -> the request field they come from.
ENGINE_FIELDS = {"node_weights": "nodes", "node_ids": "nodes"}


def request_id_of(request: Request) -> str | None:
    return request.scope.get("mapeq.request_id")


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {
        "description": text,
        "content": {"application/json": {"example": error_body(code, text, field)}},
    }
    for status, code, text, field in [
        (400, "bad_request", "malformed Content-Length header (not a non-negative integer)", "Content-Length"),
        (401, "unauthorized", "missing or unknown API key (send it as X-API-Key or Authorization: Bearer)",
         "X-API-Key"),
        (404, "not_found", "no job '6f1c'", "job_id"),
        (408, "request_timeout", "no request body byte for 10 s", "body"),
        (409, "not_ready", "job 6f1c is running, no result", "job_id"),
        (413, "too_large_for_sync", "edges: 2,000,001 links exceed the limit of 2,000,000 (MAPEQ_MAX_SYNC_LINKS); "
         "submit the same body to POST /v1/jobs", "edges"),
        (415, "unsupported_media_type", "binary upload: send a link-list or Pajek text file, or gzip it", "file"),
        (422, "invalid_network", "weights must be finite, got nan", "edges"),
        (503, "overloaded", "2 requests in progress and 64 waiting (MAPEQ_MAX_QUEUED_REQUESTS); retry later "
         "(see Retry-After)", None),
        (504, "deadline_exceeded", "the request took longer than 60 s (MAPEQ_REQUEST_TIMEOUT); submit it to "
         "POST /v1/jobs", None),
    ]
}


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts on this path.

    Probes each method against every route (``Match.FULL``) instead of reading
    ``route.methods``: routers included into the app are not flat ``APIRoute`` objects
    in every FastAPI version, and Starlette reports only the first route's methods.
    """
    from starlette.routing import Match

    methods: set[str] = set()
    for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        for route in request.app.router.routes:
            try:
                match, _ = route.matches({**request.scope, "method": method})
            except Exception:  # noqa: BLE001 - a route that cannot match this scope does not allow it
                continue
            if match == Match.FULL:
                methods.add(method)
                break
    return sorted(methods)


def _body_annotation(request: Request) -> Any:
    field = getattr(request.scope.get("route"), "body_field", None)
    return getattr(getattr(field, "field_info", None), "annotation", None)


def install_error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, code: str, message: str, field: str | None, headers=None):
        return OrjsonResponse(error_body(code, message, field, request_id_of(request)), status_code=status,
                              headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.field)

    @app.exception_handler(LimitExceeded)
    async def _limit(request: Request, exc: LimitExceeded):
        return respond(request, 413, "too_large_for_sync" if exc.jobs else "too_large", exc.message, exc.field)

    @app.exception_handler(UploadError)
    async def _upload(request: Request, exc: UploadError):
        return respond(request, exc.status, exc.code, exc.message, exc.field)

    @app.exception_handler(MapEqError)
    async def _engine_error(request: Request, exc: MapEqError):
        return respond(request, 422, exc.code, str(exc), ENGINE_FIELDS.get(exc.field, exc.field))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        errors = exc.errors() or [{"loc": ("body",), "msg": "invalid request"}]
        model = _body_annotation(request)
        first = errors[0]
        field = request_field(model, first.get("loc", ()))
        if first.get("type") == "json_invalid":
            return respond(request, 422, "validation_error", "invalid JSON "
                           f"({first.get('ctx', {}).get('error', 'parse error')}); NaN and Infinity are not JSON",
                           "body")
        if first.get("type") in ("union_tag_invalid", "union_tag_not_found"):
            field = "kind" if field in (None, "body") else f"{field}.kind"
        # Every branch of a union fails at the same place: one message for all of them.
        same = [e.get("msg", "") for e in errors if request_field(model, e.get("loc", ())) == field]
        message = merge_messages(same) if first.get("type") not in ("union_tag_invalid", "union_tag_not_found") \
            else first.get("msg", "invalid request")
        if field == "body" and first.get("type") in ("missing", "model_attributes_type", "model_type", "dict_type"):
            message = "the body must be a JSON object with the fields of this operation (got an empty body, " \
                      "null or a non-object)"
        return respond(request, 422, "validation_error", f"{field}: {message}" if field else message, field)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                413: "payload_too_large"}.get(exc.status_code, "http_error")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        message = str(exc.detail)
        if exc.status_code == 404:
            message = f"no route {echo(request.url.path)}"
        return respond(request, exc.status_code, code, message, "body" if exc.status_code == 400 else None, headers)

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception):
        import logging

        logging.getLogger("mapeq").exception("internal error")
        return respond(request, 500, "internal_error", f"internal error: {type(exc).__name__}", None)
