"""One error body for every 4xx/5xx answer.

Shape: ``{"error": {"code": str, "message": str, "field": str | null}}``.
Raise :class:`ApiError` in routers; engine errors (:class:`infomap_core.errors.MapEqError`)
and pydantic validation errors are converted by the handlers installed by
:func:`install_error_handlers`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from infomap_core.errors import MapEqError

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


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {
        "description": text,
        "content": {"application/json": {"example": error_body(code, text, field)}},
    }
    for status, code, text, field in [
        (400, "bad_request", "There was an error parsing the body", None),
        (404, "not_found", "no job '6f1c'", "job_id"),
        (409, "not_ready", "job 6f1c is running, no result", "job_id"),
        (413, "payload_too_large", "network too large for the synchronous endpoint; submit it to /v1/jobs", "edges"),
        (422, "invalid_network", "weights must be finite, got nan", "edges"),
        (503, "not_ready", "Dask executor not connected", None),
    ]
}


def _field_from_loc(loc: tuple | list) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or None


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


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError):
        return OrjsonResponse(error_body(exc.code, exc.message, exc.field), status_code=exc.status)

    @app.exception_handler(MapEqError)
    async def _engine_error(_: Request, exc: MapEqError):
        return OrjsonResponse(error_body(exc.code, str(exc), exc.field), status_code=422)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError):
        errors = exc.errors()
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        field = _field_from_loc(first.get("loc", ()))
        msg = first.get("msg", "invalid request")
        if first.get("type") == "json_invalid":
            field = "body"
            msg = f"invalid JSON ({first.get('ctx', {}).get('error', 'parse error')}); NaN and Infinity are not JSON"
        if first.get("type") in ("union_tag_invalid", "union_tag_not_found"):
            field = ".".join(filter(None, [field, "kind"]))
        message = f"{field}: {msg}" if field else msg
        return OrjsonResponse(error_body("validation_error", message, field), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
                413: "payload_too_large"}.get(exc.status_code, "http_error")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return OrjsonResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=headers)

    @app.exception_handler(Exception)
    async def _internal_error(_: Request, exc: Exception):
        return OrjsonResponse(error_body("internal_error", f"internal error: {type(exc).__name__}"), status_code=500)
