"""Run one tool on one cached graph in this (fresh) process; print one JSON line.

``python -m bench.runner TOOL GRAPH SEED`` with TOOL one of ``mapeq`` (two-level),
``mapeq-ml`` (multilevel), ``official`` (two-level), ``official-ml``, ``igraph`` and GRAPH
the cache stem (``lfr_n1000_mu0.3``). ``bench.run`` starts one such process per measurement.

Steps, in order: import the tool (and for mapeq run ``warmup()``, which loads the numba
kernels from the cache or compiles them), load the raw edge array, record the baseline RSS,
build the tool's network from the edge array (``build_s``), run the search (``time``: only
``run_infomap``, ``Infomap.run`` or ``community_infomap``, each including its flow
computation), then read the peak. ``peak_mb`` is the process's peak resident set
(``VmHWM``), ``growth_mb`` that peak minus the baseline: what the tool's network and its
search took on top of the interpreter, the libraries and the raw edge array.
"""

from __future__ import annotations

import json
import sys
import time
import warnings

import numpy as np

from .graphs import CACHE

TOOLS = ("mapeq", "mapeq-ml", "official", "official-ml", "igraph")


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def nmi(a: np.ndarray, b: np.ndarray) -> float:
    """Normalized mutual information, arithmetic normalization: 2 I(A;B) / (H(A) + H(B)).

    The contingency table is a sparse matrix, so the cost is O(n) for any number of labels.
    Two one-cluster labelings give 1; one cluster against several gives 0.
    """
    import scipy.sparse as sp

    a = np.unique(a, return_inverse=True)[1].ravel()
    b = np.unique(b, return_inverse=True)[1].ravel()
    n = a.shape[0]
    table = sp.coo_array((np.ones(n), (a, b))).tocsr()
    table.sum_duplicates()
    p_ab = table.data / n
    rows = np.repeat(np.arange(table.shape[0]), np.diff(table.indptr))
    p_a, p_b = np.bincount(a) / n, np.bincount(b) / n
    mutual = float((p_ab * np.log(p_ab / (p_a[rows] * p_b[table.indices]))).sum())
    h_a, h_b = float(-(p_a * np.log(p_a)).sum()), float(-(p_b * np.log(p_b)).sum())
    if h_a + h_b == 0:
        return 1.0
    return max(0.0, 2 * mutual / (h_a + h_b))


def _mapeq(edges: np.ndarray, n: int, seed: int, multilevel: bool):
    from infomap_core import InfomapOptions, Network, run_infomap

    base = _status_kib("VmRSS")
    start = time.perf_counter()
    net = Network.from_arrays(edges[:, 0], edges[:, 1], nodes=np.arange(n))
    built = time.perf_counter()
    result = run_infomap(net, InfomapOptions(two_level=not multilevel, num_trials=1, seed=seed))
    done = time.perf_counter()
    return (base, built - start, done - built, result.codelength, result.num_modules, result.module_ids(1),
            result.num_levels, result)


def _official(edges: np.ndarray, n: int, seed: int, multilevel: bool):
    import infomap

    flags = f"--silent --num-trials 1 --seed {seed}" + ("" if multilevel else " --two-level")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = _status_kib("VmRSS")
        start = time.perf_counter()
        im = infomap.Infomap(flags)
        im.add_nodes(range(n))
        im.add_links(edges)  # the numpy path: addLinksFromNumpy2D
        built = time.perf_counter()
        result = im.run()
        done = time.perf_counter()
        modules = result.modules(depth_level=1)
    labels = np.fromiter((modules[i] for i in range(n)), dtype=np.int64, count=n)
    return base, built - start, done - built, result.codelength, result.num_top_modules, labels, result.num_levels, None


def _igraph(edges: np.ndarray, n: int, seed: int):
    import random

    import igraph as ig

    random.seed(seed)  # python-igraph draws igraph's RNG from Python's `random`
    base = _status_kib("VmRSS")
    start = time.perf_counter()
    g = ig.Graph(n=n, edges=edges)
    built = time.perf_counter()
    clustering = g.community_infomap(trials=1)
    done = time.perf_counter()
    return (base, built - start, done - built, clustering.codelength, len(clustering), np.array(clustering.membership),
            2, None)


def main(argv: list[str] | None = None) -> None:
    tool, graph, seed = (argv or sys.argv[1:])[:3]
    seed = int(seed)
    if tool not in TOOLS:
        raise SystemExit(f"unknown tool {tool!r}: choose from {', '.join(TOOLS)}")
    if tool.startswith("mapeq"):
        from infomap_core import warmup

        warmup()
    elif tool.startswith("official"):
        import infomap  # noqa: F401
    else:
        import igraph  # noqa: F401
    edges = np.load(CACHE / f"{graph}.edges.npy")
    truth = np.load(CACHE / f"{graph}.truth.npy")
    n = truth.shape[0]
    if tool.startswith("mapeq"):
        out = _mapeq(edges, n, seed, tool == "mapeq-ml")
    elif tool.startswith("official"):
        out = _official(edges, n, seed, tool == "official-ml")
    else:
        out = _igraph(edges, n, seed)
    peak = _status_kib("VmHWM")
    base, build_s, run_s, codelength, modules, labels, levels, result = out
    rescored = None
    if result is not None:  # reported == true: the official scores our own tree (after the peak is read)
        from .quality import official_score

        rescored = official_score(result)
    print(json.dumps({
        "tool": tool, "graph": graph, "seed": seed, "links": int(edges.shape[0]), "nodes": int(n),
        "build_s": build_s, "time": run_s, "peak_mb": peak / 1024, "base_mb": base / 1024,
        "growth_mb": max(peak - base, 0) / 1024, "codelength": float(codelength), "modules": int(modules),
        "levels": None if levels is None else int(levels), "nmi": nmi(labels, truth),
        "official_score_of_our_tree": rescored,
        "reported_is_true": None if rescored is None else abs(rescored - codelength) <= 1e-9 * abs(codelength)}))


if __name__ == "__main__":
    main()
