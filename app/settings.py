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
    warmup: bool = True


@lru_cache
def get_settings() -> Settings:
    return Settings()
