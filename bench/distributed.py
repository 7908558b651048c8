"""One graph across 1, 2, 4 Dask worker processes (issue 16, part 2).

``python -m bench.distributed [--size 100k] [--mu 0.3] [--workers 1,2,4] [--memory-limit 1GB]``
starts a ``LocalCluster`` of W worker processes (one thread each, ``memory_limit`` each) for
every W, runs :func:`infomap_core.distributed.run_distributed` on the cached LFR link list
(``measure_bytes=True``), and prints per W: wall time, the peak resident memory of the
largest worker (``VmHWM``), the bytes exchanged between shards, levels and rounds, the
codelength against the in-process engine (``run_infomap``, two-level, one trial, same seed)
and the NMI against the planted partition. The per-link cost lines feed ``docs/scale.md``.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _ready() -> float:
    """Import the module and load its kernels on a worker; its resident MB afterwards."""
    import numpy as np

    from infomap_core.csr import links_to_csr
    from infomap_core.parallel import _propose  # noqa: F401

    links_to_csr(np.zeros(1, np.int64), np.ones(1, np.int64), np.zeros(0), 2)
    return _status_mb("VmRSS")


def _peak_mb() -> float:
    return _status_mb("VmHWM")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100k")
    parser.add_argument("--mu", default="0.3")
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--memory-limit", default="1GB")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    from distributed import Client, LocalCluster

    from infomap_core import InfomapOptions, Network, run_infomap
    from infomap_core.distributed import run_distributed

    from .graphs import generate_lfr
    from .runner import nmi

    graph = generate_lfr(args.size, args.mu)
    edges, truth = graph.load()
    start = time.perf_counter()
    ours = run_infomap(Network.from_arrays(edges[:, 0], edges[:, 1]),
                       InfomapOptions(two_level=True, seed=args.seed, num_threads=1))
    in_process = time.perf_counter() - start
    links = edges.shape[0]
    print(f"{graph.label}, {links} links; in-process engine (1 thread, after import): {in_process:.1f} s, "
          f"L {ours.codelength:.6f}, {ours.num_modules} modules\n")
    print("| workers | wall s | worker MB before, peak (max) | growth B/link per worker | bytes exchanged | exchanged B/link | levels: units "
          "-> modules (rounds) | L | L diff % vs in-process | modules | NMI | load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for workers in [int(w) for w in args.workers.split(",")]:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=args.memory_limit,
                          dashboard_address=None, host="127.0.0.1") as cluster, Client(cluster) as client:
            ready = max(client.run(_ready).values())
            start = time.perf_counter()
            result = run_distributed(graph.links_path, client, seed=args.seed, measure_bytes=True)
            wall = time.perf_counter() - start
            peak = max(client.run(_peak_mb).values())
        exchanged = sum(level.get("bytes_exchanged", 0) for level in result.levels)
        trail = ", ".join(f"{lv['units']} -> {lv['modules']} ({lv['rounds']})" for lv in result.levels)
        truth_of = truth[result.node_ids]
        growth = (peak - ready) * 2**20 / (links / workers)
        print(f"| {workers} | {wall:.1f} | {ready:.0f}, {peak:.0f} | {growth:.0f} | {exchanged / 2**20:.1f} MB | {exchanged / links:.0f} "
              f"| {trail} | {result.codelength:.6f} | {(result.codelength - ours.codelength) / ours.codelength * 100:+.3f} "
              f"| {result.num_modules} | {nmi(truth_of, result.modules):.3f} | {os.getloadavg()[0]:.1f} |", flush=True)


if __name__ == "__main__":
    main()
