"""Test networks: the classics and seeded random ones."""

from __future__ import annotations

import networkx as nx
import numpy as np

from infomap_core import Network

TWO_TRIANGLES = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]


def two_triangles() -> Network:
    return Network.from_edges(TWO_TRIANGLES)


def karate() -> Network:
    return Network.from_edges([(u + 1, v + 1) for u, v in nx.karate_club_graph().edges()])


def les_miserables() -> Network:
    g = nx.les_miserables_graph()
    return Network.from_edges([(u, v, float(d["weight"])) for u, v, d in g.edges(data=True)])


def weighted_directed_with_dangling(seed: int = 7, n: int = 60, m: int = 240) -> Network:
    rng = np.random.default_rng(seed)
    src = rng.integers(0, n, m)
    tgt = rng.integers(0, n, m)
    keep = src < n - 5  # the last five nodes have no out-links: dangling
    w = rng.uniform(0.2, 4.0, m)
    return Network.from_arrays(src[keep], tgt[keep], w[keep], directed=True)


def lfr(n: int, mu: float, seed: int = 10) -> tuple[Network, np.ndarray]:
    g = nx.LFR_benchmark_graph(n, 3, 1.5, mu, average_degree=20, max_degree=50, min_community=20,
                               max_community=100, seed=seed)
    g.remove_edges_from(nx.selfloop_edges(g))
    truth = {}
    for node in g.nodes():
        truth.setdefault(node, min(g.nodes[node]["community"]))
    e = np.array(list(g.edges()), dtype=np.int64)
    net = Network.from_arrays(e[:, 0], e[:, 1])
    return net, np.array([truth[int(i)] for i in net.node_ids])
