"""The job store (SQLAlchemy 2.0): SQLite by default, any SQLAlchemy URL otherwise.

A job row keeps its kind, status, progress, timestamps, result and error, and its request body
(the bytes the client sent) is kept in ``job_requests`` beside it, so that nothing is lost when an
API process stops (apart: SQLite rewrites a whole row at every update, and a request may be 512 MB). An infomap
job's row also keeps the engine result its output formats are rendered from on demand
(``engine_result``, :mod:`app.service.results`); each format, once rendered, is kept in the
``job_outputs`` table and deleted with its job. Several API processes may
share one store (PostgreSQL):

* **Claim and lease.** A process claims a queued job with a compare-and-set that sets
  ``lease_owner`` (the process's id), ``lease_expires_at`` and ``attempts + 1``; the
  claim holds while the owner renews the lease (:meth:`JobStore.renew`, a heartbeat).
* **Re-queue only expired leases** (:meth:`JobStore.requeue_expired`): a job whose owner
  stopped renewing (killed, hung, cut off) goes back to the queue; a live owner's job
  is never taken from it.
* **Fencing.** ``attempts`` is the fencing token: every write of a running job (progress,
  finish, fail, requeue) names the attempt it belongs to and changes nothing when the
  row has moved on, so a late finisher cannot overwrite a newer attempt.

Clocks: leases are stamped with the API processes' own UTC clocks, which must agree to
well within ``MAPEQ_JOB_LEASE`` (NTP).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import DateTime, Integer, LargeBinary, String, Text, create_engine, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
FINISHED = ("succeeded", "failed", "cancelled")


class Base(DeclarativeBase):
    pass


class JobRow(Base):
    """A job; its large columns (result, engine result) are loaded only when read; its request is a
    :class:`JobRequestRow` (written once, read once: never copied by the row's updates)."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=1)
    progress_phase: Mapped[str | None] = mapped_column(String(64), nullable=True)  # migration 0005
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    result: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str | None] = mapped_column(String(64), nullable=True)
    request_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    lease_owner: Mapped[str | None] = mapped_column(String(128), nullable=True)
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    engine_result: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)


class JobRequestRow(Base):
    """The request of a job: the bytes the client sent (migration 0004: apart from the jobs row, which
    SQLite rewrites whole at every lease renewal and progress write)."""

    __tablename__ = "job_requests"

    job_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)


class JobOutputRow(Base):
    """A job's output format, rendered once on demand."""

    __tablename__ = "job_outputs"

    job_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    format: Mapped[str] = mapped_column(String(16), primary_key=True)
    body: Mapped[bytes] = mapped_column(LargeBinary)


@dataclass(frozen=True)
class Job:
    id: str
    kind: str
    status: str
    progress_done: int
    progress_total: int
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    error: str | None
    attempts: int
    owner: str | None = None
    request_id: str | None = None
    lease_owner: str | None = None
    lease_expires_at: dt.datetime | None = None
    progress_phase: str | None = None

    def to_dict(self) -> dict[str, Any]:
        def iso(t):
            return t.isoformat() if t is not None else None

        return {
            "id": self.id, "kind": self.kind, "status": self.status,
            "progress": {"done": self.progress_done, "total": self.progress_total,
                         **({"phase": self.progress_phase} if self.progress_phase else {})},
            "created_at": iso(self.created_at), "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at), "error": self.error, "attempts": self.attempts,
            "request_id": self.request_id,
        }


def migrate(engine) -> None:
    """Bring the schema to the latest Alembic revision (idempotent, safe for concurrent starts
    on PostgreSQL thanks to its transactional DDL)."""
    from pathlib import Path

    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).resolve().parents[1] / "migrations"))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _utc(t: dt.datetime | None) -> dt.datetime | None:
    """Times are stored in UTC; SQLite hands them back without their zone."""
    if t is not None and t.tzinfo is None:
        return t.replace(tzinfo=dt.timezone.utc)
    return t


def _job(row: JobRow) -> Job:
    return Job(row.id, row.kind, row.status, row.progress_done, row.progress_total, _utc(row.created_at),
               _utc(row.started_at), _utc(row.finished_at), row.error, row.attempts, row.owner, row.request_id,
               row.lease_owner, _utc(row.lease_expires_at), row.progress_phase)


def _owned(query, owner: str | None):
    """Only the jobs of ``owner`` (an API key's fingerprint); every job when keys are off (None)."""
    return query.where(JobRow.owner == owner) if owner is not None else query


