"""The job store on a real PostgreSQL server (127.0.0.1:5432) and on SQLite, via Alembic."""

import threading

import psycopg2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import inspect

from app.jobs.store import JobStore
from app.main import create_app
from app.settings import Settings

from .test_jobs import karate_edges, wait_for

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def fresh_database(name: str) -> str:
    """Drop and create database ``name``; an unreachable server fails the tests (never skips)."""
    conn = psycopg2.connect(PG_ADMIN, connect_timeout=5)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"


@pytest.fixture(scope="module")
def pg_url():
    return fresh_database("mapeq_test")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path, pg_url):
    url = f"sqlite:///{tmp_path / 'jobs.db'}" if request.param == "sqlite" else pg_url
    s = JobStore(url)
    yield s
    if request.param == "postgresql":
        with s.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM jobs")
            conn.exec_driver_sql("DELETE FROM job_requests")
    s.close()


def test_migrations_create_the_table_and_are_idempotent(store):
    names = inspect(store.engine).get_table_names()
    assert "jobs" in names and "alembic_version" in names
    JobStore(store.engine.url.render_as_string(hide_password=False)).close()  # second start: no-op
    indexes = {ix["name"] for ix in inspect(store.engine).get_indexes("jobs")}
    assert {"ix_jobs_status", "ix_jobs_created_at"} <= indexes


def test_store_lifecycle(store):
    job = store.submit("infomap", {"edges": [[1, 2]]}, total=3)
    assert store.get(job.id).status == "queued"
    claimed = store.claim_next("me", 30)
    assert claimed.id == job.id and claimed.status == "running" and claimed.attempts == 1
    assert claimed.lease_owner == "me" and claimed.lease_expires_at > claimed.started_at
    assert store.claim_next("me", 30) is None
    assert store.progress(job.id, 2, attempt=1)
    assert store.get(job.id).progress_done == 2
    assert store.finish(job.id, {"codelength": 1.5}, attempt=1)
    assert store.result(job.id) == {"codelength": 1.5}
    assert store.get(job.id).status == "succeeded" and store.get(job.id).progress_done == 3
    assert store.request(job.id) == {"edges": [[1, 2]]}


def test_concurrent_claims_never_share_a_job(store):
    ids = {store.submit("codelength", {"n": i}, total=1).id for i in range(40)}
    claimed, lock = [], threading.Lock()

    def worker():
        while (job := store.claim_next()) is not None:
            with lock:
                claimed.append(job.id)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(claimed) == sorted(ids)


def test_requeue_and_cancel(store):
    a = store.submit("infomap", {}, total=1)
    b = store.submit("infomap", {}, total=1)
    store.claim_next("me", 30)
    assert store.requeue(a.id, attempt=1)
    assert store.get(a.id).status == "queued"
    assert store.cancel(b.id).status == "cancelled"
    assert store.cancel(b.id).status == "cancelled"  # idempotent; finished jobs stay as they are
    jobs, total = store.list(limit=10)
    assert total == 2 and {j.id for j in jobs} == {a.id, b.id}


def _expire(store, job_id):
    """Make a job's lease run out now (as if its process had stopped renewing it)."""
    import datetime as dt

    from sqlalchemy import update

    from app.jobs.store import JobRow

    with store.engine.begin() as conn:
        conn.execute(update(JobRow).where(JobRow.id == job_id)
                     .values(lease_expires_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)))


def test_only_expired_leases_are_requeued(store):
    live = store.submit("infomap", {}, total=1)
    dead = store.submit("infomap", {}, total=1)
    assert store.claim_next("live-process", 30).id == live.id
    assert store.claim_next("dead-process", 30).id == dead.id
    assert store.requeue_expired() == 0  # both leases hold: nothing is taken from anyone
    _expire(store, dead.id)
    assert store.renew("live-process", 30) == 1
    assert store.requeue_expired() == 1
    assert store.get(dead.id).status == "queued" and store.get(live.id).status == "running"
    assert store.get(live.id).lease_owner == "live-process"


def test_a_late_finisher_cannot_overwrite_a_newer_attempt(store):
    job = store.submit("infomap", {}, total=3)
    first = store.claim_next("slow", 30)
    _expire(store, job.id)
    assert store.requeue_expired() == 1
    second = store.claim_next("fast", 30)
    assert (first.attempts, second.attempts) == (1, 2)
    # the first attempt wakes up: every write it tries is fenced off
    assert not store.holds(job.id, first.attempts) and store.holds(job.id, second.attempts)
    assert not store.progress(job.id, 3, first.attempts)
    assert not store.finish(job.id, {"codelength": 9.9}, first.attempts)
    assert not store.fail(job.id, "late", first.attempts)
    assert not store.requeue(job.id, first.attempts)
    assert store.finish(job.id, {"codelength": 1.5}, second.attempts)
    assert not store.finish(job.id, {"codelength": 2.5}, second.attempts)  # completion is idempotent: once
    assert store.result(job.id) == {"codelength": 1.5} and store.get(job.id).status == "succeeded"


def test_jobs_belong_to_their_owner(store):
    mine = store.submit("infomap", {}, total=1, owner="key-a", request_id="req-1")
    theirs = store.submit("infomap", {}, total=1, owner="key-b")
    assert store.get(mine.id, owner="key-a").request_id == "req-1"
    assert store.get(mine.id, owner="key-b") is None and store.get(theirs.id, owner="key-b") is not None
    jobs, total = store.list(owner="key-a")
    assert total == 1 and [j.id for j in jobs] == [mine.id]
    assert store.list()[1] == 2  # keys off: every job


