"""Scale-out: one job's trials on 1 and on 2 Dask workers, and small-job throughput.

``python -m bench.scaleout [--trials 8] [--n 100000]`` starts an external Dask cluster
(scheduler + N worker processes, loopback only) for N = 1 and 2, runs the service's job
runner against it with a SQLite store, and prints a markdown table: wall time of one
`infomap` job with ``--trials`` trials on the LFR graph (speed-up 1 -> 2 workers) and the
throughput of 50 small (karate club) jobs.
"""

from __future__ import annotations

import argparse
import tempfile
import time

from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from infomap_core import warmup
from bench.graphs import SIZES, ensure, lfr_graph
from tests.scaleout.test_cluster import Cluster
from tests.service.test_jobs import karate_edges, wait_for


def _cluster(workers: int) -> Cluster:
    cluster = Cluster()
    for extra in cluster.workers[workers:]:
        extra.terminate()
    cluster.workers = cluster.workers[:workers]
    return cluster


def measure(workers: int, edges: list, trials: int) -> tuple[float, float, float]:
    cluster = _cluster(workers)
    try:
        settings = Settings(data_dir=tempfile.mkdtemp(prefix="mapeq-scale-"), dask_address=cluster.address,
                            job_poll_interval=0.02, max_concurrent_jobs=4)
        with TestClient(create_app(settings)) as client:
            runner = client.app.state.runner
            while len(runner.client.scheduler_info()["workers"]) < workers:
                time.sleep(0.2)
            runner.client.run(warmup)  # every worker's kernels loaded before the clock starts
            start = time.perf_counter()
            job = client.post("/v1/jobs", json={"kind": "infomap", "edges": edges, "num_trials": trials,
                                                "two_level": True}).json()
            assert wait_for(client, job["id"], timeout=900)["status"] == "succeeded"
            big = time.perf_counter() - start
            codelength = client.get(f"/v1/jobs/{job['id']}/result").json()["codelength"]
            start = time.perf_counter()
            ids = [client.post("/v1/jobs", json={"kind": "infomap", "edges": karate_edges(), "two_level": True,
                                                 "seed": i}).json()["id"] for i in range(50)]
            for i in ids:
                assert wait_for(client, i, timeout=300)["status"] == "succeeded"
            small = 50 / (time.perf_counter() - start)
        return big, codelength, small
    finally:
        cluster.close()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=8)
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args(argv)
    graph = lfr_graph({v: k for k, v in SIZES.items()}[args.n], "0.3")
    ensure([graph])
    edges = graph.load()[0].tolist()
    rows = []
    for workers in (1, 2):
        big, codelength, small = measure(workers, edges, args.trials)
        rows.append((workers, big, codelength, small))
        print(rows[-1], flush=True)
    base = rows[0][1]
    print(f"\n| workers | {args.trials} trials, LFR n={args.n} mu=0.3 (s) | speed-up | codelength | "
          "small jobs / s |\n|---|---|---|---|---|")
    for workers, big, codelength, small in rows:
        print(f"| {workers} | {big:.1f} | {base / big:.2f} | {codelength:.6f} | {small:.1f} |")


if __name__ == "__main__":
    main()
