"""Benchmark graphs: networkx LFR graphs and a large planted partition, cached as .npz."""

from __future__ import annotations

from pathlib import Path

import numpy as np

CACHE = Path(__file__).resolve().parent / "cache"


def lfr(n: int, mu: float, seed: int = 10) -> Path:
    """LFR (tau1=3, tau2=1.5, <k>=20, k_max=50, communities 20-100); retries seeds that fail."""
    path = CACHE / f"lfr_n{n}_mu{mu}.npz"
    if path.exists():
        return path
    import networkx as nx

    for attempt in range(10):
        try:
            g = nx.LFR_benchmark_graph(n, 3, 1.5, mu, average_degree=20, max_degree=50, min_community=20,
                                       max_community=100, seed=seed + attempt)
            break
        except nx.ExceededMaxIterations:
            continue
    else:  # pragma: no cover
        raise RuntimeError(f"LFR generation failed for n={n} mu={mu}")
    g.remove_edges_from(nx.selfloop_edges(g))
    edges = np.array(list(g.edges()), dtype=np.int64)
    truth = np.array([min(g.nodes[v]["community"]) for v in range(n)], dtype=np.int64)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, edges=edges, truth=truth)
    return path


def planted(n: int = 1_000_000, degree: int = 20, mu: float = 0.3, seed: int = 1) -> Path:
    """Planted partition: communities of 50-200 nodes, each node ~degree/2 stubs, a fraction mu outside."""
    path = CACHE / f"planted_n{n}_k{degree}_mu{mu}.npz"
    if path.exists():
        return path
    rng = np.random.default_rng(seed)
    sizes = []
    total = 0
    while total < n:
        s = int(rng.integers(50, 201))
        sizes.append(min(s, n - total))
        total += sizes[-1]
    sizes = np.array(sizes)
    truth = np.repeat(np.arange(sizes.shape[0]), sizes)
    start = np.r_[0, np.cumsum(sizes)[:-1]]
    m = n * degree // 2
    src = rng.integers(0, n, m)
    outside = rng.random(m) < mu
    comm = truth[src]
    inside_target = start[comm] + (rng.random(m) * sizes[comm]).astype(np.int64)
    tgt = np.where(outside, rng.integers(0, n, m), inside_target)
    keep = src != tgt
    edges = np.stack([src[keep], tgt[keep]], axis=1)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez(path, edges=edges, truth=truth)
    return path
