"""The front door (pure ASGI middleware): request id, access, admission, body, metrics.

For every HTTP request, in this order:

1. **Request id** and one JSON access-log line; metrics by route template and status.
2. **API key** (when ``MAPEQ_API_KEYS`` is set): ``X-API-Key: KEY`` or
   ``Authorization: Bearer KEY``, else 401. The probes (health, readiness, self-test),
   metrics, the page and the OpenAPI document are open. The key's fingerprint is the request's *principal* (jobs belong to it).
3. **Work requests** (every POST/PUT/PATCH, and job result downloads): refused at once with
   503 and ``Retry-After`` when every slot is busy and ``MAPEQ_MAX_QUEUED_REQUESTS`` wait
   already. Then the body is read here, before any slot is taken (a slow upload holds its
   connection, not a slot), with its limits: a malformed ``Content-Length`` is 400, a declared or
   streamed (chunked) body above ``MAPEQ_MAX_BODY_BYTES`` (``MAPEQ_MAX_JOB_BODY_BYTES`` for job
   submissions) 413, a body that stalls for
   ``MAPEQ_BODY_IDLE_TIMEOUT`` s or takes longer than ``MAPEQ_BODY_TIMEOUT`` s in all 408
   (and the connection is closed); ``Content-Encoding: gzip`` is decompressed with the same
   cap, other encodings are 415. The request then waits at most ``MAPEQ_QUEUE_TIMEOUT`` s for
   one of the ``slots`` (503 with ``Retry-After`` after that) and runs in a worker process
   (:class:`app.workpool.WorkPool`) or, with ``MAPEQ_WORK_PROCESSES=0``, in this one, with
   the deadline ``MAPEQ_REQUEST_TIMEOUT`` (504 after it).
4. Everything else (health, job status, listing, cancel, the page) runs here at once.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time

import orjson

from .errors import error_body
from .telemetry import REQUEST_ID, request_id_from
from .uploads import UploadError, gunzip
from .workpool import Answer, WorkerLost, call_app

log = logging.getLogger("mapeq.access")

#: Paths that need no API key (probes, scrapers, the page and its documentation).
OPEN_PATHS = ("/healthz", "/readyz", "/metrics", "/v1/version", "/v1/selftest", "/", "/docs", "/docs/oauth2-redirect",
              "/redoc", "/openapi.json")
OPEN_PREFIXES = ("/static/",)


def principal_of(key: str) -> str:
    """The stored owner of a key's jobs: a fingerprint, never the key itself."""
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def is_work(method: str, path: str) -> bool:
    """Requests whose handling costs CPU (parsing bodies, the engine, large results)."""
    return method in ("POST", "PUT", "PATCH") or (method == "GET" and path.startswith("/v1/jobs/")
                                                   and path.endswith("/result"))


class _Reject(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None,
                 headers: dict[str, str] | None = None, close: bool = False):
        self.status, self.code, self.message, self.field = status, code, message, field
        self.headers = dict(headers or {})
        if close:
            self.headers["Connection"] = "close"


