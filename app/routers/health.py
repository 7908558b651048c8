"""Liveness, readiness and version."""

from __future__ import annotations

from fastapi import APIRouter

from infomap_core import __version__

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process answers")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", summary="The engine is loaded and its kernels compiled")
async def readyz() -> dict:
    return {"status": "ready", "engine": "infomap_core", "version": __version__}


@router.get("/v1/version", summary="Engine and service version")
async def version() -> dict:
    import numba
    import numpy

    return {"mapeq": __version__, "numpy": numpy.__version__, "numba": numba.__version__}
