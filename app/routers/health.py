"""Liveness, readiness and version."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

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
