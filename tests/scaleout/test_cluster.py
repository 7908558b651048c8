"""The service on an external multi-process Dask cluster: a scheduler and two workers as
separate processes, jobs spread over them, and worker deaths (kill -9) survived."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from infomap_core import warmup
from app.settings import Settings
from tests.engine.networks import lfr
from tests.service.test_jobs import karate_edges, wait_for

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


class Cluster:
    """`python -m dask scheduler` plus two `python -m dask worker` processes (with nannies)."""

    def __init__(self):
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        common = dict(cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.scheduler = subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1",
                                           "--port", str(self.port), "--no-dashboard"], **common)
        wait_port(self.port)
        self.workers = [subprocess.Popen([sys.executable, "-m", "dask", "worker", self.address, "--nworkers", "1",
                                          "--nthreads", "1", "--no-dashboard", "--name", f"w{i}"], **common)
                        for i in range(2)]

    def worker_processes(self) -> list[psutil.Process]:
        """The worker processes themselves: the nannies' spawned children (not their resource trackers)."""
        procs = []
        for nanny in self.workers:
            for child in psutil.Process(nanny.pid).children(recursive=True):
                try:
                    if child.status() != psutil.STATUS_ZOMBIE and "spawn_main" in " ".join(child.cmdline()):
                        procs.append(child)
                except psutil.Error:
                    continue
        return procs

    def close(self) -> None:
        for p in self.workers + [self.scheduler]:
            p.send_signal(signal.SIGTERM)
        for p in self.workers + [self.scheduler]:
            try:
                p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                p.kill()


@pytest.fixture(scope="module")
def cluster():
    c = Cluster()
    yield c
    c.close()


@pytest.fixture(scope="module")
def client(cluster, tmp_path_factory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("cluster"), dask_address=cluster.address,
                        job_poll_interval=0.05, max_concurrent_jobs=4)
    with TestClient(create_app(settings)) as c:
        deadline = time.monotonic() + 60
        runner = c.app.state.runner
        while len(runner.client.scheduler_info()["workers"]) < 2:
            assert time.monotonic() < deadline, "the two workers did not join"
            time.sleep(0.2)
        # Both workers warm (kernels loaded) before the first job: a worker still compiling
        # would rightly get no trials, and the spread test would measure start-up instead.
        runner.client.run(warmup)
        yield c


def lfr_edges(n=10000):
    net, _ = lfr(n, 0.3)
    src, tgt, _ = net.to_coo()
    return [[int(a), int(b)] for a, b in zip(net.node_ids[src], net.node_ids[tgt])]


def test_trials_of_one_job_run_on_both_workers(client):
    dask_client = client.app.state.runner.client
    start = time.time()
    dask_client.get_task_stream(start=start)  # turns the scheduler's task-stream plugin on
    job = client.post("/v1/jobs", json={"kind": "infomap", "edges": lfr_edges(1000), "num_trials": 12,
                                        "two_level": True}).json()
    assert wait_for(client, job["id"])["status"] == "succeeded"
    stream = dask_client.get_task_stream(start=start)
    workers = {e["worker"] for e in stream
               if str(e["key"]).startswith(f"{job['id']}-") and "-trial-" in str(e["key"])}
    assert len(workers) == 2


def test_fifty_jobs_at_once_all_complete(client):
    ids = [client.post("/v1/jobs", json={"kind": "infomap", "edges": karate_edges(), "two_level": True,
                                         "num_trials": 2, "seed": i}).json()["id"] for i in range(50)]
    results = [wait_for(client, i, timeout=180) for i in ids]
    assert all(r["status"] == "succeeded" for r in results)
    lengths = {round(client.get(f"/v1/jobs/{i}/result").json()["codelength"], 6) for i in ids}
    assert lengths == {4.311793}


@pytest.mark.parametrize("kills", [3, pytest.param(10, marks=pytest.mark.slow)])
def test_killing_a_worker_mid_job_again_and_again(client, cluster, kills):
    edges = lfr_edges(10000)
    body = {"kind": "infomap", "edges": edges, "num_trials": 10, "two_level": True, "seed": 5}
    reference = client.post("/v1/infomap", json={k: v for k, v in body.items() if k != "kind"}).json()
    for round_ in range(kills):
        job = client.post("/v1/jobs", json=body).json()
        deadline = time.monotonic() + 60
        while client.get(f"/v1/jobs/{job['id']}").json()["progress"]["done"] < 1:
            assert time.monotonic() < deadline
            time.sleep(0.02)
        victims = cluster.worker_processes()
        assert victims, "no worker process to kill"
        os.kill(victims[round_ % len(victims)].pid, signal.SIGKILL)
        done = wait_for(client, job["id"], timeout=180)
        assert done["status"] == "succeeded", done
        result = client.get(f"/v1/jobs/{job['id']}/result").json()
        assert result["codelength"] == reference["codelength"]
        assert result["modules"] == reference["modules"]


def test_api_restart_on_postgresql_loses_and_duplicates_nothing(cluster, tmp_path):
    from tests.service.test_store_postgres import fresh_database

    url = fresh_database("mapeq_restart")

    def app_settings(**extra):
        return Settings(data_dir=tmp_path, database_url=url, dask_address=cluster.address, job_poll_interval=0.05,
                        **extra)

    body = {"kind": "infomap", "edges": lfr_edges(10000), "num_trials": 6, "two_level": True}
    with TestClient(create_app(app_settings(max_concurrent_jobs=1))) as first:
        jobs = [first.post("/v1/jobs", json={**body, "seed": s}).json() for s in (1, 2, 3)]
        wait_for(first, jobs[0]["id"], statuses=("running",))
    with TestClient(create_app(app_settings())) as second:
        finals = [wait_for(second, j["id"], timeout=300) for j in jobs]
        assert [f["status"] for f in finals] == ["succeeded"] * 3
        listing = second.get("/v1/jobs").json()
        assert listing["total"] == 3 and sorted(j["id"] for j in listing["jobs"]) == sorted(j["id"] for j in jobs)
        reference = second.post("/v1/infomap", json={k: v for k, v in body.items() if k != "kind"} | {"seed": 1})
        assert second.get(f"/v1/jobs/{jobs[0]['id']}/result").json()["codelength"] == reference.json()["codelength"]
