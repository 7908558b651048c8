"""run_infomap and compute_codelength take what a user has at hand (networkx, scipy, numpy, a
list of links); results give rows and a networkx copy with the modules. Every result made here
is re-scored by the official Infomap (tests/conftest.py)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from infomap_core import InfomapOptions, Network, compute_codelength, run_infomap
from infomap_core.errors import NetworkError

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
