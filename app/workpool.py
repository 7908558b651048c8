"""Worker processes that run the CPU-bound requests, so the API's event loop never does.

Parsing a large JSON body, validating it, building the network and running the engine
hold the GIL for seconds; done in the API process they stall every other request
(``/healthz`` included) however many threads there are. The front process therefore
only admits requests, reads their bodies and hands each to one of ``MAPEQ_WORK_PROCESSES``
worker processes (:class:`WorkPool`). Each worker holds the same FastAPI app
(``create_app(settings, role="worker")``) and runs the request through it with a
private event loop (:func:`_handle`), so routing, validation, error bodies and OpenAPI
stay exactly those of the app. A request still running at its deadline
(``MAPEQ_REQUEST_TIMEOUT``) has its worker killed and replaced: the work stops.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from dataclasses import dataclass, field
from typing import Any

import pebble

from .telemetry import ENGINE, REQUEST_ID

#: ASGI scope keys that travel to the worker (the rest is rebuilt there).
_SCOPE_KEYS = ("type", "asgi", "http_version", "method", "scheme", "path", "raw_path", "root_path", "query_string",
               "headers", "client", "server", "mapeq.request_id", "mapeq.principal")


@dataclass
class Answer:
    """A finished response as bytes, and the engine figures of the request."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    engine: dict = field(default_factory=dict)


def portable_scope(scope: dict) -> dict:
    return {k: scope[k] for k in _SCOPE_KEYS if k in scope}


class WorkPool:
    """``size`` spawned worker processes, each with the app; one request per worker at a time."""

    def __init__(self, settings, size: int):
        self.size = size
        self._pool = pebble.ProcessPool(max_workers=size, initializer=_init, initargs=(settings,),
                                        context=multiprocessing.get_context("spawn"))

    async def run(self, scope: dict, body: bytes, timeout: float) -> Answer:
        """The app's answer to the request; ``TimeoutError`` after ``timeout`` s (the worker is killed)."""
        future = self._pool.schedule(_handle, args=(portable_scope(scope), body), timeout=timeout)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()  # the client left: pebble stops the worker running it
            raise
        except pebble.ProcessExpired as exc:
            raise WorkerLost(str(exc)) from None

    def close(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=10)


class WorkerLost(RuntimeError):
    """The worker process running a request died (killed by the OS, crashed)."""


# ------------------------------------------------------------------ worker process side
_WORKER: dict[str, Any] = {}


def _init(settings) -> None:
    from .telemetry import configure_logging

    configure_logging(settings.log_level)
    from .main import create_app

    if settings.warmup:
        from infomap_core import warmup

        warmup()
    from .jobs.store import JobStore

    app = create_app(settings, role="worker")
    app.state.jobs = JobStore(settings.resolved_database_url(), migrate_schema=False)  # the front migrated it
    _WORKER["app"] = app
    _WORKER["loop"] = asyncio.new_event_loop()


def _handle(scope: dict, body: bytes) -> Answer:
    return _WORKER["loop"].run_until_complete(call_app(_WORKER["app"], scope, body))


async def call_app(app, scope: dict, body: bytes) -> Answer:
    """Run one buffered request through an ASGI app and collect its response."""
    scope = {**scope, "state": {}}
    answer = Answer(500, [], b"")
    chunks: list[bytes] = []
    delivered = False
    never = asyncio.Event()

    async def receive() -> dict:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        await never.wait()  # the body is complete; the client is still there
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            answer.status = message["status"]
            answer.headers = list(message.get("headers", []))
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    engine: dict = {}
    REQUEST_ID.set(scope.get("mapeq.request_id"))
    ENGINE.set(engine)
    started = False

    async def send_once(message: dict) -> None:
        nonlocal started
        started = started or message["type"] == "http.response.start"
        await send(message)

    try:
        await app(scope, receive, send_once)
    except Exception:  # noqa: BLE001 - the app's error handler answered 500 and re-raised it
        if not started:
            raise
    answer.body = b"".join(chunks)
    answer.engine = engine
    return answer
