"""Higher-order networks from networkx graphs (issue 14), against the official Infomap reading
the same graph with its own ``add_networkx_graph`` (state and multilayer networks, meta data)
or the same links with its bipartite start id: the flow of every state node and the codelength
of the official's partition equal ours to 1e-9. Ambiguous graphs are refused by name.
"""

from __future__ import annotations

import warnings

import infomap
import networkx as nx
import numpy as np
import pytest

from infomap_core import InfomapOptions, Network, NetworkError, compute_codelength, compute_flow, run_infomap


def _official(graph, flags: str = "", **kwargs):
    """The official run on ``graph`` (two-level, seed 3): (its Infomap, {state id: node})."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --two-level --seed 3 --num-trials 3 {flags}")
        mapping = im.add_networkx_graph(graph, **kwargs)
        im.run()
        nodes = list(im.get_nodes(states=True)) if im.have_memory else list(im.get_nodes())
    return im, {mapping.get(n.state_id, n.state_id): n for n in nodes}


def _assert_equal_to_official(net: Network, im, theirs: dict, options: InfomapOptions | None = None) -> None:
    options = options or InfomapOptions()
    ids = net.node_ids.tolist()
    assert sorted(theirs, key=str) == sorted(ids, key=str)
    flow = compute_flow(net, options.resolved_flow_model(net)).node_flow
    np.testing.assert_allclose(flow, [theirs[i].flow for i in ids], rtol=1e-9, atol=1e-14)
    ours = compute_codelength(net, {i: theirs[i].module_id for i in ids}, options)
    assert ours.codelength == pytest.approx(float(im.codelength), rel=1e-9, abs=1e-12)
    assert ours.one_level_codelength == pytest.approx(float(im.one_level_codelength), rel=1e-9, abs=1e-12)


def _random_edges(rng, nodes: list, m: int):
    for _ in range(m):
        a, b = rng.choice(len(nodes), 2, replace=False)
        yield nodes[a], nodes[b], float(rng.choice([0.5, 1.0, 2.0, 3.5]))


def state_graph(seed: int, directed: bool):
    rng = np.random.default_rng(seed)
    graph = nx.DiGraph() if directed else nx.Graph()
    for s in range(1, 15):
        graph.add_node(s, node_id=int(rng.integers(1, 7)))
    graph.add_weighted_edges_from(_random_edges(rng, list(graph.nodes), 35))
    return graph


def multilayer_graph(seed: int, directed: bool, *, inter: bool, diagonal: bool = False):
    """States labelled ``100 * layer + node``; edges within layers, and (``inter``) between the
    states of one node (``diagonal``: between any two states)."""
    rng = np.random.default_rng(seed)
    graph = nx.DiGraph() if directed else nx.Graph()
    for _ in range(40):
        layer = int(rng.integers(1, 4))
        a, b = (int(x) for x in rng.choice(np.arange(1, 8), 2, replace=False))
        for node in (a, b):
            graph.add_node(100 * layer + node, layer_id=layer, node_id=node)
        graph.add_edge(100 * layer + a, 100 * layer + b, weight=float(rng.choice([0.5, 1.0, 2.0])))
    states = sorted(graph.nodes)
    for _ in range(12 if inter or diagonal else 0):
        u, v = (states[int(k)] for k in rng.choice(len(states), 2, replace=False))
        if u // 100 != v // 100 and (diagonal or u % 100 == v % 100):
            graph.add_edge(u, v, weight=float(rng.choice([0.3, 1.0])))
    return graph


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("seed", range(4))
def test_state_network_from_node_id_attributes_equals_official(seed, directed):
    graph = state_graph(seed, directed)
    net = Network.from_networkx(graph)
    assert net.is_state_network and net.node_ids.tolist() == sorted(graph.nodes)
    assert [int(net.physical_ids[p]) for p in net.physical] == [graph.nodes[s]["node_id"] for s in sorted(graph)]
    im, theirs = _official(graph, "--directed" if directed else "")
    _assert_equal_to_official(net, im, theirs)


def test_state_network_with_string_labels_and_physical_ids():
    graph = nx.Graph()
    for label, physical in (("a", "x"), ("b", "y"), ("c", "x"), ("d", "z"), ("e", "y")):
        graph.add_node(label, node_id=physical)
    graph.add_edges_from([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "a"), ("a", "d")])
    net = Network.from_networkx(graph)
    assert net.physical_ids.tolist() == ["x", "y", "z"]
    im, theirs = _official(graph)
    _assert_equal_to_official(net, im, theirs)
    result = run_infomap(graph, seed=1)
    assert set(result.modules) == set("abcde")
    assert set(result.to_dict()["physical_modules"]) == {"x", "y", "z"}
    copy = result.to_networkx(graph)  # the modules go back onto the graph's own (state) nodes
    assert {v: copy.nodes[v]["module"] for v in graph} == result.modules


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("inter", [False, True], ids=["intra-relaxed", "intra-inter"])
def test_multilayer_network_from_layer_and_node_attributes_equals_official(seed, directed, inter):
    graph = multilayer_graph(seed, directed, inter=inter)
    net = Network.from_networkx(graph)
    assert net.node_ids.tolist() == sorted(graph.nodes)  # the states keep the graph's labels
    assert net.layers.tolist() == [s // 100 for s in sorted(graph.nodes)]
    im, theirs = _official(graph, "--directed" if directed else "")
    _assert_equal_to_official(net, im, theirs)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("seed", range(3))
def test_multilayer_network_of_explicit_state_links_equals_official(seed, directed):
    graph = multilayer_graph(seed, directed, inter=True, diagonal=True)
    net = Network.from_networkx(graph, multilayer_inter_intra_format=False)
    im, theirs = _official(graph, "--directed" if directed else "", multilayer_inter_intra_format=False)
    _assert_equal_to_official(net, im, theirs)


def test_multilayer_relax_options_reach_the_network():
    graph = multilayer_graph(1, False, inter=False)
    slow, fast = Network.from_networkx(graph, relax_rate=0.05), Network.from_networkx(graph, relax_rate=0.6)
    im, theirs = _official(graph, "--multilayer-relax-rate 0.6")
    _assert_equal_to_official(fast, im, theirs)
    assert slow.fingerprint() != fast.fingerprint()


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("teleport", [False, True], ids=["unipartite-teleportation", "bipartite-teleportation"])
def test_bipartite_network_from_networkx_bipartite_attribute_equals_official(seed, teleport):
    graph = nx.bipartite.random_graph(12, 5, 0.35, seed=seed)
    graph.add_edges_from([(0, 12), (1, 12)])  # every side has an edge
    if teleport:  # the two-step walk needs links back from the feature side: a directed graph with both
        graph = graph.to_directed()
    for k, (u, v) in enumerate(graph.edges):
        graph.edges[u, v]["weight"] = 1.0 + k % 3
    net = Network.from_networkx(graph, bipartite_features=1)
    assert net.bipartite_start == 12 and net.node_ids.tolist() == list(range(17))
    options = InfomapOptions(bipartite_teleportation=teleport, directed=teleport or None)
    flags = "--silent --two-level --seed 3" + (" --bipartite-teleportation --directed" if teleport else "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(flags)
        im.bipartite_start_id = 12
        for node in graph.nodes:
            im.add_node(node)
        for u, v, w in graph.edges(data="weight"):
            im.add_link(u, v, w)
        im.run()
        theirs = {n.node_id: n for n in im.get_nodes()}
    flow = compute_flow(net, options.resolved_flow_model(net), bipartite_teleportation=teleport).node_flow
    np.testing.assert_allclose(flow, [theirs[i].flow for i in range(17)], rtol=1e-9, atol=1e-14)
    ours = compute_codelength(net, {i: theirs[i].module_id for i in range(17)}, options)
    assert ours.codelength == pytest.approx(float(im.codelength), rel=1e-9)
    # the feature side may be either one, as long as its labels come last
    swapped = nx.relabel_nodes(graph, {v: 16 - v for v in graph})
    assert Network.from_networkx(swapped, bipartite_features=0).bipartite_start == 5


@pytest.mark.parametrize("seed", range(3))
def test_meta_attribute_codes_the_categories_as_the_official(seed):
    graph = nx.les_miserables_graph() if seed == 0 else nx.connected_caveman_graph(4, 5)
    graph = nx.convert_node_labels_to_integers(graph, label_attribute="label")
    rng = np.random.default_rng(seed)
    nx.set_node_attributes(graph, {v: int(rng.integers(0, 3)) for v in graph}, "group")
    net = Network.from_networkx(graph, meta_attribute="group")
    assert net.meta_data == dict(graph.nodes(data="group"))
    im, theirs = _official(graph, meta_attribute="group")
    _assert_equal_to_official(net, im, theirs)
    without = compute_codelength(net, {v: theirs[v].module_id for v in graph}, InfomapOptions(), meta_data={})
    plain = compute_codelength(Network.from_networkx(graph), {v: theirs[v].module_id for v in graph})
    assert without.codelength == pytest.approx(plain.codelength, rel=1e-12)  # an explicit {} leaves meta out
    result = run_infomap(net, seed=1, two_level=True)
    coded = compute_codelength(net, result.modules, meta_data=net.meta_data).codelength
    assert result.codelength == pytest.approx(coded, rel=1e-12)  # the search codes the graph's meta data
    assert coded > compute_codelength(net, result.modules, meta_data={}).codelength


def _graph(nodes, edges, directed=False):
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph


@pytest.mark.parametrize("build, kwargs, field, words", [
    (lambda: _graph([(1, {"node_id": 1}), 2], [(1, 2)]), {}, "node_id", "1 of 2 nodes have a 'node_id'"),
    (lambda: _graph([(1, {"layer_id": 1}), (2, {"layer_id": 1})], [(1, 2)]), {}, "node_id", "physical node"),
    (lambda: _graph([(1, {"layer_id": 1, "node_id": 1}), (2, {"layer_id": 1, "node_id": 2}), (3, {"node_id": 2})],
                    [(1, 2), (2, 3)]), {}, "layer_id", "2 of 3 nodes"),
    (lambda: _graph([(1, {"layer_id": 1, "node_id": 1}), (2, {"layer_id": 2, "node_id": 2})], [(1, 2)]), {},
     "multilayer_inter_intra_format", "multilayer_inter_intra_format=False"),
    (lambda: _graph([(1, {"layer_id": 1, "node_id": 1}), (2, {"layer_id": 1, "node_id": 1})], [(1, 2)]), {},
     "node_id", "both node 1 in layer 1"),
    (lambda: _graph([(1, {"layer_id": 1.5, "node_id": 1}), (2, {"layer_id": 1, "node_id": 2})], [(1, 2)]), {},
     "layer_id", "must be an integer"),
    (lambda: _graph([(1, {"layer_id": 1, "node_id": 1}), (2, {"layer_id": 1, "node_id": 2}),
                     (3, {"layer_id": 2, "node_id": 1})], [(1, 2)]), {}, "graph", "node 3 (node 1 in layer 2)"),
    (lambda: _graph([(1, {"layer_id": 1, "node_id": 1}), (2, {"layer_id": 1, "node_id": 2}),
                     (3, {"layer_id": 2, "node_id": 1}), (4, {"layer_id": 2, "node_id": 2})], [(1, 2), (3, 4), (1, 3)]),
     {"relax_rate": 0.3}, "relax_rate", "with inter links the coupling is given"),
    (lambda: nx.path_graph(3), {"relax_rate": 0.3}, "relax_rate", "option of multilayer graphs"),
    (lambda: multilayer_graph(0, False, inter=False), {"relax_limit": 1, "multilayer_inter_intra_format": False},
     "relax_limit", "with explicit state links the coupling is given"),
    (lambda: nx.path_graph(3), {"relax": 0.3}, "relax", "unknown keyword"),
    (lambda: nx.path_graph(3), {"bipartite_features": 1}, "bipartite", "attribute on every node"),
    (lambda: nx.complete_bipartite_graph(2, 2), {"bipartite_features": 2}, "bipartite_features", "no node has"),
    (lambda: _graph([(0, {"bipartite": 0}), (1, {"bipartite": 0}), (2, {"bipartite": 1})], [(0, 1), (1, 2)]),
     {"bipartite_features": 1}, "bipartite", "edge 0 - 1 joins two nodes with bipartite=0"),
    (lambda: _graph([(0, {"bipartite": 0}), (1, {"bipartite": 2}), (2, {"bipartite": 1})], [(0, 2), (1, 2)]),
     {"bipartite_features": 1}, "bipartite", "takes 3 values"),
    (lambda: nx.complete_bipartite_graph(2, 3), {"bipartite_features": 0}, "graph", "relabel"),
    (lambda: nx.relabel_nodes(nx.complete_bipartite_graph(2, 2), dict(enumerate("abcd"))),
     {"bipartite_features": 1}, "graph", "must be integers"),
    (lambda: _graph([(1, {"node_id": 1}), (2, {"node_id": 2})], [(1, 2)]), {"bipartite_features": 1},
     "bipartite_features", "state network, not a bipartite"),
    (lambda: _graph([(1, {"group": 1}), 2], [(1, 2)]), {"meta_attribute": "group"}, "group", "1 of 2 nodes"),
    (lambda: nx.path_graph(3), {"meta_attribute": "group"}, "group", "not set on every node"),
    (lambda: _graph([1, 2], []), {}, "graph", "no edges"),
    (lambda: nx.grid_2d_graph(2, 3), {}, "graph", "'layer_id' and 'node_id' attributes"),
])
def test_ambiguous_or_bad_graphs_are_refused_by_name(build, kwargs, field, words):
    with pytest.raises(NetworkError) as err:
        Network.from_networkx(build(), **kwargs)
    assert err.value.field == field
    assert words in err.value.message


def test_first_order_graphs_read_as_before():
    """A graph without the attributes (or with networkx's bipartite attribute alone, as the
    official reads it) is a first-order network."""
    graph = nx.complete_bipartite_graph(3, 4)
    net = Network.from_networkx(graph)
    assert not net.is_state_network and net.bipartite_start is None and net.meta_data is None
    assert Network.from_networkx(graph).fingerprint() == Network.from_edges(list(graph.edges)).fingerprint()


# ------------------------------------------------------------------ igraph
def _official_igraph(graph, flags: str = "", **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --two-level --seed 3 --num-trials 3 {flags}")
        im.add_igraph_graph(graph, edge_weights="weight", **kwargs)
        im.run()
        return im, {n.state_id: n for n in im.get_nodes(states=True)}


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("kind", ["states", "multilayer-relaxed", "multilayer-intra-inter", "multilayer-explicit"])
def test_igraph_vertex_attributes_read_as_the_official(kind, directed):
    import igraph as ig

    if kind == "states":
        nxg = state_graph(7, directed)
    else:
        nxg = multilayer_graph(7, directed, inter=kind != "multilayer-relaxed", diagonal=kind == "multilayer-explicit")
    graph = ig.Graph.from_networkx(nxg)
    del graph.vs["_nx_name"]  # vertex indices are the state ids, as in the official
    explicit = {"multilayer_inter_intra_format": False} if kind == "multilayer-explicit" else {}
    net = Network.from_igraph(graph, **explicit)
    assert net.node_ids.tolist() == list(range(graph.vcount()))
    im, theirs = _official_igraph(graph, "--directed" if directed else "", **explicit)
    _assert_equal_to_official(net, im, theirs)


def test_igraph_bipartite_type_attribute_and_meta_data():
    import igraph as ig

    graph = ig.Graph.Full_Bipartite(3, 4)
    net = Network.from_igraph(graph, bipartite_features=True)
    assert net.bipartite_start == 3
    assert net.fingerprint() == Network.from_networkx(nx.complete_bipartite_graph(3, 4), bipartite_features=1).fingerprint()
    graph.vs["group"] = [k % 2 for k in range(7)]
    assert Network.from_igraph(graph, meta_attribute="group").meta_data == {k: k % 2 for k in range(7)}
    with pytest.raises(NetworkError) as err:
        Network.from_igraph(ig.Graph([(0, 1), (1, 2)]), bipartite_features=True)
    assert err.value.field == "type"
