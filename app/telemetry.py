"""Request ids, structured logs and Prometheus metrics (no FastAPI here).

* **Request id**: every request carries one (the client's ``X-Request-ID`` when it is
  1-64 characters of ``[A-Za-z0-9._:-]``, else a new uuid4 hex). It is set in
  :data:`REQUEST_ID` for the logs, echoed in the ``X-Request-ID`` response header, put in
  every error body and stored in the job row.
* **Logs**: one JSON object per line (:class:`JsonFormatter`): time, level, logger,
  message, ``request_id`` and any ``extra`` fields.
* **Metrics** (:data:`REGISTRY`, served at ``GET /metrics``): request counts and latency
  by route template and status, engine time per link, trial durations; jobs by status
  and queue depth are read from the job store at scrape time (:class:`JobCollector`).
* **Engine figures of one request** (:func:`record_engine`): the process that runs the
  engine collects them in :data:`ENGINE`; the front process turns them into metrics.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import re
import uuid
from typing import Any, Callable

import orjson
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("mapeq_request_id", default=None)
ENGINE: contextvars.ContextVar[dict | None] = contextvars.ContextVar("mapeq_engine", default=None)
_VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def request_id_from(header: bytes | None) -> str:
    """The client's id when it is safe to echo and log, else a new one.

    >>> request_id_from(b"abc-1")
    'abc-1'
    >>> len(request_id_from(b"bad id\\n"))
    32
    """
    if header:
        text = header.decode("latin-1")
        if _VALID_ID.fullmatch(text):
            return text
    return uuid.uuid4().hex


def record_engine(seconds: float, links: int) -> None:
    """Note engine time and network size of the current request (read by the front process)."""
    figures = ENGINE.get()
    if figures is not None:
        figures["engine_seconds"] = figures.get("engine_seconds", 0.0) + float(seconds)
        figures["links"] = figures.get("links", 0) + int(links)


class JsonFormatter(logging.Formatter):
    """One JSON object per log record, with the current request id."""

    _SKIP = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "color_message"}

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or REQUEST_ID.get()
        if request_id:
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in self._SKIP and key not in entry:
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


def configure_logging(level: str = "INFO") -> None:
    """JSON lines on stderr for the service's and uvicorn's loggers."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True  # one access line per request comes from us


class Metrics:
    """The service's Prometheus metrics in their own registry (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter("mapeq_http_requests", "HTTP requests by route template, method and status",
                                ["route", "method", "status"], registry=self.registry)
        self.latency = Histogram("mapeq_http_request_duration_seconds", "HTTP request latency by route template",
                                 ["route", "method"], registry=self.registry,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300))
        self.in_progress = Gauge("mapeq_http_requests_in_progress", "requests being worked on (admitted)",
                                 registry=self.registry)
        self.waiting = Gauge("mapeq_http_requests_waiting", "requests waiting for a work slot",
                             registry=self.registry)
        self.engine_per_link = Histogram(
            "mapeq_engine_seconds_per_link", "engine time of a synchronous request divided by its links",
            registry=self.registry, buckets=(1e-8, 3e-8, 1e-7, 3e-7, 1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 1e-3, 1e-2))
        self.engine_seconds = Counter("mapeq_engine_seconds", "engine time of synchronous requests",
                                      registry=self.registry)
        self.trial_duration = Histogram("mapeq_job_trial_duration_seconds", "duration of one job trial on a worker",
                                        registry=self.registry,
                                        buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800))

    def observe_engine(self, figures: dict | None) -> None:
        if not figures or "engine_seconds" not in figures:
            return
        seconds = figures["engine_seconds"]
        self.engine_seconds.inc(seconds)
        if figures.get("links"):
            self.engine_per_link.observe(seconds / figures["links"])

    def watch_jobs(self, counts: Callable[[], dict[str, int]]) -> None:
        """Jobs by status and queue depth, read with ``counts()`` at each scrape."""
        self.registry.register(JobCollector(counts))


class JobCollector:
    """``mapeq_jobs{status}`` and ``mapeq_job_queue_depth`` from the job store at scrape time."""

    def __init__(self, counts: Callable[[], dict[str, int]]):
        self.counts = counts

    def describe(self):
        return []

    def collect(self):
        counts = self.counts()
        jobs = GaugeMetricFamily("mapeq_jobs", "jobs in the store by status", labels=["status"])
        for status in ("queued", "running", "succeeded", "failed", "cancelled"):
            jobs.add_metric([status], counts.get(status, 0))
        yield jobs
        yield GaugeMetricFamily("mapeq_job_queue_depth", "jobs waiting to run", value=counts.get("queued", 0))
