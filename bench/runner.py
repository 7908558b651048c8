"""Run one tool on one cached graph in this process; print one JSON line.

``python -m bench.runner TOOL GRAPH.npz SEED``. Time covers the search only (after
loading and, for mapeq, kernel warm-up); memory is the peak RSS growth over the
state after loading the graph (Linux ru_maxrss, KiB).
"""

from __future__ import annotations

import json
import resource
import sys
import time
import warnings

import numpy as np


def _rss_kib() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def nmi(a: np.ndarray, b: np.ndarray) -> float:
    import scipy.sparse as sp

    _, a = np.unique(a, return_inverse=True)
    _, b = np.unique(b, return_inverse=True)
    n = a.shape[0]
    c = sp.coo_array((np.ones(n), (a, b))).tocsr()
    c.sum_duplicates()
    pij = c.data / n
    rows = np.repeat(np.arange(c.shape[0]), np.diff(c.indptr))
    pa = np.bincount(a) / n
    pb = np.bincount(b) / n
    mi = float((pij * np.log(pij / (pa[rows] * pb[c.indices]))).sum())
    ha = float(-(pa * np.log(pa)).sum())
    hb = float(-(pb * np.log(pb)).sum())
    return 2 * mi / (ha + hb) if ha + hb > 0 else 1.0


def main() -> None:
    tool, graph, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = np.load(graph)
    edges, truth = data["edges"], data["truth"]
    n = truth.shape[0]
    if tool.startswith("mapeq"):
        from infomap_core import InfomapOptions, Network, run_infomap, warmup

        warmup()
        base = _rss_kib()
        start = time.perf_counter()
        net = Network.from_arrays(edges[:, 0], edges[:, 1], nodes=np.arange(n))
        result = run_infomap(net, InfomapOptions(two_level=tool == "mapeq", seed=seed))
        elapsed = time.perf_counter() - start
        labels = result.module_ids(1)
        codelength, modules = result.codelength, result.num_modules
    elif tool.startswith("official"):
        import infomap

        flags = "--silent --num-trials 1 --seed %d%s" % (seed, " --two-level" if tool == "official" else "")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            base = _rss_kib()
            start = time.perf_counter()
            im = infomap.Infomap(flags)
            im.add_nodes(range(n))
            im.add_links(edges)
            im.run()
            elapsed = time.perf_counter() - start
            mods = im.get_modules(depth_level=1)
            labels = np.array([mods[i] for i in range(n)])
            codelength, modules = im.codelength, im.num_top_modules
    else:  # igraph
        import igraph as ig

        base = _rss_kib()
        start = time.perf_counter()
        g = ig.Graph(n=n, edges=edges.tolist())
        cl = g.community_infomap(trials=1)
        elapsed = time.perf_counter() - start
        labels = np.array(cl.membership)
        codelength, modules = cl.codelength, len(cl)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"tool": tool, "time": elapsed, "peak_mb": max(peak - base, 0) / 1024,
                      "codelength": float(codelength), "modules": int(modules), "nmi": nmi(labels, truth),
                      "edges": int(edges.shape[0])}))


if __name__ == "__main__":
    main()
