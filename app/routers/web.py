"""GET / and GET /static/{path}: the web page (built from web/ with npm; see docs/web.md).

The page talks only to this API (same origin): no CDN, no external request at run time.
Static files are served by a plain route rather than a mount, so that ``include_router``
carries them on every supported FastAPI version.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse

from ..errors import ApiError, echo

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".map": "application/json"}

router = APIRouter(tags=["web"])


@router.get("/", include_in_schema=False)
async def index():
    page = STATIC_DIR / "index.html"
    if not page.is_file():  # a checkout whose page was never built
        return PlainTextResponse("the web page is not built: cd web && npm ci && npm run build", status_code=503)
    return FileResponse(page, media_type="text/html", headers={"Cache-Control": "no-cache"})


@router.get("/static/{path:path}", include_in_schema=False)
async def static(path: str):
    root = STATIC_DIR.resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        raise ApiError(404, "not_found", f"no static file {echo(path)}", field="path")
    media = MEDIA_TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    return FileResponse(target, media_type=media, headers={"Cache-Control": "no-cache"})
