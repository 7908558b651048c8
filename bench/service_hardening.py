"""Service hardening figures (issue 12): /healthz latency while a 2M-link request is worked on,
and what the issue's costly requests cost now before they are refused.

    .venv/bin/python -m bench.service_hardening [--links 2000000] [--out bench/results/hardening.json]

Starts ``python -m app`` on a free loopback port (SQLite store, embedded Dask, default worker
processes), then:

1. each costly request of the issue, timed from the client, with the growth of the peak
   resident memory (VmHWM) of the API process and of its worker processes;
2. ``/healthz`` probed every 10 ms by a second client, idle and while one 2M-link
   ``POST /v1/infomap`` (``two_level``, 1 trial) runs: p50, p99, max over the probes that
   started and ended while the big request was in flight.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_pids(pid: int) -> list[int]:
    out = [pid]
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        out += tree_pids(int(child))
    return out


def hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def probe(base: str, stop: threading.Event, out: list[tuple[float, float, float]]) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        while not stop.is_set():
            start = time.perf_counter()
            client.get("/healthz")
            end = time.perf_counter()
            out.append((start, end, (end - start) * 1000))
            time.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--links", type=int, default=2_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "hardening.json")
    args = parser.parse_args()
    port = free_port()
    data = Path(tempfile.mkdtemp(prefix="mapeq-bench-"))
    env = {**os.environ, "MAPEQ_HOST": "127.0.0.1", "MAPEQ_PORT": str(port), "MAPEQ_DATA_DIR": str(data),
           "MAPEQ_LOG_LEVEL": "WARNING", "PYTHONPATH": str(ROOT)}
    env.pop("PORT", None)
    server = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    report: dict = {}
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        httpx.post(f"{base}/v1/infomap", json={"edges": [[1, 2], [2, 3]]}, timeout=120)  # workers warm

        # 1. the costly requests (first: VmHWM is a lifetime peak)
        rng = np.random.default_rng(1)
        costly = {
            "sparse 5M x 5M, one entry (80 B)": ("/v1/infomap", json.dumps(
                {"sparse": {"shape": [5000000, 5000000], "row": [0], "col": [1], "data": [1.0]}}).encode()),
            "10,000 vectors, top_k 1000, min_similarity -1 (89 KB)": ("/v1/cluster/vectors", json.dumps(
                {"vectors": [[round(float(x), 3)] for x in rng.normal(size=10_000)], "top_k": 1000,
                 "min_similarity": -1}).encode()),
            "2,000,001 links (34 MB)": ("/v1/infomap", b'{"edges":[' + b",".join(
                b"[%d,%d]" % (i, i + 1) for i in range(2_000_001)) + b"]}"),
            "5000 x 5000 adjacency of zeros (50 MB)": ("/v1/infomap", b'{"adjacency": [' + b",".join(
                [b"[" + b",".join([b"0"] * 5000) + b"]"] * 5000) + b"]}"),
        }
        report["costly"] = {}
        for name, (path, payload) in costly.items():
            before = {p: hwm_mb(p) for p in tree_pids(server.pid)}
            start = time.perf_counter()
            response = httpx.post(f"{base}{path}", content=payload, headers={"content-type": "application/json"},
                                  timeout=600)
            seconds = time.perf_counter() - start
            after = {p: hwm_mb(p) for p in tree_pids(server.pid)}
            growth = max(after[p] - before.get(p, 0.0) for p in after)
            report["costly"][name] = {"status": response.status_code, "seconds": seconds,
                                      "body_bytes": len(payload), "peak_rss_growth_mb": growth,
                                      "message": response.json().get("error", {}).get("message")}
        # 2. /healthz idle, then during the big request
        samples: list = []
        stop = threading.Event()
        t = threading.Thread(target=probe, args=(base, stop, samples))
        t.start()
        time.sleep(3)
        stop.set()
        t.join()
        idle = [s[2] for s in samples]
        rng = np.random.default_rng(1)
        n = args.links // 10
        edges = np.stack([rng.integers(0, n, args.links), rng.integers(0, n, args.links)], axis=1)
        body = b'{"two_level": true, "edges": ' + json.dumps(edges.tolist()).encode() + b"}"
        samples, stop = [], threading.Event()
        t = threading.Thread(target=probe, args=(base, stop, samples))
        t.start()
        start = time.perf_counter()
        big = httpx.post(f"{base}/v1/infomap", content=body, headers={"content-type": "application/json"},
                         timeout=1800)
        end = time.perf_counter()
        stop.set()
        t.join()
        during = [s[2] for s in samples if s[0] >= start and s[1] <= end]
        report["healthz"] = {
            "idle": {"n": len(idle), "p50_ms": statistics.median(idle), "p99_ms": percentile(idle, 0.99),
                     "max_ms": max(idle)},
            "during_big_request": {"n": len(during), "p50_ms": statistics.median(during),
                                   "p99_ms": percentile(during, 0.99), "max_ms": max(during)},
            "big_request": {"links": args.links, "body_mb": len(body) / 2**20, "status": big.status_code,
                            "seconds": end - start,
                            "engine_seconds": big.json().get("metadata", {}).get("elapsed_seconds")},
        }

    finally:
        server.terminate()
        server.wait(timeout=30)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
