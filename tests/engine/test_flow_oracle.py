"""Node flow and fixed-partition codelength equal the official Infomap's."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infomap_core import InfomapOptions, Network, compute_codelength, compute_flow

from .networks import karate, les_miserables, lfr, two_triangles, weighted_directed_with_dangling
from .oracle import codelength_of, official, official_flow

FLOW_CASES = [
    ("undirected", dict()),
    ("directed", dict()),
    ("directed recorded", dict(recorded=True)),
    ("directed to nodes", dict(to_nodes=True)),
    ("directed recorded to nodes", dict(recorded=True, to_nodes=True)),
    ("undirdir", dict(flow_model="undirdir")),
    ("outdirdir", dict(flow_model="outdirdir")),
    ("rawdir", dict(flow_model="rawdir")),
    ("directed markov time 2", dict(markov_time=2.0)),
]


def _ours_options(case: dict, directed: bool) -> dict:
    return dict(
        flow_model=case.get("flow_model") or ("directed" if directed else "undirected"),
        recorded_teleportation=case.get("recorded", False),
        to_nodes=case.get("to_nodes", False),
        markov_time=case.get("markov_time", 1.0),
    )


@pytest.mark.parametrize("name,case", FLOW_CASES, ids=[c[0] for c in FLOW_CASES])
def test_node_flow_equals_official(name, case):
    net = weighted_directed_with_dangling()
    if name == "undirected":
        net = Network.from_arrays(*[net.node_ids[a] for a in net.to_coo()[:2]], net.weights, directed=False)
    ours = compute_flow(net, **{k: v for k, v in _ours_options(case, net.directed).items()})
    im = official(net, partition={int(i): 1 for i in net.node_ids}, **case)
    np.testing.assert_allclose(ours.node_flow, official_flow(im, net), rtol=1e-9, atol=1e-14)


def _random_partition(net: Network, k: int, seed: int) -> dict:
    rng = np.random.default_rng(seed)
    ids = net.node_ids.tolist()
    return {i: int(m) for i, m in zip(ids, rng.integers(1, k + 1, len(ids)))}


@pytest.mark.parametrize("name,case", FLOW_CASES, ids=[c[0] for c in FLOW_CASES])
@pytest.mark.parametrize("k", [2, 5, 12])
def test_fixed_partition_codelength_directed_dangling(name, case, k):
    net = weighted_directed_with_dangling(seed=k)
    part = _random_partition(net, k, seed=k)
    ours = compute_codelength(net, part, InfomapOptions(**_ours_options(case, True)))
    im = official(net, partition=part, **case)
    assert ours.codelength == pytest.approx(codelength_of(im), rel=1e-9)


def test_two_triangles_known_values():
    net = two_triangles()
    result = compute_codelength(net, {1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2})
    assert result.codelength == pytest.approx(2.320730, abs=5e-7)
    assert result.one_level_codelength == pytest.approx(2.556657, abs=5e-7)
    assert result.relative_codelength_savings == pytest.approx(1 - 2.320730 / 2.556657, abs=1e-6)


@pytest.mark.parametrize("make", [two_triangles, karate, les_miserables], ids=["twotriangles", "karate", "lesmis"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fixed_partition_codelength_undirected(make, seed):
    net = make()
    part = _random_partition(net, 4, seed)
    ours = compute_codelength(net, part)
    im = official(net, partition=part)
    assert ours.codelength == pytest.approx(codelength_of(im), rel=1e-9)


def test_string_ids_partition():
    net = les_miserables()
    part = _random_partition(net, 4, 9)
    ours = compute_codelength(net, part)
    im = official(net, partition=part)
    assert ours.codelength == pytest.approx(codelength_of(im), rel=1e-9)


@pytest.mark.parametrize("mu", [0.1, 0.3, 0.5])
def test_fixed_partition_codelength_lfr(mu):
    net, truth = lfr(1000, mu)
    part = dict(zip(net.node_ids.tolist(), truth.tolist()))
    ours = compute_codelength(net, part)
    assert ours.codelength == pytest.approx(codelength_of(official(net, partition=part)), rel=1e-9)
    directed = Network.from_arrays(net.node_ids[net.sources()], net.node_ids[net.indices], directed=True)
    ours_d = compute_codelength(directed, part)
    assert ours_d.codelength == pytest.approx(codelength_of(official(directed, partition=part)), rel=1e-9)


def test_self_links_kept_and_scored_like_official():
    net = Network.from_edges([(1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4), (1, 1, 2.0), (5, 5, 0.5)])
    for part in ({1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2}, {i: i for i in range(1, 7)}):
        assert compute_codelength(net, part).codelength == pytest.approx(
            codelength_of(official(net, partition=part)), rel=1e-9)


def _exact_directed_flow(net: Network, recorded: bool) -> np.ndarray:
    """Node flow of the directed model without teleportation (tau = 0), from the stationary
    distribution solved as a linear system (no power iteration): dangling nodes teleport to
    links (by out-weight; in-weight when recorded); unrecorded flow is one step along the links
    over the non-dangling share."""
    src, tgt, w = net.to_coo()
    n = net.num_nodes
    out = np.bincount(src, weights=w, minlength=n)
    dangling = out == 0
    walk = _walk(net, recorded)
    system = np.vstack([walk.T - np.eye(n), np.ones(n)])
    p = np.linalg.lstsq(system, np.r_[np.zeros(n), 1.0], rcond=None)[0]
    if recorded:
        return p
    return np.bincount(tgt, weights=p[src] * w / out[src], minlength=n) / (1.0 - p[dangling].sum())


# Without teleportation, cycles through dangling nodes of lengths 2 and 4 (26 -> teleport ->
# 13 -> 26, 40 -> teleport -> 23 -> 48 -> 33 -> 40) make the walk periodic: the power iteration
# oscillated for its 400 iterations and reported 0.2499906 for node 26 instead of 0.2499888
# (the official: 0.24998875), node flows summing to 1 + 2e-8 on two dangling pairs.
PERIODIC = [(3, 23, 1e-05), (13, 45, 1), (25, 39, 1), (23, 39, 1.00001), (39, 41, 1), (33, 40, 2), (48, 33, 1),
            (25, 41, 1), (13, 26, 1e5), (23, 48, 1e5), (41, 40, 1e-05), (4, 39, 1), (14, 26, 1e-05), (25, 4, 1e-05)]


@pytest.mark.parametrize("recorded", [False, True])
@pytest.mark.parametrize("links", [PERIODIC, [(1, 2), (3, 4)], [(1, 2), (2, 3), (3, 4), (5, 6)]],
                         ids=["mixed periods", "two pairs", "path and pair"])
def test_directed_flow_without_teleportation_on_periodic_walks(links, recorded):
    net = Network.from_edges(links, directed=True)
    ours = compute_flow(net, "directed", teleportation_probability=0.0, recorded_teleportation=recorded).node_flow
    np.testing.assert_allclose(ours, _exact_directed_flow(net, recorded), rtol=1e-9, atol=1e-14)
    assert ours.sum() == pytest.approx(1.0, abs=1e-12)
    if links is PERIODIC and not recorded:
        im = official(net, partition={int(i): 1 for i in net.node_ids}, extra="--teleportation-probability 0")
        np.testing.assert_allclose(ours, official_flow(im, net), rtol=1e-9, atol=1e-14)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_directed_flow_without_teleportation_is_the_stationary_distribution(data):
    n = data.draw(st.integers(2, 12))
    m = data.draw(st.integers(1, 2 * n))
    links = [(data.draw(st.integers(0, n - 1)), data.draw(st.integers(0, n - 1)),
              data.draw(st.sampled_from([0.5, 1.0, 3.0]))) for _ in range(m)]
    net = Network.from_edges(links, directed=True)
    recorded = data.draw(st.booleans())
    ours = compute_flow(net, "directed", teleportation_probability=0.0, recorded_teleportation=recorded).node_flow
    exact = _exact_directed_flow(net, recorded)
    # a reducible walk (two closed classes) has many stationary distributions: only check unique ones
    n = net.num_nodes
    if np.linalg.matrix_rank(np.eye(n) - _walk(net, recorded).T, tol=1e-9) == n - 1:
        # (to 1e-9: stalled iterations add 1e-12 teleportation each, as the official adds some)
        np.testing.assert_allclose(ours, exact, rtol=1e-6, atol=1e-9)
    assert ours.sum() == pytest.approx(1.0, abs=1e-9)


def _walk(net: Network, recorded: bool) -> np.ndarray:
    src, tgt, w = net.to_coo()
    n = net.num_nodes
    out = np.bincount(src, weights=w, minlength=n)
    walk = np.zeros((n, n))
    np.add.at(walk, (src, tgt), w / out[src])
    walk[out == 0] = np.bincount(tgt if recorded else src, weights=w, minlength=n) / w.sum()
    return walk


@pytest.mark.parametrize("markov_time", [1e4, 1e6])
@pytest.mark.parametrize("flow_model", ["undirected", "directed"])
def test_one_module_at_a_large_markov_time_is_the_one_level_codelength(markov_time, flow_model):
    """A module of every node has no exit; its enter and exit were sums that cancel to round-off,
    1e-10 at Markov time 1e6, which cost 4e-9 bits: 3.5654483758 for the one-level 3.5654483718 (the
    official: 3.5654483718208256), as a score and as the search's answer."""
    from infomap_core import run_infomap

    ring = [(i, (i + 1) % 12) for i in range(12)] + [(0, 6)]
    net = Network.from_edges(ring, directed=flow_model == "directed")
    options = InfomapOptions(flow_model=flow_model, markov_time=markov_time)
    one = compute_codelength(net, {i: 1 for i in range(12)}, options)
    nested = compute_codelength(net, {i: "1:1" for i in range(12)}, options)
    assert one.codelength == pytest.approx(one.one_level_codelength, rel=1e-13)
    assert nested.codelength == pytest.approx(one.one_level_codelength, rel=1e-13)
    im = official(net, partition={i: 1 for i in range(12)}, flow_model=flow_model, markov_time=markov_time)
    assert one.codelength == pytest.approx(codelength_of(im), rel=1e-9)
    for two_level in (True, False):
        found = run_infomap(net, InfomapOptions(flow_model=flow_model, markov_time=markov_time, seed=1,
                                                two_level=two_level))
        assert found.codelength <= found.one_level_codelength * (1 + 1e-13)
