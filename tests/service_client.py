"""The in-process REST service most API tests talk to: small limits, one in-thread Dask worker."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings


@contextlib.contextmanager
def small_service(data_dir: Path, **settings) -> Iterator[TestClient]:
    """A started app (lifespan run) behind a ``TestClient``: 1,000 links per synchronous request,
    200 kB bodies, no warm-up, jobs polled every 0.05 s on one in-thread worker; ``settings``
    override any of these."""
    chosen = {"max_sync_links": 1000, "max_body_bytes": 200_000, "warmup": False, "job_poll_interval": 0.05,
              "dask_workers": 1, "dask_processes": False, **settings}
    with TestClient(create_app(Settings(data_dir=data_dir, **chosen))) as client:
        yield client
