"""Liveness, readiness and version."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from ..errors import ApiError

from infomap_core import __version__

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process answers")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", summary="The job store and the Dask executor answer")
async def readyz(request: Request) -> dict:
    try:
        await run_in_threadpool(request.app.state.jobs.ping)
    except Exception as exc:  # noqa: BLE001
        raise ApiError(503, "not_ready", f"job store unavailable: {type(exc).__name__}")
    if not request.app.state.runner.ready():
        raise ApiError(503, "not_ready", "Dask executor not connected")
    return {"status": "ready", "store": "ok", "executor": "ok", "version": __version__}


@router.get("/v1/version", summary="Engine and service version")
async def version() -> dict:
    import numba
    import numpy

    return {"mapeq": __version__, "numpy": numpy.__version__, "numba": numba.__version__}


@router.get("/metrics", summary="Prometheus metrics (text exposition format)",
            response_class=PlainTextResponse,
            responses={200: {"content": {CONTENT_TYPE_LATEST.split(";")[0]: {}}}},
            description="Requests by route template and status, latency, work slots in use and waiting, engine "
                        "time per link, job trial durations, jobs by status and queue depth.")
async def metrics(request: Request):
    registry = request.app.state.metrics.registry
    text = await run_in_threadpool(generate_latest, registry)
    return PlainTextResponse(text, media_type=CONTENT_TYPE_LATEST)
