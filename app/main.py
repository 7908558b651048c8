"""The FastAPI application factory.

``create_app(settings)`` is the API process (the *front*): its lifespan opens the job
store, starts the job runner, the worker processes for CPU-bound requests
(:mod:`app.workpool`) and the job cleanup; the :class:`app.gateway.Gateway` middleware
admits requests and hands the work to those processes. ``create_app(settings,
role="worker")`` is the same app without any of that, as each worker process runs it.
"""

from __future__ import annotations

import asyncio
import logging
import re
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

from infomap_core import __version__, warmup

from .errors import ERROR_RESPONSES, install_error_handlers
from .gateway import Gateway
from .jobs.runner import JobRunner
from .jobs.store import JobStore
from .responses import OrjsonResponse
from .routers import health, infomap, jobs, vectors
from .routers import web
from .routers.techniques import ROUTERS as TECHNIQUE_ROUTERS
from .settings import Settings, get_settings
from .telemetry import Metrics

log = logging.getLogger("mapeq")


async def _connect_store(settings: Settings) -> JobStore:
    """The job store, waiting up to ``startup_timeout`` s for the database (compose starts all at once)."""
    deadline = asyncio.get_running_loop().time() + settings.startup_timeout
    while True:
        try:
            return await run_in_threadpool(JobStore, settings.resolved_database_url())
        except Exception as exc:  # noqa: BLE001 - retried until the deadline, then raised
            if asyncio.get_running_loop().time() > deadline:
                raise
            log.warning("job store not reachable yet (%s); retrying", type(exc).__name__)
            await asyncio.sleep(1.0)


def route_finder(app: FastAPI):
    """scope -> the route template (``/v1/jobs/{job_id}``), or ``unmatched`` (bounded metric labels)."""
    templates = list(app.openapi().get("paths", {})) + ["/", "/docs", "/redoc", "/openapi.json"]
    patterns = [(re.compile("^/static/.+$"), "/static/{path}")] + [
        (re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(t)) + "$"), t) for t in templates]

    def find(scope) -> str:
        path = scope.get("path", "")
        return next((template for pattern, template in patterns if pattern.match(path)), "unmatched")

    return find


async def _cleanup_loop(store: JobStore, settings: Settings) -> None:
    """Delete finished jobs older than ``job_ttl`` every ``job_cleanup_interval`` s."""
    while True:
        try:
            removed = await asyncio.to_thread(store.delete_expired, settings.job_ttl)
            if removed:
                log.info("deleted %d expired job(s)", removed, extra={"job_ttl": settings.job_ttl})
        except Exception:  # noqa: BLE001 - the next round tries again
            log.exception("job cleanup failed")
        await asyncio.sleep(settings.job_cleanup_interval)


def create_app(settings: Settings | None = None, role: str = "front") -> FastAPI:
    settings = settings or get_settings()
    front = role == "front"

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if settings.warmup and not settings.worker_processes():
            await run_in_threadpool(warmup)  # the engine runs here only without worker processes
        store = await _connect_store(settings)
        app.state.jobs = store
        app.state.metrics.watch_jobs(store.count_by_status)
        app.state.route_of = route_finder(app)
        processes = settings.worker_processes()
        if processes:
            from .workpool import WorkPool

            app.state.pool = WorkPool(settings, processes)
        runner = JobRunner(store, settings, metrics=app.state.metrics)
        app.state.runner = runner
        await runner.start()
        cleanup = asyncio.create_task(_cleanup_loop(store, settings)) if settings.job_ttl > 0 else None
        try:
            yield
        finally:
            if cleanup is not None:
                cleanup.cancel()
            await runner.stop()
            if getattr(app.state, "pool", None) is not None:
                await asyncio.to_thread(app.state.pool.close)
            store.close()

    app = FastAPI(title="mapeq", version=__version__, default_response_class=OrjsonResponse,
                  lifespan=lifespan if front else None, responses=ERROR_RESPONSES,
                  description="Community detection with the map equation (InfoMap).")
    app.dependency_overrides[get_settings] = lambda: settings
    app.state.settings = settings
    app.state.metrics = Metrics()
    app.state.pool = None
    app.state.route_of = None
    install_error_handlers(app)
    app.include_router(health.router)
    app.include_router(infomap.router)
    app.include_router(vectors.router)
    app.include_router(jobs.router)
    app.include_router(web.router)
    for router in TECHNIQUE_ROUTERS:
        app.include_router(router)
    if front:
        app.add_middleware(Gateway, settings=settings, state=app.state)
        origins = settings.cors_origin_list()
        if origins:
            from fastapi.middleware.cors import CORSMiddleware

            app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST", "DELETE"],
                               allow_headers=["Content-Type", "X-API-Key", "Authorization", "X-Request-ID"],
                               expose_headers=["X-Request-ID", "Location", "Retry-After"])
    return app
