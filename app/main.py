"""The FastAPI application factory."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

from infomap_core import __version__, warmup

from .errors import ERROR_RESPONSES, error_body, install_error_handlers
from .jobs.runner import JobRunner
from .jobs.store import JobStore
from .responses import OrjsonResponse
from .routers import health, infomap, jobs, vectors
from .routers import web
from .routers.techniques import ROUTERS as TECHNIQUE_ROUTERS

from .settings import Settings, get_settings


class BodyLimit:
    """ASGI middleware: 413 for bodies above ``max_bytes`` (declared or streamed)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._reject(send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._reject(send)

    async def _reject(self, send):
        response = OrjsonResponse(error_body("payload_too_large", f"request body exceeds {self.max_bytes} bytes"),
                                  status_code=413)
        await response({"type": "http"}, None, send)


class _TooLarge(Exception):
    pass


async def _connect_store(settings: Settings) -> JobStore:
    """The job store, waiting up to ``startup_timeout`` s for the database (compose starts all at once)."""
    import asyncio
    import logging

    deadline = asyncio.get_running_loop().time() + settings.startup_timeout
    while True:
        try:
            return await run_in_threadpool(JobStore, settings.resolved_database_url())
        except Exception as exc:  # noqa: BLE001 - retried until the deadline, then raised
            if asyncio.get_running_loop().time() > deadline:
                raise
            logging.getLogger("mapeq").warning("job store not reachable yet (%s); retrying", type(exc).__name__)
            await asyncio.sleep(1.0)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.warmup:
            await run_in_threadpool(warmup)
        store = await _connect_store(settings)
        runner = JobRunner(store, settings)
        app.state.jobs = store
        app.state.runner = runner
        await runner.start()
        try:
            yield
        finally:
            await runner.stop()
            store.close()

    app = FastAPI(title="mapeq", version=__version__, default_response_class=OrjsonResponse, lifespan=lifespan,
                  responses=ERROR_RESPONSES,
                  description="Community detection with the map equation (InfoMap).")
    app.dependency_overrides[get_settings] = lambda: settings
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(infomap.router)
    app.include_router(vectors.router)
    app.include_router(jobs.router)
    app.include_router(web.router)
    for router in TECHNIQUE_ROUTERS:
        app.include_router(router)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    return app
