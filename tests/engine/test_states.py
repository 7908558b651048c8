"""State (memory) networks against the official Infomap: flow, codelength of any tree, search.

A module codes each physical node once, at the summed flow of its state nodes in the
module. Hypothesis draws random state networks (states mapped to random physical nodes,
weighted links, dangling and isolated states) and random ragged trees of state nodes;
our flow and codelength must equal the official's (``add_state_node`` and
``--no-infomap -c`` with a state-level tree) to 1e-9.
"""

from __future__ import annotations

import warnings

import infomap
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, OptionError, compute_codelength, compute_flow, run_infomap

from .oracle import flow_flags, official_run_on_paths
from .test_tree_oracle import FLOW_CASES, ragged_paths


@st.composite
def state_networks(draw):
    num_physical = draw(st.integers(1, 8))
    num_states = draw(st.integers(2, 20))
    physical = draw(st.lists(st.integers(1, num_physical), min_size=num_states, max_size=num_states))
    m = draw(st.integers(1, 4 * num_states))
    src = draw(st.lists(st.integers(0, num_states - 1), min_size=m, max_size=m))
    tgt = draw(st.lists(st.integers(0, num_states - 1), min_size=m, max_size=m))
    weights = draw(st.lists(st.sampled_from([0.5, 1.0, 2.0, 3.7]), min_size=m, max_size=m))
    states = {s + 1: physical[s] for s in range(num_states)}
    return Network.from_states(states, [(a + 1, b + 1, w) for a, b, w in zip(src, tgt, weights)])


def _official(net: Network, flags: str, cluster_file: str | None = None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent {flags}" + (f" --cluster-data {cluster_file}" if cluster_file else ""))
        physical_ids = net.physical_ids.tolist()
        for a, state in enumerate(net.node_ids.tolist()):
            im.add_state_node(int(state), int(physical_ids[net.physical[a]]))
        src, tgt, w = net.to_coo()
        ids = net.node_ids
        for s, t, x in zip(src.tolist(), tgt.tolist(), w.tolist()):
            im.add_link(int(ids[s]), int(ids[t]), x)
        im.run()
        return im


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.data())
def test_state_network_flow_and_tree_codelength_equal_official(data):
    net = data.draw(state_networks())
    paths = data.draw(ragged_paths(net.num_nodes))  # by state index
    flow_model, recorded, to_nodes, markov_time = data.draw(st.sampled_from(FLOW_CASES))
    options = InfomapOptions(flow_model=flow_model, recorded_teleportation=recorded, to_nodes=to_nodes,
                             markov_time=markov_time)
    ours = compute_codelength(net, {int(net.node_ids[a]): p for a, p in paths.items()}, options)
    im = official_run_on_paths(net, paths, flow_flags(flow_model, recorded, to_nodes, markov_time))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        official_flow = {n.state_id: n.flow for n in im.get_nodes(states=True)}  # 1-based state indices
        theirs, theirs_one_level = float(im.codelength), float(im.one_level_codelength)
    flow = compute_flow(net, flow_model, recorded_teleportation=recorded, to_nodes=to_nodes,
                        markov_time=markov_time).node_flow
    np.testing.assert_allclose(flow, [official_flow[a + 1] for a in range(net.num_nodes)], rtol=1e-9, atol=1e-14)
    assert ours.codelength == pytest.approx(theirs, rel=1e-9, abs=1e-12)
    assert ours.one_level_codelength == pytest.approx(theirs_one_level, rel=1e-9, abs=1e-12)


def second_order(num_physical: int = 120, groups: int = 6, steps: int = 6000, seed: int = 1) -> Network:
    """A second-order state network from random walks on a planted network: the state
    of a step is (previous node, current node)."""
    rng = np.random.default_rng(seed)
    group = np.arange(num_physical) % groups
    node, previous = 0, 0
    transitions: dict = {}
    for _ in range(steps):
        same = np.nonzero(group == group[node])[0] if rng.random() < 0.9 else np.arange(num_physical)
        nxt = int(rng.choice(same))
        key = ((previous, node), (node, nxt))
        transitions[key] = transitions.get(key, 0) + 1
        previous, node = node, nxt
    states = {}
    for (a, b) in transitions:
        for state in (a, b):
            states.setdefault(state, state[1])
    index = {s: i for i, s in enumerate(states)}
    return Network.from_states({index[s]: p for s, p in states.items()},
                               [(index[a], index[b], float(w)) for (a, b), w in transitions.items()],
                               directed=True)


@pytest.mark.parametrize("two_level", [False, True], ids=["multilevel", "two-level"])
def test_state_network_search_no_worse_than_official(two_level):
    net = second_order()
    ours = [run_infomap(net, InfomapOptions(two_level=two_level, num_trials=5, seed=s)).codelength for s in range(1, 4)]
    theirs = []
    for s in range(1, 4):
        im = _official(net, f"--flow-model directed --seed {s} --num-trials 5" + (" --two-level" if two_level else ""))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            theirs.append(float(im.codelength))
    assert np.mean(ours) <= np.mean(theirs) * (1 + 1e-4)


