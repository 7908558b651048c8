"""``use_node_weights_as_flow`` (the official ``--use-node-weights-as-flow``): node flow is the
normalized node weights, link flow that of the undirected model; any tree scores as the official
scores it, on hypothesis-drawn networks."""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, compute_codelength
from infomap_core.errors import OptionError

from .oracle import official_run_on_paths
from .test_tree_oracle import networks, ragged_paths


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_node_weights_as_flow_of_any_tree_equal_official(data):
    net = data.draw(networks())
    paths = data.draw(ragged_paths(net.num_nodes))
    ids = net.node_ids.tolist()
    ours = compute_codelength(net, {ids[a]: p for a, p in paths.items()},
                              InfomapOptions(flow_model="undirected", use_node_weights_as_flow=True))
    im = official_run_on_paths(net, paths, "--flow-model undirected --use-node-weights-as-flow")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        flow = {node.node_id: node.flow for node in im.get_nodes()}
        theirs = float(im.codelength)
    assert ours.flow.node_flow == pytest.approx([flow[a + 1] for a in range(net.num_nodes)], rel=1e-9)
    assert ours.codelength == pytest.approx(theirs, rel=1e-9, abs=1e-12)


def test_node_weights_as_flow_needs_the_undirected_model():
    from infomap_core import Network

    with pytest.raises(OptionError) as info:
        compute_codelength(Network.from_edges([(1, 2), (2, 1)], directed=True), {1: 1, 2: 1},
                           InfomapOptions(use_node_weights_as_flow=True))
    assert info.value.field == "use_node_weights_as_flow"
