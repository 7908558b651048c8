"""Service settings (environment variables with the ``MAPEQ_`` prefix)."""

from __future__ import annotations

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
    max_body_bytes: int = Field(64 * 1024 * 1024, ge=1024, description="larger request bodies get 413")
    max_sync_links: int = Field(2_000_000, ge=1, description="larger networks get 413 on synchronous endpoints")
    max_sync_trials: int = Field(50, ge=1)
    max_sync_vectors: int = Field(20_000, ge=2, description="more vectors get 413 on /v1/cluster/vectors")
    warmup: bool = True
    database_url: str | None = Field(None, description="SQLAlchemy URL; default: SQLite file under data_dir")
    dask_address: str | None = Field(None, description="external Dask scheduler; default: embedded LocalCluster")
    dask_workers: int | None = Field(None, ge=1, description="embedded cluster workers (default: CPU cores)")
    dask_processes: bool = Field(True, description="embedded cluster with worker processes (False: threads)")
    startup_timeout: float = Field(60.0, ge=0, description="seconds to wait for the database at start")
    job_poll_interval: float = Field(0.2, gt=0, le=60)
    max_concurrent_jobs: int = Field(2, ge=1, le=64)

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{(self.data_dir / 'mapeq.db').resolve()}"


@lru_cache
def get_settings() -> Settings:
    return Settings()
