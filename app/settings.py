"""Service settings (environment variables with the ``MAPEQ_`` prefix)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """``MAPEQ_HOST``, ``MAPEQ_PORT``, ``MAPEQ_MAX_BODY_BYTES``, ``MAPEQ_MAX_SYNC_LINKS``, ..."""

    model_config = SettingsConfigDict(env_prefix="MAPEQ_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    data_dir: Path = Path("data")
    max_body_bytes: int = Field(128 * 1024 * 1024, ge=1024, description="larger request bodies get 413")
    max_job_body_bytes: int = Field(768 * 1024 * 1024, ge=1024, description="larger job submissions (POST /v1/jobs, "
                                    "/v1/jobs/infomap/file) get 413; 1M x 128 float32 vectors as .npy are 512 MB")
    max_sync_links: int = Field(2_000_000, ge=1, description="more links (kNN links for vectors) get 413 on "
                                "synchronous endpoints")
    max_sync_nodes: int = Field(1_000_000, ge=2, description="more nodes (sparse.shape, adjacency rows, nodes) "
                                "get 413 on synchronous endpoints")
    max_sync_trials: int = Field(50, ge=1)
    max_sync_vectors: int = Field(20_000, ge=2, description="more vectors get 413 on /v1/cluster/vectors")
    max_dense_entries: int = Field(4_000_000, ge=1, description="a dense adjacency with more n x n entries gets 413 "
                                   "(send the non-zeros as sparse)")
    max_job_nodes: int = Field(50_000_000, ge=2, description="more nodes get 413 at job submission")
    max_job_links: int = Field(100_000_000, ge=1, description="more links (kNN links for vectors) get 413 at job "
                               "submission")
    max_job_vectors: int = Field(1_000_000, ge=2, description="more vectors get 413 at job submission")
    warmup: bool = True
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: SQLite file under data_dir")
    dask_address: str | None = Field(None, description="external Dask scheduler; default: embedded LocalCluster")
    dask_workers: int | None = Field(None, ge=1, description="embedded cluster workers (default: CPU cores)")
    dask_processes: bool = Field(True, description="embedded cluster with worker processes (False: threads)")
    shared_data_dir: Path | None = Field(None, description="the directory every Dask worker reads too: distributed "
                                         "infomap jobs read their files under it (default: off)")
    distributed_finish_units: int = Field(50_000, ge=1, description="distributed jobs: the workers contract the "
                                          "network until it has at most this many units, then one worker "
                                          "finishes it (DistributedSettings.finish_units)")
    startup_timeout: float = Field(60.0, ge=0, description="seconds to wait for the database at start")
    job_poll_interval: float = Field(0.2, gt=0, le=60)
    max_concurrent_jobs: int = Field(2, ge=1, le=64)
    job_lease: float = Field(30.0, gt=0, description="seconds a claimed job stays its process's without a heartbeat")
    job_heartbeat: float = Field(5.0, gt=0, description="seconds between lease renewals (well below job_lease)")
    job_ttl: float = Field(7 * 24 * 3600.0, ge=0, description="seconds a finished job is kept (0: forever)")
    job_cleanup_interval: float = Field(600.0, gt=0, description="seconds between deletions of expired jobs")
    api_keys: str = Field("", description="comma-separated API keys; empty: no keys needed")
    cors_origins: str = Field("", description="comma-separated origins allowed by CORS ('*' for any); empty: off")
    dask_dashboard: str = Field("", description="embedded Dask dashboard: empty/off, or a port (bound to host) or "
                                "host:port")
    work_processes: int | None = Field(None, ge=0, le=256, description="worker processes for CPU-bound requests "
                                       "(default: CPU cores; 0: in the API process)")
    max_queued_requests: int = Field(64, ge=0, description="work requests waiting for a slot before 503")
    queue_timeout: float = Field(30.0, gt=0, description="seconds a work request may wait for a slot before 503")
    retry_after: int = Field(1, ge=1, description="Retry-After seconds of 503 answers")
    request_timeout: float = Field(300.0, gt=0, description="seconds a work request may run before 504 (its "
                                   "worker process is stopped)")
    body_idle_timeout: float = Field(15.0, gt=0, description="seconds without a body byte before 408")
    body_timeout: float = Field(120.0, gt=0, description="seconds to receive a whole body before 408")
    log_level: str = Field("INFO", description="level of the JSON log lines on stderr")

    def api_key_list(self) -> list[str]:
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]

    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    def work_slots(self) -> int:
        """Work requests served at once: one per worker process (CPU cores in-process)."""
        return self.worker_processes() or (os.cpu_count() or 1)

    def worker_processes(self) -> int:
        return (os.cpu_count() or 1) if self.work_processes is None else self.work_processes

    def dashboard_address(self) -> str | None:
        """The embedded Dask dashboard's bind address, or None (off)."""
        value = self.dask_dashboard.strip()
        if value.lower() in ("", "0", "off", "false", "no"):
            return None
        if value.isdigit():
            return f"{self.host}:{value}"
        return value

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / 'mapeq.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
