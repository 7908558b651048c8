"""A route class whose requests parse JSON bodies with orjson (FastAPI uses the stdlib)."""

from __future__ import annotations

from typing import Any, Callable

import orjson
from fastapi import Request
from fastapi.routing import APIRoute


class ORJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = orjson.loads(await self.body())
        return self._json


class ORJSONRoute(APIRoute):
    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def route(request: Request):
            return await handler(ORJSONRequest(request.scope, request.receive))

        return route