def test_physical_node_can_sit_in_two_modules():
    """The official example (states.net, Figure 6): physical node i has a state in each module."""
    links = [(1, 2, 0.8), (1, 3, 0.8), (1, 5, 0.2), (1, 6, 0.2), (2, 1, 1), (2, 3, 1), (3, 1, 1), (3, 2, 1),
             (4, 5, 0.8), (4, 6, 0.8), (4, 2, 0.2), (4, 3, 0.2), (5, 4, 1), (5, 6, 1), (6, 4, 1), (6, 5, 1)]
    net = Network.from_states({1: "i", 2: "j", 3: "k", 4: "i", 5: "l", 6: "m"}, links)
    result = run_infomap(net, InfomapOptions(num_trials=5))
    assert result.codelength == pytest.approx(2.011405238445972, rel=1e-12)
    modules = result.module_ids(1)
    assert modules[0] != modules[3]  # states 1 and 4 are both physical node i


def test_preferred_number_of_modules_refused_on_state_networks():
    """The official Infomap ignores ``--preferred-number-of-modules`` on state networks (checked
    here): ours added ``|T - P|`` bits, so the same tree scored 1.0 bits where the official says 0
    (every state on one physical node, P = 2) and the search answered with other modules. Refused,
    naming the option, in scoring and search alike; first-order networks keep it."""
    states, links = {1: 1, 2: 1, 3: 2}, [(1, 2), (2, 3)]
    im = _official(Network.from_states(states, links), "--two-level --preferred-number-of-modules 3")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert float(im.codelength) == pytest.approx(float(im.one_level_codelength))  # no penalty there
    options = InfomapOptions(preferred_number_of_modules=3)
    for net in (Network.from_states(states, links), Network.from_multilayer(intra=[(1, 1, 2), (2, 1, 2)])):
        with pytest.raises(OptionError, match="preferred_number_of_modules") as info:
            run_infomap(net, options)
        assert info.value.field == "preferred_number_of_modules"
        with pytest.raises(OptionError, match="state"):
            compute_codelength(net, {int(i): 1 for i in net.node_ids}, options)
    assert run_infomap(Network.from_edges(links), options).num_modules >= 1


@st.composite
def extreme_state_networks(draw):
    """State networks as users send them: ids anywhere in int64 (up to 2^62, negative too), ragged
    (physical nodes with one state, states without links), self-links and repeated links, weights
    of one scale from 1e-300 to 1e300 or mixed over ten orders."""
    num_physical = draw(st.integers(1, 6))
    id_space = draw(st.sampled_from([(1, 60), (-2**62, 2**62)]))
    physical_ids = draw(st.lists(st.integers(*id_space), min_size=num_physical, max_size=num_physical, unique=True))
    state_ids = draw(st.lists(st.integers(*id_space), min_size=1, max_size=14, unique=True))
    states = {s: draw(st.sampled_from(physical_ids)) for s in state_ids}
    scale = draw(st.sampled_from([[1.0, 2.0, 0.5], [1e300, 3e299], [1e-300, 3e-299], [1e-5, 1.0, 1e5]]))
    links = draw(st.lists(st.tuples(st.sampled_from(state_ids), st.sampled_from(state_ids), st.sampled_from(scale)),
                          min_size=1, max_size=30))
    return states, links


def _official_relabelled(states: dict, links: list, flags: str, partition: dict):
    """The official (ids are unsigned 32-bit there) on the network relabelled 1..n by sorted id, with
    ``partition`` (by our state id) as its --no-infomap start: ({our state id: flow}, codelength)."""
    state_of = {s: k + 1 for k, s in enumerate(sorted(states))}
    physical_of = {p: k + 1 for k, p in enumerate(sorted(set(states.values())))}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        im = infomap.Infomap(f"--silent --two-level --no-infomap {flags}")
        for s, p in states.items():
            im.add_state_node(state_of[s], physical_of[p])
        for a, b, w in links:
            im.add_link(state_of[a], state_of[b], w)
        im.run(initial_partition={state_of[s]: m for s, m in partition.items()})
        flows = {n.state_id: n.flow for n in im.get_nodes(states=True)}
        return {s: flows.get(state_of[s], 0.0) for s in states}, float(im.codelength)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_extreme_state_networks_equal_the_official_relabelled(data):
    """Flow and the codelength of a random partition do not depend on how the states and physical
    nodes are numbered or on the weights' scale: ours on the ids as given equals the official's
    on ids 1..n."""
    states, links = data.draw(extreme_state_networks())
    flow_model, recorded, to_nodes, markov_time = data.draw(st.sampled_from(
        [("undirected", False, False, 1.0), ("directed", False, False, 1.0), ("directed", True, False, 1.0),
         ("directed", False, True, 1.0), ("rawdir", False, False, 1.0), ("undirected", False, False, 1e-3),
         ("directed", False, False, 1e3)]))
    net = Network.from_states(states, links, directed=flow_model != "undirected")
    ids = net.node_ids.tolist()
    partition = {s: data.draw(st.integers(1, 3)) for s in ids}
    options = InfomapOptions(flow_model=flow_model, recorded_teleportation=recorded, to_nodes=to_nodes,
                             markov_time=markov_time)
    ours = compute_codelength(net, partition, options)
    flows, codelength = _official_relabelled({s: states[s] for s in ids}, links,
                                             flow_flags(flow_model, recorded, to_nodes, markov_time), partition)
    np.testing.assert_allclose(ours.flow.node_flow, [flows[s] for s in ids], rtol=1e-9, atol=1e-14)
    # a codelength of ~0 is a cancellation of terms that Markov time t scales by t: the official's
    # rounding is ~1e-12 t there (three states of one physical node in one module, t = 1000:
    # official 1.3e-12 bits, ours exactly 0)
    assert ours.codelength == pytest.approx(codelength, rel=1e-9, abs=1e-12 * max(1.0, markov_time))