def _attempt(job_id: str, attempt: int):
    """The row of one attempt of a running job (the fencing condition)."""
    return (JobRow.id == job_id, JobRow.status == "running", JobRow.attempts == attempt)


class JobStore:
    """All job-table operations; every method opens its own short transaction."""

    def __init__(self, url: str, migrate_schema: bool = True):
        kwargs: dict[str, Any] = {"pool_pre_ping": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine = create_engine(url, **kwargs)
        if migrate_schema:
            migrate(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> bool:
        with self._session() as s:
            s.execute(select(1))
        return True

    def submit(self, kind: str, request: bytes | dict, total: int, owner: str | None = None,
               request_id: str | None = None) -> Job:
        """Queue a job; ``request`` is the body as sent (bytes), or a dict stored as JSON."""
        raw = request if isinstance(request, bytes) else orjson.dumps(request)
        row = JobRow(id=str(uuid.uuid4()), kind=kind, status="queued", progress_done=0, progress_total=total,
                     created_at=_now(), attempts=0, owner=owner, request_id=request_id)
        with self._session.begin() as s:
            s.add(row)
            s.add(JobRequestRow(job_id=row.id, body=raw))
        return _job(row)

    def get(self, job_id: str, owner: str | None = None) -> Job | None:
        """The job, or None when it does not exist or belongs to another owner (``owner`` given)."""
        with self._session() as s:
            row = s.get(JobRow, job_id)
            if row is None or (owner is not None and row.owner != owner):
                return None
            return _job(row)

    def request(self, job_id: str) -> dict:
        return orjson.loads(self.request_bytes(job_id))

    def request_bytes(self, job_id: str) -> bytes:
        """The stored request body (JSON)."""
        with self._session() as s:
            return bytes(s.get(JobRequestRow, job_id).body)

    def result(self, job_id: str) -> dict | None:
        with self._session() as s:
            row = s.get(JobRow, job_id)
            return orjson.loads(row.result) if row and row.result is not None else None

    def engine_result(self, job_id: str) -> bytes | None:
        """The stored engine result of a succeeded infomap job (its formats are rendered from it)."""
        with self._session() as s:
            value = s.scalar(select(JobRow.engine_result).where(JobRow.id == job_id))
            return bytes(value) if value is not None else None

    def output(self, job_id: str, name: str) -> bytes | None:
        """Format ``name`` of the job, when it was rendered before."""
        with self._session() as s:
            row = s.get(JobOutputRow, (job_id, name))
            return bytes(row.body) if row is not None else None

    def keep_output(self, job_id: str, name: str, body: bytes) -> None:
        """Keep a rendered format (another process may have kept the same bytes first)."""
        try:
            with self._session.begin() as s:
                s.add(JobOutputRow(job_id=job_id, format=name, body=body))
        except IntegrityError:
            pass

    def list(self, offset: int = 0, limit: int = 50, status: str | None = None,
             owner: str | None = None) -> tuple[list[Job], int]:
        with self._session() as s:
            query = _owned(select(JobRow), owner)
            count = _owned(select(func.count()).select_from(JobRow), owner)
            if status:
                query = query.where(JobRow.status == status)
                count = count.where(JobRow.status == status)
            rows = s.scalars(query.order_by(JobRow.created_at.desc(), JobRow.id).offset(offset).limit(limit)).all()
            return [_job(r) for r in rows], int(s.scalar(count))

    def count_by_status(self) -> dict[str, int]:
        with self._session() as s:
            return {status: int(n) for status, n in s.execute(select(JobRow.status, func.count())
                                                              .group_by(JobRow.status))}

    def claim_next(self, lease_owner: str = "local", lease: float = 30.0) -> Job | None:
        """Atomically move the oldest queued job to running under a lease (compare-and-set on status)."""
        with self._session.begin() as s:
            candidates = s.scalars(select(JobRow.id).where(JobRow.status == "queued")
                                   .order_by(JobRow.created_at, JobRow.id).limit(5)).all()
            for job_id in candidates:
                now = _now()
                claimed = s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "queued")
                                    .values(status="running", started_at=now, attempts=JobRow.attempts + 1,
                                            lease_owner=lease_owner,
                                            lease_expires_at=now + dt.timedelta(seconds=lease)))
                if claimed.rowcount == 1:
                    return _job(s.get(JobRow, job_id))
        return None

    def renew(self, lease_owner: str, lease: float) -> int:
        """Heartbeat: extend the lease of every running job of ``lease_owner``; how many it holds."""
        with self._session.begin() as s:
            res = s.execute(update(JobRow).where(JobRow.status == "running", JobRow.lease_owner == lease_owner)
                            .values(lease_expires_at=_now() + dt.timedelta(seconds=lease)))
            return int(res.rowcount or 0)

    def holds(self, job_id: str, attempt: int) -> bool:
        """Is ``attempt`` still the running attempt of the job (not cancelled, not re-queued)?"""
        with self._session() as s:
            return s.scalar(select(func.count()).select_from(JobRow).where(*_attempt(job_id, attempt))) == 1

    def progress(self, job_id: str, done: int, attempt: int, *, total: int | None = None,
                 phase: str | None = None) -> bool:
        """Write a running attempt's progress (``total`` and ``phase`` too when given: a job whose
        steps are not known ahead raises its total as it goes); False when the attempt is no
        longer the running one (cancelled or re-queued): the caller stops."""
        values: dict[str, Any] = {"progress_done": done}
        if total is not None:
            values["progress_total"] = total
        if phase is not None:
            values["progress_phase"] = phase[:64]
        with self._session.begin() as s:
            where = _attempt(job_id, attempt)
            return s.execute(update(JobRow).where(*where).values(**values)).rowcount == 1

    def finish(self, job_id: str, result: dict, attempt: int, engine_result: bytes | None = None) -> bool:
        """Store the result (and the engine result its formats are rendered from); False (nothing
        written) when the attempt is no longer the running one."""
        with self._session.begin() as s:
            where = _attempt(job_id, attempt)
            done = s.execute(update(JobRow).where(*where).values(
                status="succeeded", result=orjson.dumps(result, option=orjson.OPT_SERIALIZE_NUMPY),
                engine_result=engine_result,
                finished_at=_now(), progress_done=JobRow.progress_total, progress_phase=None, lease_owner=None,
                lease_expires_at=None))
            return done.rowcount == 1

    def fail(self, job_id: str, error: str, attempt: int) -> bool:
        with self._session.begin() as s:
            where = _attempt(job_id, attempt)
            return s.execute(update(JobRow).where(*where).values(
                status="failed", error=error, finished_at=_now(), lease_owner=None,
                lease_expires_at=None)).rowcount == 1

    def cancel(self, job_id: str) -> Job | None:
        with self._session.begin() as s:
            s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status.in_(("queued", "running")))
                      .values(status="cancelled", finished_at=_now(), lease_owner=None, lease_expires_at=None))
        return self.get(job_id)

    def requeue(self, job_id: str, attempt: int) -> bool:
        """Put a running job back in the queue (its process is stopping)."""
        with self._session.begin() as s:
            where = _attempt(job_id, attempt)
            return s.execute(update(JobRow).where(*where).values(
                status="queued", progress_done=0, progress_phase=None, started_at=None, lease_owner=None,
                lease_expires_at=None)).rowcount == 1

    def requeue_expired(self) -> int:
        """Jobs whose lease expired (their process stopped renewing it) go back to the queue."""
        with self._session.begin() as s:
            res = s.execute(update(JobRow).where(JobRow.status == "running", JobRow.lease_expires_at < _now())
                            .values(status="queued", progress_done=0, progress_phase=None, started_at=None,
                                    lease_owner=None, lease_expires_at=None))
            return int(res.rowcount or 0)

    def requeue_running(self) -> int:
        """Every running job back to the queue, leases or not (tests and single-process tools only)."""
        with self._session.begin() as s:
            res = s.execute(update(JobRow).where(JobRow.status == "running")
                            .values(status="queued", progress_done=0, progress_phase=None, started_at=None,
                                    lease_owner=None, lease_expires_at=None))
            return int(res.rowcount or 0)

    def delete_expired(self, ttl: float) -> int:
        """Delete finished jobs (succeeded, failed, cancelled) that finished more than ``ttl`` s ago."""
        cutoff = _now() - dt.timedelta(seconds=ttl)
        expired = select(JobRow.id).where(JobRow.status.in_(FINISHED), JobRow.finished_at < cutoff)
        with self._session.begin() as s:
            s.execute(delete(JobOutputRow).where(JobOutputRow.job_id.in_(expired)))
            s.execute(delete(JobRequestRow).where(JobRequestRow.job_id.in_(expired)))
            res = s.execute(delete(JobRow).where(JobRow.status.in_(FINISHED), JobRow.finished_at < cutoff))
            return int(res.rowcount or 0)
