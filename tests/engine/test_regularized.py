"""The regularized map equation (Bayesian prior network) against the official Infomap.

On hypothesis-drawn networks (directed and undirected, weighted, with self-links, repeated
links and isolated nodes) the node flow and the codelength of any tree equal the official's
(``--regularized --no-infomap``); optimized, ours is no worse.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, compute_codelength, run_infomap
from infomap_core.errors import OptionError

from .oracle import official_run_on_paths, official_search_codelength
from .test_tree_oracle import networks, ragged_paths


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_regularized_flow_and_codelength_of_any_tree_equal_official(data):
    net = data.draw(networks())
    directed = data.draw(st.booleans())
    strength = data.draw(st.sampled_from([1.0, 0.3, 2.5]))
    paths = data.draw(ragged_paths(net.num_nodes))
    ids = net.node_ids.tolist()
    model = "directed" if directed else "undirected"
    ours = compute_codelength(net, {ids[a]: p for a, p in paths.items()},
                              InfomapOptions(flow_model=model, regularized=True, regularization_strength=strength))
    im = official_run_on_paths(net, paths, f"--flow-model {model} --regularized --regularization-strength {strength!r}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs, theirs_one_level = float(im.codelength), float(im.one_level_codelength)
        flow = {node.node_id: node.flow for node in im.get_nodes()}
    assert ours.flow.node_flow == pytest.approx([flow[a + 1] for a in range(net.num_nodes)], rel=1e-9, abs=1e-13)
    assert ours.codelength == pytest.approx(theirs, rel=1e-9, abs=1e-12)
    assert ours.one_level_codelength == pytest.approx(theirs_one_level, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("two_level", [False, True], ids=["multilevel", "two-level"])
def test_regularized_search_no_worse_than_official(two_level):
    from bench.quality import quality_networks

    for name in ("karate", "lesmis-d", "ninetriangles.net"):
        net = quality_networks()[name]
        model = "directed" if net.directed else "undirected"
        ours = [run_infomap(net, InfomapOptions(two_level=two_level, num_trials=5, seed=s, regularized=True,
                                                flow_model=model)).codelength for s in range(1, 4)]
        theirs = [official_search_codelength(net, f"--regularized --seed {s} --num-trials 5 --flow-model {model}"
                                              + (" --two-level" if two_level else "")) for s in range(1, 4)]
        assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-4), (name, ours, theirs)


@pytest.mark.parametrize("options,field", [
    (dict(regularization_strength=-1.0), "regularization_strength"),
    (dict(regularized=True, to_nodes=True), "to_nodes"),
    (dict(regularized=True, markov_time=2.0), "markov_time"),
    (dict(regularized=True, entropy_corrected=True), "entropy_corrected"),
])
def test_unsupported_regularized_combinations_are_refused(options, field):
    with pytest.raises(OptionError) as info:
        InfomapOptions(**options)
    assert info.value.field == field


@pytest.mark.parametrize("model", ["undirected", "directed"])
def test_huge_regularization_strength_is_the_prior_alone_or_refused(model):
    """Undirected, strength 1e308 overflowed the sum of the node strengths: every node flow was 0
    and the codelength 0.0 bits (the official fails there: 'Degenerate flow'). The walk is the
    prior alone long before (the official's codelength is the same from 1e100 to 1e200): ours at
    1e308 equals it; a strength whose prior weights overflow is refused naming the option."""
    from infomap_core import Network

    links = [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4)]
    net = Network.from_edges(links, directed=model == "directed")
    part = {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import infomap

        im = infomap.Infomap(f"--silent --two-level --no-infomap --flow-model {model} --regularized "
                             "--regularization-strength 1e200")
        for link in links:
            im.add_link(*link)
        im.run(initial_partition=part)
    ours = compute_codelength(net, part, InfomapOptions(flow_model=model, regularized=True,
                                                        regularization_strength=1e308))
    assert ours.flow.node_flow.sum() == pytest.approx(1.0)
    assert ours.codelength == pytest.approx(float(im.codelength), rel=1e-9)
    assert ours.one_level_codelength == pytest.approx(float(im.one_level_codelength), rel=1e-9)
    # 5,000 nodes: strength * ln N * sum f_in overflows
    src = np.arange(20_000) % 5_000
    many = Network.from_arrays(src, (src * 7 + 1) % 5_000, np.ones(20_000), directed=model == "directed")
    with pytest.raises(OptionError, match="too large") as info:
        compute_codelength(many, {int(i): 1 for i in many.node_ids},
                           InfomapOptions(flow_model=model, regularized=True, regularization_strength=1e308))
    assert info.value.field == "regularization_strength"
