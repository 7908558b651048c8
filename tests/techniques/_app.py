"""An app holding only the technique routers (what create_app() adds to the service)."""

from fastapi import FastAPI

from app.errors import install_error_handlers
from app.responses import OrjsonResponse
from app.routers.techniques import ROUTERS


def build_app() -> FastAPI:
    app = FastAPI(title="mapeq techniques", default_response_class=OrjsonResponse)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
