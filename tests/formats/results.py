"""Results of several kinds (two-level, multilevel, directed, string ids with names, ragged)."""

from __future__ import annotations

import time

import networkx as nx

from infomap_core import InfomapOptions, Network, compute_codelength, prepare, run_infomap
from infomap_core.dropin import fixed_result

from tests.engine.networks import karate, weighted_directed_with_dangling
from tests.engine.test_multilevel import nine_triangles

# Issue 11's ragged tree: leaves at depths 4, 4, 3 and 2.
RAGGED_EDGES = [(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4), (7, 8), (8, 9), (9, 7), (10, 11), (11, 12),
                (12, 10), (1, 4), (4, 7), (7, 1), (9, 10)]
RAGGED_TREE = {**{i: f"1:1:1:{i}" for i in (1, 2, 3)}, **{i: f"1:1:2:{i - 3}" for i in (4, 5, 6)},
               **{i: f"1:2:{i - 6}" for i in (7, 8, 9)}, **{i: f"2:{i - 9}" for i in (10, 11, 12)}}


def ragged_result():
    start = time.perf_counter()
    net = Network.from_edges(RAGGED_EDGES)
    options = InfomapOptions()
    tree = compute_codelength(net, RAGGED_TREE, options).tree
    return fixed_result(prepare(net, options), options, tree, elapsed=time.perf_counter() - start)


def les_miserables_names():
    """String ids (character names) with labels that differ from them."""
    g = nx.les_miserables_graph()
    names = {n: f"{n} (Les Mis\u00e9rables)" for n in g}
    return Network.from_edges([(u, v, float(d["weight"])) for u, v, d in g.edges(data=True)], node_names=names)


def results() -> dict:
    return {
        "two-level": run_infomap(karate(), InfomapOptions(two_level=True, num_trials=3, seed=2)),
        "multilevel": run_infomap(nine_triangles(), InfomapOptions(seed=2)),
        "directed": run_infomap(weighted_directed_with_dangling(), InfomapOptions(seed=1, num_trials=2)),
        "string-ids": run_infomap(les_miserables_names(), InfomapOptions(seed=3)),
        "ragged": ragged_result(),
    }
