"""``python -m app``: serve on MAPEQ_HOST:MAPEQ_PORT (PORT also honoured, for containers)."""

from __future__ import annotations

import os

import uvicorn

from .main import create_app
from .settings import get_settings


def main() -> None:
    settings = get_settings()
    port = int(os.environ.get("MAPEQ_PORT") or os.environ.get("PORT") or settings.port)
    uvicorn.run(create_app(settings), host=settings.host, port=port)


if __name__ == "__main__":
    main()
