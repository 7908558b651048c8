"""run_infomap and compute_codelength take what a user has at hand (networkx, scipy, numpy, a
list of links); results give rows and a networkx copy with the modules. Every result made here
is re-scored by the official Infomap (tests/conftest.py)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from infomap_core import InfomapOptions, Network, compute_codelength, run_infomap
from infomap_core.errors import InvalidWeightError, NetworkError

EDGES = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]


def test_every_input_form_gives_the_same_answer():
    graph = nx.karate_club_graph()
    reference = run_infomap(Network.from_networkx(graph), seed=3)
    assert run_infomap(graph, seed=3).codelength == reference.codelength
    matrix = nx.to_scipy_sparse_array(graph, weight="weight")
    for value in (sp.csr_matrix(matrix), matrix.toarray()):
        assert run_infomap(value, seed=3).codelength == pytest.approx(reference.codelength, rel=1e-12)
    listed = run_infomap(EDGES, InfomapOptions(two_level=True))
    assert listed.codelength == pytest.approx(2.3207303568, abs=1e-9)  # the two-triangles answer
    scored = compute_codelength(EDGES, {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2})
    assert scored.codelength == pytest.approx(2.3207303568, abs=1e-9)


def test_an_unreadable_network_is_an_error_naming_it():
    with pytest.raises(NetworkError) as info:
        run_infomap({"a": 1})
    assert info.value.field == "network" and "dict" in str(info.value)


def test_rows_and_networkx_copy_hold_the_modules():
    graph = nx.les_miserables_graph()
    result = run_infomap(graph, seed=2)
    rows = result.to_rows()
    assert [r["node_id"] for r in rows] == result.network.node_ids.tolist()
    assert {r["node_id"]: r["module"] for r in rows} == result.modules
    assert sum(r["flow"] for r in rows) == pytest.approx(1.0)
    assert all(r["path"].split(":")[0] == str(r["module"]) for r in rows)
    assert len({r["path"] for r in rows}) == len(rows)
    copy = result.to_networkx(graph)
    assert all(copy.nodes[n]["module"] == m for n, m in result.modules.items())
    assert "module" not in graph.nodes["Valjean"]
    built = result.to_networkx()
    assert built.number_of_edges() == graph.number_of_edges() and built.nodes["Valjean"]["path"]
    with pytest.raises(Exception, match="not in the graph"):
        result.to_networkx(nx.path_graph(3))


def test_rows_of_a_directed_multilevel_result():
    net = Network.from_edges([(a, b) for a, b in EDGES] + [(6, 1)], directed=True)
    result = run_infomap(net, num_trials=2)
    depth = {len(r["path"].split(":")) for r in result.to_rows()}
    assert max(depth) == result.num_levels
    assert np.isclose(sum(r["flow"] for r in result.to_rows()), 1.0)


def test_an_igraph_graph_reads_as_the_network_of_its_edges_and_matches_the_official():
    import igraph as ig

    from .oracle import official

    karate = ig.Graph.Famous("Zachary")
    from_edges = Network.from_edges(karate.get_edgelist())
    assert Network.coerce(karate).fingerprint() == from_edges.fingerprint()
    ours = run_infomap(karate, two_level=True, num_trials=5, seed=1)
    assert ours.codelength == run_infomap(from_edges, two_level=True, num_trials=5, seed=1).codelength
    im = official(from_edges, two_level=True, num_trials=5, seed=1)
    assert ours.codelength == pytest.approx(im.codelength, abs=1e-9)
    assert compute_codelength(karate, im.get_modules()).codelength == pytest.approx(im.codelength, abs=1e-9)
    # vertex names are the node ids, the edge attribute "weight" the weights, directedness the graph's
    named = ig.Graph([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3), (5, 6)], directed=True)
    named.vs["name"] = list("abcdefg")
    named.es["weight"] = [1, 2, 3, 0.5, 1, 2, 3, 0.25]
    links = [(named.vs[e.source]["name"], named.vs[e.target]["name"], e["weight"]) for e in named.es]
    same = Network.from_edges(links, directed=True)
    assert Network.coerce(named).fingerprint() == same.fingerprint() and same.node_ids.tolist() == list("abcdefg")
    assert run_infomap(named, seed=4).codelength == run_infomap(same, seed=4).codelength
    assert run_infomap(named, seed=4).codelength == pytest.approx(official(same, two_level=False, seed=4).codelength,
                                                                   rel=1e-4)
    isolated = ig.Graph(3, [(0, 1)])  # a vertex without edges is kept, ids are vertex indices
    assert Network.coerce(isolated).node_ids.tolist() == [0, 1, 2]
    twins = ig.Graph([(0, 1)])
    twins.vs["name"] = ["x", "x"]
    with pytest.raises(NetworkError) as info:
        Network.coerce(twins)
    assert info.value.field == "name"


def test_a_dataframe_of_links_reads_as_the_same_links():
    import pandas as pd

    links = [(1, 2, 1.0), (2, 3, 2.0), (3, 1, 1.0), (3, 4, 0.5), (4, 5, 1.0), (5, 6, 3.0), (6, 4, 1.0)]
    frame = pd.DataFrame(links, columns=["source", "target", "weight"])
    assert Network.coerce(frame).fingerprint() == Network.from_edges(links).fingerprint()
    assert run_infomap(frame, seed=2).codelength == run_infomap(links, seed=2).codelength
    unweighted = frame.drop(columns="weight")
    assert Network.coerce(unweighted).fingerprint() == Network.from_edges(EDGES).fingerprint()
    assert compute_codelength(unweighted, {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2}).codelength == pytest.approx(
        2.3207303568, abs=1e-9)
    named = frame.rename(columns={"source": "from", "target": "to", "weight": "w"})
    directed = Network.from_dataframe(named, source="from", target="to", weight="w", directed=True)
    assert directed.fingerprint() == Network.from_edges(links, directed=True).fingerprint()
    words = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})
    assert Network.coerce(words).node_ids.tolist() == ["a", "b", "c"]
    for bad, field in ((named, "source"), (frame.drop(columns="target"), "target")):
        with pytest.raises(NetworkError, match=f"no column '{field}'") as info:
            run_infomap(bad)
        assert info.value.field == field
    with pytest.raises(NetworkError, match="no column 'w'"):
        Network.from_dataframe(frame, weight="w")
    with pytest.raises(InvalidWeightError) as info:
        Network.coerce(frame.assign(weight=[1, 2, 3, -1, 1, 1, 1]))
    assert info.value.field == "weight"
    with pytest.raises(NetworkError) as info:
        Network.coerce(frame.assign(source=[1.5] * 7))
    assert info.value.field == "source"


def test_per_level_module_maps_and_node_and_tree_iterators(tmp_path):
    from infomap_core.formats import render

    from .oracle import official
    from .test_multilevel import nine_triangles

    net = Network.from_edges([(a, b) for a, b in EDGES] + [(6, 1)], directed=True)

    result = run_infomap(nine_triangles(), seed=2)
    assert result.num_levels == 3  # a hierarchy, so that the levels differ
    for level in (1, 2, -1):
        assert result.modules_at(level) == dict(zip(result.network.node_ids.tolist(),
                                                    result.module_ids(level).tolist()))
    assert result.modules_at(1) == result.modules
    assert len(set(result.modules_at(-1).values())) == 9 > len(set(result.modules_at(1).values())) == 5
    assert result.modules_at(2) == result.modules_at(-1)  # a ragged tree: a top triangle is its nodes' level-2 module
    tree_file = tmp_path / "ours.tree"
    tree_file.write_text(render(result, "tree"))
    im = official(result.network, two_level=False, extra=f"--no-infomap --cluster-data {tree_file}")
    assert im.codelength == pytest.approx(result.codelength, abs=1e-9)
    for level in (1, 2, -1):  # the official reads our tree into the same modules at every level (its own numbers)
        theirs = im.get_modules(depth_level=level)
        assert len(set(zip(result.modules_at(level).values(), (theirs[k] for k in result.modules_at(level))))) == \
            len(set(theirs.values())) == len(set(result.modules_at(level).values()))
    rows = {r["node_id"]: r for r in result.to_rows()}
    seen = list(result.nodes())
    assert sorted(n.node_id for n in seen) == sorted(rows)
    for node_id, path, flow in seen:
        assert ":".join(map(str, path)) == rows[node_id]["path"] and flow == rows[node_id]["flow"]
    assert [n.path for n in seen] == sorted(n.path for n in seen)  # tree (depth-first) order
    tree = list(result.iter_tree())
    assert len(tree) == result.tree.size - 1 and [t.path for t in tree] == sorted(t.path for t in tree)
    top = [t for t in tree if len(t.path) == 1]
    assert len(top) == result.num_modules and sum(t.flow for t in top) == pytest.approx(1.0)
    assert all(t.node_id is None for t in tree if any(u.path[:len(t.path)] == t.path and u is not t for u in tree))
    assert [t.node_id for t in tree if t.node_id is not None] == [n.node_id for n in seen]
    small = run_infomap(net, num_trials=2)
    assert sum(n.flow for n in small.nodes()) == pytest.approx(1.0)


def test_igraph_and_pandas_stay_optional():
    import subprocess
    import sys

    code = ("import sys; from infomap_core import Network; Network.coerce([(1, 2), (2, 3)]); "
            "print(sorted(m for m in ('igraph', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
