"""A route class whose requests parse JSON bodies with orjson (FastAPI uses the stdlib), after
checking the body's cost from its array lengths (:func:`app.cost.scan`) on endpoints marked
with :func:`cost_checked`.

The body of an operation with a JSON request model is read by its ``Content-Type``: JSON
(or none) with the fast path for tensor fields (:func:`app.binary.fast_json`); a binary tensor
type (:data:`app.tensors.MEDIA_TYPES`) as :func:`app.binary.binary_fields` maps it, its cost
checked from the decoded shapes; anything else is 415 naming ``Content-Type``. A body that is a
union told by its ``kind`` (``POST /v1/jobs``, :func:`cost_checked` with ``models``) is read with
the model of its ``kind`` (the ``kind`` query parameter for a binary body), and the binary body's
query parameters are kept in the scope (``mapeq.binary``) for the endpoint to store. An answer is
sent as ``.npz`` or Arrow IPC when ``Accept`` names one (:mod:`app.answers`).
"""

from __future__ import annotations

from typing import Any, Callable

import orjson
from fastapi import Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute

from . import answers, binary, cost, tensors
from .settings import get_settings
from .uploads import UploadError


class ORJSONRequest(Request):
    body_model: Any = None
    body_models: dict[str, Any] | None = None

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = binary.parse_json(await self.body(), self.body_model, self.body_models)
        return self._json


def body_model(route: APIRoute) -> Any:
    """The pydantic model of a route's JSON body, or None (no body, a form, a union)."""
    from fastapi import params
    from pydantic import BaseModel

    field = getattr(route, "body_field", None)
    info = getattr(field, "field_info", None)
    model = getattr(info, "annotation", None)
    if isinstance(info, params.Form) or not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    return model


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def cost_checked(limits: str, models: dict[str, Any] | None = None) -> Callable:
    """Mark an endpoint whose JSON body is checked against the ``"sync"`` or ``"jobs"`` limits
    before it is parsed (413 naming the field and the limit). ``models`` (``kind`` -> request model):
    the body is a union told by its ``kind`` (``POST /v1/jobs``), the ``kind`` query parameter for a
    binary body."""
    def mark(endpoint: Callable) -> Callable:
        endpoint.mapeq_limits = limits
        endpoint.mapeq_models = models
        return endpoint
    return mark


def kind_model(models: dict[str, Any], kind: Any, field: str = "kind") -> Any:
    """The request model of ``kind`` in a union told by ``kind`` (422 naming ``kind`` otherwise)."""
    if isinstance(kind, str) and kind in models:
        return models[kind]
    raise UploadError(422, "invalid_request", f"{field}: give kind, one of {', '.join(models)} (a binary body: as "
                      "the query parameter ?kind=)", "kind")


def as_json_request(request: ORJSONRequest, data: dict) -> ORJSONRequest:
    """The request as FastAPI's JSON body handling will read it: ``data`` as its parsed body."""
    headers = [(k, v) for k, v in request.scope["headers"] if k != b"content-type"]
    scope = {**request.scope, "headers": headers + [(b"content-type", b"application/json")]}
    converted = ORJSONRequest(scope, request.receive)
    converted._body = request._body
    converted._json = data
    return converted


def limits_for(kind: str, settings) -> cost.Limits:
    return cost.Limits.synchronous(settings) if kind == "sync" else cost.Limits.jobs(settings)


class ORJSONRoute(APIRoute):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = body_model(self)
        paths = list(binary.tensor_paths(model)) if model is not None else []
        if paths:
            self.description = (self.description or "") + (
                "\n\n**Binary tensors** (docs/binary-tensors.md): the body may also be `application/x-npy` (the "
                f"array is `{binary.primary_path(model)}`), `application/zip` (an .npz of arrays named by field: "
                + ", ".join(f"`{p}`" for p in paths) + ") or `application/vnd.apache.arrow.stream` / Parquet (a "
                "table), the other fields as query parameters. `Accept: application/zip` or "
                "`application/vnd.apache.arrow.stream` answers with the arrays in binary.")

    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()
        kind = getattr(self.endpoint, "mapeq_limits", None)
        models = getattr(self.endpoint, "mapeq_models", None)
        model = body_model(self)

        async def route(request: Request):
            request = ORJSONRequest(request.scope, request.receive)
            request.body_model, request.body_models = model, models
            settings = getattr(request.app.state, "settings", None) or get_settings()
            media = media_type(request)
            if model is None and models and media in tensors.MEDIA_TYPES:
                binary_model = kind_model(models, request.query_params.get("kind"))
            else:
                binary_model = model
            if binary_model is not None and media in tensors.MEDIA_TYPES:
                model_of_body = binary_model
                raw = await request.body()
                limit = tensors.INFLATE_FACTOR * settings.max_body_bytes
                if kind is not None:                 # from headers only: before anything is inflated
                    peeked = await run_in_threadpool(binary.peek_lengths, raw, model_of_body, limit)
                    cost.of_lengths(peeked).check(limits_for(kind, settings))
                query = request.query_params.multi_items()
                data = await run_in_threadpool(binary.binary_fields, raw, model_of_body, query, limit)
                if kind is not None:
                    cost.of_lengths(binary.lengths(data)).check(limits_for(kind, settings))
                request = as_json_request(request, data)
                request.scope["mapeq.binary"] = {"query": query, "max_bytes": limit}   # how to read it again
            elif ((model is not None or models) and media not in ("", "application/json")
                  and not media.endswith("+json")):
                raise UploadError(415, "unsupported_media_type", f"Content-Type {media[:80]!r} is not accepted: send "
                                  "application/json, or tensors as " + ", ".join(sorted(tensors.MEDIA_TYPES)),
                                  "Content-Type")
            elif kind is not None:
                cost.scan(await request.body()).check(limits_for(kind, settings))
            response = await handler(request)
            wanted = answers.wanted(request.headers.get("accept", ""))
            if (wanted and request.method == "POST" and response.status_code == 200
                    and response.media_type == "application/json"):
                body, media = await run_in_threadpool(answers.encode, orjson.loads(response.body), wanted)
                headers = {k: v for k, v in response.headers.items() if k not in ("content-length", "content-type")}
                response = Response(body, media_type=media, headers=headers)
            return response

        return route
