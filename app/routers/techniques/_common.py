"""Shared pieces of the technique routers: router factory, error docs, numpy-aware JSON, error mapping."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import orjson
from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict
from starlette.responses import JSONResponse

from ...errors import ApiError
from ...routing import ORJSONRoute
from ...techniques import TechniqueError


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None
    request_id: str | None = None


class ErrorBody(BaseModel):
    """The service's one error body."""

    error: ErrorDetail


class Strict(BaseModel):
    """Request models: JSON types as declared (no string-to-number coercion), no unknown fields."""

    model_config = ConfigDict(extra="forbid", strict=True)


class NumpyJSONResponse(JSONResponse):
    """JSON via orjson, numpy arrays serialised natively (no ``tolist``)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, default=_fallback, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)


def _fallback(obj: Any) -> Any:
    """What orjson leaves to ``default``: non-contiguous arrays and numpy scalars."""
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.generic):
        return obj.item()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def error_responses(too_large: tuple[str, str], invalid: tuple[str, str]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for 400, 413 and 422 with an example of each (``(field, message)`` pairs)."""
    def entry(description: str, code: str, field: str | None, message: str) -> dict[str, Any]:
        return {"model": ErrorBody, "description": description,
                "content": {"application/json": {"example": {"error": {"code": code, "message": message,
                                                                        "field": field}}}}}
    return {
        400: entry("unparseable body", "bad_request", None, "There was an error parsing the body"),
        413: entry("an input above a documented size limit (the field is named)", "payload_too_large", *too_large),
        422: entry("invalid input: wrong shape, non-finite or out-of-range value, invalid JSON (NaN is not JSON)",
                   "invalid_input", *invalid),
    }


def make_router(tag: str) -> APIRouter:
    return APIRouter(prefix="/v1", tags=[tag], route_class=ORJSONRoute)


def respond(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> NumpyJSONResponse:
    """Run a technique; its result's ``to_dict()`` as JSON, a :class:`TechniqueError` as the error body."""
    try:
        result = fn(*args, **kwargs)
    except TechniqueError as exc:
        code = "payload_too_large" if exc.status == 413 else "invalid_input"
        raise ApiError(exc.status, code, exc.message, exc.field) from None
    return NumpyJSONResponse(result.to_dict() if hasattr(result, "to_dict") else result)
