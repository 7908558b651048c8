"""``python -m app``: serve on MAPEQ_HOST:MAPEQ_PORT (PORT also honoured, for containers)."""

from __future__ import annotations

import os

import uvicorn

from .main import create_app
from .server import JsonErrorHttpToolsProtocol
from .settings import get_settings
from .telemetry import configure_logging


def main() -> None:
    settings = get_settings()
    configure_logging(settings.log_level)
    port = int(os.environ.get("MAPEQ_PORT") or os.environ.get("PORT") or settings.port)
    uvicorn.run(create_app(settings), host=settings.host, port=port, http=JsonErrorHttpToolsProtocol,
                timeout_keep_alive=5, log_config=None, access_log=False)


if __name__ == "__main__":
    main()
