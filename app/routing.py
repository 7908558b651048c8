"""A route class whose requests parse JSON bodies with orjson (FastAPI uses the stdlib), after
checking the body's cost from its array lengths (:func:`app.cost.scan`) on endpoints marked
with :func:`cost_checked`."""

from __future__ import annotations

from typing import Any, Callable

import orjson
from fastapi import Request
from fastapi.routing import APIRoute

from . import cost


class ORJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = orjson.loads(await self.body())
        return self._json


def cost_checked(limits: str) -> Callable:
    """Mark an endpoint whose JSON body is checked against the ``"sync"`` or ``"jobs"`` limits
    before it is parsed (413 naming the field and the limit)."""
    def mark(endpoint: Callable) -> Callable:
        endpoint.mapeq_limits = limits
        return endpoint
    return mark


def limits_for(kind: str, settings) -> cost.Limits:
    return cost.Limits.synchronous(settings) if kind == "sync" else cost.Limits.jobs(settings)


class ORJSONRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()
        kind = getattr(self.endpoint, "mapeq_limits", None)

        async def route(request: Request):
            request = ORJSONRequest(request.scope, request.receive)
            if kind is not None:
                cost.scan(await request.body()).check(limits_for(kind, request.app.state.settings))
            return await handler(request)

        return route