class Gateway:
    """See the module docstring. ``app`` is the FastAPI app; ``state`` its ``app.state``
    (``pool``, ``metrics`` and ``route_of`` are set there at start)."""

    def __init__(self, app, settings, state):
        self.app = app
        self.settings = settings
        self.state = state
        self.keys = {principal_of(k): k for k in settings.api_key_list()}
        self.slots = asyncio.Semaphore(settings.work_slots())
        self.waiting = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        request_id = request_id_from(headers.get(b"x-request-id"))
        scope["mapeq.request_id"] = request_id
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = {"code": 0}

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id.encode())]}
            await send(message)

        try:
            await self._dispatch(scope, receive, send_with_id, headers)
        finally:
            elapsed = time.perf_counter() - started
            route = self.route_of(scope)
            self.state.metrics.requests.labels(route, scope["method"], str(status["code"])).inc()
            self.state.metrics.latency.labels(route, scope["method"]).observe(elapsed)
            if route not in ("/healthz", "/metrics"):
                log.info("request", extra={"method": scope["method"], "route": route, "status": status["code"],
                                           "seconds": round(elapsed, 6)})
            REQUEST_ID.reset(token)

    def route_of(self, scope) -> str:
        finder = self.state.route_of
        return finder(scope) if finder else "unmatched"

    async def _dispatch(self, scope, receive, send, headers):
        try:
            self._authorize(scope, headers)
            if not is_work(scope["method"], scope["path"]):
                return await self.app(scope, receive, send)
            await self._admit_and_run(scope, receive, send, headers)
        except _Reject as exc:
            await self._send_error(send, scope, exc)

    def _authorize(self, scope, headers) -> None:
        scope["mapeq.principal"] = None
        if not self.keys:
            return
        path = scope["path"]
        if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
            return
        key = headers.get(b"x-api-key", b"").decode("latin-1").strip()
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if not key and auth.lower().startswith("bearer "):
            key = auth[7:].strip()
        principal = principal_of(key) if key else None
        if principal is None or principal not in self.keys or not hmac.compare_digest(self.keys[principal], key):
            raise _Reject(401, "unauthorized", "missing or unknown API key (send it as X-API-Key: KEY or "
                          "Authorization: Bearer KEY)", "X-API-Key", {"WWW-Authenticate": "Bearer"})
        scope["mapeq.principal"] = principal

    async def _admit_and_run(self, scope, receive, send, headers):
        settings = self.settings
        metrics = self.state.metrics
        retry = {"Retry-After": str(settings.retry_after)}
        if self.slots.locked() and self.waiting >= settings.max_queued_requests:
            raise _Reject(503, "overloaded", f"{settings.work_slots()} requests in progress and {self.waiting} "
                          "waiting (MAPEQ_MAX_QUEUED_REQUESTS); retry later", None, retry)
        # The body is read before a work slot is taken: a slow upload holds a connection, never a slot.
        body = await self._read_body(scope, receive, headers)
        if body is None:
            return  # the client left
        self.waiting += 1
        metrics.waiting.inc()
        try:
            await asyncio.wait_for(self.slots.acquire(), settings.queue_timeout)
        except asyncio.TimeoutError:
            raise _Reject(503, "overloaded", f"no work slot free within {settings.queue_timeout:g} s "
                          "(MAPEQ_QUEUE_TIMEOUT); retry later", None, retry) from None
        finally:
            self.waiting -= 1
            metrics.waiting.dec()
        metrics.in_progress.inc()
        try:
            answer = await self._run(scope, body)
            metrics.observe_engine(answer.engine)
            await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers})
            await send({"type": "http.response.body", "body": answer.body})
        finally:
            metrics.in_progress.dec()
            self.slots.release()

    async def _run(self, scope, body: bytes) -> Answer:
        timeout = self.settings.request_timeout
        deadline = _Reject(504, "deadline_exceeded", f"the request took longer than {timeout:g} s "
                           "(MAPEQ_REQUEST_TIMEOUT); submit it to POST /v1/jobs")
        pool = self.state.pool
        try:
            if pool is not None:
                return await pool.run(scope, body, timeout)
            return await asyncio.wait_for(call_app(self.app, scope, body), timeout)
        except (asyncio.TimeoutError, TimeoutError):
            raise deadline from None
        except WorkerLost as exc:
            logging.getLogger("mapeq").error("work process lost: %s", exc)
            raise _Reject(503, "worker_lost", "the process working on the request stopped (out of memory?); "
                          "retry later or submit it to POST /v1/jobs", None,
                          {"Retry-After": str(self.settings.retry_after)}) from None

    async def _read_body(self, scope, receive, headers) -> bytes | None:
        settings = self.settings
        if scope["path"].startswith("/v1/jobs"):          # job submissions: stored, worked on by Dask
            limit, setting = settings.max_job_body_bytes, "MAPEQ_MAX_JOB_BODY_BYTES"
        else:
            limit, setting = settings.max_body_bytes, "MAPEQ_MAX_BODY_BYTES"
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise _Reject(400, "bad_request", "malformed Content-Length header (not a non-negative integer)",
                              "Content-Length", close=True)
            if int(declared) > limit:
                raise _Reject(413, "payload_too_large", f"request body of {int(declared):,} bytes exceeds "
                              f"{limit:,} bytes ({setting})", "body", close=True)
        chunks, size = [], 0
        loop = asyncio.get_running_loop()
        give_up = loop.time() + settings.body_timeout
        while True:
            wait = min(settings.body_idle_timeout, give_up - loop.time())
            try:
                message = await asyncio.wait_for(receive(), max(wait, 0.001))
            except asyncio.TimeoutError:
                raise _Reject(408, "request_timeout", "the request body did not arrive in time (no byte for "
                              f"{settings.body_idle_timeout:g} s, MAPEQ_BODY_IDLE_TIMEOUT, or not all within "
                              f"{settings.body_timeout:g} s, MAPEQ_BODY_TIMEOUT)", "body", close=True) from None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise _Reject(413, "payload_too_large", f"request body exceeds {limit:,} bytes "
                              f"({setting})", "body", close=True)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        encoding = headers.get(b"content-encoding", b"identity").decode("latin-1").strip().lower()
        if encoding == "gzip":
            try:
                body = gunzip(body, limit, "body")
            except UploadError as exc:
                raise _Reject(exc.status, exc.code, exc.message, exc.field) from None
            scope["headers"] = [(k, v) for k, v in scope["headers"]
                                if k not in (b"content-encoding", b"content-length")] + [
                (b"content-length", str(len(body)).encode())]
        elif encoding not in ("identity", ""):
            raise _Reject(415, "unsupported_media_type", f"Content-Encoding {encoding!r} is not supported "
                          "(gzip or identity)", "Content-Encoding")
        return body

    async def _send_error(self, send, scope, exc: _Reject) -> None:
        body = orjson.dumps(error_body(exc.code, exc.message, exc.field, scope.get("mapeq.request_id")))
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        headers += [(k.lower().encode(), v.encode()) for k, v in exc.headers.items()]
        await send({"type": "http.response.start", "status": exc.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