def test_expired_finished_jobs_are_deleted(store):
    import datetime as dt

    from sqlalchemy import update

    from app.jobs.store import JobRow

    old = store.submit("infomap", {}, total=1)
    recent = store.submit("infomap", {}, total=1)
    queued = store.submit("infomap", {}, total=1)
    for job in (old, recent):
        store.cancel(job.id)
    with store.engine.begin() as conn:
        conn.execute(update(JobRow).where(JobRow.id == old.id).values(
            finished_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=2)))
    assert store.delete_expired(3600) == 1
    assert store.get(old.id) is None and store.get(recent.id) is not None and store.get(queued.id) is not None


def test_migration_adds_the_lease_columns_to_a_0001_database(tmp_path):
    """A job store created by revision 0001 (before leases) is upgraded in place, its jobs kept."""
    from alembic import command
    from alembic.config import Config
    from pathlib import Path

    from sqlalchemy import create_engine

    import app.jobs.store as store_module

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(Path(store_module.__file__).resolve().parents[1] / "migrations"))
    config.set_main_option("sqlalchemy.url", url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO jobs (id, kind, status, progress_done, progress_total, created_at, request, attempts) "
            "VALUES ('old-job', 'infomap', 'queued', 0, 1, '2026-01-01 00:00:00', x'7b7d', 0)")
    engine.dispose()
    store = JobStore(url)
    columns = {c["name"] for c in inspect(store.engine).get_columns("jobs")}
    assert {"owner", "request_id", "lease_owner", "lease_expires_at"} <= columns
    assert store.get("old-job").status == "queued" and store.claim_next("me", 30).id == "old-job"
    store.close()


def test_migration_moves_the_requests_out_of_the_jobs_rows(tmp_path):
    """A job store of revision 0003 (requests in the jobs rows) is upgraded in place: each request moves to
    job_requests, byte for byte, and the jobs table loses the column."""
    from alembic import command
    from alembic.config import Config
    from pathlib import Path

    from sqlalchemy import create_engine

    import app.jobs.store as store_module

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(Path(store_module.__file__).resolve().parents[1] / "migrations"))
    config.set_main_option("sqlalchemy.url", url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.exec_driver_sql(
            "INSERT INTO jobs (id, kind, status, progress_done, progress_total, created_at, request, attempts) "
            "VALUES ('old-job', 'infomap', 'queued', 0, 1, '2026-01-01 00:00:00', "
            "x'7b226564676573223a205b5b312c20325d5d7d', 0)")
    engine.dispose()
    store = JobStore(url)
    assert "request" not in {c["name"] for c in inspect(store.engine).get_columns("jobs")}
    assert store.request_bytes("old-job") == b'{"edges": [[1, 2]]}'
    assert store.claim_next("me", 30).id == "old-job"
    store.close()


def test_a_request_outlives_the_row_updates_and_goes_with_its_job(store):
    job = store.submit("infomap", b"\x93NUMPY" + bytes(range(256)) * 64, total=4)
    claimed = store.claim_next("me", 30)
    assert store.renew("me", 30) == 1 and store.progress(job.id, 2, claimed.attempts)
    assert store.request_bytes(job.id) == b"\x93NUMPY" + bytes(range(256)) * 64
    store.cancel(job.id)
    assert store.delete_expired(0) == 1 and store.get(job.id) is None
    with store.engine.begin() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM job_requests").scalar() == 0


def test_service_runs_jobs_on_postgresql(pg_url, tmp_path):
    settings = Settings(database_url=pg_url, data_dir=tmp_path, dask_workers=1, dask_processes=False,
                        job_poll_interval=0.05)
    with TestClient(create_app(settings)) as client:
        job = client.post("/v1/jobs", json={"kind": "infomap", "edges": karate_edges(), "two_level": True,
                                            "num_trials": 3}).json()
        assert wait_for(client, job["id"])["status"] == "succeeded"
        result = client.get(f"/v1/jobs/{job['id']}/result").json()
        assert result["codelength"] == pytest.approx(4.311793, abs=1e-6)


def test_progress_with_a_growing_total_and_a_phase(store):
    """A job whose steps are not known ahead (a distributed search) writes its total and phase with its
    progress; the phase is in the status, cleared when the job succeeds or goes back to the queue, and
    nothing is written once the attempt is cancelled."""
    job = store.submit("infomap", b"{}", total=1)
    claimed = store.claim_next("me", 30)
    assert store.progress(job.id, 3, claimed.attempts, total=4, phase="level 0: round 1")
    status = store.get(job.id).to_dict()["progress"]
    assert status == {"done": 3, "total": 4, "phase": "level 0: round 1"}
    assert store.progress(job.id, 4, claimed.attempts, total=5, phase="x" * 100)  # cut to the column
    assert store.get(job.id).progress_phase == "x" * 64
    assert store.requeue(job.id, claimed.attempts) and "phase" not in store.get(job.id).to_dict()["progress"]
    again = store.claim_next("me", 30)
    assert store.progress(job.id, 5, again.attempts, total=6, phase="finish")
    assert store.finish(job.id, {"codelength": 1.0}, again.attempts)
    assert store.get(job.id).to_dict()["progress"] == {"done": 6, "total": 6}
    other = store.submit("infomap", b"{}", total=1)
    attempt = store.claim_next("me", 30).attempts
    store.cancel(other.id)
    assert not store.progress(other.id, 2, attempt, total=3, phase="flow")
    assert store.get(other.id).progress_phase is None
