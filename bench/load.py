"""Bounded load on the synchronous endpoint, over loopback only.

``python -m bench.load [--requests 1000] [--concurrency 32]`` starts the service
(uvicorn, 127.0.0.1, a free port) in a subprocess, sends exactly ``--requests``
POST /v1/infomap requests (karate club, two-level) from ``--concurrency`` concurrent
clients, stops after ``--max-seconds`` at the latest, and prints latency percentiles,
throughput and the error count. Then it measures the request overhead (JSON parse,
validation, network build, response serialization) against engine time for a network
of ``--big-links`` links, in-process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np
import orjson

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _load(url: str, body: dict, total: int, concurrency: int, max_seconds: float):
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.monotonic() + max_seconds

    async def worker(client: httpx.AsyncClient):
        nonlocal sent, errors
        while sent < total and time.monotonic() < deadline:
            sent += 1
            start = time.perf_counter()
            try:
                response = await client.post(url, json=body)
                if response.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - start)

    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        start = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return np.array(latencies), errors, elapsed


def load_test(requests: int, concurrency: int, max_seconds: float) -> str:
    import networkx as nx

    port = _free_port()
    data_dir = tempfile.mkdtemp(prefix="mapeq-load-")
    env = {**os.environ, "MAPEQ_PORT": str(port), "MAPEQ_HOST": "127.0.0.1", "MAPEQ_DATA_DIR": data_dir,
           "MAPEQ_DASK_WORKERS": "1", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the service did not become ready")
            time.sleep(0.2)
        body = {"edges": [[u + 1, v + 1] for u, v in nx.karate_club_graph().edges()], "two_level": True}
        lat, errors, elapsed = asyncio.run(_load(f"{base}/v1/infomap", body, requests, concurrency, max_seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    p50, p90, p99 = (np.percentile(lat, q) * 1000 for q in (50, 90, 99))
    return (f"| karate, {len(lat)} requests, {concurrency} clients | {len(lat) / elapsed:.0f} req/s | "
            f"{p50:.1f} | {p90:.1f} | {p99:.1f} | {lat.max() * 1000:.1f} | {errors} |")


def overhead(links: int) -> str:
    from app.service.networks import network_from_body
    from bench.graphs import planted_links
    from app.schemas import InfomapRequest
    from infomap_core import InfomapOptions, run_infomap, warmup

    warmup()
    raw = orjson.dumps({"edges": planted_links(links).tolist(), "two_level": True})
    t0 = time.perf_counter()
    body = InfomapRequest.model_validate(orjson.loads(raw))
    network = network_from_body(body)
    t1 = time.perf_counter()
    result = run_infomap(network, InfomapOptions(two_level=True))
    t2 = time.perf_counter()
    out = orjson.dumps(result.to_dict(include_tree=False))
    t3 = time.perf_counter()
    return (f"| {links:,} links ({len(raw) / 1e6:.0f} MB body, {len(out) / 1e6:.0f} MB response) | "
            f"{t1 - t0:.2f} | {t2 - t1:.2f} | {t3 - t2:.2f} | {(t1 - t0 + t3 - t2) / (t2 - t1):.2f} |")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--big-links", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    print("| load | throughput | p50 ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|")
    print(load_test(args.requests, args.concurrency, args.max_seconds), flush=True)
    print("\n| network | parse + validate + build s | engine s | serialize s | overhead / engine |\n|---|---|---|---|---|")
    print(overhead(args.big_links))


if __name__ == "__main__":
    main()
