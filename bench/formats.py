"""Output formats rendered on demand for a 100k-node result (issue 13 target: <= 0.5 s each).

``python -m bench.formats [--size 100k] [--mu 0.3] [--repeat 3]`` finds the modules of the cached
LFR graph once (multilevel, one trial, seed 1; the result is kept in ``bench/cache`` as a job stores
it, :func:`app.service.results.stored_result`), then renders every format from the stored result,
as ``GET /v1/jobs/{id}/result?format=`` does on a first download, and prints the process CPU time
(user + sys) of each render, the best of ``--repeat``, and the size of the text. Run it with
``NUMBA_NUM_THREADS=1``; the figures are CPU time, so a loaded machine changes them less than
wall time (bench/README.md).
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from app.service.results import RENDERED, render_stored, stored_result
from bench.graphs import ensure, lfr_graph


def stored_lfr_result(size: str, mu: str) -> bytes:
    """The stored engine result of one multilevel trial on the LFR graph (computed once, cached)."""
    graph = lfr_graph(size, mu)
    path = graph.path(".result.pickle")
    if path.exists():
        return path.read_bytes()
    ensure([graph])
    from infomap_core import InfomapOptions, Network, run_infomap

    edges, _ = graph.load()
    result = run_infomap(Network.from_edges(edges), InfomapOptions(num_trials=1, seed=1))
    data = stored_result(result)
    path.write_bytes(data)
    return data


def cpu_seconds(function, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        out = function()
        best = min(best, time.process_time() - start)
    return best, out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k")
    parser.add_argument("--mu", default="0.3")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default=",".join(RENDERED))
    args = parser.parse_args(argv)
    stored = stored_lfr_result(args.size, args.mu)
    import pickle

    result = pickle.loads(stored)
    print(f"LFR n={args.size} mu={args.mu}: {result.network.num_nodes} nodes, {result.num_modules} top modules, "
          f"{result.num_levels} levels, {int(np.sum(result.tree.leaf < 0))} modules in all")
    print("| format | CPU s (best of {}) | MB |".format(args.repeat))
    print("|---|---|---|")
    for name in args.formats.split(","):
        seconds, text = cpu_seconds(lambda: render_stored(stored, name), args.repeat)
        print(f"| {name} | {seconds:.3f} | {len(text.encode()) / 1e6:.1f} |", flush=True)


if __name__ == "__main__":
    main()
