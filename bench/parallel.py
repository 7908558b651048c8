"""One trial on 1 and 2 threads (issue 16, part 1: the parallel kernel).

``python -m bench.parallel [--mu 0.1,0.3,0.5] [--seeds 1,2,3]`` loads each 100k LFR graph
once (kernels warmed up), then for every seed runs ``run_infomap(two_level=True,
num_trials=1, num_threads=T)`` for T = 1 and 2, alternating, and prints per graph the median
wall time, the median CPU time of the process (all threads), the wall speedup 1 -> 2 threads
and the mean codelength difference (2 threads - 1 thread) in percent. Flow is computed once
per run inside ``run_infomap`` and included, as in ``bench.run``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

import numpy as np

from infomap_core import InfomapOptions, Network, run_infomap, warmup

from .graphs import generate_lfr


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def measure(net: Network, seed: int, threads: int) -> dict:
    wall, cpu = time.perf_counter(), _cpu()
    result = run_infomap(net, InfomapOptions(two_level=True, num_trials=1, seed=seed, num_threads=threads))
    return {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu, "L": result.codelength,
            "modules": result.num_modules}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100k")
    parser.add_argument("--mu", default="0.1,0.3,0.5")
    parser.add_argument("--seeds", default="1,2,3")
    args = parser.parse_args(argv)
    warmup()
    seeds = [int(s) for s in args.seeds.split(",")]
    print("| graph | links | 1 thread: wall s, CPU s | 2 threads: wall s, CPU s | wall speedup | L 1 thread "
          "| L diff % (2 - 1) | modules 1 / 2 | load avg |")
    print("|---|---|---|---|---|---|---|---|---|")
    for mu in args.mu.split(","):
        graph = generate_lfr(args.size, mu)
        edges, _ = graph.load()
        net = Network.from_arrays(edges[:, 0], edges[:, 1])
        runs: dict[int, list[dict]] = {1: [], 2: []}
        for seed in seeds:
            for threads in (1, 2):
                runs[threads].append(measure(net, seed, threads))
        med = {t: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu")} for t, rs in runs.items()}
        diff = np.mean([(b["L"] - a["L"]) / a["L"] * 100 for a, b in zip(runs[1], runs[2])])
        print(f"| {graph.label} | {edges.shape[0]} | {med[1]['wall']:.2f}, {med[1]['cpu']:.2f} "
              f"| {med[2]['wall']:.2f}, {med[2]['cpu']:.2f} | {med[1]['wall'] / med[2]['wall']:.2f} "
              f"| {statistics.mean(r['L'] for r in runs[1]):.6f} | {diff:+.4f} "
              f"| {runs[1][0]['modules']} / {runs[2][0]['modules']} | {os.getloadavg()[0]:.1f} |", flush=True)


if __name__ == "__main__":
    main()
