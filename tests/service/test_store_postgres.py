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
    claimed = store.claim_next()
    assert claimed.id == job.id and claimed.status == "running" and claimed.attempts == 1
    assert store.claim_next() is None
    store.progress(job.id, 2)
    assert store.get(job.id).progress_done == 2
    assert store.finish(job.id, {"codelength": 1.5})
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
    store.claim_next()
    assert store.requeue_running() == 1
    assert store.get(a.id).status == "queued"
    assert store.cancel(b.id).status == "cancelled"
    assert store.cancel(b.id).status == "cancelled"  # idempotent; finished jobs stay as they are
    jobs, total = store.list(limit=10)
    assert total == 2 and {j.id for j in jobs} == {a.id, b.id}


def test_service_runs_jobs_on_postgresql(pg_url, tmp_path):
    settings = Settings(database_url=pg_url, data_dir=tmp_path, dask_workers=1, dask_processes=False,
                        job_poll_interval=0.05)
    with TestClient(create_app(settings)) as client:
        job = client.post("/v1/jobs", json={"kind": "infomap", "edges": karate_edges(), "two_level": True,
                                            "num_trials": 3}).json()
        assert wait_for(client, job["id"])["status"] == "succeeded"
        result = client.get(f"/v1/jobs/{job['id']}/result").json()
        assert result["codelength"] == pytest.approx(4.311793, abs=1e-6)
