"""Variable Markov time against the official Infomap.

On hypothesis-drawn networks (weighted, self-links, repeated links, isolated nodes) under
every flow model (directed: with recorded teleportation, to nodes), with the damping and the minimum scale drawn, the codelength of any tree
equals the official's (``--variable-markov-time --no-infomap``) to 1e-9; the search is no
worse than the official's on classic networks (mean of seeds 1-5).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, compute_codelength, run_infomap
from infomap_core.errors import OptionError

from .oracle import flow_flags, official_run_on_paths, official_search_codelength
from .test_tree_oracle import networks, ragged_paths

MODELS = ["undirected", "directed", "undirdir", "outdirdir", "rawdir"]


def _vmt_flags(damping: float, min_scale: float) -> str:
    return (f"--variable-markov-time --variable-markov-damping {damping!r} "
            f"--variable-markov-min-scale {min_scale!r}")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_variable_markov_codelength_of_any_tree_equals_official(data):
    net = data.draw(networks())
    model = data.draw(st.sampled_from(MODELS))
    recorded = model == "directed" and data.draw(st.booleans())
    to_nodes = model == "directed" and data.draw(st.booleans())
    damping = data.draw(st.sampled_from([1.0, 0.0, 0.5, 0.25, 0.9]))
    min_scale = data.draw(st.sampled_from([1.0, 0.5, 2.0, 3.3]))
    markov_time = data.draw(st.sampled_from([1.0, 0.5, 2.0]))
    paths = data.draw(ragged_paths(net.num_nodes))
    ids = net.node_ids.tolist()
    options = InfomapOptions(flow_model=model, recorded_teleportation=recorded, to_nodes=to_nodes,
                             markov_time=markov_time,
                             variable_markov_time=True, variable_markov_damping=damping,
                             variable_markov_min_scale=min_scale)
    ours = compute_codelength(net, {ids[a]: p for a, p in paths.items()}, options)
    im = official_run_on_paths(net, paths, f"{flow_flags(model, recorded, to_nodes, markov_time)} "
                                           f"{_vmt_flags(damping, min_scale)}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs, theirs_one_level = float(im.codelength), float(im.one_level_codelength)
    assert ours.codelength == pytest.approx(theirs, rel=1e-9, abs=1e-12)
    assert ours.one_level_codelength == pytest.approx(theirs_one_level, rel=1e-9, abs=1e-12)


def test_variable_markov_changes_the_codelength_as_the_official():
    """Not a no-op: on a star with a tail the tail's links get the hub's scale (Markov time 2)."""
    net = Network.from_edges([(1, 2), (1, 3), (1, 4), (1, 5), (5, 6), (6, 7)])
    partition = {i: i for i in range(1, 8)}
    plain = compute_codelength(net, partition).codelength
    ours = compute_codelength(net, partition, InfomapOptions(variable_markov_time=True))
    im = official_run_on_paths(net, {a: (a + 1, 1) for a in range(7)}, "--variable-markov-time")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert ours.codelength == pytest.approx(float(im.codelength), rel=1e-12)
    assert ours.codelength > plain + 0.1
    src, tgt, _ = net.to_coo()
    tail = (src >= 4) & (tgt >= 4)  # the links 5-6 and 6-7 (indices 4, 5, 6)
    assert ours.flow.link_flow[tail] == pytest.approx(2 * compute_codelength(net, partition).flow.link_flow[tail])


def _search_ratio(name: str, two_level: bool) -> tuple[float, list, list]:
    from bench.quality import quality_networks

    net = quality_networks()[name]
    model = "directed" if net.directed else "undirected"
    level = " --two-level" if two_level else ""
    ours = [run_infomap(net, InfomapOptions(two_level=two_level, num_trials=10, seed=s, flow_model=model,
                                            variable_markov_time=True)).codelength for s in range(1, 6)]
    theirs = [official_search_codelength(net, f"--variable-markov-time --seed {s} --num-trials 10 "
                                              f"--flow-model {model}{level}") for s in range(1, 6)]
    return float(np.mean(ours) / np.mean(theirs)), ours, theirs


@pytest.mark.parametrize("two_level", [False, True], ids=["multilevel", "two-level"])
@pytest.mark.parametrize("name", ["karate", "ninetriangles.net", "jazz", "karate-d", "modular_wd.net-d", "jazz-d"])
def test_variable_markov_search_no_worse_than_official(name, two_level):
    ratio, ours, theirs = _search_ratio(name, two_level)
    assert ratio <= 1 + 1e-4, (name, ours, theirs)


@pytest.mark.parametrize("two_level", [False, True], ids=["multilevel", "two-level"])
def test_variable_markov_search_on_lesmis_directed(two_level):
    """The best basin lies behind a module merger (optimizer._pair_merge_restarts); before
    the restarts the search was +0.41% (multilevel) and +0.27% (two-level) here."""
    ratio, ours, theirs = _search_ratio("lesmis-d", two_level)
    assert ratio <= 1 + 1e-4, (ours, theirs)


@pytest.mark.parametrize("options,field", [
    (dict(variable_markov_damping=1.5), "variable_markov_damping"),
    (dict(variable_markov_damping=float("nan")), "variable_markov_damping"),
    (dict(variable_markov_min_scale=0.0), "variable_markov_min_scale"),
    (dict(variable_markov_time=True, regularized=True), "variable_markov_time"),
])
def test_bad_variable_markov_options_are_refused(options, field):
    with pytest.raises(OptionError) as info:
        InfomapOptions(**options)
    assert info.value.field == field


def test_variable_markov_refuses_state_networks():
    net = Network.from_states({1: 1, 2: 2, 3: 1}, [(1, 2), (2, 3), (3, 1)])
    with pytest.raises(OptionError) as info:
        compute_codelength(net, {1: 1, 2: 1, 3: 2}, InfomapOptions(variable_markov_time=True))
    assert info.value.field == "variable_markov_time"


def test_variable_markov_is_refused_by_the_distributed_mode():
    from infomap_core.distributed import check_options

    with pytest.raises(OptionError) as info:
        check_options(InfomapOptions(two_level=True, variable_markov_time=True))
    assert info.value.field == "variable_markov_time"  # the option named (the distributed mode runs markov_time)
