"""Benchmark graphs, generated once and cached in ``bench/cache/``.

* LFR graphs from ``networkx.LFR_benchmark_graph`` for n = 1k, 10k, 100k and mixing
  mu = 0.1, 0.3, 0.5, 0.6: average degree 20, maximum degree 50, communities of 20-100
  nodes, degree exponent tau1 = 3 and community-size exponent tau2 = 1.5. (tau1 = 2 fails
  with "Could not match average_degree" for every seed tried: with k_max = 50 the power law
  cannot reach <k> = 20.) Seed 10; a seed whose generation fails is replaced by the next.
  Self-loops, which networkx occasionally creates, are dropped.
* A planted partition with 1M nodes and 10M links, built with numpy (no networkx):
  communities of 50-200 nodes (a remainder below 50 joins the last one); each link is drawn
  from a uniformly chosen node to a node of the same community with probability 1 - mu
  (mu = 0.3) and to a uniformly chosen node otherwise, so a node has about 20 links, 30% of
  them leaving its community. 11M links are drawn; self-loops and repeats are dropped and a
  random 10M of the rest kept. Seed 1.

Each graph ``NAME`` is stored as

* ``NAME.txt``: the link list, one ``source target`` per line, 0-based node ids, each
  undirected link once;
* ``NAME.truth.npy``: the planted community of every node (int64, indexed by node id);
* ``NAME.edges.npy``: the same links as an (m, 2) int64 array, for fast loading;
* ``NAME.json``: the generator, its parameters, the seed actually used and the sizes.

``python -m bench.graphs [--sizes 1k,10k,100k] [--mu 0.1,0.3,0.5,0.6] [--big] [--force]``
generates whatever is missing. LFR at n = 100k takes minutes per graph; run it with ``nice``.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CACHE = Path(__file__).resolve().parent / "cache"
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}
MUS = ("0.1", "0.3", "0.5", "0.6")

LFR_PARAMS = dict(tau1=3.0, tau2=1.5, average_degree=20, max_degree=50, min_community=20, max_community=100)
LFR_SEED = 10
LFR_SEED_ATTEMPTS = 10
PLANTED_PARAMS = dict(n=1_000_000, links=10_000_000, mu=0.3, min_community=50, max_community=200)
PLANTED_SEED = 1


@dataclass(frozen=True)
class Graph:
    """A cached benchmark graph: ``name`` is the file stem, ``label`` the table name."""

    name: str
    label: str
    size: str = ""  # LFR only: "1k", "10k", "100k"
    mu: str = ""  # LFR only

    def path(self, suffix: str) -> Path:
        return CACHE / f"{self.name}{suffix}"

    @property
    def links_path(self) -> Path:
        return self.path(".txt")

    @property
    def exists(self) -> bool:
        return all(self.path(s).exists() for s in (".txt", ".truth.npy", ".edges.npy", ".json"))

    def load(self) -> tuple[np.ndarray, np.ndarray]:
        """(edges (m, 2) int64, truth (n,) int64)."""
        return np.load(self.path(".edges.npy")), np.load(self.path(".truth.npy"))

    def meta(self) -> dict:
        return json.loads(self.path(".json").read_text())


def lfr_graph(size: str, mu: str) -> Graph:
    return Graph(f"lfr_n{SIZES[size]}_mu{float(mu)}", f"LFR n={size} mu={mu}", size, mu)


def planted_params(links: int | None = None) -> dict:
    """The planted partition's parameters; ``links`` other than 10M keeps 10 links per node."""
    if links is None or links == PLANTED_PARAMS["links"]:
        return dict(PLANTED_PARAMS)
    return dict(PLANTED_PARAMS, links=int(links), n=int(links) // 10)


def planted_graph(links: int | None = None) -> Graph:
    p = planted_params(links)
    return Graph(f"planted_n{p['n']}_m{p['links']}_mu{p['mu']}", f"planted n={p['n'] / 1e6:g}M m={p['links'] / 1e6:g}M")


def select(sizes: list[str], mus: list[str], big: bool) -> list[Graph]:
    """The graphs named by ``--sizes``, ``--mu`` and ``--big``, in table order."""
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        raise ValueError(f"unknown size {unknown[0]!r}: choose from {', '.join(SIZES)}")
    graphs = [lfr_graph(s, mu) for s in sizes for mu in mus]
    return graphs + [planted_graph()] if big else graphs


def _save(graph: Graph, edges: np.ndarray, truth: np.ndarray, meta: dict) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    edges = np.ascontiguousarray(edges, dtype=np.int64)
    np.save(graph.path(".edges.npy"), edges)
    np.save(graph.path(".truth.npy"), np.asarray(truth, dtype=np.int64))
    tmp = graph.path(".txt.tmp")
    with open(tmp, "w") as f:
        for chunk in range(0, edges.shape[0], 1_000_000):
            np.savetxt(f, edges[chunk:chunk + 1_000_000], fmt="%d")
    tmp.replace(graph.links_path)
    meta = dict(meta, nodes=int(truth.shape[0]), links=int(edges.shape[0]),
                communities=int(np.unique(truth).shape[0]), ids="0-based, each undirected link once")
    graph.path(".json").write_text(json.dumps(meta, indent=1) + "\n")  # written last: marks completion


def generate_lfr(size: str, mu: str, *, force: bool = False) -> Graph:
    graph = lfr_graph(size, mu)
    if graph.exists and not force:
        return graph
    import networkx as nx

    n, start = SIZES[size], time.perf_counter()
    p = LFR_PARAMS
    for seed in range(LFR_SEED, LFR_SEED + LFR_SEED_ATTEMPTS):
        try:
            g = nx.LFR_benchmark_graph(n, p["tau1"], p["tau2"], float(mu), average_degree=p["average_degree"],
                                       max_degree=p["max_degree"], min_community=p["min_community"],
                                       max_community=p["max_community"], seed=seed)
            break
        except nx.ExceededMaxIterations:
            continue
    else:
        raise RuntimeError(f"LFR generation failed for n={n} mu={mu} with seeds "
                           f"{LFR_SEED}-{LFR_SEED + LFR_SEED_ATTEMPTS - 1}")
    self_loops = nx.number_of_selfloops(g)
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    edges = np.array(list(g.edges()), dtype=np.int64).reshape(-1, 2)
    truth = np.array([min(g.nodes[v]["community"]) for v in range(n)], dtype=np.int64)
    _save(graph, edges, np.unique(truth, return_inverse=True)[1], {
        "generator": f"networkx {nx.__version__} LFR_benchmark_graph", "n": n, "mu": float(mu), **p,
        "seed": seed, "self_loops_dropped": int(self_loops),
        "generation_seconds": round(time.perf_counter() - start, 1)})
    return graph


def generate_planted(*, force: bool = False, links: int | None = None) -> Graph:
    graph = planted_graph(links)
    if graph.exists and not force:
        return graph
    p, start = planted_params(links), time.perf_counter()
    n, links, mu = p["n"], p["links"], p["mu"]
    rng = np.random.default_rng(PLANTED_SEED)
    # community sizes until they cover n; a remainder below the minimum joins the last community
    sizes = rng.integers(p["min_community"], p["max_community"] + 1, 2 * n // p["min_community"] + 1)
    ends = np.cumsum(sizes)
    k = int(np.searchsorted(ends, n))  # communities 0..k-1 end before n
    sizes = sizes[:k + 1].copy()
    sizes[k] = n - (ends[k - 1] if k else 0)
    if sizes[k] < p["min_community"] and k:
        sizes[k - 1] += sizes[k]
        sizes = sizes[:k]
    truth = np.repeat(np.arange(sizes.shape[0], dtype=np.int64), sizes)
    first = np.r_[0, np.cumsum(sizes)[:-1]]
    # 10% more draws than links: after dropping self-loops and repeats, keep a random `links` of them
    m = links + links // 10
    src = rng.integers(0, n, m)
    community = truth[src]
    inside = first[community] + (rng.random(m) * sizes[community]).astype(np.int64)
    tgt = np.where(rng.random(m) < mu, rng.integers(0, n, m), inside)
    lo, hi = np.minimum(src, tgt), np.maximum(src, tgt)
    del src, community, inside, tgt
    keys = np.unique(lo[lo != hi] * n + hi[lo != hi])
    del lo, hi
    if keys.shape[0] < links:
        raise RuntimeError(f"only {keys.shape[0]} distinct links drawn, {links} wanted")
    keys = np.sort(keys[rng.permutation(keys.shape[0])[:links]])
    edges = np.stack([keys // n, keys % n], axis=1)
    _save(graph, edges, truth, {
        "generator": "numpy planted partition (bench/graphs.py)", **p, "seed": PLANTED_SEED,
        "draws": "1.1 x links; self-loops and repeats dropped, then a random subset of the links kept",
        "generation_seconds": round(time.perf_counter() - start, 1)})
    return graph


#: Planted hierarchies (branching per level, top first; link probability within the same
#: bottom module, the same middle module, and anywhere else).
PLANTED_HIERARCHIES = {
    "4x4x32": ((4, 4, 32), (0.4, 0.03, 0.002)),
    "4x4x64": ((4, 4, 64), (0.25, 0.02, 0.001)),
    "8x8x32": ((8, 8, 32), (0.3, 0.01, 0.0005)),
}


def planted_hierarchy(name: str = "4x4x32", seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """(edges (m, 2) int64, bottom module of each node) of a three-level planted hierarchy.

    Nodes ``0..n-1`` are numbered in tree order; a pair is linked with the probability of
    its closest common level (``PLANTED_HIERARCHIES[name]``), independently, with ``seed``.
    """
    (top, middle, bottom), (p_bottom, p_middle, p_rest) = PLANTED_HIERARCHIES[name]
    n = top * middle * bottom
    node = np.arange(n)
    same_bottom, same_middle = node // bottom, node // (middle * bottom)
    src, tgt = np.triu_indices(n, 1)
    p = np.where(same_bottom[src] == same_bottom[tgt], p_bottom,
                 np.where(same_middle[src] == same_middle[tgt], p_middle, p_rest))
    keep = np.random.default_rng(seed).random(src.shape[0]) < p
    return np.stack([src[keep], tgt[keep]], axis=1), same_bottom


def planted_links(links: int) -> np.ndarray:
    """``links`` links over ``links // 10`` nodes in communities of ~100 nodes, 80% of the links
    inside (the request of :func:`bench.load.overhead` and :mod:`bench.tensors`), numpy, seed 0."""
    rng = np.random.default_rng(0)
    n = links // 10
    groups = rng.integers(0, n // 100, n)
    src = rng.integers(0, n, links)
    same = rng.random(links) < 0.8
    order = np.argsort(groups, kind="stable")
    starts = np.searchsorted(groups[order], np.arange(n // 100))
    sizes = np.bincount(groups, minlength=n // 100)
    tgt = np.where(same, order[starts[groups[src]] + (rng.random(links) * sizes[groups[src]]).astype(np.int64)],
                   rng.integers(0, n, links))
    return np.stack([src, tgt], axis=1)


def ensure(graphs: list[Graph], *, force: bool = False) -> None:
    for graph in graphs:
        if graph.exists and not force:
            continue
        start = time.perf_counter()
        if graph.size:
            generate_lfr(graph.size, graph.mu, force=force)
        else:
            generate_planted(force=force)
        meta = graph.meta()
        print(f"{graph.name}: {meta['nodes']} nodes, {meta['links']} links, {meta['communities']} communities, "
              f"seed {meta['seed']}, {time.perf_counter() - start:.1f} s", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(SIZES), help="LFR sizes (1k,10k,100k); empty for none")
    parser.add_argument("--mu", default=",".join(MUS), help="LFR mixing parameters")
    parser.add_argument("--big", action="store_true", help="also the 1M-node planted partition")
    parser.add_argument("--force", action="store_true", help="regenerate even if cached")
    args = parser.parse_args(argv)
    sizes = [s for s in args.sizes.split(",") if s]
    ensure(select(sizes, args.mu.split(","), args.big), force=args.force)


if __name__ == "__main__":
    main()
