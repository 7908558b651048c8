"""The bundled example networks: counts, and the same links as the official Infomap reads."""

from __future__ import annotations

import warnings
from pathlib import Path

import infomap
import networkx as nx
import numpy as np
import pytest

from infomap_core.io import read_network
from shared_data import HIGHER_ORDER_EXAMPLES, examples_dir

DATA = Path(__file__).resolve().parents[2] / "infomap_core" / "data"

# name, nodes, links, directed (as detected), total weight
EXAMPLES = [
    ("twotriangles.net", 6, 7, False, 7.0),
    ("ninetriangles.net", 27, 39, False, 38.4),  # a link list despite its extension
    ("modular_w.net", 25, 43, False, 165.0),
    ("modular_wd.net", 25, 43, False, 165.0),  # *Arcs: undirected unless asked, as the official
    ("karate.net", 34, 78, False, 78.0),
    ("lesmis.net", 77, 254, False, 820.0),
]


# the official Infomap's higher-order examples, bundled for the web page (tests/engine/test_higher_order.py
# checks their flow and codelength against the official)
HIGHER_ORDER = list(HIGHER_ORDER_EXAMPLES)


def test_every_bundled_file_is_listed():
    assert sorted(p.name for p in DATA.glob("*.net")) == sorted([e[0] for e in EXAMPLES] + HIGHER_ORDER)


@pytest.mark.parametrize("name", HIGHER_ORDER)
def test_bundled_higher_order_examples_are_the_officials_byte_for_byte(name):
    assert (DATA / name).read_bytes() == (examples_dir() / name).read_bytes()


@pytest.mark.parametrize("name,nodes,links,directed,total", EXAMPLES)
def test_bundled_example_counts(name, nodes, links, directed, total, scan_path):
    net = read_network(DATA / name)
    assert (net.num_nodes, net.num_links, net.directed) == (nodes, links, directed)
    assert net.total_weight == pytest.approx(total, rel=1e-12)


def _official_links(path, directed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(silent=True, directed=directed, no_infomap=True, num_trials=1)
        im.read_file(str(path))
        im.run()
        links: dict = {}
        for s, t, w in im.get_links():
            key = (s, t) if directed else (min(s, t), max(s, t))
            links[key] = links.get(key, 0.0) + w
        return im.num_nodes, links


@pytest.mark.parametrize("name", [e[0] for e in EXAMPLES])
@pytest.mark.parametrize("directed", [False, True])
def test_same_links_as_official(name, directed):
    """With directedness forced both ways, our links and weights equal the official reader's."""
    net = read_network(DATA / name, directed=directed)
    num_nodes, theirs = _official_links(DATA / name, directed)
    src, tgt, w = net.to_coo()
    ids = net.node_ids
    ours: dict = {}
    for a, b, x in zip(src.tolist(), tgt.tolist(), w.tolist()):
        key = (int(ids[a]), int(ids[b]))
        key = key if directed else (min(key), max(key))
        ours[key] = ours.get(key, 0.0) + x
    assert net.num_nodes == num_nodes
    assert ours.keys() == theirs.keys()
    assert all(ours[k] == pytest.approx(theirs[k], rel=1e-12) for k in ours)


def test_karate_is_zacharys_club():
    net = read_network(DATA / "karate.net")
    g = nx.karate_club_graph()
    expected = {(min(u, v) + 1, max(u, v) + 1) for u, v in g.edges()}
    src, tgt, _ = net.to_coo()
    pairs = [(int(net.node_ids[a]), int(net.node_ids[b])) for a, b in zip(src, tgt)]
    assert {(min(p), max(p)) for p in pairs} == expected and len(pairs) == len(expected)
    assert np.all(net.weights == 1.0)
    assert net.node_names == tuple(str(i) for i in range(1, 35))


def test_lesmis_names_and_weights_match_networkx():
    net = read_network(DATA / "lesmis.net")
    g = nx.les_miserables_graph()
    name = dict(zip(net.node_ids.tolist(), net.node_names))
    assert set(net.node_names) == set(g.nodes())
    src, tgt, w = net.to_coo()
    ours = {frozenset((name[int(net.node_ids[a])], name[int(net.node_ids[b])])): x
            for a, b, x in zip(src.tolist(), tgt.tolist(), w.tolist())}
    assert ours == {frozenset((u, v)): float(d["weight"]) for u, v, d in g.edges(data=True)}
