"""The job store (SQLAlchemy 2.0): SQLite by default, any SQLAlchemy URL otherwise.

A job row keeps its kind, request body, status, progress, timestamps, result and
error, so that nothing is lost when the API process stops: queued jobs stay queued
and jobs left ``running`` by a dead process are queued again at the next start.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import DateTime, Integer, LargeBinary, String, Text, create_engine, func, select, update
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
FINISHED = ("succeeded", "failed", "cancelled")


class Base(DeclarativeBase):
    pass


class JobRow(Base):
    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    request: Mapped[bytes] = mapped_column(LargeBinary)
    result: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


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

    def to_dict(self) -> dict[str, Any]:
        def iso(t):
            return t.isoformat() if t is not None else None

        return {
            "id": self.id, "kind": self.kind, "status": self.status,
            "progress": {"done": self.progress_done, "total": self.progress_total},
            "created_at": iso(self.created_at), "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at), "error": self.error,
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
               _utc(row.started_at), _utc(row.finished_at), row.error, row.attempts)


class JobStore:
    """All job-table operations; every method opens its own short transaction."""

    def __init__(self, url: str):
        kwargs: dict[str, Any] = {"pool_pre_ping": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine = create_engine(url, **kwargs)
        migrate(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> bool:
        with self._session() as s:
            s.execute(select(1))
        return True

    def submit(self, kind: str, request: dict, total: int) -> Job:
        row = JobRow(id=str(uuid.uuid4()), kind=kind, status="queued", progress_done=0, progress_total=total,
                     created_at=_now(), request=orjson.dumps(request), attempts=0)
        with self._session.begin() as s:
            s.add(row)
        return _job(row)

    def get(self, job_id: str) -> Job | None:
        with self._session() as s:
            row = s.get(JobRow, job_id)
            return _job(row) if row else None

    def request(self, job_id: str) -> dict:
        return orjson.loads(self.request_bytes(job_id))

    def request_bytes(self, job_id: str) -> bytes:
        """The stored request body (JSON)."""
        with self._session() as s:
            return bytes(s.get(JobRow, job_id).request)

    def result(self, job_id: str) -> dict | None:
        with self._session() as s:
            row = s.get(JobRow, job_id)
            return orjson.loads(row.result) if row and row.result is not None else None

    def list(self, offset: int = 0, limit: int = 50, status: str | None = None) -> tuple[list[Job], int]:
        with self._session() as s:
            query = select(JobRow)
            count = select(func.count()).select_from(JobRow)
            if status:
                query = query.where(JobRow.status == status)
                count = count.where(JobRow.status == status)
            rows = s.scalars(query.order_by(JobRow.created_at.desc(), JobRow.id).offset(offset).limit(limit)).all()
            return [_job(r) for r in rows], int(s.scalar(count))

    def claim_next(self) -> Job | None:
        """Atomically move the oldest queued job to running (compare-and-set on status)."""
        with self._session.begin() as s:
            candidates = s.scalars(select(JobRow.id).where(JobRow.status == "queued")
                                   .order_by(JobRow.created_at, JobRow.id).limit(5)).all()
            for job_id in candidates:
                claimed = s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "queued")
                                    .values(status="running", started_at=_now(), attempts=JobRow.attempts + 1))
                if claimed.rowcount == 1:
                    return _job(s.get(JobRow, job_id))
        return None

    def progress(self, job_id: str, done: int) -> None:
        with self._session.begin() as s:
            s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "running")
                      .values(progress_done=done))

    def finish(self, job_id: str, result: dict) -> bool:
        with self._session.begin() as s:
            done = s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "running").values(
                status="succeeded", result=orjson.dumps(result, option=orjson.OPT_SERIALIZE_NUMPY),
                finished_at=_now(), progress_done=JobRow.progress_total))
            return done.rowcount == 1

    def fail(self, job_id: str, error: str) -> None:
        with self._session.begin() as s:
            s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "running")
                      .values(status="failed", error=error, finished_at=_now()))

    def cancel(self, job_id: str) -> Job | None:
        with self._session.begin() as s:
            s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status.in_(("queued", "running")))
                      .values(status="cancelled", finished_at=_now()))
        return self.get(job_id)

    def requeue(self, job_id: str) -> None:
        """Put a running job back in the queue (its process is stopping)."""
        with self._session.begin() as s:
            s.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status == "running")
                      .values(status="queued", progress_done=0, started_at=None))

    def requeue_running(self) -> int:
        """Jobs left running by a process that stopped go back to the queue."""
        with self._session.begin() as s:
            res = s.execute(update(JobRow).where(JobRow.status == "running")
                            .values(status="queued", progress_done=0, started_at=None))
            return int(res.rowcount or 0)
